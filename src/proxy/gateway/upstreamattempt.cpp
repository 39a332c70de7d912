#include "upstreamattempt.h"

#include "retryafter.h"
#include "upstream/upstreamclient.h"

QString AttemptOutcome::logStatus() const
{
    switch (result) {
    case Result::ClientClosed:
        return QStringLiteral("client_closed");
    case Result::Success:
    case Result::RelayedClientError:
        return QString::number(httpStatus);
    case Result::FailedBeforeOutput:
    case Result::FailedAfterOutput:
        if (timedOut)
            return QStringLiteral("timeout");
        // An HTTP error status is the most telling; a 200 whose stream failed is an upstream error.
        if (httpStatus >= 400)
            return QString::number(httpStatus);
        return QStringLiteral("upstream_error");
    }
    return QStringLiteral("upstream_error");
}

UpstreamAttempt::UpstreamAttempt(const UpstreamProtocol &protocol, ClientResponse &client,
                                 ClientStreamFramer &framer, bool stream, int timeoutMs,
                                 HttpHeaderList responseHeaders, QObject *parent)
    : QObject(parent)
    , m_protocol(protocol)
    , m_client(client)
    , m_framer(framer)
    , m_stream(stream)
    , m_timeoutMs(timeoutMs)
    , m_responseHeaders(std::move(responseHeaders))
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &UpstreamAttempt::onTimeout);
}

UpstreamAttempt::~UpstreamAttempt()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

double UpstreamAttempt::elapsedMs() const
{
    return double(m_clock.nsecsElapsed()) / 1e6;
}

void UpstreamAttempt::start(UpstreamClient &upstream, const QNetworkRequest &request,
                            const QByteArray &body)
{
    m_clock.start();
    m_timer.start(m_timeoutMs);
    m_reply = upstream.send(request, QByteArrayLiteral("POST"), body);
    connect(m_reply, &QNetworkReply::metaDataChanged, this, &UpstreamAttempt::onMetaData);
    connect(m_reply, &QNetworkReply::readyRead, this, &UpstreamAttempt::onReadyRead);
    connect(m_reply, &QNetworkReply::finished, this, &UpstreamAttempt::onFinished);
}

void UpstreamAttempt::onMetaData()
{
    if (m_headersSeen || !m_reply)
        return;
    const QVariant status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!status.isValid())
        return;
    m_headersSeen = true;
    m_outcome.httpStatus = status.toInt();
    m_outcome.headerMs = elapsedMs();
    const QByteArray contentType = m_reply->rawHeader(QByteArrayLiteral("Content-Type"));
    m_relayStream = m_stream && m_outcome.httpStatus >= 200 && m_outcome.httpStatus < 300
        && contentType.startsWith("text/event-stream");
    // From now on the timer bounds the longest silence inside the body or stream.
    m_timer.start(m_timeoutMs);
}

void UpstreamAttempt::onReadyRead()
{
    if (!m_reply || m_done)
        return;
    onMetaData();
    const QByteArray data = m_reply->readAll();
    if (m_relayStream) {
        handleStreamData(data);
    } else {
        m_timer.start(m_timeoutMs);
        m_held += data;
    }
}

void UpstreamAttempt::handleStreamData(const QByteArray &data)
{
    m_timer.start(m_timeoutMs);
    m_events.clear();
    m_kinds.clear();
    m_parser.feed(data, m_events);
    for (const SseEvent &event : qAsConst(m_events)) {
        TokenUsage usage;
        bool terminal = false;
        const StreamEventKind kind = m_protocol.classify(event, &usage, &terminal);
        m_kinds.append(kind);
        if (usage.inputTokens >= 0)
            m_outcome.usage.inputTokens = usage.inputTokens;
        if (usage.outputTokens >= 0)
            m_outcome.usage.outputTokens = usage.outputTokens;
        if (usage.cachedTokens >= 0)
            m_outcome.usage.cachedTokens = usage.cachedTokens;
        m_terminal = terminal;
        switch (kind) {
        case StreamEventKind::Content:
            if (!m_outputStarted) {
                m_outputStarted = true;
                m_outcome.ttftMs = elapsedMs();
            }
            break;
        case StreamEventKind::Error:
            if (!m_outputStarted) {
                fail(AttemptOutcome::Result::FailedBeforeOutput,
                     QStringLiteral("error event before any output: ")
                         + m_protocol.errorMessage(event.data));
                return;
            }
            if (m_errorAfterOutput.isEmpty())
                m_errorAfterOutput = m_protocol.errorMessage(event.data);
            break;
        case StreamEventKind::Done:
        case StreamEventKind::Usage:
        case StreamEventKind::Other:
            break;
        }
    }
    const QByteArray out = m_framer.frame(data, m_events, m_kinds);
    if (!m_outputStarted) {
        m_held += out;
        return;
    }
    if (!m_client.headersSent()) {
        startClientStream();
        m_held += out;
        m_client.writeChunk(m_held);
        m_held.clear();
    } else {
        m_client.writeChunk(out);
    }
}

