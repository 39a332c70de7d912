#pragma once

#include "config/configtypes.h"
#include "http/clientresponse.h"
#include "sse/sseparser.h"
#include "streameventkind.h"
#include "tokenusage.h"

#include <QNetworkRequest>

// One call to an upstream: what the forwarding job asks a provider for.
struct UpstreamCall
{
    QString upstreamModel;
    bool stream = false;
    // Client request headers the protocol passes on (e.g. anthropic-version, anthropic-beta).
    HttpHeaderList clientHeaders;
    // A path other than the protocol's generation endpoint (Anthropic count_tokens).
    QString pathOverride;
};

// What the forwarding path needs to know about a provider's wire protocol: where to send,
// how to authenticate, and how to read usage, stream events and errors from the answer.
// One stateless implementation per provider type; the forwarding job stays protocol-neutral.
// Upstream streams are always Server-Sent Events (Gemini is asked with alt=sse).
class UpstreamProtocol
{
public:
    virtual ~UpstreamProtocol() = default;

    // The request for one attempt: URL, auth and protocol headers. The provider's extra
    // headers are added by the caller.
    virtual QNetworkRequest makeRequest(const ProviderConfig &provider, const QByteArray &apiKey,
                                        const UpstreamCall &call) const = 0;
    virtual TokenUsage usageFromResponse(QByteArrayView body) const = 0;
    // Classifies one stream event and fills *usage when it carries token counts. *terminal
    // says whether the stream may properly end after this event (OpenAI "[DONE]", Anthropic
    // message_stop, Responses response.completed, a Gemini chunk with a finishReason).
    virtual StreamEventKind classify(const SseEvent &event, TokenUsage *usage,
                                     bool *terminal) const = 0;
    // A readable message from an upstream error body.
    virtual QString errorMessage(QByteArrayView body) const = 0;
    // Whether an error answer means the API key is broken (the key is set aside and the next
    // one tried). 401 and 403 everywhere; Gemini also says so with a 400.
    virtual bool isCredentialError(int status, QByteArrayView body) const;
    // A retry delay carried in an error body (Gemini's RetryInfo), -1 when none.
    virtual qint64 retryAfterMsFromBody(QByteArrayView body) const;
    // Whether to pass this upstream response header back to the client.
    virtual bool passResponseHeader(QByteArrayView name) const;

    // The stateless implementation for a provider type.
    static const UpstreamProtocol *forType(WireProtocol protocol);

protected:
    // `base` (the provider's base_url, trailing slashes ignored) + `path`.
    static QNetworkRequest jsonRequest(const QString &base, const QString &path, bool stream);
};
