#pragma once

#include "upstreamprotocol.h"

// Providers of type "openai": POST {base_url}/chat/completions with a Bearer key.
class OpenAiChatUpstream final : public UpstreamProtocol
{
public:
    QNetworkRequest makeRequest(const ProviderConfig &provider, const QByteArray &apiKey,
                                const UpstreamCall &call) const override;
    TokenUsage usageFromResponse(QByteArrayView body) const override;
    StreamEventKind classify(const SseEvent &event, TokenUsage *usage,
                             bool *terminal) const override;
    QString errorMessage(QByteArrayView body) const override;
};
