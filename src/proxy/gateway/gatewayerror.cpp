#include "gatewayerror.h"

#include "anthropic/anthropicmessages.h"
#include "gemini/geminicontent.h"
#include "openai/openaichat.h"
#include "responses/openairesponses.h"

static int statusOf(GatewayError::Kind kind)
{
    using Kind = GatewayError::Kind;
    switch (kind) {
    case Kind::InvalidRequest:
        return 400;
    case Kind::Authentication:
        return 401;
    case Kind::PermissionDenied:
        return 403;
    case Kind::NotFound:
        return 404;
    case Kind::MethodNotAllowed:
        return 405;
    case Kind::PayloadTooLarge:
        return 413;
    case Kind::RateLimited:
        return 429;
    case Kind::Unavailable:
        return 503;
    case Kind::Timeout:
        return 504;
    case Kind::UpstreamError:
        return 502;
    case Kind::Internal:
        return 500;
    }
    return 500;
}

GatewayError GatewayError::make(Kind kind, const QString &message, const QString &code)
{
    return GatewayError { kind, statusOf(kind), message, code };
}

// OpenAI's error `type` values as its API reference uses them.
static QString openAiType(GatewayError::Kind kind)
{
    using Kind = GatewayError::Kind;
    switch (kind) {
    case Kind::InvalidRequest:
    case Kind::NotFound:
    case Kind::MethodNotAllowed:
    case Kind::PayloadTooLarge:
        return QStringLiteral("invalid_request_error");
    case Kind::Authentication:
        return QStringLiteral("authentication_error");
    case Kind::PermissionDenied:
        return QStringLiteral("permission_error");
    case Kind::RateLimited:
        return QStringLiteral("rate_limit_error");
    case Kind::Unavailable:
    case Kind::Timeout:
    case Kind::UpstreamError:
    case Kind::Internal:
        return QStringLiteral("server_error");
    }
    return QStringLiteral("server_error");
}

QByteArray GatewayErrors::body(WireProtocol protocol, const GatewayError &error)
{
    switch (protocol) {
    case WireProtocol::OpenAiChat:
        return OpenAiChat::errorBody(error.message, openAiType(error.kind), error.code);
    case WireProtocol::OpenAiResponses:
        return OpenAiResponses::errorBody(error.status, error.message, error.code);
    case WireProtocol::Anthropic:
        return AnthropicMessages::errorBody(error.status, error.message);
    case WireProtocol::Gemini:
        return GeminiContent::errorBody(error.status, error.message);
    }
    return {};
}

QByteArray GatewayErrors::streamEvent(WireProtocol protocol, const GatewayError &error)
{
    switch (protocol) {
    case WireProtocol::OpenAiChat:
        return OpenAiChat::errorEvent(error.message, openAiType(error.kind), error.code);
    case WireProtocol::OpenAiResponses:
        // The reference's `error` event for SDKs, then `response.failed`: Codex CLI reads only
        // the latter and would otherwise report "stream closed before response.completed".
        return OpenAiResponses::errorEvent(error.status, error.message, error.code)
            + OpenAiResponses::failedEvent(error.status, error.message, error.code);
    case WireProtocol::Anthropic:
        return AnthropicMessages::errorEvent(error.status, error.message);
    case WireProtocol::Gemini:
        return GeminiContent::errorEvent(error.status, error.message);
    }
    return {};
}

WireProtocol GatewayErrors::protocolForPath(QByteArrayView path)
{
    if (path.startsWith("/v1/messages"))
        return WireProtocol::Anthropic;
    if (path.startsWith("/v1/responses"))
        return WireProtocol::OpenAiResponses;
    if (path.startsWith("/v1beta/") || QByteArrayView(path).indexOf(":generateContent") >= 0
        || QByteArrayView(path).indexOf(":streamGenerateContent") >= 0)
        return WireProtocol::Gemini;
    return WireProtocol::OpenAiChat;
}
