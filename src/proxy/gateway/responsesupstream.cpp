#include "responsesupstream.h"

#include "responses/openairesponses.h"

QNetworkRequest ResponsesUpstream::makeRequest(const ProviderConfig &provider,
                                               const QByteArray &apiKey,
                                               const UpstreamCall &call) const
{
    QNetworkRequest request = jsonRequest(
        provider.baseUrl,
        call.pathOverride.isEmpty() ? OpenAiResponses::upstreamPath(call.upstreamModel, call.stream)
                                    : call.pathOverride,
        call.stream);
    if (!apiKey.isEmpty())
        request.setRawHeader(QByteArrayLiteral("Authorization"), "Bearer " + apiKey);
    return request;
}

TokenUsage ResponsesUpstream::usageFromResponse(QByteArrayView body) const
{
    return OpenAiResponses::usageFromResponse(body);
}

StreamEventKind ResponsesUpstream::classify(const SseEvent &event, TokenUsage *usage,
                                            bool *terminal) const
{
    const StreamEventKind kind = OpenAiResponses::classifyStreamEvent(event, usage);
    *terminal = kind == StreamEventKind::Done;
    return kind;
}

QString ResponsesUpstream::errorMessage(QByteArrayView body) const
{
    return OpenAiResponses::errorMessageFromBody(body);
}
