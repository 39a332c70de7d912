#pragma once

#include <QByteArray>
#include <QList>
#include <QMutex>
#include <QObject>
#include <QPair>
#include <QString>
#include <QStringList>

#include "mockhttprequestparser.h"
#include "mockresponsescript.h"
#include "wireprotocol.h"

class QTcpServer;
class MockHttpConnection;

// A provider for tests that speaks the four wire protocols of the gateway (OpenAI Chat
// Completions, OpenAI Responses, Anthropic Messages, Gemini generateContent), on a raw
// QTcpServer so that it controls every byte: it can answer correctly, fail with an HTTP error,
// hang, drop a stream or put an error event into it. Listens on 127.0.0.1 (ephemeral port by
// default). The bytes of each protocol are those of its published API reference; see the wire
// modules (mockchatwire.h, mockresponseswire.h, mockanthropicwire.h, mockgeminiwire.h).
//
// Endpoints (rootUrl() "http://127.0.0.1:<port>"; baseUrl(protocol) is what a provider's
// base_url would be: rootUrl() + "/v1" for the OpenAI protocols, rootUrl() for the others):
//   POST /v1/chat/completions  "stream" from the body, stream_options.include_usage honoured,
//                              id "chatcmpl-mock-<n>", system_fingerprint "fp_<name>"
//   POST /v1/responses         "stream" from the body, id "resp_<name>_<n>"
//   POST /v1/messages          "stream" from the body (model, messages, max_tokens required),
//                              id "msg_<name>_<n>"; the query (?beta=true) is ignored
//   POST /v1/messages/count_tokens  {"input_tokens": promptTokens}
//   GET  /v1/models            OpenAI's "list" object, or with an anthropic-version header
//                              Anthropic's {"data":[...],"has_more":false,...}
//   POST /v1beta/models/{model}:generateContent, :streamGenerateContent (?alt=sse: SSE;
//                              without: a JSON array); also under /v1/models/{model}:...
//   GET  /v1beta/models        Gemini's {"models":[...]}
// where n is the request's number since start or reset(). Other paths answer 404 in the
// protocol's error shape (see ReceivedRequest::protocol). A request whose body the API would
// refuse (not JSON, no model, ...) answers 400 in the protocol's shape and takes no queued
// behavior.
//
// Each request to an endpoint takes the next queued behavior (FIFO), else the default one.
// Non-streamed requests (and model lists, count_tokens) map the stream kinds as follows:
// DropMidStream sends half of the body and closes; HangMidStream sends half and goes silent;
// ErrorEvent* answer an HTTP error with `status`.
//
// Lives in the thread that created it; the accessors and setters are thread-safe, so a test
// may read counters while the provider serves from another thread.
class MockProvider final : public QObject
{
    Q_OBJECT
public:
    struct Behavior
    {
        // A stream's "content events" are its output: text words, tool call argument pieces,
        // thinking words. Lead events (role chunk, message_start, response.created, block
        // starts, ping) come before them; closing events (finish reason, usage, terminal
        // event) are sent only by a complete stream.
        enum class Kind {
            Ok, // a complete, correct reply
            HttpError, // `status` with `body` (default: the protocol's error body for status)
            Hang, // read the request, never answer; ends when the client closes (aborted)
            DropMidStream, // headers, lead events, two content events, then close the socket
            // Stream headers, the protocol's error event, end of stream: OpenAI chat
            // data {"error":{...}}; Anthropic event: error (overloaded_error for any 5xx);
            // Responses response.created, response.in_progress, then an "error" event; Gemini a
            // data {"error":{...}} event (alt=sse) or an array holding the error object.
            ErrorEventBeforeContent,
            // Lead events, one content event, the error event, end. Responses adds
            // response.failed after its "error" event; the others send the event above.
            ErrorEventAfterContent,
            HangMidStream, // headers, lead events, one content event, then silence
        };
        Kind kind = Kind::Ok;
        int status = 500; // HttpError; also picks the error of ErrorEvent*
        QByteArray body; // HttpError body (default: the protocol's error JSON for status)
        QList<QPair<QByteArray, QByteArray>> headers; // extra response headers ("Retry-After")
        QString text = QStringLiteral("Hello from the mock provider."); // streamed word by word
        // Non-empty: reasoning before the answer, streamed word by word: an Anthropic thinking
        // block (thinking_delta, then a signature_delta) or Gemini thought parts. Ignored by
        // the OpenAI protocols.
        QString thinking;
        int chunkDelayMs = 0; // delay between stream chunks
        // Token counts as OpenAI counts them; each protocol reports them its own way (e.g.
        // Anthropic input_tokens = promptTokens - cachedTokens, cache_read_input_tokens =
        // cachedTokens; Gemini candidatesTokenCount = completionTokens - reasoningTokens,
        // thoughtsTokenCount = reasoningTokens), so the totals are the same in every protocol.
        int promptTokens = 11, completionTokens = 7, cachedTokens = 3;
        int reasoningTokens = 0; // part of completionTokens
        // Non-empty: the reply is a tool call (no text) whose arguments arrive in these pieces
        // (OpenAI tool_calls deltas, Responses function_call_arguments.delta, Anthropic
        // input_json_delta). Gemini sends the call whole: the pieces must join to a JSON object.
        QList<QString> toolCallArguments;
        QString toolCallName = QStringLiteral("get_weather");
    };

