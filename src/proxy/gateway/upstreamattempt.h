#pragma once

#include "clientstreamframer.h"
#include "http/clientresponse.h"
#include "sse/sseparser.h"
#include "tokenusage.h"
#include "upstreamprotocol.h"

#include <QElapsedTimer>
#include <QNetworkReply>
#include <QObject>
#include <QPointer>
#include <QTimer>

class UpstreamClient;

// How one attempt ended; the forwarding job decides from it whether to fail over, and logs it.
struct AttemptOutcome
{
    enum class Result {
        Success, // relayed completely (2xx)
        RelayedClientError, // a 4xx that is the client's fault, relayed as is (no failover)
        FailedBeforeOutput, // nothing reached the client: eligible for failover
        FailedAfterOutput, // the stream broke after output began: reported in-stream
        ClientClosed, // the client went away; the upstream request was aborted
    };

    Result result = Result::FailedBeforeOutput;
    int httpStatus = 0; // the upstream's status; 0 when no response arrived
    bool timedOut = false;
    bool credentialRejected = false; // the upstream refused the API key
    QString error;
    qint64 retryAfterMs = -1; // from a 429's Retry-After (or the body's retry info)
    QByteArray retryAfterValue; // verbatim, to relay when the 429 reaches the client
    TokenUsage usage;
    double headerMs = -1;
    double ttftMs = -1;
    double totalMs = -1;

    bool succeeded() const
    {
        return result == Result::Success || result == Result::RelayedClientError;
    }
    // The log row's status field (DESIGN.md "Request log row").
    QString logStatus() const;
};

// One request to one upstream route, and the relay of its answer to the client.
// A stream is held back until its first content event so that an upstream that fails early
// (error status, an error event, a dropped connection) can still be failed over without the
// client noticing; after that every upstream chunk is written through as it arrives (framed
// by the job's ClientStreamFramer, which passes the bytes unchanged unless re-framing is
// needed). `timeoutMs` bounds the wait for response headers and every silence after them.
class UpstreamAttempt final : public QObject
{
    Q_OBJECT

public:
    UpstreamAttempt(const UpstreamProtocol &protocol, ClientResponse &client,
                    ClientStreamFramer &framer, bool stream, int timeoutMs,
                    HttpHeaderList responseHeaders, QObject *parent = nullptr);
    ~UpstreamAttempt() override;

    void start(UpstreamClient &upstream, const QNetworkRequest &request, const QByteArray &body);
    // The client disconnected: abort the upstream request at once.
    void abortForClient();

    const AttemptOutcome &outcome() const { return m_outcome; }

Q_SIGNALS:
    void finished();

private:
    void onMetaData();
    void onReadyRead();
    void onFinished();
    void onTimeout();
    void handleStreamData(const QByteArray &data);
    void startClientStream();
    HttpHeaderList clientHeaders() const;
    void finishStream();
    void completeNonStream();
    void fail(AttemptOutcome::Result result, const QString &error);
    void finish(AttemptOutcome::Result result);
    double elapsedMs() const;

    const UpstreamProtocol &m_protocol;
    ClientResponse &m_client;
    ClientStreamFramer &m_framer;
    const bool m_stream;
    const int m_timeoutMs;
    HttpHeaderList m_responseHeaders;

    QPointer<QNetworkReply> m_reply;
    QElapsedTimer m_clock;
    QTimer m_timer; // header timeout, then the longest silence
    SseParser m_parser;
    QList<SseEvent> m_events;
    QList<StreamEventKind> m_kinds;
    QByteArray m_held; // client bytes held until the first content event (or the whole body)
    bool m_headersSeen = false;
    bool m_relayStream = false; // 2xx event stream: parse and relay incrementally
    bool m_outputStarted = false;
    bool m_terminal = false; // the last event may properly end the stream
    bool m_done = false;
    QString m_errorAfterOutput;
    AttemptOutcome m_outcome;
};
