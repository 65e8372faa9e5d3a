#include "MessageBar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QTimer>
#include <QToolButton>

namespace shotcraft::ui {

MessageBar::MessageBar(QWidget *parent)
    : QFrame(parent)
    , m_label(new QLabel(this))
    , m_hideTimer(new QTimer(this)) {
    setObjectName(QStringLiteral("messageBar"));
    setFrameShape(QFrame::StyledPanel);
    m_label->setWordWrap(true);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *close = new QToolButton(this);
    close->setText(QStringLiteral("\u2715"));
    close->setAutoRaise(true);
    close->setToolTip(tr("Dismiss"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 4, 4);
    layout->addWidget(m_label, 1);
    layout->addWidget(close);
    m_hideTimer->setSingleShot(true);
    connect(m_hideTimer, &QTimer::timeout, this, &QWidget::hide);
    connect(close, &QToolButton::clicked, this, &QWidget::hide);
    hide();
}

void MessageBar::showMessage(const QString &text, Kind kind) {
    m_kind = kind;
    m_label->setText(text);
    const char *colour = kind == Kind::Error ? "#c0392b" : kind == Kind::Warning ? "#b9770e" : "#2e6da4";
    setStyleSheet(
        QStringLiteral("#messageBar { background: %1; border-radius: 4px; } QLabel { color: white; }")
            .arg(QLatin1String(colour)));
    show();
    // Errors stay until dismissed; the rest step aside on their own.
    if (kind == Kind::Error)
        m_hideTimer->stop();
    else
        m_hideTimer->start(6000);
}

QString MessageBar::text() const {
    return m_label->text();
}

} // namespace shotcraft::ui
