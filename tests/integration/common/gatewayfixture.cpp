#include "gatewayfixture.h"

#include "store/database.h"
#include "store/logquery.h"
#include "store/logwriter.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

GatewayFixture::GatewayFixture() = default;

GatewayFixture::~GatewayFixture()
{
    stop();
}

bool GatewayFixture::start(const QByteArray &configJson, QString *error, qint64 maxBodyBytes)
{
    const QString configPath = m_dir.filePath(QStringLiteral("config.json"));
    QFile file(configPath);
    if (!file.open(QIODevice::WriteOnly) || file.write(configJson) != configJson.size()) {
        *error = file.errorString();
        return false;
    }
    file.close();
    EngineSettings settings;
    settings.port = 0;
    settings.dataDir = m_dir.path();
    settings.databaseUrl = m_dir.filePath(QStringLiteral("gateway.sqlite"));
    settings.adminToken = QStringLiteral("test-admin");
    settings.importFile = configPath;
    settings.ensureAccessKey = QStringLiteral("sk-test");
    settings.maxBodyBytes = maxBodyBytes;
    m_host = std::make_unique<EngineHost>(settings);
    const EngineStartResult result = m_host->start();
    if (!result.ok) {
        *error = result.message;
        return false;
    }
    m_port = result.port;
    return true;
}

void GatewayFixture::stop()
{
    if (m_host)
        m_host->stop();
}

RawHttpClient::Headers GatewayFixture::auth()
{
    return { { QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer sk-test") },
             { QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json") } };
}

RawHttpClient *GatewayFixture::post(const QByteArray &path, const QByteArray &body, int timeoutMs,
                                    RawHttpClient::Headers headers)
{
    return RawHttpClient::request(m_port, QByteArrayLiteral("POST"), path, body, headers, timeoutMs,
                                  &m_clients);
}

RawHttpClient *GatewayFixture::get(const QByteArray &path, RawHttpClient::Headers headers)
{
    return RawHttpClient::request(m_port, QByteArrayLiteral("GET"), path, {}, headers, 10000,
                                  &m_clients);
}

QList<RequestLogRecord> GatewayFixture::logRows()
{
    if (LogWriter *writer = m_host ? m_host->logWriter() : nullptr)
        writer->flush();
    const QString connection = QStringLiteral("fixture-reader");
    QString error;
    if (!Database::open(connection, m_dir.filePath(QStringLiteral("gateway.sqlite")), &error))
        return {};
    LogFilter filter;
    filter.limit = 1000;
    QList<RequestLogRecord> rows
        = LogQuery(connection).page(filter, &error).value_or(LogPage {}).items;
    std::reverse(rows.begin(), rows.end());
    return rows;
}

QByteArray GatewayFixture::config(const QString &model, const QList<RouteSpec> &routes,
                                  int maxAttempts)
{
    QJsonArray providers;
    QJsonArray routeArray;
    QStringList seen;
    for (const RouteSpec &route : routes) {
        if (!seen.contains(route.provider)) {
            seen.append(route.provider);
            providers.append(QJsonObject {
                { QStringLiteral("name"), route.provider },
                { QStringLiteral("type"), route.type },
                { QStringLiteral("probe"),
                  QJsonObject { { QStringLiteral("interval_s"), route.probeIntervalS } } },
                { QStringLiteral("base_url"), route.baseUrl },
                { QStringLiteral("api_keys"), QJsonArray::fromStringList(route.apiKeys) },
                { QStringLiteral("timeout_ms"), route.timeoutMs },
            });
        }
        routeArray.append(QJsonObject {
            { QStringLiteral("provider"), route.provider },
            { QStringLiteral("model"), QString(QStringLiteral("upstream-") + model) },
            { QStringLiteral("weight"), route.weight },
            { QStringLiteral("priority"), route.priority },
        });
    }
    QJsonObject modelObject;
    modelObject.insert(QStringLiteral("name"), model);
    modelObject.insert(QStringLiteral("max_attempts"), maxAttempts);
    modelObject.insert(QStringLiteral("routes"), routeArray);
    QJsonArray models;
    models.append(modelObject);
    QJsonObject root;
    root.insert(QStringLiteral("providers"), providers);
    root.insert(QStringLiteral("models"), models);
    return QJsonDocument(root).toJson();
}
