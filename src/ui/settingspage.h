#pragma once

#include "gatewayinfo.h"

#include <QWidget>

class AccessKeysPanel;
class AppSettings;
class EngineClient;
class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QVBoxLayout;

// The settings page (UI.md "Settings"): Gateway (port, bind address with a warning when not
// loopback, pause), Access keys, Admin API token, Startup (start at login, start minimized,
// notifications), Language, Data (location, log retention) and Advanced (breaker thresholds,
// body limit). Each change is saved at once; what needs a restart says so and offers one.
class SettingsPage final : public QWidget
{
    Q_OBJECT

public:
    SettingsPage(EngineClient *client, AppSettings *settings, const GatewayInfo &info,
                 QWidget *parent = nullptr);

    // True when `address` is a loopback address (only this machine can connect).
    static bool isLoopback(const QString &address);

    QString bindWarning() const;
    QString restartNote() const;
    AccessKeysPanel *accessKeys() const { return m_accessKeys; }

Q_SIGNALS:
    void restartRequested();

private:
    QFormLayout *addSection(QVBoxLayout *layout, const QString &title, const QString &help = {});
    void updateGatewayNotes();
    void updatePause();
    void applyBreaker();

    EngineClient *m_client;
    AppSettings *m_settings;
    GatewayInfo m_info;
    QSpinBox *m_port;
    QComboBox *m_bind;
    QLabel *m_bindWarning;
    QLabel *m_restartNote;
    QPushButton *m_restart;
    QPushButton *m_pause;
    QLabel *m_pauseState;
    AccessKeysPanel *m_accessKeys;
    QLineEdit *m_adminToken;
    QCheckBox *m_startAtLogin;
    QLabel *m_startAtLoginError;
    QCheckBox *m_startMinimized;
    QCheckBox *m_notify;
    QComboBox *m_language;
    QSpinBox *m_retention;
    QSpinBox *m_failureThreshold;
    QSpinBox *m_openSeconds;
    QSpinBox *m_halfOpenSuccesses;
    QSpinBox *m_bodyLimit;
    QString m_startLanguage;
    int m_startRetention;
    qint64 m_startBodyLimit;
    quint16 m_startPort;
    QString m_startBind;
};
