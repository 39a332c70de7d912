#include "mockanthropicwire.h"

#include "mockjson.h"

namespace {
using Json = MockJson;
using Role = MockWire::Event::Role;

// Compact, one line, as api.anthropic.com writes it.
QByteArray compact(const Json &json)
{
    return json.write(Json::Format::Compact);
}

MockWire::Event event(const char *name, const Json &data, Role role)
{
    return { QByteArrayLiteral("event: ") + name + QByteArrayLiteral("\ndata: ") + compact(data)
                 + QByteArrayLiteral("\n\n"),
             role };
}

Json usage(const MockReply &r, int outputTokens)
{
    return Json::object({ { "input_tokens", Json::number(r.promptTokens - r.cachedTokens) },
                          { "cache_creation_input_tokens", Json::number(0) },
                          { "cache_read_input_tokens", Json::number(r.cachedTokens) },
                          { "output_tokens", Json::number(outputTokens) } });
}

QString signature(const MockReply &r)
{
    return QString::fromLatin1((QStringLiteral("mock-signature-") + r.provider + QLatin1Char('-')
                                + QString::number(r.number))
                                   .toUtf8()
                                   .toBase64());
}

QString toolUseId(const MockReply &r)
{
    return QStringLiteral("toolu_") + r.provider + QLatin1Char('_') + QString::number(r.number);
}

// The tool input as an object: the joined argument pieces parsed (in order), else {}.
Json toolInput(const MockReply &r)
{
    const std::optional<Json> parsed = Json::parse(r.joinedArguments().toUtf8());
    return parsed && parsed->type() == Json::Type::Object ? *parsed : Json::object();
}

const char *stopReason(const MockReply &r)
{
    return r.isToolCall() ? "tool_use" : "end_turn";
}

Json delta(const char *type, const char *field, const QString &value)
{
    return Json::object({ { "type", Json::latin1(type) }, { field, Json::string(value) } });
}

Json blockDelta(int index, const Json &d)
{
    return Json::object({ { "type", Json::latin1("content_block_delta") },
                          { "index", Json::number(index) },
                          { "delta", d } });
}

Json blockEdge(const char *type, int index)
{
    return Json::object({ { "type", Json::latin1(type) }, { "index", Json::number(index) } });
}
} // namespace

MockAnthropicWire::MockAnthropicWire(const MockReply &reply)
    : m_reply(reply)
{
}

QByteArray MockAnthropicWire::messageId() const
{
    return QByteArrayLiteral("msg_") + m_reply.provider.toUtf8() + '_'
        + QByteArray::number(m_reply.number);
}

QByteArray MockAnthropicWire::body() const
{
    const MockReply &r = m_reply;
    Json content = Json::array();
    if (!r.thinking.isEmpty()) {
        content.append(Json::object({ { "type", Json::latin1("thinking") },
                                      { "thinking", Json::string(r.thinking) },
                                      { "signature", Json::string(signature(r)) } }));
    }
    if (r.isToolCall()) {
        content.append(Json::object({ { "type", Json::latin1("tool_use") },
                                      { "id", Json::string(toolUseId(r)) },
                                      { "name", Json::string(r.toolCallName) },
                                      { "input", toolInput(r) } }));
    } else {
        content.append(
            Json::object({ { "type", Json::latin1("text") }, { "text", Json::string(r.text) } }));
    }
    return compact(Json::object({ { "id", Json::string(QString::fromUtf8(messageId())) },
                                  { "type", Json::latin1("message") },
                                  { "role", Json::latin1("assistant") },
                                  { "content", content },
                                  { "model", Json::string(r.model) },
                                  { "stop_reason", Json::latin1(stopReason(r)) },
                                  { "stop_sequence", Json::null() },
                                  { "usage", usage(r, r.completionTokens) } }));
}

