#include "inferenceendpoints.h"

#include "anthropic/anthropicmessages.h"
#include "anthropic/anthropictokenestimate.h"
#include "forwardingjob.h"
#include "gatewayerror.h"
#include "gemini/geminicontent.h"
#include "http/clientresponse.h"
#include "inboundprotocol.h"
#include "openai/openaichat.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QUrlQuery>

InferenceEndpoints::InferenceEndpoints(GatewayServices services, QObject *parent)
    : QObject(parent)
    , m_services(std::move(services))
    , m_table(RoutingTable::build(GatewayConfig {}))
{
}

void InferenceEndpoints::setRoutingTable(std::shared_ptr<const RoutingTable> table)
{
    m_table = std::move(table);
}

void InferenceEndpoints::setAccessKeys(const QList<AccessKeyConfig> &keys)
{
    m_auth.setAccessKeys(keys);
}

QString InferenceEndpoints::newTraceId()
{
    // 128 random bits in hex, the W3C trace-context size, so ids can be correlated with
    // tracing systems.
    quint64 words[2];
    QRandomGenerator::global()->fillRange(words);
    return QString::number(words[0], 16).rightJustified(16, QLatin1Char('0'))
        + QString::number(words[1], 16).rightJustified(16, QLatin1Char('0'));
}

static bool wantsClose(const QHttpServerRequest &request)
{
    return ClientResponse::wantsClose(request.value(QByteArrayLiteral("connection")));
}

static void writeJson(const QHttpServerRequest &request, QTcpSocket *socket, int status,
                      const QByteArray &body)
{
    ClientResponse(socket, wantsClose(request))
        .sendComplete(status, QByteArrayLiteral("application/json"), body);
}

static void writeError(const QHttpServerRequest &request, QTcpSocket *socket, WireProtocol protocol,
                       const GatewayError &error)
{
    writeJson(request, socket, error.status, GatewayErrors::body(protocol, error));
}

std::optional<QString> InferenceEndpoints::authenticate(const QHttpServerRequest &request,
                                                        QTcpSocket *socket, WireProtocol protocol)
{
    const std::optional<QString> key = m_auth.authenticate(request);
    if (!key) {
        const bool presented = !ClientAuthenticator::presentedKey(request).isEmpty();
        writeError(request, socket, protocol,
                   GatewayError::make(GatewayError::Kind::Authentication,
                                      presented ? QStringLiteral("Incorrect access key provided.")
                                                : QStringLiteral("Missing access key: send it as "
                                                                 "'Authorization: Bearer <key>'."),
                                      QStringLiteral("invalid_api_key")));
    }
    return key;
}

void InferenceEndpoints::forward(const InboundProtocol &inbound, const QHttpServerRequest &request,
                                 QTcpSocket *socket, const QString &pathArg)
{
    const WireProtocol protocol = inbound.protocol();
    const std::optional<QString> key = authenticate(request, socket, protocol);
    if (!key)
        return;
    if (m_paused) {
        writeError(request, socket, protocol,
                   GatewayError::make(GatewayError::Kind::Unavailable,
                                      QStringLiteral("The gateway is paused; resume it in LLM "
                                                     "Orchestrator to serve requests."),
                                      QStringLiteral("gateway_paused")));
        return;
    }
    ForwardRequest forward;
    GatewayError error;
    if (!inbound.parse(request, pathArg, &forward, &error)) {
        writeError(request, socket, protocol, error);
        return;
    }
    forward.protocol = protocol;
    forward.accessKey = *key;
    forward.userAgent = QString::fromUtf8(request.value(QByteArrayLiteral("user-agent")));
    forward.bytesIn = request.body().size();
    forward.closeConnection = wantsClose(request);
    startJob(std::move(forward), socket);
}

void InferenceEndpoints::startJob(ForwardRequest forward, QTcpSocket *socket)
{
    forward.traceId = newTraceId();
    auto *job = new ForwardingJob(m_services, m_table, std::move(forward), socket, this);
    ++m_activeJobs;
    connect(job, &ForwardingJob::done, this, [this] {
        if (--m_activeJobs == 0)
            Q_EMIT jobsDrained();
    });
    job->start();
}

