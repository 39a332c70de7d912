#include "openai/openaichat.h"

namespace {

bool isWhitespace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

QByteArrayView trimmed(QByteArrayView v)
{
    while (!v.isEmpty() && isWhitespace(v.front()))
        v = v.sliced(1);
    while (!v.isEmpty() && isWhitespace(v.back()))
        v.chop(1);
    return v;
}

QByteArrayView slice(QByteArrayView json, JsonSpan span)
{
    return json.sliced(span.begin, span.end - span.begin);
}

// Raw values of a validated scan: a string literal longer than "" is a non-empty string.
bool isNonEmptyString(QByteArrayView raw)
{
    return raw.size() > 2 && raw.front() == '"';
}

bool isNonEmptyArray(QByteArrayView raw)
{
    if (raw.isEmpty() || raw.front() != '[')
        return false;
    return trimmed(raw.sliced(1)).front() != ']';
}

bool isObject(QByteArrayView raw)
{
    return !raw.isEmpty() && raw.front() == '{';
}

// Remembers the first occurrence of each wanted key (duplicates: first wins, as find()).
template<int N> struct FirstMembers
{
    QByteArrayView names[N];
    JsonSpan spans[N];
    bool found[N] = {};

    void operator()(QByteArrayView key, JsonSpan span)
    {
        for (int i = 0; i < N; ++i) {
            if (!found[i] && key == names[i]) {
                spans[i] = span;
                found[i] = true;
                return;
            }
        }
    }
    QByteArrayView value(QByteArrayView json, int i) const
    {
        return found[i] ? slice(json, spans[i]) : QByteArrayView();
    }
};

TokenUsage parseUsage(QByteArrayView usageJson)
{
    TokenUsage usage;
    FirstMembers<3> top { { "prompt_tokens", "completion_tokens", "prompt_tokens_details" }, {} };
    if (!JsonScan::visitMembers(usageJson, top))
        return usage;
    usage.inputTokens = JsonScan::integerValue(top.value(usageJson, 0)).value_or(-1);
    usage.outputTokens = JsonScan::integerValue(top.value(usageJson, 1)).value_or(-1);
    const QByteArrayView details = top.value(usageJson, 2);
    if (isObject(details)) {
        FirstMembers<1> cached { { "cached_tokens" }, {} };
        if (JsonScan::visitMembers(details, cached))
            usage.cachedTokens = JsonScan::integerValue(cached.value(details, 0)).value_or(-1);
    }
    return usage;
}

// True when one element of "choices" carries output.
bool choiceHasOutput(QByteArrayView choice)
{
    FirstMembers<2> members { { "delta", "finish_reason" }, {} };
    if (!JsonScan::visitMembers(choice, members))
        return false;
    const QByteArrayView finishReason = members.value(choice, 1);
    if (!finishReason.isEmpty() && !JsonScan::isNull(finishReason))
        return true;
    const QByteArrayView delta = members.value(choice, 0);
    if (!isObject(delta))
        return false;
    FirstMembers<6> fields { { "content", "tool_calls", "function_call", "refusal",
                               "reasoning_content", "reasoning" },
                             {} };
    if (!JsonScan::visitMembers(delta, fields))
        return false;
    return isNonEmptyString(fields.value(delta, 0)) || isNonEmptyArray(fields.value(delta, 1))
        || isObject(fields.value(delta, 2)) || isNonEmptyString(fields.value(delta, 3))
        || isNonEmptyString(fields.value(delta, 4)) || isNonEmptyString(fields.value(delta, 5));
}

bool hasDuplicate(const JsonMembers &members, QByteArrayView key)
{
    int count = 0;
    for (const JsonMember &member : members.members) {
        if (QByteArrayView(member.key) == key && ++count > 1)
            return true;
    }
    return false;
}

QByteArray quotedOrNull(const QString &s)
{
    return s.isEmpty() ? QByteArrayLiteral("null") : JsonScan::quoted(s);
}

} // namespace

