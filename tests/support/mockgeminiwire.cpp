#include "mockgeminiwire.h"

#include "mockjson.h"

namespace {
using Json = MockJson;
using Role = MockWire::Event::Role;

Json textPart(const QString &text, bool thought = false)
{
    Json part = Json::object({ { "text", Json::string(text) } });
    if (thought)
        part.add("thought", Json::boolean(true));
    return part;
}

Json errorObject(int code, const QString &message, const QString &status)
{
    return Json::object({ { "error",
                            Json::object({ { "code", Json::number(code) },
                                           { "message", Json::string(message) },
                                           { "status", Json::string(status) } }) } });
}

Json modalityCount(int count)
{
    return Json::array({ Json::object(
        { { "modality", Json::latin1("TEXT") }, { "tokenCount", Json::number(count) } }) });
}

// Adds a token count unless it is zero (proto3 JSON leaves zero values out).
void addCount(Json &object, const char *key, int count)
{
    if (count != 0)
        object.add(key, Json::number(count));
}
} // namespace

MockGeminiWire::MockGeminiWire(const MockReply &reply, bool jsonArrayStream)
    : m_reply(reply)
    , m_jsonArray(jsonArrayStream)
{
}

QByteArray MockGeminiWire::bodyContentType() const
{
    return QByteArrayLiteral("application/json; charset=UTF-8");
}

QByteArray MockGeminiWire::streamContentType() const
{
    return m_jsonArray ? bodyContentType() : QByteArrayLiteral("text/event-stream");
}

Json MockGeminiWire::usageMetadata() const
{
    const MockReply &r = m_reply;
    Json usage = Json::object();
    addCount(usage, "promptTokenCount", r.promptTokens);
    addCount(usage, "candidatesTokenCount", r.completionTokens - r.reasoningTokens);
    addCount(usage, "totalTokenCount", r.promptTokens + r.completionTokens);
    addCount(usage, "cachedContentTokenCount", r.cachedTokens);
    if (r.promptTokens != 0)
        usage.add("promptTokensDetails", modalityCount(r.promptTokens));
    if (r.cachedTokens != 0)
        usage.add("cacheTokensDetails", modalityCount(r.cachedTokens));
    addCount(usage, "thoughtsTokenCount", r.reasoningTokens);
    return usage;
}

Json MockGeminiWire::functionCallPart() const
{
    const std::optional<Json> args = Json::parse(m_reply.joinedArguments().toUtf8());
    return Json::object(
        { { "functionCall",
            Json::object(
                { { "name", Json::string(m_reply.toolCallName) },
                  { "args",
                    args && args->type() == Json::Type::Object ? *args : Json::object() } }) } });
}

Json MockGeminiWire::chunk(const Json &parts, bool finished) const
{
    Json candidate = Json::object(
        { { "content", Json::object({ { "parts", parts }, { "role", Json::latin1("model") } }) } });
    if (finished)
        candidate.add("finishReason", Json::latin1("STOP"));
    candidate.add("index", Json::number(0));
    return Json::object({ { "candidates", Json::array({ candidate }) },
                          { "usageMetadata", usageMetadata() },
                          { "modelVersion", Json::string(m_reply.model) },
                          { "responseId",
                            Json::string(m_reply.provider + QLatin1Char('-')
                                         + QString::number(m_reply.number)) } });
}

QByteArray MockGeminiWire::writeChunk(const Json &json) const
{
    if (m_jsonArray)
        return json.write(Json::Format::Indent2);
    return QByteArrayLiteral("data: ") + json.write(Json::Format::SpacedColon)
        + QByteArrayLiteral("\r\n\r\n");
}

QByteArray MockGeminiWire::body() const
{
    Json parts = Json::array();
    if (!m_reply.thinking.isEmpty())
        parts.append(textPart(m_reply.thinking, true));
    parts.append(m_reply.isToolCall() ? functionCallPart() : textPart(m_reply.text));
    return chunk(parts, true).write(Json::Format::Indent2) + '\n';
}

QList<MockWire::Event> MockGeminiWire::streamEvents() const
{
    QList<Event> events;
    for (const QString &word : splitWords(m_reply.thinking))
        events.append(
            { writeChunk(chunk(Json::array({ textPart(word, true) }), false)), Role::Content });
    if (m_reply.isToolCall()) {
        events.append(
            { writeChunk(chunk(Json::array({ functionCallPart() }), false)), Role::Content });
    } else {
        const QList<QString> words = splitWords(m_reply.text);
        for (qsizetype i = 0; i < words.size(); ++i) {
            events.append(
                { writeChunk(chunk(Json::array({ textPart(words.at(i)) }), i + 1 == words.size())),
                  Role::Content });
        }
        if (!words.isEmpty())
            return events;
    }
    // A function call, or no text at all: a closing chunk carries the finish reason.
    events.append({ writeChunk(chunk(Json::array({ textPart(QString()) }), true)), Role::Closing });
    return events;
}

QByteArray MockGeminiWire::errorBody(int status) const
{
    const Json error = errorObject(status, errorMessage(status), statusName(status));
    if (m_jsonArray)
        return "[" + error.write(Json::Format::Indent2) + "\n]";
    return error.write(Json::Format::Indent2) + '\n';
}

