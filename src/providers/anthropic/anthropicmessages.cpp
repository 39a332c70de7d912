#include "anthropic/anthropicmessages.h"

#include "json/jsonraw.h"

#include <QDateTime>

using namespace JsonRaw;

namespace {

// The four counts of an Anthropic usage object; -1 where absent or null.
struct RawUsage
{
    qint64 input = -1;
    qint64 cacheCreation = -1;
    qint64 cacheRead = -1;
    qint64 output = -1;
};

RawUsage parseUsage(QByteArrayView usageJson)
{
    RawUsage usage;
    FirstMembers<4> top { { "input_tokens", "cache_creation_input_tokens",
                            "cache_read_input_tokens", "output_tokens" } };
    if (!JsonScan::visitMembers(usageJson, top))
        return usage;
    usage.input = JsonScan::integerValue(top.value(usageJson, 0)).value_or(-1);
    usage.cacheCreation = JsonScan::integerValue(top.value(usageJson, 1)).value_or(-1);
    usage.cacheRead = JsonScan::integerValue(top.value(usageJson, 2)).value_or(-1);
    usage.output = JsonScan::integerValue(top.value(usageJson, 3)).value_or(-1);
    return usage;
}

// Writes the counts `raw` reports into *usage. With requireCompleteInput, the input side is
// taken only when all three input counts are reported.
void applyUsage(const RawUsage &raw, TokenUsage *usage, bool requireCompleteInput)
{
    if (!usage)
        return;
    const bool complete = raw.input >= 0 && raw.cacheCreation >= 0 && raw.cacheRead >= 0;
    if (raw.input >= 0 && (complete || !requireCompleteInput)) {
        usage->inputTokens
            = raw.input + qMax<qint64>(raw.cacheCreation, 0) + qMax<qint64>(raw.cacheRead, 0);
        if (raw.cacheRead >= 0)
            usage->cachedTokens = raw.cacheRead;
    }
    if (raw.output >= 0)
        usage->outputTokens = raw.output;
}

// The raw "usage" object of a Message object (a non-stream body or message_start's
// "message"), or an empty view.
QByteArrayView usageOfMessage(QByteArrayView message)
{
    FirstMembers<1> top { { "usage" } };
    if (!JsonScan::visitMembers(message, top))
        return {};
    const QByteArrayView usage = top.value(message, 0);
    return isObject(usage) ? usage : QByteArrayView();
}

// True when a content_block_start already carries output: any block but an empty text or
// thinking block (tool_use names the tool, server tool results and redacted_thinking arrive
// whole in the start event).
bool blockStartHasOutput(QByteArrayView data)
{
    FirstMembers<1> top { { "content_block" } };
    if (!JsonScan::visitMembers(data, top))
        return false;
    const QByteArrayView block = top.value(data, 0);
    if (!isObject(block))
        return false;
    FirstMembers<3> fields { { "type", "text", "thinking" } };
    if (!JsonScan::visitMembers(block, fields))
        return false;
    const QByteArrayView type = fields.value(block, 0);
    if (isStringLiteral(type, "text"))
        return isNonEmptyString(fields.value(block, 1));
    if (isStringLiteral(type, "thinking"))
        return isNonEmptyString(fields.value(block, 2));
    return isString(type);
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

QByteArrayView rawValue(const QByteArray &body, const JsonMember &member)
{
    return QByteArrayView(body.constData() + member.valueBegin,
                          member.valueEnd - member.valueBegin);
}

// The raw parts of an error body that may hold its message: error.type, error.message, a
// top-level "message", and "error" itself when it is not an object (e.g. a string).
struct ErrorParts
{
    QByteArrayView type;
    QByteArrayView message;
    QByteArrayView topMessage;
    QByteArrayView errorString;
};

std::optional<ErrorParts> parseError(QByteArrayView body)
{
    const QByteArrayView json = trimmed(body);
    FirstMembers<2> top { { "error", "message" } };
    if (!isObject(json) || !JsonScan::visitMembers(json, top))
        return std::nullopt;
    ErrorParts parts;
    parts.topMessage = top.value(json, 1);
    const QByteArrayView error = top.value(json, 0);
    if (isObject(error)) {
        FirstMembers<2> inner { { "type", "message" } };
        if (JsonScan::visitMembers(error, inner)) {
            parts.type = inner.value(error, 0);
            parts.message = inner.value(error, 1);
        }
    } else {
        parts.errorString = error;
    }
    return parts;
}

bool startsWithCaseInsensitive(QByteArrayView text, QByteArrayView prefix)
{
    return text.size() >= prefix.size()
        && text.first(prefix.size()).compare(prefix, Qt::CaseInsensitive) == 0;
}

} // namespace

namespace AnthropicMessages {

std::optional<RequestInfo> inspectRequest(const QByteArray &body, QString *error, Endpoint endpoint)
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
        return fail(QStringLiteral("model: Field required"));
    std::optional<QString> modelName = JsonScan::stringValue(rawValue(body, *model));
    if (!modelName)
        return fail(QStringLiteral("model: Input should be a valid string"));
    if (modelName->isEmpty())
        return fail(QStringLiteral("model: String should have at least 1 character"));
    info.model = *modelName;

