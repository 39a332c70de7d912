#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

// The OpenAI Chat Completions wire text the mock provider sends, byte for byte in the shape
// of the published API reference: non-streamed objects pretty-printed with two spaces (as
// api.openai.com sends them), stream chunks compact on one `data:` line, error bodies with
// four spaces. Keys are written in the reference's order, which is why these are built as
// text and not through QJsonDocument (that sorts keys).
namespace mockopenai {

// `created` of every object: fixed so that fixtures can be compared byte for byte.
constexpr qint64 kCreated = 1735689600;

struct Completion
{
    QByteArray id; // "chatcmpl-mock-1"
    QString model; // echoed from the request
    QString systemFingerprint; // "fp_mock"
    QString text;
    QString toolCallName = QStringLiteral("get_weather");
    QList<QString> toolCallArguments; // non-empty: the reply is one tool call, no text
    int promptTokens = 0;
    int completionTokens = 0;
    int cachedTokens = 0;
    int reasoningTokens = 0; // completion_tokens_details.reasoning_tokens
    bool includeUsage = false; // stream_options.include_usage
};

// A JSON string literal (quotes included) with the escapes JSON requires.
QByteArray jsonString(const QString &text);

// The "chat.completion" object of a non-streamed reply.
QByteArray completionBody(const Completion &c);

// Splits a reply into stream pieces word by word; each piece but the first keeps its leading
// space, as model tokens do ("Hello", " from", " the").
QList<QString> splitWords(const QString &text);

// One SSE event ("data: ...\n\n") per call, in stream order.
QByteArray roleChunk(const Completion &c); // delta {role, content:"" (or the tool call head)}
QByteArray contentChunk(const Completion &c, const QString &piece);
QByteArray toolArgumentsChunk(const Completion &c, const QString &piece);
QByteArray finishChunk(const Completion &c); // delta {}, finish_reason stop / tool_calls
QByteArray usageChunk(const Completion &c); // choices [], usage (include_usage only)
QByteArray doneEvent(); // "data: [DONE]\n\n"

// Every event of a complete, successful stream.
QList<QByteArray> streamEvents(const Completion &c);

// The error object for an HTTP status, as the API sends it for that status (429 rate limit,
// 401 invalid key, 404 model not found, 5xx server error, ...).
struct Error
{
    QString message;
    QString type;
    QByteArray param; // JSON value text, usually "null"
    QByteArray code; // JSON value text: "null" or a quoted string
};
Error errorFor(int status, const QString &model);
QByteArray errorBody(const Error &e); // pretty-printed, as an HTTP error body
QByteArray errorEvent(const Error &e); // "data: {"error":{...}}\n\n" inside a stream

// The "list" object of GET /models.
QByteArray modelsBody(const QStringList &ids, const QString &owner);

} // namespace mockopenai
