#pragma once

#include "routing/circuitbreaker.h"

#include <QByteArray>
#include <QString>
#include <QVariant>

#include <memory>

class QSettings;

// The desktop application's own settings, typed, with their defaults in one place
// (appsettings.cpp) and a version number for migrations (qBittorrent settingvalue.h /
// upgrade.cpp style). Gateway configuration (providers, models, keys) is not here: it lives in
// the database behind ConfigService. Command-line options and environment variables beat the
// values stored here (DESIGN.md "Command line and environment").
//
// Not thread-safe; the GUI thread owns it.
class AppSettings final
{
public:
    static constexpr int CurrentVersion = 1;

    // The platform's settings store for this application.
    AppSettings();
    // An INI file at `path` (tests, portable installs).
    explicit AppSettings(const QString &path);
    ~AppSettings();

    AppSettings(const AppSettings &) = delete;
    AppSettings &operator=(const AppSettings &) = delete;

    int version() const;
    QString fileName() const;
    void sync();

    // Gateway: read at start; changes take effect on restart.
    quint16 port() const;
    void setPort(quint16 port);
    QString bindAddress() const;
    void setBindAddress(const QString &address);
    qint64 maxBodyBytes() const;
    void setMaxBodyBytes(qint64 bytes);

    // Passive health check thresholds; applied to the running gateway at once.
    CircuitBreakerSettings breaker() const;
    void setBreaker(const CircuitBreakerSettings &breaker);

    // Startup.
    bool startMinimized() const;
    void setStartMinimized(bool minimized);

    // "" follows the system, otherwise a locale name ("en", "zh_CN").
    QString language() const;
    void setLanguage(const QString &language);

    // Request log rows older than this many days are deleted; 0 keeps them forever.
    int logRetentionDays() const;
    void setLogRetentionDays(int days);

    // Tray.
    bool closeToTrayNoticeShown() const;
    void setCloseToTrayNoticeShown(bool shown);
    bool notifyProviderChanges() const;
    void setNotifyProviderChanges(bool notify);

    // Window state: geometry, last page, and opaque states of splitters and table headers
    // stored under a widget's object name.
    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray &geometry);
    QString lastPage() const;
    void setLastPage(const QString &page);
    QByteArray widgetState(const QString &objectName) const;
    void setWidgetState(const QString &objectName, const QByteArray &state);

private:
    QVariant value(const char *key) const;
    void setValue(const char *key, const QVariant &value);
    // Brings settings written by an older version up to CurrentVersion.
    void migrate();

    std::unique_ptr<QSettings> m_settings;
};
