#include "forwardingjob.h"

#include "routing/apikeyrotator.h"
#include "routing/healthregistry.h"
#include "upstream/upstreamclient.h"

ForwardingJob::ForwardingJob(const GatewayServices &services,
                             std::shared_ptr<const RoutingTable> table, ForwardRequest request,
                             QTcpSocket *client, QObject *parent)
    : QObject(parent)
    , m_services(services)
    , m_table(std::move(table))
    , m_request(std::move(request))
    , m_client(client, m_request.closeConnection)
    , m_framer(m_request.framing)
{
    if (client) {
        // Queued: the socket emits disconnected from inside its own write/read paths, and the
        // job must not tear down an attempt from underneath a relay in progress.
        connect(client, &QTcpSocket::disconnected, this, &ForwardingJob::onClientGone,
                Qt::QueuedConnection);
        connect(client, &QObject::destroyed, this, &ForwardingJob::onClientGone,
                Qt::QueuedConnection);
    }
}

ForwardingJob::~ForwardingJob() = default;

void ForwardingJob::start()
{
    const WireProtocol inbound = m_request.protocol;
    // Until cross-protocol translation exists, a request goes only to providers that speak
    // its own protocol (byte-preserving passthrough).
    m_plan = m_services.router->plan(*m_table, m_request.model, [inbound](const RouteEntry &route) {
        return route.provider->type == inbound
            && UpstreamProtocol::forType(route.provider->type) != nullptr;
    });
    if (!m_plan.model) {
        const GatewayError error = GatewayError::make(
            GatewayError::Kind::NotFound,
            QStringLiteral("The model '%1' does not exist on this gateway.").arg(m_request.model),
            QStringLiteral("model_not_found"));
        logRefused(error);
        sendError(error);
        finishJob();
        return;
    }
    tryNext();
}

void ForwardingJob::tryNext()
{
    const int maxAttempts = m_plan.model->maxAttempts;
    while (m_attempts < maxAttempts
           && (m_retryRoute || m_nextCandidate < m_plan.candidates.size())) {
        // A route whose key was just rejected is tried again first, with its next key.
        const RouteEntry &route
            = m_retryRoute ? *m_retryRoute : *m_plan.candidates.at(m_nextCandidate++);
        m_retryRoute = nullptr;
        const QString name = route.provider->name + QLatin1Char('/') + route.upstreamModel;
        if (!m_services.health->tryAcquire(route.key)) {
            ++m_skipped;
            m_tried.append({ name, QStringLiteral("circuit open") });
            continue;
        }
        int keyIndex = -1;
        if (!route.provider->apiKeys.isEmpty()) {
            keyIndex = m_services.apiKeys->nextKey(route.provider->name,
                                                   int(route.provider->apiKeys.size()));
            if (keyIndex < 0) {
                m_services.health->abandon(route.key);
                ++m_skipped;
                m_tried.append({ name, QStringLiteral("all API keys rejected recently") });
                continue;
            }
        }
        startAttempt(route, keyIndex);
        return;
    }
    failAll();
}

void ForwardingJob::startAttempt(const RouteEntry &route, int keyIndex)
{
    ++m_attempts;
    m_route = &route;
    m_keyIndex = keyIndex;
    m_attemptStartedAt = QDateTime::currentDateTimeUtc();
    const ProviderConfig &provider = *route.provider;
    const UpstreamProtocol *protocol = UpstreamProtocol::forType(provider.type);
    const QByteArray apiKey = keyIndex >= 0 ? provider.apiKeys.at(keyIndex).toUtf8() : QByteArray();
    UpstreamCall call;
    call.upstreamModel = route.upstreamModel;
    call.stream = m_request.stream;
    call.clientHeaders = m_request.clientHeaders;
    call.pathOverride = m_request.upstreamPathOverride;
    QNetworkRequest request = protocol->makeRequest(provider, apiKey, call);
    for (auto it = provider.headers.cbegin(); it != provider.headers.cend(); ++it)
        request.setRawHeader(it.key().toUtf8(), it.value().toUtf8());

    const HttpHeaderList responseHeaders {
        { QByteArrayLiteral("X-LLMO-Trace-Id"), m_request.traceId.toLatin1() },
        { QByteArrayLiteral("X-LLMO-Provider"), provider.name.toUtf8() },
    };
    m_attempt = new UpstreamAttempt(*protocol, m_client, m_framer, m_request.stream,
                                    provider.timeoutMs, responseHeaders, this);
    connect(m_attempt, &UpstreamAttempt::finished, this, &ForwardingJob::onAttemptFinished);
    m_attempt->start(*m_services.upstream, request, m_request.upstreamBody(route));
}

