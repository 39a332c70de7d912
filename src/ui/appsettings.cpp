#include "appsettings.h"

#include <QSettings>

namespace {

struct Default
{
    const char *key;
    QVariant value;
};

// Every setting's key and default value.
const Default Defaults[] = {
    { "gateway/port", 8640 },
    { "gateway/bind", QStringLiteral("127.0.0.1") },
    { "gateway/maxBodyBytes", qint64(32) * 1024 * 1024 },
    { "breaker/failureThreshold", CircuitBreakerSettings().failureThreshold },
    { "breaker/openDurationMs", CircuitBreakerSettings().openDurationMs },
    { "breaker/halfOpenSuccesses", CircuitBreakerSettings().halfOpenSuccesses },
    { "startup/minimized", false },
    { "ui/language", QString() },
    { "data/logRetentionDays", 30 },
    { "tray/closeNoticeShown", false },
    { "tray/notifyProviderChanges", true },
    { "window/geometry", QByteArray() },
    { "window/page", QString() },
};

QVariant defaultOf(const char *key)
{
    for (const Default &entry : Defaults) {
        if (qstrcmp(entry.key, key) == 0)
            return entry.value;
    }
    Q_ASSERT_X(false, "AppSettings", key);
    return {};
}

QString widgetKey(const QString &objectName)
{
    return QStringLiteral("window/state/") + objectName;
}

} // namespace

AppSettings::AppSettings()
    : m_settings(std::make_unique<QSettings>(QSettings::UserScope,
                                             QStringLiteral("llm-orchestrator"),
                                             QStringLiteral("llm-orchestrator")))
{
    migrate();
}

AppSettings::AppSettings(const QString &path)
    : m_settings(std::make_unique<QSettings>(path, QSettings::IniFormat))
{
    migrate();
}

AppSettings::~AppSettings() = default;

void AppSettings::migrate()
{
    int version = m_settings->value(QStringLiteral("version"), 0).toInt();
    // Version 0 is a fresh store or one from before versioning: nothing to convert yet. Later
    // versions add a step here per version, e.g. `if (version < 2) { rename a key; }`.
    if (version < 1)
        version = 1;
    if (m_settings->value(QStringLiteral("version")).toInt() != version)
        m_settings->setValue(QStringLiteral("version"), version);
}

int AppSettings::version() const
{
    return m_settings->value(QStringLiteral("version"), 0).toInt();
}

QString AppSettings::fileName() const
{
    return m_settings->fileName();
}

void AppSettings::sync()
{
    m_settings->sync();
}

QVariant AppSettings::value(const char *key) const
{
    return m_settings->value(QLatin1String(key), defaultOf(key));
}

void AppSettings::setValue(const char *key, const QVariant &value)
{
    m_settings->setValue(QLatin1String(key), value);
}

quint16 AppSettings::port() const
{
    const int port = value("gateway/port").toInt();
    return port > 0 && port <= 65535 ? quint16(port) : quint16(defaultOf("gateway/port").toInt());
}

void AppSettings::setPort(quint16 port)
{
    setValue("gateway/port", port);
}

QString AppSettings::bindAddress() const
{
    const QString address = value("gateway/bind").toString().trimmed();
    return address.isEmpty() ? defaultOf("gateway/bind").toString() : address;
}

void AppSettings::setBindAddress(const QString &address)
{
    setValue("gateway/bind", address.trimmed());
}

qint64 AppSettings::maxBodyBytes() const
{
    const qint64 bytes = value("gateway/maxBodyBytes").toLongLong();
    return bytes > 0 ? bytes : defaultOf("gateway/maxBodyBytes").toLongLong();
}

void AppSettings::setMaxBodyBytes(qint64 bytes)
{
    setValue("gateway/maxBodyBytes", bytes);
}

CircuitBreakerSettings AppSettings::breaker() const
{
    CircuitBreakerSettings breaker;
    breaker.failureThreshold = qMax(1, value("breaker/failureThreshold").toInt());
    breaker.openDurationMs = qMax<qint64>(1000, value("breaker/openDurationMs").toLongLong());
    breaker.halfOpenSuccesses = qMax(1, value("breaker/halfOpenSuccesses").toInt());
    return breaker;
}

void AppSettings::setBreaker(const CircuitBreakerSettings &breaker)
{
    setValue("breaker/failureThreshold", breaker.failureThreshold);
    setValue("breaker/openDurationMs", breaker.openDurationMs);
    setValue("breaker/halfOpenSuccesses", breaker.halfOpenSuccesses);
}

bool AppSettings::startMinimized() const
{
    return value("startup/minimized").toBool();
}

void AppSettings::setStartMinimized(bool minimized)
{
    setValue("startup/minimized", minimized);
}

QString AppSettings::language() const
{
    return value("ui/language").toString();
}

void AppSettings::setLanguage(const QString &language)
{
    setValue("ui/language", language);
}

int AppSettings::logRetentionDays() const
{
    return qMax(0, value("data/logRetentionDays").toInt());
}

void AppSettings::setLogRetentionDays(int days)
{
    setValue("data/logRetentionDays", qMax(0, days));
}

bool AppSettings::closeToTrayNoticeShown() const
{
    return value("tray/closeNoticeShown").toBool();
}

void AppSettings::setCloseToTrayNoticeShown(bool shown)
{
    setValue("tray/closeNoticeShown", shown);
}

bool AppSettings::notifyProviderChanges() const
{
    return value("tray/notifyProviderChanges").toBool();
}

void AppSettings::setNotifyProviderChanges(bool notify)
{
    setValue("tray/notifyProviderChanges", notify);
}

QByteArray AppSettings::windowGeometry() const
{
    return value("window/geometry").toByteArray();
}

void AppSettings::setWindowGeometry(const QByteArray &geometry)
{
    setValue("window/geometry", geometry);
}

QString AppSettings::lastPage() const
{
    return value("window/page").toString();
}

void AppSettings::setLastPage(const QString &page)
{
    setValue("window/page", page);
}

QByteArray AppSettings::widgetState(const QString &objectName) const
{
    return m_settings->value(widgetKey(objectName)).toByteArray();
}

void AppSettings::setWidgetState(const QString &objectName, const QByteArray &state)
{
    m_settings->setValue(widgetKey(objectName), state);
}
