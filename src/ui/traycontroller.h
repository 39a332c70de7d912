#pragma once

#include "icons.h"

#include <QObject>
#include <QString>

class AppSettings;
class EngineClient;
class GatewayMonitor;
class QAction;
class QMenu;
class QSystemTrayIcon;

// The system tray icon and its menu (issue 4 "Tray and lifecycle"). The icon shows the
// gateway's state; the menu opens the window, copies the endpoint URL, pauses or resumes the
// gateway, opens "Connect a tool" and quits. Optional notifications tell when a provider
// goes down or recovers.
class TrayController final : public QObject
{
    Q_OBJECT

public:
    // All must outlive the controller. Call isAvailable() first: without a tray host the
    // application has no tray and closing the window quits.
    TrayController(EngineClient *client, GatewayMonitor *monitor, AppSettings *settings,
                   QString endpointUrl, QObject *parent = nullptr);
    ~TrayController() override;

    static bool isAvailable();

    void show();
    void hide();

    // The state the icon shows now.
    Icons::TrayState trayState() const { return m_state; }
    QString toolTip() const;
    QMenu *menu() const { return m_menu; }
    QAction *pauseAction() const { return m_pause; }

    // Says once that closing the window keeps the gateway serving in the tray.
    void showCloseNoticeOnce();

Q_SIGNALS:
    void openRequested();
    void connectToolRequested();
    void quitRequested();

private:
    void updateState();
    void notify(const QString &title, const QString &message);

    EngineClient *m_client;
    GatewayMonitor *m_monitor;
    AppSettings *m_settings;
    QString m_endpointUrl;
    QMenu *m_menu;
    QAction *m_pause;
    QSystemTrayIcon *m_tray;
    Icons::TrayState m_state = Icons::TrayState::Serving;
};
