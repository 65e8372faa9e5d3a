// The contact sheet lays frames out in a grid, in order, with their labels and captions, keeps
// each frame's shape, marks frames not generated yet, and refuses an empty or impossible sheet.
#include "export/ContactSheet.h"

#include <QTemporaryDir>
#include <QTest>

using namespace shotcraft;
using namespace shotcraft::exporting;

namespace {
QImage solid(const QColor &colour, QSize size = QSize(160, 90)) {
    QImage image(size, QImage::Format_RGB32);
    image.fill(colour);
    return image;
}
} // namespace

class TestContactSheet : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void framesInOrderInAGrid();
    void captionsAreDrawn();
    void otherShapesAreLetterboxed();
    void refusesNothingToShow();
    void savesAndLoads();
};

void TestContactSheet::framesInOrderInAGrid() {
    const QList<QColor> colours = {Qt::red, Qt::green, Qt::blue, Qt::yellow, Qt::magenta};
    QList<ContactSheetFrame> frames;
    for (int i = 0; i < colours.size(); ++i)
        frames.append({solid(colours[i]), QString::number(i + 1), QStringLiteral("WS · 24mm")});
    frames.append({QImage(), QStringLiteral("6"), QStringLiteral("not yet")});
    ContactSheetOptions options;
    options.columns = 2;
    options.cellWidth = 200;
    options.title = QStringLiteral("Brick & Steel");
    const Result<QImage> sheet = ContactSheet::render(frames, options);
    QVERIFY2(sheet.ok(), qPrintable(sheet.error()));
    // Three rows of two: each frame's colour sits in its own cell, left to right, top to bottom.
    QList<QPointF> found;
    for (const QColor &c : colours) {
        double sx = 0, sy = 0;
        int n = 0;
        for (int y = 0; y < sheet->height(); ++y)
            for (int x = 0; x < sheet->width(); ++x)
                if (sheet->pixel(x, y) == c.rgb()) {
                    sx += x;
                    sy += y;
                    ++n;
                }
        // A 200-wide 16:9 cell holds about 200x112 pixels of colour.
        QVERIFY2(n > 200 * 100, qPrintable(QStringLiteral("%1 pixels of %2").arg(n).arg(c.name())));
        found.append(QPointF(sx / n, sy / n));
    }
    QVERIFY(found[0].x() < found[1].x() && std::abs(found[0].y() - found[1].y()) < 1);
    QVERIFY(found[2].y() > found[0].y() && std::abs(found[2].x() - found[0].x()) < 1);
    QVERIFY(found[4].y() > found[2].y());
    QVERIFY(sheet->width() < 2 * 200 + 3 * 20 + 1);
}

void TestContactSheet::captionsAreDrawn() {
    ContactSheetOptions options;
    options.columns = 1;
    options.cellWidth = 240;
    const QImage bare = *ContactSheet::render({{solid(Qt::gray), QString(), QString()}}, options);
    const QImage captioned = *ContactSheet::render(
        {{solid(Qt::gray), QStringLiteral("12A"), QStringLiteral("MCU · 50mm")}}, options);
    QCOMPARE(bare.size(), captioned.size());
    int inked = 0;
    for (int y = 0; y < bare.height(); ++y)
        for (int x = 0; x < bare.width(); ++x)
            if (bare.pixel(x, y) != captioned.pixel(x, y))
                ++inked;
    QVERIFY(inked > 50);
}

void TestContactSheet::otherShapesAreLetterboxed() {
    ContactSheetOptions options;
    options.columns = 1;
    options.cellWidth = 320;
    // A square frame in a 16:9 cell: pillarboxed, so its colour is as tall as the cell but narrower.
    const QImage sheet =
        *ContactSheet::render({{solid(Qt::cyan, QSize(100, 100)), QString(), QString()}}, options);
    int minX = sheet.width(), maxX = 0, minY = sheet.height(), maxY = 0;
    for (int y = 0; y < sheet.height(); ++y)
        for (int x = 0; x < sheet.width(); ++x)
            if (sheet.pixel(x, y) == QColor(Qt::cyan).rgb()) {
                minX = std::min(minX, x);
                maxX = std::max(maxX, x);
                minY = std::min(minY, y);
                maxY = std::max(maxY, y);
            }
    const int w = maxX - minX + 1;
    const int h = maxY - minY + 1;
    QVERIFY(std::abs(w - h) <= 2);
    QVERIFY(std::abs(h - 180) <= 2);
}

void TestContactSheet::refusesNothingToShow() {
    const Result<QImage> empty = ContactSheet::render({});
    QVERIFY(!empty.ok());
    QVERIFY(!empty.error().isEmpty());
    ContactSheetOptions bad;
    bad.columns = 0;
    QVERIFY(!ContactSheet::render({{solid(Qt::red), {}, {}}}, bad).ok());
    ContactSheetOptions huge;
    huge.columns = 1;
    huge.cellWidth = 4000;
    QList<ContactSheetFrame> many(20, ContactSheetFrame{QImage(), {}, {}});
    QVERIFY(!ContactSheet::render(many, huge).ok());
}

void TestContactSheet::savesAndLoads() {
    QTemporaryDir dir;
    const QImage sheet = *ContactSheet::render({{solid(Qt::red), QStringLiteral("1"), QStringLiteral("x")}});
    const QString path = dir.filePath(QStringLiteral("sheet.png"));
    QVERIFY(ContactSheet::save(sheet, path).ok());
    QCOMPARE(QImage(path).size(), sheet.size());
    const Status bad = ContactSheet::save(sheet, dir.filePath(QStringLiteral("missing/dir/sheet.png")));
    QVERIFY(!bad.ok());
}

QTEST_MAIN(TestContactSheet)
#include "tst_contactsheet.moc"
