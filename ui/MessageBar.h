// A non-modal message strip above the storyboard: errors and notices appear here (never a modal
// box, never silence) and can be dismissed; information hides itself after a few seconds.
#pragma once

#include <QFrame>

class QLabel;
class QTimer;

namespace shotcraft::ui {

class MessageBar : public QFrame {
    Q_OBJECT
public:
    enum class Kind { Information, Warning, Error };
    explicit MessageBar(QWidget *parent = nullptr);

    void showMessage(const QString &text, Kind kind = Kind::Information);
    QString text() const;
    Kind kind() const { return m_kind; }

private:
    QLabel *m_label;
    QTimer *m_hideTimer;
    Kind m_kind = Kind::Information;
};

} // namespace shotcraft::ui
