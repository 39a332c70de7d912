#include "mockrequesthandler.h"

#include "mockanthropicwire.h"
#include "mockchatwire.h"
#include "mockgeminiwire.h"
#include "mockopenaiwire.h"
#include "mockresponseswire.h"
#include "mockscripts.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>
#include <QUrlQuery>

#include <utility>

namespace {
using Behavior = MockProvider::Behavior;

const QByteArray kJson = QByteArrayLiteral("application/json");

MockReply replyFor(const Behavior &b, const MockRequestHandler::Context &context,
                   const QString &model)
{
    MockReply r;
    r.number = context.number;
    r.provider = context.provider;
    r.model = model;
    r.text = b.text;
    r.thinking = b.thinking;
    r.toolCallName = b.toolCallName;
    r.toolCallArguments = b.toolCallArguments;
    r.promptTokens = b.promptTokens;
    r.completionTokens = b.completionTokens;
    r.cachedTokens = b.cachedTokens;
    r.reasoningTokens = b.reasoningTokens;
    return r;
}

mockopenai::Error invalidRequest(const QString &message, const QByteArray &param = "null",
                                 const QByteArray &code = "null")
{
    return { message, QStringLiteral("invalid_request_error"), param, code };
}

QString queryValue(const QByteArray &target, const QString &key)
{
    const qsizetype q = target.indexOf('?');
    if (q < 0)
        return {};
    return QUrlQuery(QString::fromUtf8(target.mid(q + 1))).queryItemValue(key, QUrl::FullyDecoded);
}
} // namespace

MockRequestHandler::Route MockRequestHandler::route(const MockHttpRequestParser::Request &request)
{
    const QByteArray path = request.path();
    Route r;
    if (path == "/v1/chat/completions") {
        r.endpoint = Endpoint::ChatCompletions;
    } else if (path == "/v1/responses") {
        r.endpoint = Endpoint::Responses;
        r.protocol = WireProtocol::OpenAiResponses;
    } else if (path == "/v1/messages" || path == "/v1/messages/count_tokens") {
        r.endpoint = path == "/v1/messages" ? Endpoint::Messages : Endpoint::CountTokens;
        r.protocol = WireProtocol::Anthropic;
    } else if (path == "/v1/models") {
        r.endpoint = Endpoint::Models;
        if (!request.header(QByteArrayLiteral("anthropic-version")).isEmpty())
            r.protocol = WireProtocol::Anthropic;
    } else if (path == "/v1beta/models") {
        r.endpoint = Endpoint::GeminiModels;
        r.protocol = WireProtocol::Gemini;
    } else if (path.startsWith("/v1beta/models/") || path.startsWith("/v1/models/")) {
        // Gemini's "{model}:{method}"; newer Google SDKs use /v1. Without the colon it is
        // OpenAI's GET /v1/models/{id}, which the mock does not serve.
        const QByteArray rest = path.mid(path.indexOf("/models/") + 8);
        const qsizetype colon = rest.lastIndexOf(':');
        if (colon > 0) {
            r.protocol = WireProtocol::Gemini;
            r.geminiModel = QUrl::fromPercentEncoding(rest.left(colon));
            const QByteArray method = rest.mid(colon + 1);
            if (method == "generateContent" || method == "streamGenerateContent") {
                r.endpoint = Endpoint::GeminiGenerate;
                r.geminiStream = method == "streamGenerateContent";
                r.geminiSse
                    = queryValue(request.target, QStringLiteral("alt")) == QLatin1String("sse");
            }
        }
    }
    if (r.endpoint == Endpoint::Unknown && r.protocol == WireProtocol::OpenAiChat) {
        if (path.startsWith("/v1beta/") || !request.header("x-goog-api-key").isEmpty()
            || !queryValue(request.target, QStringLiteral("key")).isEmpty()) {
            r.protocol = WireProtocol::Gemini;
        } else if (!request.header("anthropic-version").isEmpty()
                   || !request.header("x-api-key").isEmpty()) {
            r.protocol = WireProtocol::Anthropic;
        }
    }
    return r;
}

WireProtocol MockRequestHandler::protocolOf(const MockHttpRequestParser::Request &request)
{
    return route(request).protocol;
}

