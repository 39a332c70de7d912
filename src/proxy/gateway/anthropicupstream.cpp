#include "anthropicupstream.h"

#include "anthropic/anthropicmessages.h"

QNetworkRequest AnthropicUpstream::makeRequest(const ProviderConfig &provider,
                                               const QByteArray &apiKey,
                                               const UpstreamCall &call) const
{
    QNetworkRequest request
        = jsonRequest(provider.baseUrl,
                      call.pathOverride.isEmpty()
                          ? AnthropicMessages::upstreamPath(call.upstreamModel, call.stream)
                          : call.pathOverride,
                      call.stream);
    if (!apiKey.isEmpty())
        request.setRawHeader(QByteArrayLiteral("x-api-key"), apiKey);
    request.setRawHeader(QByteArrayLiteral("anthropic-version"),
                         AnthropicMessages::defaultApiVersion());
    for (const auto &header : call.clientHeaders)
        request.setRawHeader(header.first, header.second); // the client's version wins
    return request;
}

TokenUsage AnthropicUpstream::usageFromResponse(QByteArrayView body) const
{
    return AnthropicMessages::usageFromResponse(body);
}

StreamEventKind AnthropicUpstream::classify(const SseEvent &event, TokenUsage *usage,
                                            bool *terminal) const
{
    const StreamEventKind kind = AnthropicMessages::classifyStreamEvent(event, usage);
    *terminal = kind == StreamEventKind::Done;
    return kind;
}

QString AnthropicUpstream::errorMessage(QByteArrayView body) const
{
    return AnthropicMessages::errorMessageFromBody(body);
}

bool AnthropicUpstream::passResponseHeader(QByteArrayView name) const
{
    return AnthropicMessages::isPassThroughResponseHeader(name);
}