    struct ReceivedRequest
    {
        QByteArray method, path; // path as sent, query string included
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray body; // decoded (chunked request bodies are joined)
        // The protocol of the endpoint (see MockRequestHandler::protocolOf() for unknown paths).
        WireProtocol protocol = WireProtocol::OpenAiChat;
        QByteArray header(const QByteArray &name) const; // case-insensitive; empty if absent
    };

    // `name` tells providers apart in answers: header "X-Mock-Provider", system_fingerprint
    // "fp_<name>", owned_by of the OpenAI model list and the ids of the other protocols.
    explicit MockProvider(const QString &name = QStringLiteral("mock"), QObject *parent = nullptr);
    ~MockProvider() override;

    bool listen(quint16 port = 0);
    quint16 port() const;
    QString rootUrl() const; // "http://127.0.0.1:<port>"
    QString baseUrl() const; // "http://127.0.0.1:<port>/v1": OpenAI's base_url
    // The base_url of a provider of that type: rootUrl() + "/v1" for the OpenAI protocols,
    // rootUrl() for Anthropic and Gemini (their paths start with /v1 and /v1beta).
    QString baseUrl(WireProtocol protocol) const;
    QString name() const { return m_name; }

    void setDefaultBehavior(const Behavior &b);
    void enqueueBehavior(const Behavior &b); // FIFO, each used by one request, then the default
    void setModels(const QStringList &ids); // ids listed by GET /v1/models and /v1beta/models
    // When set, requests must carry the key the way their protocol's API takes it, else they
    // answer as that API does: OpenAI "Authorization: Bearer <key>" (401 invalid_api_key);
    // Anthropic "x-api-key" (401 authentication_error); Gemini "x-goog-api-key" or "?key="
    // (a wrong key 400 INVALID_ARGUMENT with reason API_KEY_INVALID, none 403).
    void setRequiredApiKey(const QByteArray &key);

    QList<ReceivedRequest> requests() const;
    int requestCount() const;
    int abortedCount() const; // requests whose client closed before the response was complete
    int maxConcurrent() const; // most requests in flight at once
    int inFlight() const;
    int connectionCount() const; // connections accepted (keep-alive reuses one)
    void reset(); // clears records, counters and queued behaviors (open exchanges go on)
    // Closes every open connection, hanging ones included (they end as not aborted).
    void closeAllConnections();

Q_SIGNALS:
    void requestReceived();
    void requestAborted();

private:
    MockResponseScript handle(const MockHttpRequestParser::Request &request);
    Behavior takeBehavior();
    void onNewConnection();
    void onExchangeFinished(bool aborted);

    const QString m_name;
    QTcpServer *m_server;
    QList<MockHttpConnection *> m_connections;

    mutable QMutex m_mutex; // guards everything below
    Behavior m_defaultBehavior;
    QList<Behavior> m_queue;
    QStringList m_models;
    QByteArray m_requiredKey;
    QList<ReceivedRequest> m_requests;
    int m_requestNumber = 0;
    int m_aborted = 0;
    int m_inFlight = 0;
    int m_maxConcurrent = 0;
    int m_connectionsAccepted = 0;
};
