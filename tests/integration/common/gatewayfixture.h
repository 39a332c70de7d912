#pragma once

#include "enginehost.h"
#include "mockprovider.h"
#include "rawhttpclient.h"
#include "store/requestlogrecord.h"

#include <QTemporaryDir>

#include <memory>

// A running gateway for integration tests: a fresh data dir with a real SQLite file, the
// engine in its own thread exactly as the app runs it, client access key "sk-test", and
// config imported from JSON (usually pointing at MockProviders in the test thread).
class GatewayFixture final
{
public:
    GatewayFixture();
    ~GatewayFixture();

    // Starts the engine with this config JSON (DESIGN.md format). False and *error on failure.
    bool start(const QByteArray &configJson, QString *error,
               qint64 maxBodyBytes = 32 * 1024 * 1024);
    void stop();

    quint16 port() const { return m_port; }
    QString dataDir() const { return m_dir.path(); }
    EngineHost *host() const { return m_host.get(); }

    static RawHttpClient::Headers auth();
    // POST JSON with the access key; waits for the whole answer.
    RawHttpClient *post(const QByteArray &path, const QByteArray &body, int timeoutMs = 10000,
                        RawHttpClient::Headers headers = auth());
    RawHttpClient *get(const QByteArray &path, RawHttpClient::Headers headers = auth());

    // All request-log rows so far, oldest first (flushes the writer first).
    QList<RequestLogRecord> logRows();

    // A config with one model routed to the given providers (name, base URL, weight, priority).
    struct RouteSpec
    {
        QString provider;
        QString baseUrl;
        int weight = 1;
        int priority = 0;
        int timeoutMs = 5000;
        QStringList apiKeys = { QStringLiteral("sk-upstream") };
        QString type = QStringLiteral("openai"); // the provider's wire protocol
        // Active probes are off unless a test wants them: they would add requests to the
        // mock provider's counts.
        int probeIntervalS = 0;
    };
    static QByteArray config(const QString &model, const QList<RouteSpec> &routes,
                             int maxAttempts = 3);

private:
    QTemporaryDir m_dir;
    std::unique_ptr<EngineHost> m_host;
    quint16 m_port = 0;
    QObject m_clients; // parent of the clients made by post()/get()
};
