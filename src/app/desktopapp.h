#pragma once

#include "gatewayinfo.h"

#include <QObject>

#include <memory>

class AppSettings;
class EngineClient;
class EngineHost;
class GatewayMonitor;
class MainWindow;
class TrayController;

// The desktop side of the application: the window, the tray and their lifecycle around a
// running EngineHost (issue 4 "Tray and lifecycle"). Closing the window keeps serving in the
// tray (said once); without a tray host closing quits. Quit and restart end the event loop;
// main() then stops the engine, which flushes the request log.
class DesktopApp final : public QObject
{
    Q_OBJECT

public:
    // host and settings must outlive this object; the host must be started.
    DesktopApp(EngineHost *host, AppSettings *settings, GatewayInfo info,
               QObject *parent = nullptr);
    ~DesktopApp() override;

    // Creates the window and the tray. The window is shown unless `minimized` and a tray
    // exists to bring it back.
    void start(bool minimized);
    // Shows and raises the window (a second launch).
    void activate();
    // True when the user asked for a restart (e.g. to apply a new language).
    bool restartRequested() const { return m_restart; }

    MainWindow *window() const { return m_window.get(); }

private:
    void quit();

    AppSettings *m_settings;
    GatewayInfo m_info;
    std::unique_ptr<EngineClient> m_client;
    std::unique_ptr<GatewayMonitor> m_monitor;
    std::unique_ptr<TrayController> m_tray;
    std::unique_ptr<MainWindow> m_window;
    bool m_restart = false;
};