void InferenceEndpoints::countTokens(const QHttpServerRequest &request, QTcpSocket *socket)
{
    constexpr WireProtocol protocol = WireProtocol::Anthropic;
    const std::optional<QString> key = authenticate(request, socket, protocol);
    if (!key)
        return;
    const QByteArray body = request.body();
    QString message;
    const auto info = AnthropicMessages::inspectRequest(body, &message,
                                                        AnthropicMessages::Endpoint::CountTokens);
    if (!info) {
        writeError(request, socket, protocol,
                   GatewayError::make(GatewayError::Kind::InvalidRequest, message));
        return;
    }
    const ModelEntry *model = m_table->model(info->model);
    const bool hasAnthropicRoute = model
        && std::any_of(model->routes.cbegin(), model->routes.cend(), [](const RouteEntry &route) {
                                       return route.provider->type == WireProtocol::Anthropic;
                                   });
    if (!hasAnthropicRoute || m_paused) {
        // No provider can count: answer from the local estimate (documented in
        // anthropictokenestimate.h). Coding agents call this often; it costs no upstream call.
        writeJson(
            request, socket, 200,
            AnthropicMessages::countTokensResponse(AnthropicMessages::estimateInputTokens(body)));
        return;
    }
    ForwardRequest forward;
    forward.protocol = protocol;
    forward.model = info->model;
    forward.accessKey = *key;
    forward.upstreamPathOverride = QString::fromLatin1(AnthropicMessages::countTokensPath());
    for (const auto &header : request.headers()) {
        if (AnthropicMessages::isPassThroughRequestHeader(header.first))
            forward.clientHeaders.append(header);
    }
    forward.userAgent = QString::fromUtf8(request.value(QByteArrayLiteral("user-agent")));
    forward.bytesIn = body.size();
    forward.closeConnection = wantsClose(request);
    forward.upstreamBody = [body, info = *info](const RouteEntry &route) {
        return AnthropicMessages::upstreamBody(body, info, route.upstreamModel);
    };
    startJob(std::move(forward), socket);
}

void InferenceEndpoints::listModels(const QHttpServerRequest &request, QTcpSocket *socket)
{
    const bool anthropic = !request.value(QByteArrayLiteral("anthropic-version")).isEmpty();
    const WireProtocol protocol = anthropic ? WireProtocol::Anthropic : WireProtocol::OpenAiChat;
    if (!authenticate(request, socket, protocol))
        return;
    // "created" is not known for a gateway alias: the list carries the time it was made.
    const QStringList ids = m_table->modelNames();
    writeJson(request, socket, 200,
              anthropic ? AnthropicMessages::modelList(ids)
                        : OpenAiChat::modelList(ids, QDateTime::currentSecsSinceEpoch(),
                                                QStringLiteral("llm-orchestrator")));
}

void InferenceEndpoints::retrieveModel(const QHttpServerRequest &request, QTcpSocket *socket,
                                       const QString &id)
{
    const bool gemini = !request.value(QByteArrayLiteral("x-goog-api-key")).isEmpty()
        || QUrlQuery(request.url()).hasQueryItem(QStringLiteral("key"));
    if (gemini) {
        listGeminiModels(request, socket, id);
        return;
    }
    const bool anthropic = !request.value(QByteArrayLiteral("anthropic-version")).isEmpty();
    const WireProtocol protocol = anthropic ? WireProtocol::Anthropic : WireProtocol::OpenAiChat;
    if (!authenticate(request, socket, protocol))
        return;
    if (!m_table->model(id)) {
        writeError(request, socket, protocol,
                   GatewayError::make(GatewayError::Kind::NotFound,
                                      QStringLiteral("The model '%1' does not exist on this "
                                                     "gateway.")
                                          .arg(id),
                                      QStringLiteral("model_not_found")));
        return;
    }
    // The single model object is the list's element (both APIs answer it on its own).
    const QByteArray list = anthropic
        ? AnthropicMessages::modelList({ id })
        : OpenAiChat::modelList({ id }, QDateTime::currentSecsSinceEpoch(),
                                QStringLiteral("llm-orchestrator"));
    const QJsonObject model = QJsonDocument::fromJson(list)
                                  .object()
                                  .value(QStringLiteral("data"))
                                  .toArray()
                                  .first()
                                  .toObject();
    writeJson(request, socket, 200, QJsonDocument(model).toJson(QJsonDocument::Compact));
}

void InferenceEndpoints::listGeminiModels(const QHttpServerRequest &request, QTcpSocket *socket,
                                          const QString &model)
{
    if (!authenticate(request, socket, WireProtocol::Gemini))
        return;
    if (model.isEmpty()) {
        writeJson(request, socket, 200, GeminiContent::modelList(m_table->modelNames()));
        return;
    }
    QString id = model;
    if (id.startsWith(QLatin1String("models/")))
        id = id.mid(7);
    if (!m_table->model(id)) {
        writeError(request, socket, WireProtocol::Gemini,
                   GatewayError::make(GatewayError::Kind::NotFound,
                                      QStringLiteral("models/%1 is not found.").arg(id)));
        return;
    }
    writeJson(request, socket, 200, GeminiContent::modelInfo(id));
}

void InferenceEndpoints::refuseResponsesWebSocket(const QHttpServerRequest &request,
                                                  QTcpSocket *socket)
{
    GatewayError error = GatewayError::make(
        GatewayError::Kind::InvalidRequest,
        QStringLiteral("WebSocket transport is not supported; POST to /v1/responses."),
        QStringLiteral("upgrade_required"));
    error.status = 426;
    writeError(request, socket, WireProtocol::OpenAiResponses, error);
}

void InferenceEndpoints::cancelAll()
{
    const auto jobs = findChildren<ForwardingJob *>(QString(), Qt::FindDirectChildrenOnly);
    for (ForwardingJob *job : jobs)
        job->cancel();
}
