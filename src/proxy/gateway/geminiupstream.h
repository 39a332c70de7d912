#pragma once

#include "upstreamprotocol.h"

// Providers of type "gemini": POST {base_url}/v1beta/models/{model}:generateContent or
// :streamGenerateContent?alt=sse with x-goog-api-key. Streams are always asked for as SSE;
// a client that wants Google's JSON-array stream gets it re-framed by the gateway.
class GeminiUpstream final : public UpstreamProtocol
{
public:
    QNetworkRequest makeRequest(const ProviderConfig &provider, const QByteArray &apiKey,
                                const UpstreamCall &call) const override;
    TokenUsage usageFromResponse(QByteArrayView body) const override;
    StreamEventKind classify(const SseEvent &event, TokenUsage *usage,
                             bool *terminal) const override;
    QString errorMessage(QByteArrayView body) const override;
    // Google answers a wrong key with 400 INVALID_ARGUMENT, reason API_KEY_INVALID.
    bool isCredentialError(int status, QByteArrayView body) const override;
    // Google sends no Retry-After on 429; the delay is in the body's RetryInfo.
    qint64 retryAfterMsFromBody(QByteArrayView body) const override;
};
