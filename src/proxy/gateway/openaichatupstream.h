#pragma once

#include "upstreamprotocol.h"

// Providers of type "openai": POST {base_url}/chat/completions with a Bearer key.
class OpenAiChatUpstream final : public UpstreamProtocol
{
public:
    QNetworkRequest makeRequest(const ProviderConfig &provider, const QByteArray &apiKey,
                                const QString &upstreamModel, bool stream) const override;
    TokenUsage usageFromResponse(QByteArrayView body) const override;
    EventKind classify(const SseEvent &event, TokenUsage *usage) const override;
    QString errorMessage(QByteArrayView body) const override;
};
