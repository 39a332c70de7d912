#include "openaichatupstream.h"

#include "openai/openaichat.h"

#include <QUrl>

QNetworkRequest OpenAiChatUpstream::makeRequest(const ProviderConfig &provider,
                                                const QByteArray &apiKey, const QString &,
                                                bool stream) const
{
    QString base = provider.baseUrl;
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    QNetworkRequest request(QUrl(base + QStringLiteral("/chat/completions")));
    request.setRawHeader(QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json"));
    request.setRawHeader(QByteArrayLiteral("Accept"),
                         stream ? QByteArrayLiteral("text/event-stream")
                                : QByteArrayLiteral("application/json"));
    if (!apiKey.isEmpty())
        request.setRawHeader(QByteArrayLiteral("Authorization"), "Bearer " + apiKey);
    return request;
}

TokenUsage OpenAiChatUpstream::usageFromResponse(QByteArrayView body) const
{
    return OpenAiChat::usageFromResponse(body);
}

StreamEventKind OpenAiChatUpstream::classify(const SseEvent &event, TokenUsage *usage) const
{
    return OpenAiChat::classifyStreamEvent(event, usage);
}

QString OpenAiChatUpstream::errorMessage(QByteArrayView body) const
{
    return OpenAiChat::errorMessageFromBody(body);
}
