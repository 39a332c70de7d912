#pragma once

#include "forwardingjob.h"
#include "gatewayerror.h"

#include <QHttpServerRequest>

// Reads a client request of one wire protocol into a ForwardRequest: model, stream flag,
// how to frame the stream for the client, headers to pass on, and the body for each route.
// One stateless implementation per inbound protocol; InferenceEndpoints does the rest
// (auth, pause, the forwarding job) the same way for all of them.
class InboundProtocol
{
public:
    virtual ~InboundProtocol() = default;

    virtual WireProtocol protocol() const = 0;
    // `pathArg` is the route's path argument (Gemini: "model:method"), empty elsewhere.
    // False with *error (400 or 404) when the request is refused.
    virtual bool parse(const QHttpServerRequest &request, const QString &pathArg,
                       ForwardRequest *forward, GatewayError *error) const = 0;

    static const InboundProtocol &openAiChat();
    static const InboundProtocol &openAiResponses();
    static const InboundProtocol &anthropic();
    static const InboundProtocol &gemini();
};