MockRequestHandler::MockRequestHandler(const MockHttpRequestParser::Request &request,
                                       Context context)
    : m_request(request)
    , m_context(std::move(context))
    , m_route(route(request))
    , m_keepAlive(request.keepAlive())
{
    const QByteArray number = QByteArrayLiteral("req_mock_") + QByteArray::number(m_context.number);
    switch (m_route.protocol) {
    case WireProtocol::OpenAiChat:
    case WireProtocol::OpenAiResponses:
        m_baseHeaders.append({ QByteArrayLiteral("x-request-id"), number });
        break;
    case WireProtocol::Anthropic:
        m_baseHeaders.append({ QByteArrayLiteral("request-id"), number });
        break;
    case WireProtocol::Gemini:
        break;
    }
    m_baseHeaders.append({ QByteArrayLiteral("X-Mock-Provider"), m_context.provider.toUtf8() });
}

MockResponseScript MockRequestHandler::fixed(int status, const QByteArray &contentType,
                                             const QByteArray &body) const
{
    return mockscripts::fixed(status, contentType, body, m_baseHeaders, m_keepAlive);
}

MockResponseScript MockRequestHandler::script() const
{
    const bool isGet
        = m_route.endpoint == Endpoint::Models || m_route.endpoint == Endpoint::GeminiModels;
    if (m_route.endpoint == Endpoint::Unknown)
        return notFound();
    if (m_request.method != (isGet ? "GET" : "POST"))
        return methodNotAllowed();
    if (std::optional<MockResponseScript> refused = checkKey())
        return *refused;
    switch (m_route.endpoint) {
    case Endpoint::ChatCompletions:
        return chatCompletions();
    case Endpoint::Responses:
        return responses();
    case Endpoint::Messages:
        return messages();
    case Endpoint::CountTokens:
        return countTokens();
    case Endpoint::Models:
        return models();
    case Endpoint::GeminiGenerate:
        return geminiGenerate();
    case Endpoint::GeminiModels:
        return geminiModels();
    case Endpoint::Unknown:
        break;
    }
    return notFound();
}

MockResponseScript MockRequestHandler::notFound() const
{
    switch (m_route.protocol) {
    case WireProtocol::Anthropic:
        return fixed(404, kJson,
                     MockAnthropicWire::errorBody(QStringLiteral("not_found_error"),
                                                  QStringLiteral("Not Found")));
    case WireProtocol::Gemini:
        return fixed(404, "application/json; charset=UTF-8",
                     MockGeminiWire::errorBody(404, QStringLiteral("Method not found."),
                                               QStringLiteral("NOT_FOUND")));
    case WireProtocol::OpenAiChat:
    case WireProtocol::OpenAiResponses:
        break;
    }
    return fixed(404, kJson,
                 mockopenai::errorBody(
                     invalidRequest(QStringLiteral("Invalid URL (")
                                    + QString::fromLatin1(m_request.method) + QLatin1Char(' ')
                                    + QString::fromLatin1(m_request.path()) + QLatin1Char(')'))));
}

MockResponseScript MockRequestHandler::methodNotAllowed() const
{
    switch (m_route.protocol) {
    case WireProtocol::Anthropic:
        return fixed(405, kJson,
                     MockAnthropicWire::errorBody(QStringLiteral("invalid_request_error"),
                                                  QStringLiteral("Method Not Allowed")));
    case WireProtocol::Gemini:
        return fixed(405, "application/json; charset=UTF-8",
                     MockGeminiWire::errorBody(405, QStringLiteral("Method not allowed."),
                                               MockGeminiWire::statusName(405)));
    case WireProtocol::OpenAiChat:
    case WireProtocol::OpenAiResponses:
        break;
    }
    return fixed(405, kJson,
                 mockopenai::errorBody(invalidRequest(QStringLiteral("Method not allowed."))));
}

