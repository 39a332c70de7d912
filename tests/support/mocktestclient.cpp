#include "mocktestclient.h"

#include "mockprovider.h"

#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTest>

namespace {
const QByteArray kMessages = QByteArrayLiteral(R"("messages":[{"role":"user","content":"Hi"}])");
const QByteArray kGeminiBody
    = QByteArrayLiteral(R"({"contents":[{"role":"user","parts":[{"text":"Hi"}]}]})");
const QString kGeminiPath = QStringLiteral("/v1beta/models/gemini-2.5-flash");

} // namespace

MockTestClient::Call MockTestClient::call(const QString &name)
{
    const QByteArray version = QByteArrayLiteral("anthropic-version: 2023-06-01");
    const QByteArray claude
        = QByteArrayLiteral(R"({"model":"claude-sonnet-4-5","max_tokens":1024,)");
    if (name == QLatin1String("chat"))
        return { "POST",
                 QStringLiteral("/v1/chat/completions"),
                 R"({"model":"gpt-4o-mini",)" + kMessages + '}',
                 {} };
    if (name == QLatin1String("chat-stream"))
        return { "POST",
                 QStringLiteral("/v1/chat/completions"),
                 R"({"model":"gpt-4o-mini","stream":true,"stream_options":{"include_usage":true},)"
                     + kMessages + '}',
                 {} };
    if (name == QLatin1String("openai-models"))
        return { "GET", QStringLiteral("/v1/models"), {}, {} };
    if (name == QLatin1String("responses") || name == QLatin1String("responses-stream")) {
        const bool stream = name.endsWith(QLatin1String("stream"));
        return { "POST",
                 QStringLiteral("/v1/responses"),
                 QByteArrayLiteral(R"({"model":"gpt-4.1","input":"Hi")")
                     + (stream ? QByteArrayLiteral(R"(,"stream":true})") : QByteArray("}")),
                 {},
                 WireProtocol::OpenAiResponses };
    }
    if (name == QLatin1String("messages"))
        return { "POST",
                 QStringLiteral("/v1/messages"),
                 claude + kMessages + '}',
                 { version },
                 WireProtocol::Anthropic };
    if (name == QLatin1String("messages-stream"))
        return { "POST",
                 QStringLiteral("/v1/messages?beta=true"),
                 claude + R"("stream":true,)" + kMessages + '}',
                 { version },
                 WireProtocol::Anthropic };
    if (name == QLatin1String("count-tokens"))
        return { "POST",
                 QStringLiteral("/v1/messages/count_tokens"),
                 R"({"model":"claude-sonnet-4-5",)" + kMessages + '}',
                 { version },
                 WireProtocol::Anthropic };
    if (name == QLatin1String("anthropic-models"))
        return { "GET", QStringLiteral("/v1/models"), {}, { version }, WireProtocol::Anthropic };
    if (name == QLatin1String("gemini"))
        return { "POST",
                 kGeminiPath + QStringLiteral(":generateContent"),
                 kGeminiBody,
                 {},
                 WireProtocol::Gemini };
    if (name == QLatin1String("gemini-sse"))
        return { "POST",
                 kGeminiPath + QStringLiteral(":streamGenerateContent?alt=sse"),
                 kGeminiBody,
                 {},
                 WireProtocol::Gemini };
    if (name == QLatin1String("gemini-v1-sse"))
        return { "POST",
                 QStringLiteral("/v1/models/gemini-2.5-flash:streamGenerateContent?alt=sse"),
                 kGeminiBody,
                 {},
                 WireProtocol::Gemini };
    if (name == QLatin1String("gemini-array"))
        return { "POST",
                 kGeminiPath + QStringLiteral(":streamGenerateContent"),
                 kGeminiBody,
                 {},
                 WireProtocol::Gemini,
                 true };
    if (name == QLatin1String("gemini-models"))
        return { "GET", QStringLiteral("/v1beta/models"), {}, {}, WireProtocol::Gemini };
    qFatal("unknown call");
}

// The events of an SSE fixture, each with its blank line ("\n\n" or "\r\n\r\n").

MockTestClient::MockTestClient(const MockProvider *mock)
    : m_mock(mock)
{
}

QNetworkReply *MockTestClient::send(const Call &c, QObject *parent,
                                    const QByteArrayList &extraHeaders)
{
    QNetworkRequest request(QUrl(m_mock->rootUrl() + c.path));
    if (!c.body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    for (const QByteArray &h : c.headers + extraHeaders) {
        const qsizetype colon = h.indexOf(':');
        request.setRawHeader(h.left(colon), h.mid(colon + 1).trimmed());
    }
    QNetworkReply *reply = c.method == "GET" ? m_nam.get(request)
                                             : m_nam.sendCustomRequest(request, c.method, c.body);
    reply->setParent(parent);
    return reply;
}

QNetworkReply *MockTestClient::exchange(const Call &c, QObject *parent,
                                        const QByteArrayList &extraHeaders)
{
    QNetworkReply *reply = send(c, parent, extraHeaders);
    if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, 5000))
        qWarning("no answer within 5 s");
    return reply;
}
