#include "gatewaystatuswidget.h"

#include "gatewaymonitor.h"
#include "statuscolors.h"

#include <QApplication>
#include <QClipboard>
#include <QEvent>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>
#include <QToolButton>

namespace {

QFrame *separator(QWidget *parent)
{
    auto *line = new QFrame(parent);
    line->setFrameShape(QFrame::VLine);
    line->setFrameShadow(QFrame::Sunken);
    return line;
}

} // namespace

GatewayStatusWidget::GatewayStatusWidget(GatewayMonitor *monitor, QString endpointUrl,
                                         QWidget *parent)
    : QWidget(parent)
    , m_monitor(monitor)
    , m_endpointUrl(std::move(endpointUrl))
    , m_dot(new QLabel(this))
    , m_endpoint(new QToolButton(this))
    , m_providers(new QLabel(this))
    , m_requests(new QLabel(this))
{
    m_endpoint->setObjectName(QStringLiteral("endpointButton"));
    m_endpoint->setAutoRaise(true);
    m_endpoint->setCursor(Qt::PointingHandCursor);
    m_endpoint->setToolTip(tr("Click to copy the endpoint URL"));
    m_providers->setObjectName(QStringLiteral("providersStatus"));
    m_requests->setObjectName(QStringLiteral("requestsStatus"));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 0, 8, 0);
    layout->setSpacing(8);
    layout->addWidget(m_dot);
    layout->addWidget(m_endpoint);
    layout->addWidget(separator(this));
    layout->addWidget(m_providers);
    layout->addWidget(separator(this));
    layout->addWidget(m_requests);
    layout->addStretch(1);

    connect(m_endpoint, &QToolButton::clicked, this, [this] {
        QApplication::clipboard()->setText(m_endpointUrl);
        Q_EMIT endpointCopied(m_endpointUrl);
    });
    connect(m_monitor, &GatewayMonitor::changed, this, &GatewayStatusWidget::refresh);
    refresh();
}

QString GatewayStatusWidget::endpointText() const
{
    return m_endpoint->text();
}

QString GatewayStatusWidget::providersText() const
{
    return m_providers->text();
}

QString GatewayStatusWidget::requestsText() const
{
    return m_requests->text();
}

void GatewayStatusWidget::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::LanguageChange)
        refresh();
    QWidget::changeEvent(event);
}

void GatewayStatusWidget::refresh()
{
    HealthLevel level = HealthLevel::Healthy;
    QString text;
    switch (m_monitor->state()) {
    case GatewayMonitor::State::Serving:
        text = tr("Serving on %1").arg(m_endpointUrl);
        break;
    case GatewayMonitor::State::Degraded:
        level = HealthLevel::Degraded;
        text = tr("Serving on %1 · some routes down").arg(m_endpointUrl);
        break;
    case GatewayMonitor::State::Down:
        level = HealthLevel::Down;
        text = tr("No usable route · %1").arg(m_endpointUrl);
        break;
    case GatewayMonitor::State::Paused:
        level = HealthLevel::Disabled;
        text = tr("Paused: requests to %1 get 503").arg(m_endpointUrl);
        break;
    }
    const int side = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_dot->setPixmap(StatusColors::dot(level).pixmap(QSize(side, side), devicePixelRatioF()));
    m_dot->setToolTip(StatusColors::label(level));
    m_endpoint->setText(text);
    QPalette palette = m_endpoint->palette();
    palette.setColor(QPalette::ButtonText,
                     level == HealthLevel::Healthy
                         ? QApplication::palette().color(QPalette::ButtonText)
                         : StatusColors::color(level));
    m_endpoint->setPalette(palette);

    m_providers->setText(
        tr("Providers: %1 / %2 up").arg(m_monitor->providersUp()).arg(m_monitor->providersTotal()));
    m_requests->setText(
        tr("%n request(s) in the last minute", nullptr, m_monitor->requestsLastMinute()));
}
