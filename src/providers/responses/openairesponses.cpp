#include "responses/openairesponses.h"

#include "openai/openaichat.h"
#include "json/jsonraw.h"

// Requests, errors and the models list. Usage and stream classification live in
// openairesponsesstream.cpp.

using namespace JsonRaw;

namespace {

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

QByteArray quotedOrNull(const QString &s)
{
    return s.isEmpty() ? QByteArrayLiteral("null") : JsonScan::quoted(s);
}

// The code OpenAI sends with a client error of this status when the caller names none.
QString clientErrorCode(int httpStatus)
{
    if (httpStatus == 401)
        return QStringLiteral("invalid_api_key");
    if (httpStatus == 429)
        return QStringLiteral("rate_limit_exceeded");
    return {};
}

// A stream error event always names a code (a string in the reference): 5xx "server_error".
QString eventErrorCode(int httpStatus, const QString &code)
{
    if (!code.isEmpty())
        return code;
    if (httpStatus >= 500)
        return QStringLiteral("server_error");
    return clientErrorCode(httpStatus);
}

} // namespace

namespace OpenAiResponses {

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
    std::optional<QString> modelName = JsonScan::stringValue(rawValue(body, *model));
    if (!modelName)
        return fail(QStringLiteral("Invalid type for 'model': expected a string."));
    if (modelName->isEmpty())
        return fail(QStringLiteral("Invalid value for 'model': it must not be empty."));
    info.model = *modelName;

    if (const JsonMember *stream = members->find("stream")) {
        const QByteArrayView raw = rawValue(body, *stream);
        const std::optional<bool> flag = JsonScan::boolValue(raw);
        if (!flag && !JsonScan::isNull(raw))
            return fail(QStringLiteral("Invalid type for 'stream': expected a boolean."));
        info.stream = flag.value_or(false);
    }
    if (const JsonMember *input = members->find("input")) {
        const QByteArrayView raw = rawValue(body, *input);
        if (!isString(raw) && !isArray(raw) && !JsonScan::isNull(raw))
            return fail(QStringLiteral("Invalid type for 'input': expected a string or an array."));
    }
    if (const JsonMember *previous = members->find("previous_response_id")) {
        const QByteArrayView raw = rawValue(body, *previous);
        const std::optional<QString> id = JsonScan::stringValue(raw);
        if (!id && !JsonScan::isNull(raw))
            return fail(
                QStringLiteral("Invalid type for 'previous_response_id': expected a string."));
        info.previousResponseId = id.value_or(QString());
    }
    if (const JsonMember *store = members->find("store")) {
        const QByteArrayView raw = rawValue(body, *store);
        const std::optional<bool> flag = JsonScan::boolValue(raw);
        if (!flag && !JsonScan::isNull(raw))
            return fail(QStringLiteral("Invalid type for 'store': expected a boolean."));
        info.store = flag.value_or(true);
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

QString errorType(int httpStatus)
{
    if (httpStatus == 403)
        return QStringLiteral("request_forbidden");
    if (httpStatus == 429)
        return QStringLiteral("requests");
    if (httpStatus >= 500)
        return QStringLiteral("server_error");
    return QStringLiteral("invalid_request_error");
}

QByteArray errorBody(int httpStatus, const QString &message, const QString &code)
{
    return OpenAiChat::errorBody(message, errorType(httpStatus),
                                 code.isEmpty() ? clientErrorCode(httpStatus) : code);
}

QByteArray errorEvent(int httpStatus, const QString &message, const QString &code,
                      qint64 sequenceNumber)
{
    return QByteArrayLiteral("event: error\ndata: {\"type\":\"error\",\"code\":")
        + quotedOrNull(eventErrorCode(httpStatus, code)) + QByteArrayLiteral(",\"message\":")
        + JsonScan::quoted(message) + QByteArrayLiteral(",\"param\":null,\"sequence_number\":")
        + QByteArray::number(sequenceNumber) + QByteArrayLiteral("}\n\n");
}

QByteArray failedEvent(int httpStatus, const QString &message, const QString &code,
                       qint64 sequenceNumber, const QString &responseId)
{
    QString failedCode = code;
    if (failedCode.isEmpty())
        failedCode = httpStatus == 429 ? QStringLiteral("rate_limit_exceeded")
                                       : QStringLiteral("server_error");
    return QByteArrayLiteral("event: response.failed\ndata: {\"type\":\"response.failed\","
                             "\"response\":{\"id\":")
        + JsonScan::quoted(responseId)
        + QByteArrayLiteral(",\"object\":\"response\",\"status\":\"failed\",\"error\":{\"code\":")
        + JsonScan::quoted(failedCode) + QByteArrayLiteral(",\"message\":")
        + JsonScan::quoted(message)
        + QByteArrayLiteral("},\"incomplete_details\":null,\"output\":[],\"usage\":null},"
                            "\"sequence_number\":")
        + QByteArray::number(sequenceNumber) + QByteArrayLiteral("}\n\n");
}

QByteArray modelList(const QStringList &ids, qint64 createdSecs, const QString &ownedBy)
{
    // The Responses API has no list of its own: clients list GET /v1/models.
    return OpenAiChat::modelList(ids, createdSecs, ownedBy);
}

QString upstreamPath(const QString &upstreamModel, bool stream)
{
    Q_UNUSED(upstreamModel);
    Q_UNUSED(stream);
    return QStringLiteral("/responses");
}

} // namespace OpenAiResponses