std::optional<MockResponseScript> MockRequestHandler::checkKey() const
{
    const QByteArray &key = m_context.requiredKey;
    if (key.isEmpty())
        return std::nullopt;
    switch (m_route.protocol) {
    case WireProtocol::Anthropic: {
        const QByteArray sent = m_request.header("x-api-key");
        if (sent == key)
            return std::nullopt;
        return fixed(401, kJson,
                     MockAnthropicWire::errorBody(
                         QStringLiteral("authentication_error"),
                         sent.isEmpty() ? QStringLiteral("x-api-key header is required")
                                        : QStringLiteral("invalid x-api-key")));
    }
    case WireProtocol::Gemini: {
        // The header, else the query parameter (the REST examples use both).
        QByteArray sent = m_request.header("x-goog-api-key");
        if (sent.isEmpty())
            sent = queryValue(m_request.target, QStringLiteral("key")).toUtf8();
        if (sent == key)
            return std::nullopt;
        // Google answers an unknown key 400 (reason API_KEY_INVALID), a missing one 403.
        return sent.isEmpty()
            ? fixed(403, "application/json; charset=UTF-8", MockGeminiWire::missingApiKeyBody())
            : fixed(400, "application/json; charset=UTF-8", MockGeminiWire::invalidApiKeyBody());
    }
    case WireProtocol::OpenAiChat:
    case WireProtocol::OpenAiResponses:
        if (m_request.header("Authorization") == "Bearer " + key)
            return std::nullopt;
        return fixed(401, kJson, mockopenai::errorBody(mockopenai::errorFor(401, {})));
    }
    return std::nullopt;
}

MockResponseScript MockRequestHandler::chatCompletions() const
{
    const QJsonDocument doc = QJsonDocument::fromJson(m_request.body);
    if (!doc.isObject()) {
        return fixed(400, kJson,
                     mockopenai::errorBody(
                         invalidRequest(QStringLiteral("We could not parse the JSON body of your "
                                                       "request. The OpenAI API expects a JSON "
                                                       "payload."))));
    }
    const QJsonObject body = doc.object();
    const QString model = body.value(QLatin1String("model")).toString();
    if (model.isEmpty()) {
        return fixed(400, kJson,
                     mockopenai::errorBody(
                         invalidRequest(QStringLiteral("you must provide a model parameter"))));
    }
    const bool stream = body.value(QLatin1String("stream")).toBool();
    const bool includeUsage = stream
        && body.value(QLatin1String("stream_options"))
               .toObject()
               .value(QLatin1String("include_usage"))
               .toBool();
    const Behavior b = m_context.takeBehavior();
    const MockChatWire wire(replyFor(b, m_context, model), includeUsage);
    return stream ? mockscripts::streamed(b, wire, m_baseHeaders, m_keepAlive)
                  : mockscripts::nonStreamed(b, wire.body(), wire, m_baseHeaders, m_keepAlive);
}

MockResponseScript MockRequestHandler::responses() const
{
    const QJsonDocument doc = QJsonDocument::fromJson(m_request.body);
    if (!doc.isObject()) {
        return fixed(400, kJson,
                     mockopenai::errorBody(
                         invalidRequest(QStringLiteral("We could not parse the JSON body of your "
                                                       "request. The OpenAI API expects a JSON "
                                                       "payload."))));
    }
    const QJsonObject body = doc.object();
    const QString model = body.value(QLatin1String("model")).toString();
    if (model.isEmpty()) {
        return fixed(400, kJson,
                     mockopenai::errorBody(
                         invalidRequest(QStringLiteral("Missing required parameter: 'model'."),
                                        "\"model\"", "\"missing_required_parameter\"")));
    }
    const Behavior b = m_context.takeBehavior();
    const MockResponsesWire wire(replyFor(b, m_context, model));
    return body.value(QLatin1String("stream")).toBool()
        ? mockscripts::streamed(b, wire, m_baseHeaders, m_keepAlive)
        : mockscripts::nonStreamed(b, wire.body(), wire, m_baseHeaders, m_keepAlive);
}

