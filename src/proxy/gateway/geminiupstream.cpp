#include "geminiupstream.h"

#include "gemini/geminicontent.h"

QNetworkRequest GeminiUpstream::makeRequest(const ProviderConfig &provider,
                                            const QByteArray &apiKey,
                                            const UpstreamCall &call) const
{
    QNetworkRequest request
        = jsonRequest(provider.baseUrl,
                      call.pathOverride.isEmpty()
                          ? GeminiContent::upstreamPath(call.upstreamModel, call.stream, true)
                          : call.pathOverride,
                      call.stream);
    if (!apiKey.isEmpty())
        request.setRawHeader(QByteArrayLiteral("x-goog-api-key"), apiKey);
    return request;
}

TokenUsage GeminiUpstream::usageFromResponse(QByteArrayView body) const
{
    return GeminiContent::usageFromResponse(body);
}

StreamEventKind GeminiUpstream::classify(const SseEvent &event, TokenUsage *usage,
                                         bool *terminal) const
{
    return GeminiContent::classifyStreamEvent(event, usage, terminal);
}

QString GeminiUpstream::errorMessage(QByteArrayView body) const
{
    return GeminiContent::errorMessageFromBody(body);
}

bool GeminiUpstream::isCredentialError(int status, QByteArrayView body) const
{
    if (UpstreamProtocol::isCredentialError(status, body))
        return true;
    if (status != 400)
        return false;
    const auto info = GeminiContent::errorFromBody(body);
    return info && info->reason == QLatin1String("API_KEY_INVALID");
}

qint64 GeminiUpstream::retryAfterMsFromBody(QByteArrayView body) const
{
    return GeminiContent::retryDelayMsFromBody(body).value_or(-1);
}
