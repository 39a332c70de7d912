#pragma once

#include "config/configtypes.h"

#include <QNetworkRequest>
#include <QObject>
#include <QPointer>
#include <QStringList>

class QNetworkAccessManager;
class QNetworkReply;

// What a provider answered to a GET of its model list.
struct ProbeResult
{
    bool ok = false;
    int httpStatus = 0; // 0 when no HTTP answer arrived (DNS, refused, timeout, TLS)
    qint64 latencyMs = -1; // request sent -> whole answer read
    QStringList models; // sorted ids, as the provider names them ("gpt-4o", "gemini-2.5-flash")
    QString error; // the upstream's error text, or the network error
};

// "Test connection" and "Fetch models" (issue 4): a GET of the provider's model list with its
// first API key, in the GUI thread. This is a user action, not the request path, so it uses
// its own QNetworkAccessManager and not the engine's upstream pool. The list path and
// authentication follow the provider's wire protocol:
//   openai, openai-responses: GET {base}/models, Authorization: Bearer
//   anthropic: GET {base}/v1/models, x-api-key and anthropic-version
//   gemini: GET {base}/v1beta/models, x-goog-api-key
class ProviderProbe final : public QObject
{
    Q_OBJECT

public:
    explicit ProviderProbe(QObject *parent = nullptr);
    ~ProviderProbe() override;

    // Starts the GET, cancelling one still running; finished() follows exactly once.
    void start(const ProviderConfig &provider);
    void cancel();
    bool isRunning() const { return !m_reply.isNull(); }

    // The request start() sends (exposed for tests).
    static QNetworkRequest request(const ProviderConfig &provider);
    // Reads an answer: the model ids of a 2xx list, or the error message of anything else.
    static ProbeResult parse(WireProtocol type, int httpStatus, const QByteArray &body);

Q_SIGNALS:
    void finished(const ProbeResult &result);

private:
    void onFinished(QNetworkReply *reply, WireProtocol type, qint64 startedMs);

    QNetworkAccessManager *m_network = nullptr;
    QPointer<QNetworkReply> m_reply;
};