MockResponseScript MockRequestHandler::messages() const
{
    const QJsonDocument doc = QJsonDocument::fromJson(m_request.body);
    const QJsonObject body = doc.object();
    QString missing;
    if (!doc.isObject())
        missing = QStringLiteral("There was an error parsing the body of your request.");
    else if (body.value(QLatin1String("model")).toString().isEmpty())
        missing = QStringLiteral("model: Field required");
    else if (!body.value(QLatin1String("messages")).isArray())
        missing = QStringLiteral("messages: Field required");
    else if (body.value(QLatin1String("max_tokens")).toInt() < 1)
        missing = QStringLiteral("max_tokens: Field required");
    if (!missing.isEmpty()) {
        return fixed(
            400, kJson,
            MockAnthropicWire::errorBody(QStringLiteral("invalid_request_error"), missing));
    }
    const Behavior b = m_context.takeBehavior();
    const MockAnthropicWire wire(
        replyFor(b, m_context, body.value(QLatin1String("model")).toString()));
    return body.value(QLatin1String("stream")).toBool()
        ? mockscripts::streamed(b, wire, m_baseHeaders, m_keepAlive)
        : mockscripts::nonStreamed(b, wire.body(), wire, m_baseHeaders, m_keepAlive);
}

MockResponseScript MockRequestHandler::countTokens() const
{
    const QJsonDocument doc = QJsonDocument::fromJson(m_request.body);
    const QJsonObject body = doc.object();
    QString missing;
    if (!doc.isObject())
        missing = QStringLiteral("There was an error parsing the body of your request.");
    else if (body.value(QLatin1String("model")).toString().isEmpty())
        missing = QStringLiteral("model: Field required");
    else if (!body.value(QLatin1String("messages")).isArray())
        missing = QStringLiteral("messages: Field required");
    if (!missing.isEmpty()) {
        return fixed(
            400, kJson,
            MockAnthropicWire::errorBody(QStringLiteral("invalid_request_error"), missing));
    }
    const Behavior b = m_context.takeBehavior();
    const MockAnthropicWire wire(
        replyFor(b, m_context, body.value(QLatin1String("model")).toString()));
    return mockscripts::nonStreamed(b, MockAnthropicWire::countTokensBody(b.promptTokens), wire,
                                    m_baseHeaders, m_keepAlive);
}

MockResponseScript MockRequestHandler::models() const
{
    const Behavior b = m_context.takeBehavior();
    const MockReply reply = replyFor(b, m_context, QString());
    if (m_route.protocol == WireProtocol::Anthropic) {
        const MockAnthropicWire wire(reply);
        return mockscripts::nonStreamed(b, MockAnthropicWire::modelsBody(m_context.models), wire,
                                        m_baseHeaders, m_keepAlive);
    }
    const MockChatWire wire(reply, false);
    return mockscripts::nonStreamed(b, mockopenai::modelsBody(m_context.models, m_context.provider),
                                    wire, m_baseHeaders, m_keepAlive);
}

MockResponseScript MockRequestHandler::geminiGenerate() const
{
    const QJsonDocument doc = QJsonDocument::fromJson(m_request.body);
    QString error;
    if (!doc.isObject())
        error = QStringLiteral("Invalid JSON payload received.");
    else if (doc.object().value(QLatin1String("contents")).toArray().isEmpty())
        error = QStringLiteral("* GenerateContentRequest.contents: contents is not specified\n");
    else if (m_route.geminiModel.isEmpty())
        error = QStringLiteral("* GenerateContentRequest.model: model is not specified\n");
    if (!error.isEmpty()) {
        return fixed(400, "application/json; charset=UTF-8",
                     MockGeminiWire::errorBody(400, error, QStringLiteral("INVALID_ARGUMENT")));
    }
    const Behavior b = m_context.takeBehavior();
    const bool jsonArray = m_route.geminiStream && !m_route.geminiSse;
    const MockGeminiWire wire(replyFor(b, m_context, m_route.geminiModel), jsonArray);
    return m_route.geminiStream
        ? mockscripts::streamed(b, wire, m_baseHeaders, m_keepAlive)
        : mockscripts::nonStreamed(b, wire.body(), wire, m_baseHeaders, m_keepAlive);
}

MockResponseScript MockRequestHandler::geminiModels() const
{
    const Behavior b = m_context.takeBehavior();
    const MockGeminiWire wire(replyFor(b, m_context, QString()), false);
    return mockscripts::nonStreamed(b, MockGeminiWire::modelsBody(m_context.models), wire,
                                    m_baseHeaders, m_keepAlive);
}
