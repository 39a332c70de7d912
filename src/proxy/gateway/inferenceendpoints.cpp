#include "inferenceendpoints.h"

#include "forwardingjob.h"
#include "gatewayerror.h"
#include "http/clientresponse.h"
#include "openai/openaichat.h"

#include <QDateTime>
#include <QRandomGenerator>

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

static void writeError(const QHttpServerRequest &request, QTcpSocket *socket, WireProtocol protocol,
                       const GatewayError &error)
{
    ClientResponse response(socket, wantsClose(request));
    response.sendComplete(error.status, QByteArrayLiteral("application/json"),
                          GatewayErrors::body(protocol, error));
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

void InferenceEndpoints::chatCompletions(const QHttpServerRequest &request, QTcpSocket *socket)
{
    constexpr WireProtocol protocol = WireProtocol::OpenAiChat;
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
    QByteArray body = request.body();
    QString error;
    const std::optional<OpenAiChat::RequestInfo> info = OpenAiChat::inspectRequest(body, &error);
    if (!info) {
        writeError(request, socket, protocol,
                   GatewayError::make(GatewayError::Kind::InvalidRequest, error));
        return;
    }
    ForwardRequest forward;
    forward.traceId = newTraceId();
    forward.protocol = protocol;
    forward.model = info->model;
    forward.stream = info->stream;
    forward.accessKey = *key;
    forward.userAgent = QString::fromUtf8(request.value(QByteArrayLiteral("user-agent")));
    forward.bytesIn = body.size();
    forward.closeConnection = wantsClose(request);
    forward.dropUsageEvents = info->stream && !info->clientIncludeUsage;
    forward.upstreamBody = [body, info = *info](const RouteEntry &route) {
        return OpenAiChat::upstreamBody(body, info, route.upstreamModel);
    };
    startJob(new ForwardingJob(m_services, m_table, std::move(forward), socket, this));
}

void InferenceEndpoints::startJob(ForwardingJob *job)
{
    ++m_activeJobs;
    connect(job, &ForwardingJob::done, this, [this] {
        if (--m_activeJobs == 0)
            Q_EMIT jobsDrained();
    });
    job->start();
}

void InferenceEndpoints::listModels(const QHttpServerRequest &request, QTcpSocket *socket)
{
    if (!authenticate(request, socket, WireProtocol::OpenAiChat))
        return;
    // Every model name the gateway routes, as OpenAI's list object; "created" is not known for
    // a gateway alias, so it carries the time the list was made.
    const QByteArray body
        = OpenAiChat::modelList(m_table->modelNames(), QDateTime::currentSecsSinceEpoch(),
                                QStringLiteral("llm-orchestrator"));
    ClientResponse(socket, wantsClose(request))
        .sendComplete(200, QByteArrayLiteral("application/json"), body);
}

void InferenceEndpoints::cancelAll()
{
    const auto jobs = findChildren<ForwardingJob *>(QString(), Qt::FindDirectChildrenOnly);
    for (ForwardingJob *job : jobs)
        job->cancel();
}
