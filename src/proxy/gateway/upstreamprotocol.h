#pragma once

#include "config/configtypes.h"
#include "sse/sseparser.h"
#include "streameventkind.h"
#include "tokenusage.h"

#include <QNetworkRequest>

// What the forwarding path needs to know about a provider's wire protocol: where to send,
// how to authenticate, and how to read usage, stream events and errors from the answer.
// One implementation per provider type; the forwarding job stays protocol-neutral.
class UpstreamProtocol
{
public:
    using EventKind = StreamEventKind;

    virtual ~UpstreamProtocol() = default;

    // The request for one attempt: URL, auth and protocol headers. Extra provider headers
    // are added by the caller.
    virtual QNetworkRequest makeRequest(const ProviderConfig &provider, const QByteArray &apiKey,
                                        const QString &upstreamModel, bool stream) const = 0;
    virtual TokenUsage usageFromResponse(QByteArrayView body) const = 0;
    // Classifies one stream event; fills *usage when the event carries token counts.
    virtual EventKind classify(const SseEvent &event, TokenUsage *usage) const = 0;
    // A readable message from an upstream error body.
    virtual QString errorMessage(QByteArrayView body) const = 0;

    // The stateless implementation for a provider type; nullptr for a type not served yet.
    static const UpstreamProtocol *forType(WireProtocol protocol);
};
