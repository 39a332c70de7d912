#pragma once

#include "upstreamprotocol.h"

// Providers of type "anthropic": POST {base_url}/v1/messages with x-api-key and
// anthropic-version; the client's anthropic-* headers (version, beta flags) are passed on.
class AnthropicUpstream final : public UpstreamProtocol
{
public:
    QNetworkRequest makeRequest(const ProviderConfig &provider, const QByteArray &apiKey,
                                const UpstreamCall &call) const override;
    TokenUsage usageFromResponse(QByteArrayView body) const override;
    StreamEventKind classify(const SseEvent &event, TokenUsage *usage,
                             bool *terminal) const override;
    QString errorMessage(QByteArrayView body) const override;
    bool passResponseHeader(QByteArrayView name) const override;
};
