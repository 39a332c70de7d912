#include "desktopapp.h"

#include "appsettings.h"
#include "engineclient.h"
#include "enginehost.h"
#include "gatewaymonitor.h"
#include "mainwindow.h"
#include "traycontroller.h"

#include <QApplication>

DesktopApp::DesktopApp(EngineHost *host, AppSettings *settings, GatewayInfo info, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_info(std::move(info))
    , m_client(std::make_unique<EngineClient>(host->engine(), host->logWriter()))
    , m_monitor(std::make_unique<GatewayMonitor>(m_client.get()))
{
}

DesktopApp::~DesktopApp()
{
    if (m_window)
        m_window->saveWindowState();
    // The window and tray use the monitor and client: they go first.
    m_window.reset();
    m_tray.reset();
    m_monitor.reset();
    m_client.reset();
}

void DesktopApp::start(bool minimized)
{
    m_window = std::make_unique<MainWindow>(m_client.get(), m_monitor.get(), m_settings, m_info);
    connect(m_window.get(), &MainWindow::quitRequested, this, &DesktopApp::quit);
    connect(m_window.get(), &MainWindow::restartRequested, this, [this] {
        m_restart = true;
        quit();
    });

    const bool tray = TrayController::isAvailable();
    if (tray) {
        m_tray = std::make_unique<TrayController>(m_client.get(), m_monitor.get(), m_settings,
                                                  m_info.endpointUrl);
        connect(m_tray.get(), &TrayController::openRequested, this, &DesktopApp::activate);
        connect(m_tray.get(), &TrayController::connectToolRequested, m_window.get(),
                &MainWindow::openConnectToolDialog);
        connect(m_tray.get(), &TrayController::quitRequested, this, &DesktopApp::quit);
        connect(m_window.get(), &MainWindow::hiddenToTray, m_tray.get(),
                &TrayController::showCloseNoticeOnce);
        m_tray->show();
    }
    // With a tray the application lives on when the window closes; without one, closing the
    // window is quitting.
    m_window->setCloseHidesWindow(tray);
    QApplication::setQuitOnLastWindowClosed(!tray);
    if (!(minimized && tray))
        m_window->show();
}

void DesktopApp::activate()
{
    if (m_window)
        m_window->bringToFront();
}

void DesktopApp::quit()
{
    if (m_window)
        m_window->saveWindowState();
    QCoreApplication::quit();
}