QList<MockWire::Event> MockAnthropicWire::streamEvents() const
{
    const MockReply &r = m_reply;
    QList<Event> events;
    events.append(event(
        "message_start",
        Json::object({ { "type", Json::latin1("message_start") },
                       { "message",
                         Json::object({ { "id", Json::string(QString::fromUtf8(messageId())) },
                                        { "type", Json::latin1("message") },
                                        { "role", Json::latin1("assistant") },
                                        { "content", Json::array() },
                                        { "model", Json::string(r.model) },
                                        { "stop_reason", Json::null() },
                                        { "stop_sequence", Json::null() },
                                        { "usage", usage(r, 1) } }) } }),
        Role::Lead));

    int index = 0;
    const auto startBlock = [&](const Json &block) {
        events.append(event("content_block_start",
                            Json::object({ { "type", Json::latin1("content_block_start") },
                                           { "index", Json::number(index) },
                                           { "content_block", block } }),
                            Role::Lead));
        if (index == 0)
            events.append(
                event("ping", Json::object({ { "type", Json::latin1("ping") } }), Role::Lead));
    };
    const auto addDelta = [&](const Json &d) {
        events.append(event("content_block_delta", blockDelta(index, d), Role::Content));
    };
    const auto stopBlock = [&](Role role) {
        events.append(event("content_block_stop", blockEdge("content_block_stop", index), role));
        ++index;
    };

    if (!r.thinking.isEmpty()) {
        startBlock(Json::object(
            { { "type", Json::latin1("thinking") }, { "thinking", Json::string(QString()) } }));
        for (const QString &word : splitWords(r.thinking))
            addDelta(delta("thinking_delta", "thinking", word));
        addDelta(delta("signature_delta", "signature", signature(r)));
        stopBlock(Role::Lead);
    }
    if (r.isToolCall()) {
        startBlock(Json::object({ { "type", Json::latin1("tool_use") },
                                  { "id", Json::string(toolUseId(r)) },
                                  { "name", Json::string(r.toolCallName) },
                                  { "input", Json::object() } }));
        for (const QString &piece : r.toolCallArguments)
            addDelta(delta("input_json_delta", "partial_json", piece));
    } else {
        startBlock(Json::object(
            { { "type", Json::latin1("text") }, { "text", Json::string(QString()) } }));
        for (const QString &word : splitWords(r.text))
            addDelta(delta("text_delta", "text", word));
    }
    stopBlock(Role::Closing);

    events.append(
        event("message_delta",
              Json::object(
                  { { "type", Json::latin1("message_delta") },
                    { "delta",
                      Json::object({ { "stop_reason", Json::latin1(stopReason(r)) },
                                     { "stop_sequence", Json::null() } }) },
                    { "usage",
                      Json::object({ { "output_tokens", Json::number(r.completionTokens) } }) } }),
              Role::Closing));
    events.append(event("message_stop", Json::object({ { "type", Json::latin1("message_stop") } }),
                        Role::Closing));
    return events;
}

QByteArray MockAnthropicWire::errorBody(int status) const
{
    return errorBody(errorType(status), errorMessage(status));
}

QList<QByteArray> MockAnthropicWire::errorEvents(int status, bool) const
{
    const bool overloaded = status >= 500;
    const Json error = Json::object(
        { { "type", Json::latin1("error") },
          { "error",
            Json::object(
                { { "type",
                    Json::string(overloaded ? QStringLiteral("overloaded_error")
                                            : errorType(status)) },
                  { "message",
                    Json::string(overloaded ? errorMessage(529) : errorMessage(status)) } }) } });
    return { event("error", error, Role::Closing).bytes };
}

QByteArray MockAnthropicWire::countTokensBody(int inputTokens)
{
    return compact(Json::object({ { "input_tokens", Json::number(inputTokens) } }));
}

QByteArray MockAnthropicWire::modelsBody(const QStringList &ids)
{
    Json data = Json::array();
    for (const QString &id : ids) {
        data.append(Json::object({ { "type", Json::latin1("model") },
                                   { "id", Json::string(id) },
                                   { "display_name", Json::string(id) },
                                   { "created_at", Json::latin1("2025-01-01T00:00:00Z") } }));
    }
    const Json first = ids.isEmpty() ? Json::null() : Json::string(ids.first());
    const Json last = ids.isEmpty() ? Json::null() : Json::string(ids.last());
    return compact(Json::object({ { "data", data },
                                  { "has_more", Json::boolean(false) },
                                  { "first_id", first },
                                  { "last_id", last } }));
}

QByteArray MockAnthropicWire::errorBody(const QString &type, const QString &message)
{
    return compact(Json::object({ { "type", Json::latin1("error") },
                                  { "error",
                                    Json::object({ { "type", Json::string(type) },
                                                   { "message", Json::string(message) } }) } }));
}

QString MockAnthropicWire::errorType(int status)
{
    switch (status) {
    case 401:
        return QStringLiteral("authentication_error");
    case 402:
        return QStringLiteral("billing_error");
    case 403:
        return QStringLiteral("permission_error");
    case 404:
        return QStringLiteral("not_found_error");
    case 413:
        return QStringLiteral("request_too_large");
    case 429:
        return QStringLiteral("rate_limit_error");
    case 504:
        return QStringLiteral("timeout_error");
    case 529:
        return QStringLiteral("overloaded_error");
    default:
        return status >= 500 ? QStringLiteral("api_error")
                             : QStringLiteral("invalid_request_error");
    }
}

QString MockAnthropicWire::errorMessage(int status)
{
    switch (status) {
    case 401:
        return QStringLiteral("invalid x-api-key");
    case 402:
        return QStringLiteral("Your credit balance is too low to access the Anthropic API.");
    case 403:
        return QStringLiteral(
            "Your API key does not have permission to use the specified resource.");
    case 404:
        return QStringLiteral("The requested resource could not be found.");
    case 413:
        return QStringLiteral("Request exceeds the maximum allowed number of bytes.");
    case 429:
        return QStringLiteral("This request would exceed the rate limit for your organization. "
                              "Please try again later.");
    case 504:
        return QStringLiteral("Request timed out.");
    case 529:
        return QStringLiteral("Overloaded");
    default:
        if (status >= 500)
            return QStringLiteral("Internal server error");
        return QStringLiteral("The request failed with status ") + QString::number(status)
            + QLatin1Char('.');
    }
}
