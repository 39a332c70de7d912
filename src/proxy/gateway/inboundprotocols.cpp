// The four inbound protocols. Each is a few lines of glue between the wire-format module in
// src/providers/ and ForwardRequest, so they share one file.
#include "inboundprotocol.h"

#include "anthropic/anthropicmessages.h"
#include "gemini/geminicontent.h"
#include "openai/openaichat.h"
#include "responses/openairesponses.h"

namespace {

GatewayError invalid(const QString &message)
{
    return GatewayError::make(GatewayError::Kind::InvalidRequest, message);
}

class OpenAiChatInbound final : public InboundProtocol
{
public:
    WireProtocol protocol() const override { return WireProtocol::OpenAiChat; }

    bool parse(const QHttpServerRequest &request, const QString &, ForwardRequest *forward,
               GatewayError *error) const override
    {
        const QByteArray body = request.body();
        QString message;
        const auto info = OpenAiChat::inspectRequest(body, &message);
        if (!info) {
            *error = invalid(message);
            return false;
        }
        forward->model = info->model;
        forward->stream = info->stream;
        // The gateway asks for include_usage to count tokens; a client that did not ask
        // does not get the usage-only chunk.
        if (info->stream && !info->clientIncludeUsage)
            forward->framing = ClientStreamFramer::Mode::DropUsage;
        forward->upstreamBody = [body, info = *info](const RouteEntry &route) {
            return OpenAiChat::upstreamBody(body, info, route.upstreamModel);
        };
        return true;
    }
};

class ResponsesInbound final : public InboundProtocol
{
public:
    WireProtocol protocol() const override { return WireProtocol::OpenAiResponses; }

    bool parse(const QHttpServerRequest &request, const QString &, ForwardRequest *forward,
               GatewayError *error) const override
    {
        const QByteArray body = request.body();
        QString message;
        const auto info = OpenAiResponses::inspectRequest(body, &message);
        if (!info) {
            *error = invalid(message);
            return false;
        }
        forward->model = info->model;
        forward->stream = info->stream;
        forward->upstreamBody = [body, info = *info](const RouteEntry &route) {
            return OpenAiResponses::upstreamBody(body, info, route.upstreamModel);
        };
        return true;
    }
};

class AnthropicInbound final : public InboundProtocol
{
public:
    WireProtocol protocol() const override { return WireProtocol::Anthropic; }

    bool parse(const QHttpServerRequest &request, const QString &, ForwardRequest *forward,
               GatewayError *error) const override
    {
        const QByteArray body = request.body();
        QString message;
        const auto info = AnthropicMessages::inspectRequest(body, &message);
        if (!info) {
            *error = invalid(message);
            return false;
        }
        forward->model = info->model;
        forward->stream = info->stream;
        for (const auto &header : request.headers()) {
            if (AnthropicMessages::isPassThroughRequestHeader(header.first))
                forward->clientHeaders.append(header);
        }
        forward->upstreamBody = [body, info = *info](const RouteEntry &route) {
            return AnthropicMessages::upstreamBody(body, info, route.upstreamModel);
        };
        return true;
    }
};

class GeminiInbound final : public InboundProtocol
{
public:
    WireProtocol protocol() const override { return WireProtocol::Gemini; }

    bool parse(const QHttpServerRequest &request, const QString &pathArg, ForwardRequest *forward,
               GatewayError *error) const override
    {
        const QString query = request.url().query();
        const GeminiContent::GeminiPath path = GeminiContent::parsePath(pathArg, query);
        if (!path.ok) {
            *error = GatewayError::make(
                GatewayError::Kind::NotFound,
                path.method.isEmpty()
                    ? QStringLiteral("Unknown path: %1").arg(request.url().path())
                    : QStringLiteral("The method '%1' is not served by this gateway; use "
                                     "generateContent or streamGenerateContent.")
                          .arg(path.method));
            return false;
        }
        const QByteArray body = request.body();
        QString message;
        const auto info = GeminiContent::inspectRequest(body, path, &message);
        if (!info) {
            *error = invalid(message);
            return false;
        }
        forward->model = info->model;
        forward->stream = info->stream;
        if (path.stream && !path.sse)
            forward->framing = ClientStreamFramer::Mode::JsonArray;
        forward->upstreamBody = [body, info = *info](const RouteEntry &route) {
            return GeminiContent::upstreamBody(body, info, route.upstreamModel);
        };
        return true;
    }
};

} // namespace

const InboundProtocol &InboundProtocol::openAiChat()
{
    static const OpenAiChatInbound inbound;
    return inbound;
}

const InboundProtocol &InboundProtocol::openAiResponses()
{
    static const ResponsesInbound inbound;
    return inbound;
}

const InboundProtocol &InboundProtocol::anthropic()
{
    static const AnthropicInbound inbound;
    return inbound;
}

const InboundProtocol &InboundProtocol::gemini()
{
    static const GeminiInbound inbound;
    return inbound;
}
