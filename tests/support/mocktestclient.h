#pragma once

#include "wireprotocol.h"

#include <QByteArray>
#include <QByteArrayList>
#include <QNetworkAccessManager>
#include <QString>

class MockProvider;
class QNetworkReply;

// The HTTP client of the mock provider's self-tests: the requests each protocol's SDK sends,
// by name, sent with a QNetworkAccessManager in the test's thread (the mock shares it, so
// waiting spins the event loop).
class MockTestClient final
{
public:
    struct Call
    {
        QByteArray method;
        QString path; // after rootUrl()
        QByteArray body;
        QByteArrayList headers; // "Name: value"
        WireProtocol protocol = WireProtocol::OpenAiChat;
        bool geminiArray = false; // streamGenerateContent without alt=sse
    };

    // "chat", "chat-stream" (include_usage), "openai-models", "responses",
    // "responses-stream", "messages", "messages-stream", "count-tokens", "anthropic-models",
    // "gemini", "gemini-sse", "gemini-v1-sse", "gemini-array", "gemini-models". Models are
    // gpt-4o-mini, gpt-4.1, claude-sonnet-4-5 and gemini-2.5-flash, as in the fixtures.
    static Call call(const QString &name);

    explicit MockTestClient(const MockProvider *mock);

    // Sends the call (plus extra "Name: value" headers); the reply belongs to `parent`.
    QNetworkReply *send(const Call &c, QObject *parent, const QByteArrayList &extraHeaders = {});
    // The same, waiting up to 5 s for the end (check isFinished() for a timeout).
    QNetworkReply *exchange(const Call &c, QObject *parent,
                            const QByteArrayList &extraHeaders = {});

private:
    const MockProvider *m_mock;
    QNetworkAccessManager m_nam;
};
