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

class QTcpServer;
class MockHttpConnection;

// An OpenAI Chat Completions provider for tests, on a raw QTcpServer so that it controls
// every byte: it can answer correctly, fail with an HTTP error, hang, drop a stream or put an
// error event into it. Listens on 127.0.0.1 (ephemeral port by default).
//
// Endpoints under baseUrl() ("http://127.0.0.1:<port>/v1"):
//   POST /v1/chat/completions  "stream" true/false from the request body, "model" echoed,
//                              stream_options.include_usage honoured, id "chatcmpl-mock-<n>"
//                              (n = the request's number since start or reset()).
//   GET  /v1/models            a "list" object with models() as ids.
// Other paths answer 404 in OpenAI's error shape. A request whose body is not a JSON object
// with a "model" answers 400 and takes no queued behavior.
//
// Each request to an endpoint takes the next queued behavior (FIFO), else the default one.
// Non-streamed requests (and GET /models) map the stream kinds as follows: DropMidStream
// sends half of the body and closes; HangMidStream sends half and goes silent;
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
        enum class Kind {
            Ok, // a complete, correct reply
            HttpError, // `status` with `body` (default: the OpenAI error object for status)
            Hang, // read the request, never answer; ends when the client closes (aborted)
            DropMidStream, // headers, role chunk, two content chunks, then close the socket
            ErrorEventBeforeContent, // stream headers, an error event, end of stream
            ErrorEventAfterContent, // role chunk, one content chunk, error event, end
            HangMidStream, // headers, role chunk, one content chunk, then silence
        };
        Kind kind = Kind::Ok;
        int status = 500; // HttpError; also picks the error object of ErrorEvent*
        QByteArray body; // HttpError body (default: an OpenAI error JSON fitting the status)
        QList<QPair<QByteArray, QByteArray>> headers; // extra response headers ("Retry-After")
        QString text = QStringLiteral("Hello from the mock provider."); // streamed word by word
        int chunkDelayMs = 0; // delay between stream chunks
        int promptTokens = 11, completionTokens = 7, cachedTokens = 3;
        // Non-empty: the reply is a tool call (no text) whose arguments arrive in these pieces.
        QList<QString> toolCallArguments;
        QString toolCallName = QStringLiteral("get_weather");
    };

    struct ReceivedRequest
    {
        QByteArray method, path; // path as sent, query string included
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray body; // decoded (chunked request bodies are joined)
        QByteArray header(const QByteArray &name) const; // case-insensitive; empty if absent
    };

    // `name` tells providers apart in answers: header "X-Mock-Provider", system_fingerprint
    // "fp_<name>" and owned_by of the model list.
    explicit MockProvider(const QString &name = QStringLiteral("mock"), QObject *parent = nullptr);
    ~MockProvider() override;

    bool listen(quint16 port = 0);
    quint16 port() const;
    QString baseUrl() const; // "http://127.0.0.1:<port>/v1"
    QString name() const { return m_name; }

    void setDefaultBehavior(const Behavior &b);
    void enqueueBehavior(const Behavior &b); // FIFO, each used by one request, then the default
    void setModels(const QStringList &ids); // ids listed by GET /v1/models
    // When set, requests without "Authorization: Bearer <key>" answer 401 (invalid_api_key).
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
    MockResponseScript chatCompletion(const MockHttpRequestParser::Request &request, int number,
                                      const MockResponseScript::Headers &baseHeaders);
    MockResponseScript models(const MockHttpRequestParser::Request &request,
                              const MockResponseScript::Headers &baseHeaders);
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