    const JsonMember *messages = members->find("messages");
    if (!messages)
        return fail(QStringLiteral("messages: Field required"));
    if (!isArray(rawValue(body, *messages)))
        return fail(QStringLiteral("messages: Input should be a valid list"));

    if (endpoint == Endpoint::Messages) {
        const JsonMember *maxTokens = members->find("max_tokens");
        if (!maxTokens)
            return fail(QStringLiteral("max_tokens: Field required"));
        const std::optional<qint64> value = JsonScan::integerValue(rawValue(body, *maxTokens));
        if (!value)
            return fail(QStringLiteral("max_tokens: Input should be a valid integer"));
        if (*value < 1)
            return fail(QStringLiteral("max_tokens: Input should be greater than or equal to 1"));
        info.maxTokens = *value;

        if (const JsonMember *stream = members->find("stream")) {
            const QByteArrayView raw = rawValue(body, *stream);
            const std::optional<bool> flag = JsonScan::boolValue(raw);
            if (!flag && !JsonScan::isNull(raw))
                return fail(QStringLiteral("stream: Input should be a valid boolean"));
            info.stream = flag.value_or(false);
        }
    }
    info.members = std::move(*members);
    return info;
}

QByteArray upstreamBody(const QByteArray &body, const RequestInfo &info,
                        const QString &upstreamModel)
{
    // We read the first of duplicate keys, many upstream parsers the last: rewriting the key
    // leaves only one, so the upstream sees what the gateway routed on.
    const bool duplicateModel = hasDuplicate(info.members, "model");
    const bool duplicateStream = hasDuplicate(info.members, "stream");
    if (upstreamModel == info.model && !duplicateModel && !duplicateStream)
        return body;

    JsonObjectEditor editor(body, info.members);
    if (upstreamModel != info.model || duplicateModel)
        editor.setMember("model", JsonScan::quoted(upstreamModel));
    if (duplicateStream)
        editor.setMember("stream", info.stream ? QByteArrayView("true") : QByteArrayView("false"));
    return editor.result();
}

TokenUsage usageFromResponse(QByteArrayView body)
{
    TokenUsage usage;
    const QByteArrayView usageJson = usageOfMessage(trimmed(body));
    if (!usageJson.isEmpty())
        applyUsage(parseUsage(usageJson), &usage, false);
    return usage;
}

StreamEventKind classifyStreamEvent(const SseEvent &event, TokenUsage *usage)
{
    QByteArrayView name = event.event;
    // Content deltas are nearly every event of a stream: decided by name alone.
    if (name == QByteArrayView("content_block_delta"))
        return StreamEventKind::Content;

    const QByteArrayView data = trimmed(event.data);
    QByteArray typeFromData;
    if (name.isEmpty()) {
        // A relay that dropped the `event:` lines: the data's "type" says the same.
        FirstMembers<1> top { { "type" } };
        if (!JsonScan::visitMembers(data, top))
            return StreamEventKind::Other;
        typeFromData = JsonScan::utf8StringValue(top.value(data, 0)).value_or(QByteArray());
        name = typeFromData;
        if (name == QByteArrayView("content_block_delta"))
            return StreamEventKind::Content;
    }

    if (name == QByteArrayView("content_block_start"))
        return blockStartHasOutput(data) ? StreamEventKind::Content : StreamEventKind::Other;
    if (name == QByteArrayView("message_stop"))
        return StreamEventKind::Done;
    if (name == QByteArrayView("error"))
        return StreamEventKind::Error;
    if (name == QByteArrayView("message_start")) {
        FirstMembers<1> top { { "message" } };
        if (JsonScan::visitMembers(data, top)) {
            const QByteArrayView message = top.value(data, 0);
            const QByteArrayView usageJson
                = isObject(message) ? usageOfMessage(message) : QByteArrayView();
            if (!usageJson.isEmpty())
                applyUsage(parseUsage(usageJson), usage, false);
        }
        return StreamEventKind::Other;
    }
    if (name == QByteArrayView("message_delta")) {
        FirstMembers<1> top { { "usage" } };
        if (JsonScan::visitMembers(data, top)) {
            const QByteArrayView usageJson = top.value(data, 0);
            if (isObject(usageJson))
                applyUsage(parseUsage(usageJson), usage, true);
        }
        return StreamEventKind::Usage;
    }
    return StreamEventKind::Other; // ping, content_block_stop, events added later
}

QString errorMessageFromBody(QByteArrayView body)
{
    if (const std::optional<ErrorParts> parts = parseError(body)) {
        for (QByteArrayView candidate :
             { parts->message, parts->topMessage, parts->errorString, parts->type }) {
            const std::optional<QString> message = JsonScan::stringValue(candidate);
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

QString errorTypeFromBody(QByteArrayView body)
{
    if (const std::optional<ErrorParts> parts = parseError(body))
        return JsonScan::stringValue(parts->type).value_or(QString());
    return {};
}

QString errorTypeForStatus(int httpStatus)
{
    switch (httpStatus) {
    case 400:
        return QStringLiteral("invalid_request_error");
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
    case 503:
    case 529:
        return QStringLiteral("overloaded_error");
    case 504:
        return QStringLiteral("timeout_error");
    default:
        break;
    }
    return httpStatus >= 400 && httpStatus < 500 ? QStringLiteral("invalid_request_error")
                                                 : QStringLiteral("api_error");
}

QByteArray errorBody(int httpStatus, const QString &message)
{
    return QByteArrayLiteral("{\"type\":\"error\",\"error\":{\"type\":")
        + JsonScan::quoted(errorTypeForStatus(httpStatus)) + QByteArrayLiteral(",\"message\":")
        + JsonScan::quoted(message) + QByteArrayLiteral("}}");
}

QByteArray errorEvent(int httpStatus, const QString &message)
{
    return QByteArrayLiteral("event: error\ndata: ") + errorBody(httpStatus, message)
        + QByteArrayLiteral("\n\n");
}

QByteArray modelList(const QStringList &ids, qint64 createdSecs)
{
    const QByteArray created = JsonScan::quoted(
        QDateTime::fromSecsSinceEpoch(createdSecs, Qt::UTC).toString(Qt::ISODate));
    QByteArray out = QByteArrayLiteral("{\"data\":[");
    for (qsizetype i = 0; i < ids.size(); ++i) {
        const QByteArray id = JsonScan::quoted(ids[i]);
        if (i > 0)
            out += ',';
        out += QByteArrayLiteral("{\"type\":\"model\",\"id\":") + id
            + QByteArrayLiteral(",\"display_name\":") + id + QByteArrayLiteral(",\"created_at\":")
            + created + '}';
    }
    out += QByteArrayLiteral("],\"has_more\":false,\"first_id\":");
    out += ids.isEmpty() ? QByteArrayLiteral("null") : JsonScan::quoted(ids.first());
    out += QByteArrayLiteral(",\"last_id\":");
    out += ids.isEmpty() ? QByteArrayLiteral("null") : JsonScan::quoted(ids.last());
    out += '}';
    return out;
}

QString upstreamPath(const QString &upstreamModel, bool stream)
{
    Q_UNUSED(upstreamModel)
    Q_UNUSED(stream)
    return QStringLiteral("/v1/messages");
}

QByteArray defaultApiVersion()
{
    return QByteArrayLiteral("2023-06-01");
}

bool isPassThroughRequestHeader(QByteArrayView name)
{
    return startsWithCaseInsensitive(name, "anthropic-");
}

bool isPassThroughResponseHeader(QByteArrayView name)
{
    return startsWithCaseInsensitive(name, "anthropic-")
        || name.compare(QByteArrayView("request-id"), Qt::CaseInsensitive) == 0
        || name.compare(QByteArrayView("retry-after"), Qt::CaseInsensitive) == 0;
}

} // namespace AnthropicMessages
