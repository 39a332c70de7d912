#include "mockresponseswire.h"

#include "mockjson.h"
#include "mockopenaiwire.h"

namespace {
using Json = MockJson;
using Role = MockWire::Event::Role;

// A stream event: its type and sequence number first, then `members`.
MockWire::Event event(const char *type, int sequence, std::initializer_list<Json::Member> members,
                      Role role)
{
    Json data = Json::object(
        { { "type", Json::latin1(type) }, { "sequence_number", Json::number(sequence) } });
    for (const Json::Member &m : members)
        data.add(m.first, m.second);
    return { QByteArrayLiteral("event: ") + type + QByteArrayLiteral("\ndata: ")
                 + data.write(Json::Format::Compact) + QByteArrayLiteral("\n\n"),
             role };
}

Json textPart(const QString &text)
{
    return Json::object({ { "type", Json::latin1("output_text") },
                          { "text", Json::string(text) },
                          { "annotations", Json::array() } });
}

// The JSON text of an OpenAI error's code ("null" or a quoted string) as a value.
Json codeValue(const QByteArray &jsonText)
{
    return Json::parse(jsonText).value_or(Json::null());
}
} // namespace

MockResponsesWire::MockResponsesWire(const MockReply &reply)
    : m_reply(reply)
{
}

QString MockResponsesWire::itemId() const
{
    return (m_reply.isToolCall() ? QStringLiteral("fc_") : QStringLiteral("msg_"))
        + m_reply.provider + QLatin1Char('_') + QString::number(m_reply.number);
}

Json MockResponsesWire::usage() const
{
    const MockReply &r = m_reply;
    return Json::object(
        { { "input_tokens", Json::number(r.promptTokens) },
          { "input_tokens_details",
            Json::object({ { "cached_tokens", Json::number(r.cachedTokens) } }) },
          { "output_tokens", Json::number(r.completionTokens) },
          { "output_tokens_details",
            Json::object({ { "reasoning_tokens", Json::number(r.reasoningTokens) } }) },
          { "total_tokens", Json::number(r.promptTokens + r.completionTokens) } });
}

Json MockResponsesWire::outputItem(bool done) const
{
    const MockReply &r = m_reply;
    const Json status = Json::latin1(done ? "completed" : "in_progress");
    if (r.isToolCall()) {
        return Json::object(
            { { "type", Json::latin1("function_call") },
              { "id", Json::string(itemId()) },
              { "call_id", Json::string(QStringLiteral("call_") + QString::number(r.number)) },
              { "name", Json::string(r.toolCallName) },
              { "arguments", Json::string(done ? r.joinedArguments() : QString()) },
              { "status", status } });
    }
    return Json::object(
        { { "type", Json::latin1("message") },
          { "id", Json::string(itemId()) },
          { "status", status },
          { "role", Json::latin1("assistant") },
          { "content", done ? Json::array({ textPart(r.text) }) : Json::array() } });
}

Json MockResponsesWire::response(const char *status, const Json &output, const Json &usage,
                                 const Json &error) const
{
    const MockReply &r = m_reply;
    return Json::object(
        { { "id",
            Json::string(QStringLiteral("resp_") + r.provider + QLatin1Char('_')
                         + QString::number(r.number)) },
          { "object", Json::latin1("response") },
          { "created_at", Json::number(mockopenai::kCreated) },
          { "status", Json::latin1(status) },
          { "error", error },
          { "incomplete_details", Json::null() },
          { "instructions", Json::null() },
          { "max_output_tokens", Json::null() },
          { "model", Json::string(r.model) },
          { "output", output },
          { "parallel_tool_calls", Json::boolean(true) },
          { "previous_response_id", Json::null() },
          { "reasoning",
            Json::object({ { "effort", Json::null() }, { "summary", Json::null() } }) },
          { "store", Json::boolean(true) },
          { "temperature", Json::numberText("1.0") },
          { "text",
            Json::object({ { "format", Json::object({ { "type", Json::latin1("text") } }) } }) },
          { "tool_choice", Json::latin1("auto") },
          { "tools", Json::array() },
          { "top_p", Json::numberText("1.0") },
          { "truncation", Json::latin1("disabled") },
          { "usage", usage },
          { "user", Json::null() },
          { "metadata", Json::object() } });
}

