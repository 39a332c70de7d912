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

// OpenAI Responses wire format (POST {base_url}/responses), as published in the OpenAI API
// reference ("Create a model response", "Streaming events", the Response object): request
// inspection and the one rewrite the gateway makes, usage extraction, stream event
// classification and OpenAI-shaped errors. Bodies are never re-serialised: everything the
// gateway does not change is forwarded byte for byte, which keeps Codex CLI's
// `client_metadata`, `store: false`, `include`, encrypted reasoning items, `custom` /
// `web_search` tools and `previous_response_id` intact.
namespace OpenAiResponses {

struct RequestInfo
{
    QString model; // as the client sent it
    bool stream = false;
    // previous_response_id when the client continues a stored response (empty otherwise).
    // Only the provider that stored that response knows it: another provider answers 404,
    // so a router may want to keep such a request on one provider.
    QString previousResponseId;
    // "store" as sent; the API's default is true. Codex CLI sends false (stateless turns).
    bool store = true;
    JsonMembers members; // top-level members of the body
};

// Validates the body: a JSON object with a non-empty string "model"; "stream", if present, a
// bool (null counts as false: the reference types it "boolean or null"); "input", if present,
// a string or an array (absent is allowed: newer API versions make it optional next to
// `prompt` / `conversation`; null is treated as absent); "previous_response_id" and "store"
// when present and not null, a string and a bool. On failure returns nullopt and *error says
// what is wrong, for a 400 invalid_request_error.
std::optional<RequestInfo> inspectRequest(const QByteArray &body, QString *error);

// The body to send upstream: "model" replaced by upstreamModel. Every other byte stays as the
// client sent it (the Responses API needs nothing else added: usage always comes with
// response.completed). With nothing to change returns `body` itself (shared, no copy).
// Duplicate "model" / "stream" keys are collapsed to the one value the gateway acted on.
QByteArray upstreamBody(const QByteArray &body, const RequestInfo &info,
                        const QString &upstreamModel);

// Usage from a non-stream Response object: usage.input_tokens, usage.output_tokens (which
// already include output_tokens_details.reasoning_tokens), usage.input_tokens_details
// .cached_tokens (part of input_tokens). What is not reported stays -1.
TokenUsage usageFromResponse(QByteArrayView body);

using StreamEventKind = ::StreamEventKind;

// Classifies one SSE event of a Responses stream by the data's "type" (the `event:` name
// when the data has none):
// - Done: "response.completed" and "response.incomplete" (the response ended, e.g. at
//   max_output_tokens; its output and usage are valid), also a "[DONE]" data line that some
//   compatible servers send although OpenAI does not.
// - Error: "error", "response.failed", an event named "error", or data with a non-null
//   top-level "error" member and no type.
// - Content: output the client acts on: any "*.delta" event with a non-empty delta
//   (output_text, refusal, function_call_arguments, reasoning_summary_text, reasoning_text,
//   custom_tool_call_input, audio, ...); "*.done" events carrying non-empty text / arguments /
//   refusal / input / code; annotation.added; partial images; content_part and
//   reasoning_summary_part events whose part has text; "response.output_item.added" /
//   ".done" when the item carries output (any item that is not a message or reasoning item,
//   e.g. function_call, custom_tool_call, web_search_call; a message or reasoning item only
//   with non-empty content / summary / encrypted_content).
// - Other: lifecycle events (response.created, response.in_progress, response.queued), empty
//   parts and items, tool progress events (web_search_call.searching ...), keep-alives,
//   unknown types, data that is not JSON.
// For the response.* lifecycle events whose "response" carries a usage object (completed,
// incomplete, failed), *usage (if given) is filled. Usage is never reported as its own kind.
// Cheap: no allocation for the common events, one pass per nesting level over the data.
StreamEventKind classifyStreamEvent(const SseEvent &event, TokenUsage *usage);

// The event's "sequence_number" (every event of the reference carries one), e.g. to number a
// gateway error event after the last upstream event. nullopt when absent or not JSON.
std::optional<qint64> sequenceNumber(const SseEvent &event);

// The error message in an upstream error body: {"error":{"message":...}} (also nested in a
// one-element array, or a bare {"error":"..."}), a Responses "error" event
// {"type":"error","message":...}, or a "response.failed" event's response.error.message;
// else the raw text trimmed and truncated to 500 characters.
QString errorMessageFromBody(QByteArrayView body);

// The OpenAI error "type" the gateway uses for an HTTP status:
// 400, 404, 405, 409, 413, 415, 422 and other 4xx -> "invalid_request_error" (OpenAI also
// answers a wrong key 401 with this type, code "invalid_api_key"); 403 -> "request_forbidden";
// 429 -> "requests" (OpenAI names the exhausted limit, "requests" or "tokens", code
// "rate_limit_exceeded"); 5xx -> "server_error".
QString errorType(int httpStatus);

// Client-facing error body in OpenAI's shape:
// {"error":{"message":...,"type":errorType(httpStatus),"param":null,"code":...}}; code is
// `code`, else 401 "invalid_api_key" / 429 "rate_limit_exceeded", else null.
QByteArray errorBody(int httpStatus, const QString &message, const QString &code = {});

// The same error inside a stream that has begun, as the Responses "error" event of the
// reference, framed exactly:
//   event: error\ndata: {"type":"error","code":...,"message":...,"param":null,
//   "sequence_number":N}\n\n
// code is `code`, else 401 "invalid_api_key" / 429 "rate_limit_exceeded" / 5xx
// "server_error" (the reference types it a string), else null.
QByteArray errorEvent(int httpStatus, const QString &message, const QString &code = {},
                      qint64 sequenceNumber = 0);

// A terminal "response.failed" event for the same failure:
//   event: response.failed\ndata: {"type":"response.failed","response":{"id":responseId,
//   "object":"response","status":"failed","error":{"code":...,"message":...},
//   "incomplete_details":null,"output":[],"usage":null},"sequence_number":N}\n\n
// with code `code`, else "rate_limit_exceeded" for 429 and "server_error" otherwise (the
// reference's ResponseError codes). Send it after errorEvent() when a stream fails after
// output began: SDKs surface the "error" event, while Codex CLI ignores "error" events and
// reads only response.failed (else it reports "stream closed before response.completed").
QByteArray failedEvent(int httpStatus, const QString &message, const QString &code = {},
                       qint64 sequenceNumber = 0, const QString &responseId = {});

// GET /v1/models answer (the Responses API shares OpenAI's models list):
// {"object":"list","data":[{"id":..,"object":"model","created":<secs>,"owned_by":..},...]}
QByteArray modelList(const QStringList &ids, qint64 createdSecs, const QString &ownedBy);

// The upstream path relative to the provider's base_url ("https://api.openai.com/v1"):
// always "/responses"; model and stream travel in the body.
QString upstreamPath(const QString &upstreamModel, bool stream);

} // namespace OpenAiResponses
