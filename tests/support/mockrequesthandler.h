#pragma once

#include "mockhttprequestparser.h"
#include "mockprovider.h"
#include "mockresponsescript.h"
#include "wireprotocol.h"

#include <QString>
#include <QStringList>

#include <functional>

// Answers one request to the mock provider: finds the endpoint and its protocol from the
// method, path and headers, checks the key and the body as that API does, takes a Behavior
// (only for a request that passed those checks) and builds the script from the protocol's
// MockWire. Stateless apart from the Context; MockProvider keeps counters and queues.
class MockRequestHandler final
{
public:
    struct Context
    {
        QString provider; // the mock's name
        int number = 1; // the request's number since start or reset()
        QByteArray requiredKey; // empty: any key (or none) is accepted
        QStringList models;
        std::function<MockProvider::Behavior()> takeBehavior;
    };

    // The protocol a request speaks: by its endpoint, else (an unknown path, answered 404 in
    // that protocol's shape) by the SDK's tell-tale: a /v1beta path, x-goog-api-key or ?key=
    // for Gemini; anthropic-version or x-api-key for Anthropic; else OpenAI Chat Completions
    // (also GET /v1/models without anthropic-version, which the Responses API shares).
    static WireProtocol protocolOf(const MockHttpRequestParser::Request &request);

    MockRequestHandler(const MockHttpRequestParser::Request &request, Context context);

    MockResponseScript script() const;

private:
    enum class Endpoint {
        ChatCompletions, // POST /v1/chat/completions
        Responses, // POST /v1/responses
        Messages, // POST /v1/messages
        CountTokens, // POST /v1/messages/count_tokens
        Models, // GET /v1/models (OpenAI or Anthropic shape)
        GeminiGenerate, // POST /v1beta/models/{model}:generateContent | :streamGenerateContent
        GeminiModels, // GET /v1beta/models
        Unknown,
    };

    struct Route
    {
        Endpoint endpoint = Endpoint::Unknown;
        WireProtocol protocol = WireProtocol::OpenAiChat;
        QString geminiModel; // from the path
        bool geminiStream = false; // streamGenerateContent
        bool geminiSse = false; // alt=sse
    };
    static Route route(const MockHttpRequestParser::Request &request);

    MockResponseScript notFound() const; // 404 in the protocol's shape
    MockResponseScript methodNotAllowed() const;
    // nullopt when the key is right; else the protocol's answer to a missing or wrong key.
    std::optional<MockResponseScript> checkKey() const;
    MockResponseScript fixed(int status, const QByteArray &contentType,
                             const QByteArray &body) const;

    MockResponseScript chatCompletions() const;
    MockResponseScript responses() const;
    MockResponseScript messages() const;
    MockResponseScript countTokens() const;
    MockResponseScript models() const;
    MockResponseScript geminiGenerate() const;
    MockResponseScript geminiModels() const;

    const MockHttpRequestParser::Request &m_request;
    const Context m_context;
    const Route m_route;
    const bool m_keepAlive;
    MockResponseScript::Headers m_baseHeaders;
};
