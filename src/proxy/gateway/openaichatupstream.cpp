#include "openaichatupstream.h"

#include "openai/openaichat.h"

QNetworkRequest OpenAiChatUpstream::makeRequest(const ProviderConfig &provider,
                                                const QByteArray &apiKey,
                                                const UpstreamCall &call) const
{
    QNetworkRequest request = jsonRequest(
        provider.baseUrl,
        call.pathOverride.isEmpty() ? QStringLiteral("/chat/completions") : call.pathOverride,
        call.stream);
    if (!apiKey.isEmpty())
        request.setRawHeader(QByteArrayLiteral("Authorization"), "Bearer " + apiKey);
    return request;
}

TokenUsage OpenAiChatUpstream::usageFromResponse(QByteArrayView body) const
{
    return OpenAiChat::usageFromResponse(body);
}

StreamEventKind OpenAiChatUpstream::classify(const SseEvent &event, TokenUsage *usage,
                                             bool *terminal) const
{
    const StreamEventKind kind = OpenAiChat::classifyStreamEvent(event, usage);
    *terminal = kind == StreamEventKind::Done;
    return kind;
}

QString OpenAiChatUpstream::errorMessage(QByteArrayView body) const
{
    return OpenAiChat::errorMessageFromBody(body);
}
