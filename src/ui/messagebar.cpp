#include "messagebar.h"

#include "icons.h"
#include "statuscolors.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTimer>
#include <QToolButton>

#include <utility>

namespace {
constexpr int InfoMs = 10000;
}

MessageBar::MessageBar(QWidget *parent)
    : QWidget(parent)
    , m_text(new QLabel(this))
    , m_action(new QPushButton(this))
    , m_timer(new QTimer(this))
{
    setObjectName(QStringLiteral("messageBar"));
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_action->setAutoDefault(false);
    m_action->hide();
    auto *close = new QToolButton(this);
    close->setAutoRaise(true);
    close->setText(QStringLiteral("×"));
    close->setToolTip(tr("Dismiss"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 4);
    layout->setSpacing(8);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_action);
    layout->addWidget(close);
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &QWidget::hide);
    connect(close, &QToolButton::clicked, this, &QWidget::hide);
    connect(m_action, &QPushButton::clicked, this, [this] {
        hide();
        if (auto callback = std::exchange(m_callback, nullptr))
            callback();
    });
    hide();
}

void MessageBar::showInfo(const QString &text, const QString &actionText,
                          std::function<void()> action)
{
    m_callback = std::move(action);
    m_action->setText(actionText);
    m_action->setVisible(m_callback && !actionText.isEmpty());
    display(text, false);
    m_timer->start(InfoMs);
}

void MessageBar::showError(const QString &text)
{
    m_callback = nullptr;
    m_action->hide();
    m_timer->stop();
    display(text, true);
}

void MessageBar::display(const QString &text, bool error)
{
    QPalette palette = m_text->palette();
    palette.setColor(QPalette::WindowText,
                     error ? StatusColors::color(HealthLevel::Down)
                           : QWidget::palette().color(QPalette::WindowText));
    m_text->setPalette(palette);
    m_text->setText(text);
    QWidget::show();
}

QString MessageBar::text() const
{
    return isVisible() || !m_text->text().isEmpty() ? m_text->text() : QString();
}