HttpHeaderList UpstreamAttempt::clientHeaders() const
{
    HttpHeaderList headers = m_responseHeaders;
    if (m_reply) {
        for (const auto &pair : m_reply->rawHeaderPairs()) {
            if (m_protocol.passResponseHeader(pair.first))
                headers.append(pair);
        }
    }
    return headers;
}

void UpstreamAttempt::startClientStream()
{
    HttpHeaderList headers = clientHeaders();
    headers.append({ QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-cache") });
    QByteArray contentType = m_framer.contentType();
    if (contentType.isEmpty())
        contentType = m_reply ? m_reply->rawHeader(QByteArrayLiteral("Content-Type"))
                              : QByteArrayLiteral("text/event-stream");
    m_client.beginStream(m_outcome.httpStatus, contentType, headers);
}

void UpstreamAttempt::onFinished()
{
    if (m_done || !m_reply)
        return;
    onMetaData();
    // Data may still be buffered in the reply when finished is emitted.
    if (m_reply->bytesAvailable() > 0)
        onReadyRead();
    if (m_done)
        return;
    if (m_relayStream) {
        finishStream();
        return;
    }
    if (!m_headersSeen || m_outcome.httpStatus == 0) {
        fail(AttemptOutcome::Result::FailedBeforeOutput, m_reply->errorString());
        return;
    }
    completeNonStream();
}

void UpstreamAttempt::finishStream()
{
    const bool networkError = m_reply->error() != QNetworkReply::NoError;
    if (!m_outputStarted) {
        if (m_terminal && !networkError) {
            // A complete stream without content (e.g. an empty answer) is still a success.
            startClientStream();
            m_client.writeChunk(m_held + m_framer.finish());
            m_client.endStream();
            finish(AttemptOutcome::Result::Success);
            return;
        }
        fail(AttemptOutcome::Result::FailedBeforeOutput,
             networkError ? m_reply->errorString()
                          : QStringLiteral("stream ended before any output"));
        return;
    }
    if (!m_errorAfterOutput.isEmpty()) {
        fail(AttemptOutcome::Result::FailedAfterOutput, m_errorAfterOutput);
        return;
    }
    if (!m_terminal || m_parser.hasIncompleteEvent()) {
        fail(AttemptOutcome::Result::FailedAfterOutput,
             networkError ? QStringLiteral("stream truncated: ") + m_reply->errorString()
                          : QStringLiteral("stream truncated: no terminal event"));
        return;
    }
    m_client.writeChunk(m_framer.finish());
    m_client.endStream();
    finish(AttemptOutcome::Result::Success);
}

void UpstreamAttempt::completeNonStream()
{
    const int status = m_outcome.httpStatus;
    m_outcome.credentialRejected = m_protocol.isCredentialError(status, m_held);
    if (status >= 500 || status == 429 || m_outcome.credentialRejected) {
        if (status == 429) {
            m_outcome.retryAfterValue = m_reply->rawHeader(QByteArrayLiteral("Retry-After"));
            m_outcome.retryAfterMs
                = RetryAfter::parseMs(m_outcome.retryAfterValue, QDateTime::currentDateTimeUtc());
            if (m_outcome.retryAfterMs < 0)
                m_outcome.retryAfterMs = m_protocol.retryAfterMsFromBody(m_held);
        }
        fail(AttemptOutcome::Result::FailedBeforeOutput,
             QStringLiteral("HTTP %1: %2").arg(status).arg(m_protocol.errorMessage(m_held)));
        return;
    }
    if (status >= 200 && status < 300)
        m_outcome.usage = m_protocol.usageFromResponse(m_held);
    else
        m_outcome.error = m_protocol.errorMessage(m_held);
    m_client.sendComplete(status, m_reply->rawHeader(QByteArrayLiteral("Content-Type")), m_held,
                          clientHeaders());
    m_outcome.ttftMs = elapsedMs();
    finish(status < 400 ? AttemptOutcome::Result::Success
                        : AttemptOutcome::Result::RelayedClientError);
}

void UpstreamAttempt::onTimeout()
{
    if (m_done)
        return;
    m_outcome.timedOut = true;
    const QString error = m_headersSeen
        ? QStringLiteral("timeout: no data for %1 ms").arg(m_timeoutMs)
        : QStringLiteral("timeout: no response headers within %1 ms").arg(m_timeoutMs);
    fail(m_outputStarted ? AttemptOutcome::Result::FailedAfterOutput
                         : AttemptOutcome::Result::FailedBeforeOutput,
         error);
}

void UpstreamAttempt::abortForClient()
{
    if (m_done)
        return;
    finish(AttemptOutcome::Result::ClientClosed);
}

void UpstreamAttempt::fail(AttemptOutcome::Result result, const QString &error)
{
    m_outcome.error = error;
    finish(result);
}

void UpstreamAttempt::finish(AttemptOutcome::Result result)
{
    if (m_done)
        return;
    m_done = true;
    m_timer.stop();
    m_outcome.result = result;
    m_outcome.totalMs = elapsedMs();
    if (m_reply) {
        // Stop listening first: abort() emits finished synchronously.
        m_reply->disconnect(this);
        if (m_reply->isRunning())
            m_reply->abort();
        m_reply->deleteLater();
        m_reply = nullptr;
    }
    Q_EMIT finished();
}
