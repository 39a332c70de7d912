#pragma once

#include "sse/sseevent.h"
#include "streameventkind.h"
#include "tokenusage.h"
#include "json/jsonmembers.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringList>

#include <optional>

// OpenAI Chat Completions wire format (POST /v1/chat/completions), as published in the OpenAI
// API reference: request inspection and the one rewrite the gateway makes, usage extraction,
// stream event classification and OpenAI-shaped error bodies. Bodies are never re-serialised:
// everything the gateway does not change is forwarded byte for byte.
namespace OpenAiChat {

struct RequestInfo
{
    QString model; // as the client sent it
    bool stream = false;
    // The client itself asked for stream_options.include_usage: true. When it did not, the
    // usage-only chunk that upstreamBody() makes the provider send (empty "choices") was not
    // requested; a gateway may drop it before the client sees it.
    bool clientIncludeUsage = false;
    JsonMembers members; // top-level members of the body
};

// Validates the body: a JSON object with a non-empty string "model"; "stream", if present, a
// bool (null counts as false, as in the reference where it is nullable). On failure returns
// nullopt and *error says what is wrong, for a 400 invalid_request_error.
std::optional<RequestInfo> inspectRequest(const QByteArray &body, QString *error);

// The body to send upstream: "model" replaced by upstreamModel; when streaming,
// stream_options gets "include_usage": true (merged into an existing stream_options object,
// its other fields kept; a null stream_options is replaced). Every other byte stays as the
// client sent it; with nothing to change, returns `body` itself (shared, no copy). Duplicate
// "model" / "stream" keys are collapsed to the one value the gateway acted on.
QByteArray upstreamBody(const QByteArray &body, const RequestInfo &info,
                        const QString &upstreamModel);

// Usage from a non-stream chat.completion body (usage.prompt_tokens, completion_tokens,
// prompt_tokens_details.cached_tokens). What is not reported stays -1.
TokenUsage usageFromResponse(QByteArrayView body);

using StreamEventKind = ::StreamEventKind;

// Classifies one SSE event of a chat completion stream: "[DONE]" -> Done; an event named
// "error" or a JSON object with a non-null "error" member -> Error; a chunk whose choices carry
// output (non-empty delta.content, delta.tool_calls, delta.function_call, delta.refusal,
// delta.reasoning_content / delta.reasoning, or a finish_reason) -> Content; a chunk with a
// non-null usage and no output -> Usage; otherwise Other (also for data that is not JSON).
// When the chunk has a usage object, *usage (if given) is filled, whatever the kind.
// Cheap: no allocation, one pass per nesting level over the event's data.
StreamEventKind classifyStreamEvent(const SseEvent &event, TokenUsage *usage);

// The error message in an upstream error body ({"error":{"message":...}}, also {"error":"..."}
// and a one-element array around either), else the raw text trimmed and truncated to 500
// characters.
QString errorMessageFromBody(QByteArrayView body);

// Client-facing error body in OpenAI's shape:
// {"error":{"message":...,"type":...,"param":null,"code":...}} with code null when empty.
// Types used by the OpenAI API: "invalid_request_error" (400, also 401 with code
// "invalid_api_key" and 404 with code "model_not_found"), "authentication_error",
// "permission_error", "not_found_error", "rate_limit_error" / "insufficient_quota" (429),
// "server_error" (500+).
QByteArray errorBody(const QString &message, const QString &type, const QString &code = {});

// The same error as one SSE event ("data: {...}\n\n") for a failure after a stream began.
QByteArray errorEvent(const QString &message, const QString &type, const QString &code = {});

// GET /v1/models answer:
// {"object":"list","data":[{"id":..,"object":"model","created":<secs>,"owned_by":..},...]}
QByteArray modelList(const QStringList &ids, qint64 createdSecs, const QString &ownedBy);

} // namespace OpenAiChat
