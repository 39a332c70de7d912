#pragma once

#include <QDateTime>
#include <QString>

// One row of the request log: one attempt of one client request (DESIGN.md "Request log
// row"). All attempts of a client request share traceId; a request refused before any
// attempt is logged with attempt 0. Unknown numbers are -1 and stored as NULL.
struct RequestLogRecord
{
    qint64 id = 0; // assigned by the store
    QDateTime time; // UTC, when the attempt started
    QString traceId;
    QString accessKey; // the access key's name, never the secret
    QString protocol; // inbound protocol: "openai", "openai-responses", "anthropic", "gemini"
    QString model; // the model name the client asked for
    QString provider;
    QString upstreamModel;
    int attempt = 0;
    QString
        status; // HTTP code as text ("200", "429"), or "client_closed", "upstream_error", "timeout"
    QString error;
    bool stream = false;
    double headerMs = -1; // until upstream response headers
    double ttftMs = -1; // until the first content token reached the client
    double totalMs = -1;
    qint64 inputTokens = -1;
    qint64 outputTokens = -1;
    qint64 cachedTokens = -1;
    qint64 bytesIn = 0; // request body bytes from the client
    qint64 bytesOut = 0; // response bytes sent to the client
    QString userAgent;
};
