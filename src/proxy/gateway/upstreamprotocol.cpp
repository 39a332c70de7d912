#include "upstreamprotocol.h"

#include "anthropicupstream.h"
#include "geminiupstream.h"
#include "openaichatupstream.h"
#include "responsesupstream.h"

#include <QUrl>

const UpstreamProtocol *UpstreamProtocol::forType(WireProtocol protocol)
{
    static const OpenAiChatUpstream openAiChat;
    static const ResponsesUpstream responses;
    static const AnthropicUpstream anthropic;
    static const GeminiUpstream gemini;
    switch (protocol) {
    case WireProtocol::OpenAiChat:
        return &openAiChat;
    case WireProtocol::OpenAiResponses:
        return &responses;
    case WireProtocol::Anthropic:
        return &anthropic;
    case WireProtocol::Gemini:
        return &gemini;
    }
    return nullptr;
}

bool UpstreamProtocol::isCredentialError(int status, QByteArrayView) const
{
    return status == 401 || status == 403;
}

qint64 UpstreamProtocol::retryAfterMsFromBody(QByteArrayView) const
{
    return -1;
}

bool UpstreamProtocol::passResponseHeader(QByteArrayView) const
{
    return false;
}

QNetworkRequest UpstreamProtocol::jsonRequest(const QString &base, const QString &path, bool stream)
{
    QStringView trimmed(base);
    while (trimmed.endsWith(QLatin1Char('/')))
        trimmed.chop(1);
    QNetworkRequest request(QUrl(trimmed + path));
    request.setRawHeader(QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json"));
    request.setRawHeader(QByteArrayLiteral("Accept"),
                         stream ? QByteArrayLiteral("text/event-stream")
                                : QByteArrayLiteral("application/json"));
    return request;
}