namespace OpenAiChat {

std::optional<RequestInfo> inspectRequest(const QByteArray &body, QString *error)
{
    auto fail = [error](const QString &message) -> std::optional<RequestInfo> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    QString scanError;
    std::optional<JsonMembers> members = JsonScan::topLevelMembers(body, &scanError);
    if (!members)
        return fail(QStringLiteral("The request body is not a valid JSON object: ") + scanError);

    RequestInfo info;
    const JsonMember *model = members->find("model");
    if (!model)
        return fail(QStringLiteral("Missing required parameter: 'model'."));
    const QByteArrayView rawModel(body.constData() + model->valueBegin,
                                  model->valueEnd - model->valueBegin);
    std::optional<QString> modelName = JsonScan::stringValue(rawModel);
    if (!modelName)
        return fail(QStringLiteral("Invalid type for 'model': expected a string."));
    if (modelName->isEmpty())
        return fail(QStringLiteral("Invalid value for 'model': it must not be empty."));
    info.model = *modelName;

    if (const JsonMember *stream = members->find("stream")) {
        const QByteArrayView raw(body.constData() + stream->valueBegin,
                                 stream->valueEnd - stream->valueBegin);
        const std::optional<bool> flag = JsonScan::boolValue(raw);
        if (!flag && !JsonScan::isNull(raw))
            return fail(QStringLiteral("Invalid type for 'stream': expected a boolean."));
        info.stream = flag.value_or(false);
    }
    if (const JsonMember *options = members->find("stream_options")) {
        const QByteArrayView raw(body.constData() + options->valueBegin,
                                 options->valueEnd - options->valueBegin);
        FirstMembers<1> includeUsage { { "include_usage" }, {} };
        if (isObject(raw) && JsonScan::visitMembers(raw, includeUsage))
            info.clientIncludeUsage
                = JsonScan::boolValue(includeUsage.value(raw, 0)).value_or(false);
    }
    info.members = std::move(*members);
    return info;
}

QByteArray upstreamBody(const QByteArray &body, const RequestInfo &info,
                        const QString &upstreamModel)
{
    const bool needsUsage = info.stream && !info.clientIncludeUsage;
    // We read the first of duplicate keys, many upstream parsers the last: rewriting the key
    // leaves only one, so the upstream sees what the gateway routed on.
    const bool duplicateModel = hasDuplicate(info.members, "model");
    const bool duplicateStream = hasDuplicate(info.members, "stream");
    if (upstreamModel == info.model && !needsUsage && !duplicateModel && !duplicateStream)
        return body;

    JsonObjectEditor editor(body, info.members);
    if (upstreamModel != info.model || duplicateModel)
        editor.setMember("model", JsonScan::quoted(upstreamModel));
    if (duplicateStream)
        editor.setMember("stream", info.stream ? QByteArrayView("true") : QByteArrayView("false"));
    if (needsUsage) {
        const JsonMember *options = info.members.find("stream_options");
        const QByteArrayView raw = options ? QByteArrayView(body.constData() + options->valueBegin,
                                                            options->valueEnd - options->valueBegin)
                                           : QByteArrayView();
        if (!options || JsonScan::isNull(raw)) {
            editor.setMember("stream_options", "{\"include_usage\":true}");
        } else if (isObject(raw)) {
            const QByteArray object = raw.toByteArray();
            std::optional<JsonMembers> members = JsonScan::topLevelMembers(object);
            if (members) {
                JsonObjectEditor inner(object, std::move(*members));
                inner.setMember("include_usage", "true");
                editor.setMember("stream_options", inner.result());
            }
        }
        // Any other type is the client's error: left alone for the upstream's 400.
    }
    return editor.result();
}

TokenUsage usageFromResponse(QByteArrayView body)
{
    FirstMembers<1> top { { "usage" }, {} };
    if (!JsonScan::visitMembers(body, top))
        return {};
    const QByteArrayView usage = top.value(body, 0);
    return isObject(usage) ? parseUsage(usage) : TokenUsage {};
}

StreamEventKind classifyStreamEvent(const SseEvent &event, TokenUsage *usage)
{
    const QByteArrayView data = trimmed(event.data);
    if (data == QByteArrayView("[DONE]"))
        return StreamEventKind::Done;
    if (event.event == QByteArrayView("error"))
        return StreamEventKind::Error;

    FirstMembers<3> top { { "error", "choices", "usage" }, {} };
    if (!JsonScan::visitMembers(data, top))
        return StreamEventKind::Other;
    const QByteArrayView error = top.value(data, 0);
    if (!error.isEmpty() && !JsonScan::isNull(error))
        return StreamEventKind::Error;

    const QByteArrayView usageJson = top.value(data, 2);
    const bool hasUsage = isObject(usageJson);
    if (hasUsage && usage)
        *usage = parseUsage(usageJson);

    bool output = false;
    const QByteArrayView choices = top.value(data, 1);
    if (!choices.isEmpty() && choices.front() == '[') {
        JsonScan::visitElements(choices, [&output, choices](JsonSpan element) {
            if (!output)
                output = choiceHasOutput(slice(choices, element));
        });
    }
    if (output)
        return StreamEventKind::Content;
    return hasUsage ? StreamEventKind::Usage : StreamEventKind::Other;
}

QString errorMessageFromBody(QByteArrayView body)
{
    QByteArrayView json = trimmed(body);
    if (!json.isEmpty() && json.front() == '[') {
        // Some OpenAI-compatible providers wrap the error object in an array.
        JsonSpan first { -1, -1 };
        if (JsonScan::visitElements(json,
                                    [&first](JsonSpan element) {
                                        if (first.begin < 0)
                                            first = element;
                                    })
            && first.begin >= 0)
            json = slice(json, first);
    }
    FirstMembers<2> top { { "error", "message" }, {} };
    if (isObject(json) && JsonScan::visitMembers(json, top)) {
        const QByteArrayView error = top.value(json, 0);
        if (isObject(error)) {
            FirstMembers<1> inner { { "message" }, {} };
            if (JsonScan::visitMembers(error, inner)) {
                const std::optional<QString> message = JsonScan::stringValue(inner.value(error, 0));
                if (message && !message->isEmpty())
                    return *message;
            }
        }
        for (int i = 0; i < 2; ++i) {
            const std::optional<QString> message = JsonScan::stringValue(top.value(json, i));
            if (message && !message->isEmpty())
                return *message;
        }
    }
    constexpr qsizetype MaxChars = 500;
    const QByteArrayView text = trimmed(body);
    // Up to 4 UTF-8 bytes per character; cut after decoding so no character is split.
    QString message = QString::fromUtf8(text.first(qMin(text.size(), MaxChars * 4)));
    if (message.size() > MaxChars)
        message.truncate(MaxChars);
    return message;
}

QByteArray errorBody(const QString &message, const QString &type, const QString &code)
{
    return QByteArrayLiteral("{\"error\":{\"message\":") + JsonScan::quoted(message)
        + QByteArrayLiteral(",\"type\":") + quotedOrNull(type)
        + QByteArrayLiteral(",\"param\":null,\"code\":") + quotedOrNull(code)
        + QByteArrayLiteral("}}");
}

QByteArray errorEvent(const QString &message, const QString &type, const QString &code)
{
    return QByteArrayLiteral("data: ") + errorBody(message, type, code) + QByteArrayLiteral("\n\n");
}

QByteArray modelList(const QStringList &ids, qint64 createdSecs, const QString &ownedBy)
{
    const QByteArray created = QByteArray::number(createdSecs);
    const QByteArray owner = JsonScan::quoted(ownedBy);
    QByteArray out = QByteArrayLiteral("{\"object\":\"list\",\"data\":[");
    for (qsizetype i = 0; i < ids.size(); ++i) {
        if (i > 0)
            out += ',';
        out += QByteArrayLiteral("{\"id\":") + JsonScan::quoted(ids[i])
            + QByteArrayLiteral(",\"object\":\"model\",\"created\":") + created
            + QByteArrayLiteral(",\"owned_by\":") + owner + '}';
    }
    out += QByteArrayLiteral("]}");
    return out;
}

} // namespace OpenAiChat
