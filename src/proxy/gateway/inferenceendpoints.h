#pragma once

#include "gatewayservices.h"
#include "http/clientauthenticator.h"
#include "routing/routingtable.h"

#include <QHttpServerRequest>
#include <QObject>

#include <memory>

class QTcpSocket;
class ForwardingJob;
class InboundProtocol;
struct ForwardRequest;

// The client-facing LLM endpoints of every protocol: authenticate, validate the request in
// the caller's protocol, then hand it to a ForwardingJob. Also the model lists and Anthropic's
// count_tokens. Holds the current routing snapshot and access keys, replaced as a whole on
// every config change.
class InferenceEndpoints final : public QObject
{
    Q_OBJECT

public:
    explicit InferenceEndpoints(GatewayServices services, QObject *parent = nullptr);

    void setRoutingTable(std::shared_ptr<const RoutingTable> table);
    void setAccessKeys(const QList<AccessKeyConfig> &keys);
    // While paused, LLM requests get 503 in the caller's protocol; requests in flight go on.
    void setPaused(bool paused) { m_paused = paused; }
    bool isPaused() const { return m_paused; }

    // An LLM request of any protocol; `pathArg` is the route's path argument (Gemini).
    void forward(const InboundProtocol &inbound, const QHttpServerRequest &request,
                 QTcpSocket *socket, const QString &pathArg = {});
    // POST /v1/messages/count_tokens: forwarded to an Anthropic route of the model (with
    // failover), else answered from the local estimate; never 404.
    void countTokens(const QHttpServerRequest &request, QTcpSocket *socket);
    // GET /v1/models: OpenAI's list, or Anthropic's when the caller sends anthropic-version.
    void listModels(const QHttpServerRequest &request, QTcpSocket *socket);
    // GET /v1/models/{id}: one model in the caller's format (OpenAI, Anthropic with
    // anthropic-version, Gemini with a Google key header or ?key=).
    void retrieveModel(const QHttpServerRequest &request, QTcpSocket *socket, const QString &id);
    // GET /v1beta/models (and /v1beta/models/{model}): Gemini's list / model.
    void listGeminiModels(const QHttpServerRequest &request, QTcpSocket *socket,
                          const QString &model = {});
    // GET /v1/responses: Codex CLI tries a websocket upgrade first; 426 makes it fall back to
    // POST at once (a 404 makes it retry, and a 404 model_not_found makes it give up).
    void refuseResponsesWebSocket(const QHttpServerRequest &request, QTcpSocket *socket);

    // Jobs in flight; cancelAll() ends them (shutdown), each logging client_closed.
    int activeJobs() const { return m_activeJobs; }
    void cancelAll();

    static QString newTraceId();

Q_SIGNALS:
    void jobsDrained();

private:
    std::optional<QString> authenticate(const QHttpServerRequest &request, QTcpSocket *socket,
                                        WireProtocol protocol);
    void startJob(ForwardRequest forward, QTcpSocket *socket);

    GatewayServices m_services;
    std::shared_ptr<const RoutingTable> m_table;
    ClientAuthenticator m_auth;
    int m_activeJobs = 0;
    bool m_paused = false;
};
