#pragma once

#include "gatewayinfo.h"

#include <QMainWindow>
#include <QPointer>
#include <QStringList>

class AppSettings;
class ConnectToolDialog;
class EngineClient;
class GatewayMonitor;
class GatewayStatusWidget;
class QListWidget;
class QSplitter;
class QStackedWidget;

// The main window (UI.md "Frame"): a navigation list on the left, the pages in a stack on the
// right, the gateway's state in the status bar. Remembers its geometry, the last page and the
// state of every QSplitter and QHeaderView inside it that has an object name.
class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    enum class Page { Dashboard, Providers, Models, Health, Logs, Settings };

    // All must outlive the window.
    MainWindow(EngineClient *client, GatewayMonitor *monitor, AppSettings *settings,
               GatewayInfo info, QWidget *parent = nullptr);
    ~MainWindow() override;

    void showPage(Page page);
    Page currentPage() const;
    QWidget *page(Page page) const;

    // Shows, un-minimizes and raises the window (tray "Open", a second launch).
    void bringToFront();
    // Opens the "Connect a tool" dialog (window-modal, non-blocking).
    void openConnectToolDialog();
    // Says something briefly in the status bar.
    void showStatusMessage(const QString &text);

    // True when a tray keeps the application alive: closing the window then only hides it.
    void setCloseHidesWindow(bool hide) { m_closeHidesWindow = hide; }

    // Writes geometry, last page, splitter and header states to the settings.
    void saveWindowState();

Q_SIGNALS:
    // The window was closed while a tray keeps the application running.
    void hiddenToTray();
    // The user asked to quit the application (Ctrl+Q).
    void quitRequested();
    // The user asked to restart the application (e.g. to apply a language).
    void restartRequested();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildPages();
    void addPage(Page page, const QString &id, const QString &iconName, const QString &label,
                 QWidget *widget);
    void restoreWindowState();

    EngineClient *m_client;
    GatewayMonitor *m_monitor;
    AppSettings *m_settings;
    GatewayInfo m_info;
    QSplitter *m_splitter;
    QListWidget *m_navigation;
    QStackedWidget *m_stack;
    GatewayStatusWidget *m_status;
    QStringList m_pageIds; // indexed by Page, as the stack
    QPointer<ConnectToolDialog> m_connectTool;
    bool m_closeHidesWindow = false;
};
