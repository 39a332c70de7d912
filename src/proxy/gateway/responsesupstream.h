#pragma once

#include "upstreamprotocol.h"

// Providers of type "openai-responses": POST {base_url}/responses with a Bearer key.
class ResponsesUpstream final : public UpstreamProtocol
{
public:
    QNetworkRequest makeRequest(const ProviderConfig &provider, const QByteArray &apiKey,
                                const UpstreamCall &call) const override;
    TokenUsage usageFromResponse(QByteArrayView body) const override;
    StreamEventKind classify(const SseEvent &event, TokenUsage *usage,
                             bool *terminal) const override;
    QString errorMessage(QByteArrayView body) const override;
};
