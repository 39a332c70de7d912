#include "responses/openairesponses.h"

#include "openai/openaichat.h"
#include "json/jsonraw.h"

// Usage extraction, stream event classification and error messages of the Responses API.

using namespace JsonRaw;

namespace {

// usage: {"input_tokens", "input_tokens_details": {"cached_tokens"}, "output_tokens",
// "output_tokens_details": {"reasoning_tokens"}, "total_tokens"}. Reasoning tokens are part
// of output_tokens already, cached tokens part of input_tokens.
TokenUsage parseUsage(QByteArrayView usageJson)
{
    TokenUsage usage;
    FirstMembers<3> top { { "input_tokens", "output_tokens", "input_tokens_details" }, {} };
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

// The usage object of a Response object, if it has one.
bool usageOfResponse(QByteArrayView response, TokenUsage *usage)
{
    FirstMembers<1> members { { "usage" }, {} };
    if (!JsonScan::visitMembers(response, members))
        return false;
    const QByteArrayView usageJson = members.value(response, 0);
    if (!isObject(usageJson))
        return false;
    if (usage)
        *usage = parseUsage(usageJson);
    return true;
}

// An output item the client acts on: any item but a message or reasoning item (function and
// custom tool calls, web/file search, computer, code interpreter, MCP, image generation ...);
// a message or reasoning item once it has content, a summary or encrypted reasoning.
bool itemCarriesOutput(QByteArrayView item)
{
    FirstMembers<4> members { { "type", "content", "summary", "encrypted_content" }, {} };
    if (!JsonScan::visitMembers(item, members))
        return false;
    QByteArray scratch;
    const QByteArrayView type = stringContent(members.value(item, 0), scratch);
    if (type.isEmpty())
        return false;
    if (type == QByteArrayView("message"))
        return isNonEmptyArray(members.value(item, 1));
    if (type == QByteArrayView("reasoning"))
        return isNonEmptyArray(members.value(item, 1)) || isNonEmptyArray(members.value(item, 2))
            || isNonEmptyString(members.value(item, 3));
    return true;
}

// A content part or reasoning summary part with text ({"type":"output_text","text":"..."},
// {"type":"refusal","refusal":"..."}, {"type":"summary_text","text":"..."}).
bool partCarriesOutput(QByteArrayView part)
{
    FirstMembers<2> members { { "text", "refusal" }, {} };
    if (!JsonScan::visitMembers(part, members))
        return false;
    return isNonEmptyString(members.value(part, 0)) || isNonEmptyString(members.value(part, 1));
}

enum Member {
    MType,
    MResponse,
    MError,
    MDelta,
    MItem,
    MPart,
    MAnnotation,
    // Members of the "*.done" events and of partial images that carry the finished output.
    MText,
    MArguments,
    MRefusal,
    MInput,
    MCode,
    MPartialImage,
    MCount
};

} // namespace

namespace OpenAiResponses {

TokenUsage usageFromResponse(QByteArrayView body)
{
    TokenUsage usage;
    usageOfResponse(body, &usage);
    return usage;
}

StreamEventKind classifyStreamEvent(const SseEvent &event, TokenUsage *usage)
{
    const QByteArrayView data = trimmed(event.data);
    if (data == QByteArrayView("[DONE]"))
        return StreamEventKind::Done;
    if (event.event == QByteArrayView("error"))
        return StreamEventKind::Error;

    FirstMembers<MCount> top { { "type", "response", "error", "delta", "item", "part", "annotation",
                                 "text", "arguments", "refusal", "input", "code",
                                 "partial_image_b64" },
                               {} };
    if (!JsonScan::visitMembers(data, top))
        return StreamEventKind::Other;

    QByteArray scratch;
    QByteArrayView type = stringContent(top.value(data, MType), scratch);
    if (type.isEmpty())
        type = event.event;

    if (type == QByteArrayView("error"))
        return StreamEventKind::Error;
    const QByteArrayView response = top.value(data, MResponse);
    if (isObject(response) && type.startsWith("response."))
        usageOfResponse(response, usage);
    if (type == QByteArrayView("response.completed")
        || type == QByteArrayView("response.incomplete"))
        return StreamEventKind::Done;
    if (type == QByteArrayView("response.failed"))
        return StreamEventKind::Error;
    const QByteArrayView error = top.value(data, MError);
    if (top.value(data, MType).isEmpty() && !error.isEmpty() && !JsonScan::isNull(error))
        return StreamEventKind::Error;

    // A delta of any kind is output once it is not empty (an object delta counts too).
    const QByteArrayView delta = top.value(data, MDelta);
    if (isNonEmptyString(delta) || isObject(delta) || isNonEmptyArray(delta))
        return StreamEventKind::Content;
    for (int member = MText; member < MCount; ++member) {
        if (isNonEmptyString(top.value(data, member)))
            return StreamEventKind::Content;
    }
    if (isObject(top.value(data, MAnnotation)))
        return StreamEventKind::Content;
    const QByteArrayView part = top.value(data, MPart);
    if (isObject(part) && partCarriesOutput(part))
        return StreamEventKind::Content;
    const QByteArrayView item = top.value(data, MItem);
    if (isObject(item) && itemCarriesOutput(item))
        return StreamEventKind::Content;
    return StreamEventKind::Other;
}

std::optional<qint64> sequenceNumber(const SseEvent &event)
{
    const QByteArrayView data = trimmed(event.data);
    FirstMembers<1> top { { "sequence_number" }, {} };
    if (!JsonScan::visitMembers(data, top) || !top.found[0])
        return std::nullopt;
    return JsonScan::integerValue(top.value(data, 0));
}

QString errorMessageFromBody(QByteArrayView body)
{
    // A response.failed event: {"type":"response.failed","response":{"error":{"message"}}}.
    const QByteArrayView json = trimmed(body);
    FirstMembers<1> top { { "response" }, {} };
    if (isObject(json) && JsonScan::visitMembers(json, top)) {
        const QByteArrayView response = top.value(json, 0);
        if (isObject(response)) {
            FirstMembers<1> inner { { "error" }, {} };
            if (JsonScan::visitMembers(response, inner)) {
                const QByteArrayView error = inner.value(response, 0);
                FirstMembers<1> fields { { "message" }, {} };
                if (isObject(error) && JsonScan::visitMembers(error, fields)) {
                    const std::optional<QString> message
                        = JsonScan::stringValue(fields.value(error, 0));
                    if (message && !message->isEmpty())
                        return *message;
                }
            }
        }
    }
    // Error bodies and the "error" event ({"type":"error","message":...}, or with the fields
    // nested in "error" as some servers send it) share OpenAI's error shapes.
    return OpenAiChat::errorMessageFromBody(body);
}

} // namespace OpenAiResponses