QByteArray MockResponsesWire::body() const
{
    return response("completed", Json::array({ outputItem(true) }), usage(), Json::null())
               .write(Json::Format::Indent2)
        + '\n';
}

QList<MockWire::Event> MockResponsesWire::streamEvents() const
{
    const MockReply &r = m_reply;
    const Json id = Json::string(itemId());
    const Json zero = Json::number(0);
    const Json pending = response("in_progress", Json::array(), Json::null(), Json::null());
    QList<Event> events;
    const auto seq = [&events] { return int(events.size()); };
    events.append(event("response.created", seq(), { { "response", pending } }, Role::Lead));
    events.append(event("response.in_progress", seq(), { { "response", pending } }, Role::Lead));
    events.append(event("response.output_item.added", seq(),
                        { { "output_index", zero }, { "item", outputItem(false) } }, Role::Lead));
    if (r.isToolCall()) {
        for (const QString &piece : r.toolCallArguments) {
            events.append(event(
                "response.function_call_arguments.delta", seq(),
                { { "item_id", id }, { "output_index", zero }, { "delta", Json::string(piece) } },
                Role::Content));
        }
        events.append(event("response.function_call_arguments.done", seq(),
                            { { "item_id", id },
                              { "output_index", zero },
                              { "arguments", Json::string(r.joinedArguments()) } },
                            Role::Closing));
    } else {
        events.append(event("response.content_part.added", seq(),
                            { { "item_id", id },
                              { "output_index", zero },
                              { "content_index", zero },
                              { "part", textPart(QString()) } },
                            Role::Lead));
        for (const QString &word : splitWords(r.text)) {
            events.append(event("response.output_text.delta", seq(),
                                { { "item_id", id },
                                  { "output_index", zero },
                                  { "content_index", zero },
                                  { "delta", Json::string(word) } },
                                Role::Content));
        }
        events.append(event("response.output_text.done", seq(),
                            { { "item_id", id },
                              { "output_index", zero },
                              { "content_index", zero },
                              { "text", Json::string(r.text) } },
                            Role::Closing));
        events.append(event("response.content_part.done", seq(),
                            { { "item_id", id },
                              { "output_index", zero },
                              { "content_index", zero },
                              { "part", textPart(r.text) } },
                            Role::Closing));
    }
    events.append(event("response.output_item.done", seq(),
                        { { "output_index", zero }, { "item", outputItem(true) } }, Role::Closing));
    events.append(event(
        "response.completed", seq(),
        { { "response",
            response("completed", Json::array({ outputItem(true) }), usage(), Json::null()) } },
        Role::Closing));
    return events;
}

QByteArray MockResponsesWire::errorBody(int status) const
{
    return mockopenai::errorBody(mockopenai::errorFor(status, m_reply.model));
}

QList<QByteArray> MockResponsesWire::errorEvents(int status, bool afterContent) const
{
    const mockopenai::Error e = mockopenai::errorFor(status, m_reply.model);
    const QList<Event> stream = streamEvents();
    // Sequence numbers go on from the events already sent.
    int sequence = afterContent ? int(cut(stream, 1).size()) : 2;
    QList<QByteArray> out;
    if (!afterContent)
        out = bytesOf(stream.mid(0, 2)); // response.created, response.in_progress
    out.append(event("error", sequence++,
                     { { "code", codeValue(e.code) },
                       { "message", Json::string(e.message) },
                       { "param", codeValue(e.param) } },
                     Role::Closing)
                   .bytes);
    if (afterContent) {
        const Json error = Json::object(
            { { "code", Json::latin1(status == 429 ? "rate_limit_exceeded" : "server_error") },
              { "message", Json::string(e.message) } });
        out.append(event("response.failed", sequence,
                         { { "response", response("failed", Json::array(), Json::null(), error) } },
                         Role::Closing)
                       .bytes);
    }
    return out;
}
