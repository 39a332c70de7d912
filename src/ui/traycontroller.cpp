#include "traycontroller.h"

#include "appsettings.h"
#include "engineclient.h"
#include "gatewaymonitor.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QMenu>
#include <QSystemTrayIcon>

TrayController::TrayController(EngineClient *client, GatewayMonitor *monitor, AppSettings *settings,
                               QString endpointUrl, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_monitor(monitor)
    , m_settings(settings)
    , m_endpointUrl(std::move(endpointUrl))
    , m_menu(new QMenu)
    , m_pause(nullptr)
    , m_tray(new QSystemTrayIcon(this))
{
    QAction *open = m_menu->addAction(Icons::icon(QStringLiteral("open")), tr("Open"));
    connect(open, &QAction::triggered, this, &TrayController::openRequested);
    m_menu->setDefaultAction(open);
    QAction *copy = m_menu->addAction(Icons::icon(QStringLiteral("copy")), tr("Copy endpoint URL"));
    connect(copy, &QAction::triggered, this,
            [this] { QApplication::clipboard()->setText(m_endpointUrl); });
    m_pause = m_menu->addAction(QString());
    connect(m_pause, &QAction::triggered, this,
            [this] { m_client->setPaused(!m_client->isPaused()); });
    QAction *connectTool
        = m_menu->addAction(Icons::icon(QStringLiteral("connect")), tr("Connect a tool…"));
    connect(connectTool, &QAction::triggered, this, &TrayController::connectToolRequested);
    m_menu->addSeparator();
    QAction *quit = m_menu->addAction(Icons::icon(QStringLiteral("quit")), tr("Quit"));
    connect(quit, &QAction::triggered, this, &TrayController::quitRequested);

    m_tray->setContextMenu(m_menu);
    connect(m_tray, &QSystemTrayIcon::activated, this,
            [this](QSystemTrayIcon::ActivationReason reason) {
                if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
                    Q_EMIT openRequested();
            });
    connect(m_monitor, &GatewayMonitor::changed, this, &TrayController::updateState);
    connect(m_monitor, &GatewayMonitor::providerDown, this, [this](const QString &provider) {
        notify(tr("Provider down"),
               tr("%1 is not answering; its routes are skipped until it recovers.").arg(provider));
    });
    connect(m_monitor, &GatewayMonitor::providerRecovered, this, [this](const QString &provider) {
        notify(tr("Provider recovered"), tr("%1 is answering again.").arg(provider));
    });
    updateState();
}

TrayController::~TrayController()
{
    delete m_menu;
}

bool TrayController::isAvailable()
{
    return QSystemTrayIcon::isSystemTrayAvailable();
}

void TrayController::show()
{
    m_tray->show();
}

void TrayController::hide()
{
    m_tray->hide();
}

QString TrayController::toolTip() const
{
    return m_tray->toolTip();
}

void TrayController::showCloseNoticeOnce()
{
    if (m_settings->closeToTrayNoticeShown())
        return;
    m_settings->setCloseToTrayNoticeShown(true);
    m_tray->showMessage(tr("Still serving"),
                        tr("LLM Orchestrator keeps serving on %1 from the tray. "
                           "Choose Quit in the tray menu to stop it.")
                            .arg(m_endpointUrl),
                        QSystemTrayIcon::Information);
}

void TrayController::notify(const QString &title, const QString &message)
{
    if (m_settings->notifyProviderChanges() && m_tray->isVisible())
        m_tray->showMessage(title, message, QSystemTrayIcon::Warning);
}

void TrayController::updateState()
{
    QString status;
    switch (m_monitor->state()) {
    case GatewayMonitor::State::Serving:
        m_state = Icons::TrayState::Serving;
        status = tr("Serving on %1").arg(m_endpointUrl);
        break;
    case GatewayMonitor::State::Degraded:
        m_state = Icons::TrayState::Degraded;
        status = tr("Serving on %1, some routes down").arg(m_endpointUrl);
        break;
    case GatewayMonitor::State::Down:
        m_state = Icons::TrayState::Down;
        status = tr("No usable route on %1").arg(m_endpointUrl);
        break;
    case GatewayMonitor::State::Paused:
        m_state = Icons::TrayState::Paused;
        status = tr("Paused");
        break;
    }
    m_tray->setIcon(Icons::trayIcon(m_state));
    m_tray->setToolTip(tr("LLM Orchestrator") + QLatin1Char('\n') + status);
    const bool paused = m_client->isPaused();
    m_pause->setText(paused ? tr("Resume gateway") : tr("Pause gateway"));
    m_pause->setIcon(Icons::icon(paused ? QStringLiteral("resume") : QStringLiteral("pause")));
}
