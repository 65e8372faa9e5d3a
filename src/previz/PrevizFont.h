// A tiny built-in 5x7 block font for previz lettering (name tags, caption strip). It needs no
// QGuiApplication and no system fonts, so previz frames draw on any thread and come out
// byte-identical on every machine.
#pragma once

#include <QColor>
#include <QPointF>
#include <QString>

class QPainter;

namespace shotcraft::previz {

class PrevizFont {
public:
    // Width in pixels of `text` set at `capHeight` (the height of a capital letter).
    static qreal textWidth(const QString &text, qreal capHeight);
    // Draws `text` (folded to upper case, accents dropped) with its cap top-left at `topLeft`.
    static void drawText(QPainter &painter, QPointF topLeft, const QString &text, qreal capHeight,
                         const QColor &colour);
    // The text as the font can set it: upper case, accents dropped, unknown characters as '?'.
    static QString fold(const QString &text);
};

} // namespace shotcraft::previz