void ForwardingJob::onAttemptFinished()
{
    UpstreamAttempt *attempt = m_attempt;
    if (!attempt || !m_route)
        return;
    const AttemptOutcome outcome = attempt->outcome();
    const RouteEntry &route = *m_route;
    m_attempt = nullptr;
    attempt->deleteLater();
    logAttempt(outcome);

    using Result = AttemptOutcome::Result;
    if (outcome.result == Result::ClientClosed) {
        m_services.health->abandon(route.key);
        finishJob();
        return;
    }

    const bool keyRejected = outcome.credentialRejected
        && outcome.result == Result::FailedBeforeOutput && m_keyIndex >= 0;
    if (keyRejected)
        m_services.apiKeys->setAside(route.provider->name, m_keyIndex);
    if (keyRejected && route.provider->apiKeys.size() > 1) {
        // One bad key among several says nothing about the route: the next request uses
        // another key, so the circuit is not charged for it.
        m_services.health->abandon(route.key);
    } else {
        AttemptResult health;
        health.success = outcome.succeeded();
        health.httpStatus = outcome.httpStatus;
        health.error = outcome.error;
        health.latencyMs = qint64(outcome.totalMs);
        health.retryAfterMs = outcome.retryAfterMs;
        m_services.health->record(route.key, health);
    }

    switch (outcome.result) {
    case Result::Success:
    case Result::RelayedClientError:
        finishJob();
        return;
    case Result::FailedAfterOutput: {
        // Output already reached the client: failing over would duplicate it. Report the
        // failure inside the stream in the client's protocol and end it.
        const GatewayError error = GatewayError::make(
            outcome.timedOut ? GatewayError::Kind::Timeout : GatewayError::Kind::UpstreamError,
            QStringLiteral("The upstream stream from '%1' failed: %2")
                .arg(route.provider->name, outcome.error));
        m_client.writeChunk(
            m_framer.errorTail(GatewayErrors::streamEvent(m_request.protocol, error),
                               GatewayErrors::body(m_request.protocol, error)));
        m_client.endStream();
        finishJob();
        return;
    }
    case Result::FailedBeforeOutput:
        if (keyRejected && route.provider->apiKeys.size() > 1)
            m_retryRoute = &route;
        m_anyFailure = true;
        m_lastFailure = outcome;
        m_tried.append(
            { route.provider->name + QLatin1Char('/') + route.upstreamModel, outcome.error });
        m_route = nullptr;
        tryNext();
        return;
    case Result::ClientClosed:
        break;
    }
}

QString ForwardingJob::triedSummary() const
{
    QStringList parts;
    for (const TriedRoute &tried : m_tried)
        parts.append(tried.route + QStringLiteral(" (") + tried.reason + QLatin1Char(')'));
    return parts.join(QStringLiteral("; "));
}