QList<QByteArray> MockGeminiWire::errorEvents(int status, bool) const
{
    return { writeChunk(errorObject(status, errorMessage(status), statusName(status))) };
}

QList<QByteArray> MockGeminiWire::frame(const QList<QByteArray> &events, bool complete) const
{
    if (!m_jsonArray)
        return events;
    QList<QByteArray> out;
    for (qsizetype i = 0; i < events.size(); ++i)
        out.append((i == 0 ? QByteArrayLiteral("[") : QByteArrayLiteral("\n,\r\n")) + events.at(i));
    if (complete)
        out.append(events.isEmpty() ? QByteArrayLiteral("[]") : QByteArrayLiteral("\n]"));
    return out;
}

QByteArray MockGeminiWire::modelsBody(const QStringList &ids)
{
    Json models = Json::array();
    for (const QString &id : ids) {
        models.append(Json::object(
            { { "name", Json::string(QStringLiteral("models/") + id) },
              { "version", Json::latin1("001") },
              { "displayName", Json::string(id) },
              { "inputTokenLimit", Json::number(1048576) },
              { "outputTokenLimit", Json::number(65536) },
              { "supportedGenerationMethods",
                Json::array({ Json::latin1("generateContent"), Json::latin1("countTokens") }) } }));
    }
    return Json::object({ { "models", models } }).write(Json::Format::Indent2) + '\n';
}

QByteArray MockGeminiWire::errorBody(int code, const QString &message, const QString &status)
{
    return errorObject(code, message, status).write(Json::Format::Indent2) + '\n';
}

QByteArray MockGeminiWire::invalidApiKeyBody()
{
    const QString message = QStringLiteral("API key not valid. Please pass a valid API key.");
    const Json details = Json::array(
        { Json::object(
              { { "@type", Json::latin1("type.googleapis.com/google.rpc.ErrorInfo") },
                { "reason", Json::latin1("API_KEY_INVALID") },
                { "domain", Json::latin1("googleapis.com") },
                { "metadata",
                  Json::object(
                      { { "service", Json::latin1("generativelanguage.googleapis.com") } }) } }),
          Json::object(
              { { "@type", Json::latin1("type.googleapis.com/google.rpc.LocalizedMessage") },
                { "locale", Json::latin1("en-US") },
                { "message", Json::string(message) } }) });
    return Json::object({ { "error",
                            Json::object({ { "code", Json::number(400) },
                                           { "message", Json::string(message) },
                                           { "status", Json::latin1("INVALID_ARGUMENT") },
                                           { "details", details } }) } })
               .write(Json::Format::Indent2)
        + '\n';
}

QByteArray MockGeminiWire::missingApiKeyBody()
{
    return errorBody(403,
                     QStringLiteral("Method doesn't allow unregistered callers (callers without "
                                    "established identity). Please use API Key or other form of "
                                    "API consumer identity to call this API."),
                     QStringLiteral("PERMISSION_DENIED"));
}

QString MockGeminiWire::statusName(int status)
{
    switch (status) {
    case 400:
        return QStringLiteral("INVALID_ARGUMENT");
    case 401:
        return QStringLiteral("UNAUTHENTICATED");
    case 403:
        return QStringLiteral("PERMISSION_DENIED");
    case 404:
        return QStringLiteral("NOT_FOUND");
    case 409:
        return QStringLiteral("ABORTED");
    case 429:
        return QStringLiteral("RESOURCE_EXHAUSTED");
    case 499:
        return QStringLiteral("CANCELLED");
    case 501:
        return QStringLiteral("UNIMPLEMENTED");
    case 502:
    case 503:
        return QStringLiteral("UNAVAILABLE");
    case 504:
        return QStringLiteral("DEADLINE_EXCEEDED");
    default:
        return status < 500 ? QStringLiteral("FAILED_PRECONDITION") : QStringLiteral("INTERNAL");
    }
}

QString MockGeminiWire::errorMessage(int status) const
{
    switch (status) {
    case 400:
        return QStringLiteral("Request contains an invalid argument.");
    case 401:
        return QStringLiteral("Request had invalid authentication credentials.");
    case 403:
        return QStringLiteral("The caller does not have permission");
    case 404:
        return QStringLiteral("models/") + m_reply.model
            + QStringLiteral(" is not found for API version v1beta, or is not supported for "
                             "generateContent. Call ListModels to see the list of available "
                             "models and their supported methods.");
    case 429:
        return QStringLiteral("Resource has been exhausted (e.g. check quota).");
    case 503:
        return QStringLiteral("The model is overloaded. Please try again later.");
    case 504:
        return QStringLiteral("Deadline expired before operation could complete.");
    default:
        if (status >= 500) {
            return QStringLiteral("An internal error has occurred. Please retry or report in "
                                  "https://developers.generativeai.google/guide/troubleshooting");
        }
        return QStringLiteral("The request failed with status ") + QString::number(status)
            + QLatin1Char('.');
    }
}
