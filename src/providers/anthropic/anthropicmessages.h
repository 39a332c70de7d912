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

// Anthropic Messages wire format (POST {base_url}/v1/messages and /v1/messages/count_tokens),
// as published in Anthropic's API reference ("Messages", "Streaming Messages", "Errors",
// "Count Message tokens", "List Models"): request inspection and the one rewrite the gateway
// makes, usage extraction, stream event classification and Anthropic-shaped errors. Bodies are
// never re-serialised: what the gateway does not change is forwarded byte for byte.
//
// The local count_tokens estimate lives in anthropictokenestimate.h (same namespace).
namespace AnthropicMessages {

// Which endpoint a request body was posted to: they share the body format, but only
// Messages requires max_tokens and can stream.
enum class Endpoint {
    Messages, // POST /v1/messages
    CountTokens, // POST /v1/messages/count_tokens
};

struct RequestInfo
{
    QString model; // as the client sent it
    bool stream = false; // always false for CountTokens
    qint64 maxTokens = -1; // -1 for CountTokens
    JsonMembers members; // top-level members of the body
};

// Validates the body: a JSON object with a non-empty string "model" and an array "messages";
// for Messages also an integer "max_tokens" >= 1 (required by the reference) and "stream", if
// present, a bool (null counts as false). On failure returns nullopt and *error holds the
// message for a 400 invalid_request_error, worded like the API's own ("max_tokens: Field
// required"). Everything else (roles, block types, tools) is left to the upstream.
std::optional<RequestInfo> inspectRequest(const QByteArray &body, QString *error,
                                          Endpoint endpoint = Endpoint::Messages);

// The body to send upstream: "model" replaced by upstreamModel, every other byte as the client
// sent it. With nothing to change, returns `body` itself (shared, no copy). Duplicate "model" /
// "stream" keys are collapsed to the one value the gateway acted on. Anthropic always reports
// usage in streams, so nothing has to be added.
QByteArray upstreamBody(const QByteArray &body, const RequestInfo &info,
                        const QString &upstreamModel);

// Usage from a non-stream Message body. The reference defines the request's total input as
// input_tokens + cache_creation_input_tokens + cache_read_input_tokens, so inputTokens is that
// sum (the same meaning as OpenAI's prompt_tokens, which include cached tokens) and
// cachedTokens is cache_read_input_tokens. Cache creation tokens are counted in inputTokens
// only (no field of their own). What is not reported stays -1 (null cache fields count as 0
// in the sum).
TokenUsage usageFromResponse(QByteArrayView body);

using StreamEventKind = ::StreamEventKind;

// Classifies one SSE event of a Messages stream by its `event:` name (by the data's "type"
// when the name is missing):
//   content_block_delta (text_delta, input_json_delta, thinking_delta, signature_delta, any
//     other delta)                                            -> Content
//   content_block_start of a block that carries output already (tool_use, server tool use and
//     results, redacted_thinking, text/thinking with non-empty text)  -> Content, else Other
//   message_start (usage: input side)                         -> Other
//   message_delta (stop_reason, cumulative usage)             -> Usage
//   message_stop                                              -> Done
//   error (e.g. overloaded_error)                             -> Error
//   ping, content_block_stop, unknown events                  -> Other
// Usage is written to *usage (if given) field by field, only for counts the event reports:
// message_start gives inputTokens (sum as in usageFromResponse), cachedTokens and the initial
// outputTokens; message_delta gives the cumulative outputTokens, and the input side only when
// it reports all three input counts (so an incomplete message_delta never lowers the
// message_start sum). Cheap: content deltas are recognised by name without touching the data.
// Note: message_delta also carries stop_reason; a relay must never drop these Usage events.
StreamEventKind classifyStreamEvent(const SseEvent &event, TokenUsage *usage);

// The error message in an upstream error body ({"type":"error","error":{"type",
// "message"}}; also {"error":{"message"}}, {"message"} and {"error":"..."}), the error type
// when the message is empty, else the raw text trimmed and truncated to 500 characters.
QString errorMessageFromBody(QByteArrayView body);

// The "error.type" of an Anthropic error body (e.g. "overloaded_error"), else empty.
QString errorTypeFromBody(QByteArrayView body);

// The reference's error type for an HTTP status: 400 invalid_request_error,
// 401 authentication_error, 402 billing_error, 403 permission_error, 404 not_found_error,
// 413 request_too_large, 429 rate_limit_error, 500 api_error, 504 timeout_error,
// 529 overloaded_error. Statuses the API does not use, chosen for the gateway: 502 (every
// upstream attempt failed) api_error; 503 (no usable route: all disabled or circuits open)
// overloaded_error, as "temporarily unable to serve, retry later" is what the SDKs and Claude
// Code retry on. Other 4xx invalid_request_error (as the reference says), other 5xx api_error.
QString errorTypeForStatus(int httpStatus);

// Client-facing error body: {"type":"error","error":{"type":<errorTypeForStatus>,"message":..}}
QByteArray errorBody(int httpStatus, const QString &message);

// The same error as one SSE event, framed as the reference shows it:
// "event: error\ndata: {...}\n\n".
QByteArray errorEvent(int httpStatus, const QString &message);

// GET /v1/models answer in Anthropic's shape:
// {"data":[{"type":"model","id":..,"display_name":..,"created_at":<RFC 3339>},..],
//  "has_more":false,"first_id":..,"last_id":..} (first_id/last_id null when empty).
// display_name is the id (the gateway knows no other name); created_at is createdSecs in UTC,
// the epoch when unknown (as the reference allows).
QByteArray modelList(const QStringList &ids, qint64 createdSecs = 0);

// The upstream request path relative to the provider base_url (https://api.anthropic.com):
// "/v1/messages" for both streaming and non-streaming (the model travels in the body).
QString upstreamPath(const QString &upstreamModel, bool stream);

// The anthropic-version to send upstream when the client sent none ("2023-06-01").
QByteArray defaultApiVersion();

// Client request headers to pass on to an Anthropic upstream: every "anthropic-*" header
// (anthropic-version, anthropic-beta, ...); never the client's credentials. Case-insensitive.
bool isPassThroughRequestHeader(QByteArrayView name);

// Upstream response headers worth passing back to the client: request-id, retry-after and
// every "anthropic-*" header (anthropic-ratelimit-*, ...). Case-insensitive.
bool isPassThroughResponseHeader(QByteArrayView name);

} // namespace AnthropicMessages