void ForwardingJob::failAll()
{
    const QString model = m_request.model;
    if (!m_anyFailure) {
        // Nothing was attempted: every route is disabled, filtered out or has an open circuit.
        QString why;
        if (m_plan.model->configuredRoutes == 0)
            why = QStringLiteral("it has no routes");
        else if (m_plan.model->routes.isEmpty())
            why = QStringLiteral("all of its routes or their providers are disabled");
        else if (m_plan.filteredOut > 0 && m_plan.candidates.isEmpty() && m_plan.unavailable == 0)
            why = QStringLiteral(
                      "none of its routes goes to a provider that speaks the %1 protocol")
                      .arg(wireProtocolName(m_request.protocol));
        else
            why = QStringLiteral("no route is available right now: ") + triedSummary();
        if (m_plan.unavailable > 0 && m_tried.isEmpty())
            why = QStringLiteral("all of its routes are cooling down after failures");
        const GatewayError error = GatewayError::make(
            GatewayError::Kind::Unavailable,
            QStringLiteral("No usable route for model '%1': %2.").arg(model, why),
            QStringLiteral("no_route_available"));
        logRefused(error);
        sendError(error);
        finishJob();
        return;
    }
    const QString message
        = QStringLiteral("All attempts for model '%1' failed: %2.").arg(model, triedSummary());
    HttpHeaderList headers;
    GatewayError error;
    if (m_lastFailure.httpStatus == 429) {
        error = GatewayError::make(GatewayError::Kind::RateLimited, message,
                                   QStringLiteral("rate_limit_exceeded"));
        if (!m_lastFailure.retryAfterValue.isEmpty())
            headers.append({ QByteArrayLiteral("Retry-After"), m_lastFailure.retryAfterValue });
    } else if (m_lastFailure.timedOut) {
        error = GatewayError::make(GatewayError::Kind::Timeout, message,
                                   QStringLiteral("upstream_timeout"));
    } else {
        error = GatewayError::make(GatewayError::Kind::UpstreamError, message,
                                   QStringLiteral("upstream_error"));
    }
    sendError(error, headers);
    finishJob();
}

void ForwardingJob::sendError(const GatewayError &error, const HttpHeaderList &extraHeaders)
{
    HttpHeaderList headers = extraHeaders;
    headers.append({ QByteArrayLiteral("X-LLMO-Trace-Id"), m_request.traceId.toLatin1() });
    m_client.sendComplete(error.status, QByteArrayLiteral("application/json"),
                          GatewayErrors::body(m_request.protocol, error), headers);
}

void ForwardingJob::logRefused(const GatewayError &error)
{
    RequestLogRecord row;
    row.time = QDateTime::currentDateTimeUtc();
    row.traceId = m_request.traceId;
    row.accessKey = m_request.accessKey;
    row.protocol = wireProtocolName(m_request.protocol);
    row.model = m_request.model;
    row.attempt = 0;
    row.status = QString::number(error.status);
    row.error = error.message;
    row.stream = m_request.stream;
    row.totalMs = 0;
    row.bytesIn = m_request.bytesIn;
    row.userAgent = m_request.userAgent;
    if (m_services.log)
        m_services.log(row);
}

void ForwardingJob::logAttempt(const AttemptOutcome &outcome)
{
    RequestLogRecord row;
    row.time = m_attemptStartedAt;
    row.traceId = m_request.traceId;
    row.accessKey = m_request.accessKey;
    row.protocol = wireProtocolName(m_request.protocol);
    row.model = m_request.model;
    row.provider = m_route->provider->name;
    row.upstreamModel = m_route->upstreamModel;
    row.attempt = m_attempts;
    row.status = outcome.logStatus();
    row.error = outcome.error;
    row.stream = m_request.stream;
    row.headerMs = outcome.headerMs;
    row.ttftMs = outcome.ttftMs;
    row.totalMs = outcome.totalMs;
    row.inputTokens = outcome.usage.inputTokens;
    row.outputTokens = outcome.usage.outputTokens;
    row.cachedTokens = outcome.usage.cachedTokens;
    row.bytesIn = m_request.bytesIn;
    row.bytesOut = outcome.result == AttemptOutcome::Result::FailedBeforeOutput
        ? 0
        : m_client.bytesWritten();
    row.userAgent = m_request.userAgent;
    if (m_services.log)
        m_services.log(row);
}

void ForwardingJob::onClientGone()
{
    if (m_finished)
        return;
    if (m_attempt) {
        m_attempt->abortForClient(); // emits finished -> logs client_closed -> finishJob()
        return;
    }
    finishJob();
}

void ForwardingJob::cancel()
{
    onClientGone();
}

void ForwardingJob::finishJob()
{
    if (m_finished)
        return;
    m_finished = true;
    Q_EMIT done();
    deleteLater();
}
