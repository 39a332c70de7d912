#include "health/proberun.h"

#include "anthropic/anthropicmessages.h"
#include "gemini/geminireplies.h"
#include "health/proberequest.h"
#include "openai/openaichat.h"
#include "responses/openairesponses.h"
#include "upstream/upstreamclient.h"

#include <QNetworkReply>

namespace {

QString upstreamMessage(WireProtocol type, QByteArrayView body)
{
    switch (type) {
    case WireProtocol::OpenAiChat:
        return OpenAiChat::errorMessageFromBody(body);
    case WireProtocol::OpenAiResponses:
        return OpenAiResponses::errorMessageFromBody(body);
    case WireProtocol::Anthropic:
        return AnthropicMessages::errorMessageFromBody(body);
    case WireProtocol::Gemini:
        return GeminiContent::errorMessageFromBody(body);
    }
    return {};
}

} // namespace

ProbeRun::ProbeRun(std::shared_ptr<const ProviderConfig> provider, int firstKey,
                   UpstreamClient &upstream, QObject *parent)
    : QObject(parent)
    , m_provider(std::move(provider))
    , m_upstream(&upstream)
{
    const int keys = int(m_provider->apiKeys.size());
    m_firstKey = keys > 0 ? ((firstKey % keys) + keys) % keys : -1;
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, &ProbeRun::onTimeout);
}

ProbeRun::~ProbeRun()
{
    dropReply();
}

void ProbeRun::start()
{
    sendWithKey(m_firstKey);
}

void ProbeRun::sendWithKey(int keyIndex)
{
    ++m_keysTried;
    m_result.keyIndex = keyIndex;
    const QByteArray key = keyIndex >= 0 ? m_provider->apiKeys.at(keyIndex).toUtf8() : QByteArray();
    const ProbeRequest probe = ProbeRequest::build(*m_provider, key);
    m_elapsed.start();
    m_reply = m_upstream->send(probe.request, probe.verb, probe.body);
    connect(m_reply.data(), &QNetworkReply::finished, this, &ProbeRun::onReplyFinished);
    m_timeout.start(qMax(1, m_provider->timeoutMs));
}

void ProbeRun::onReplyFinished()
{
    QNetworkReply *reply = m_reply.data();
    if (!reply || m_finished)
        return;
    m_timeout.stop();
    m_result.latencyMs = m_elapsed.elapsed();
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    m_result.httpStatus = status.isValid() ? status.toInt() : 0;
    const QByteArray body = reply->readAll();
    const QString errorString = reply->errorString();
    dropReply();

    m_result.ok = m_result.httpStatus / 100 == 2;
    if (m_result.ok) {
        m_result.error.clear();
        finish();
        return;
    }
    if (m_result.httpStatus > 0) {
        const QString message = upstreamMessage(m_provider->type, body);
        m_result.error = message.isEmpty()
            ? QStringLiteral("HTTP %1").arg(m_result.httpStatus)
            : QStringLiteral("HTTP %1: %2").arg(m_result.httpStatus).arg(message);
    } else {
        m_result.error = errorString;
    }

    const int keys = int(m_provider->apiKeys.size());
    // Gemini answers a wrong key with 400 INVALID_ARGUMENT, reason API_KEY_INVALID.
    const bool keyRefused = m_result.httpStatus == 401 || m_result.httpStatus == 403
        || (m_provider->type == WireProtocol::Gemini && m_result.httpStatus == 400
            && body.contains("API_KEY_INVALID"));
    if (keyRefused && m_keysTried < keys) {
        sendWithKey((m_result.keyIndex + 1) % keys);
        return;
    }
    finish();
}

void ProbeRun::onTimeout()
{
    if (m_finished)
        return;
    m_result.latencyMs = m_elapsed.elapsed();
    m_result.httpStatus = 0;
    m_result.ok = false;
    m_result.error = QStringLiteral("timeout after %1 ms").arg(m_provider->timeoutMs);
    dropReply();
    finish();
}

void ProbeRun::finish()
{
    m_finished = true;
    m_timeout.stop();
    Q_EMIT finished();
}

void ProbeRun::dropReply()
{
    QNetworkReply *reply = m_reply.data();
    m_reply.clear();
    if (!reply)
        return;
    disconnect(reply, nullptr, this, nullptr);
    if (!reply->isFinished())
        reply->abort();
    reply->deleteLater();
}
