#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringList>

#include <optional>

// Gemini-shaped answers the gateway writes itself (errors, the model list) and the reading of
// upstream error bodies. Shapes as in the Gemini API reference and its troubleshooting guide
// (ai.google.dev/gemini-api/docs/troubleshooting):
//   {"error":{"code":429,"message":"...","status":"RESOURCE_EXHAUSTED","details":[...]}}
// Included by gemini/geminicontent.h.
namespace GeminiContent {

// The google.rpc status name Gemini uses for an HTTP status: 400 INVALID_ARGUMENT,
// 401 UNAUTHENTICATED, 402 RESOURCE_EXHAUSTED (prepaid credit used up), 403 PERMISSION_DENIED,
// 404 NOT_FOUND, 408 DEADLINE_EXCEEDED, 409 ABORTED, 413 INVALID_ARGUMENT (Google answers an
// oversized payload with 400 INVALID_ARGUMENT), 429 RESOURCE_EXHAUSTED, 499 CANCELLED,
// 500 INTERNAL, 501 UNIMPLEMENTED, 502 and 503 UNAVAILABLE (also 529 "overloaded"),
// 504 DEADLINE_EXCEEDED; any other 4xx FAILED_PRECONDITION, any other status INTERNAL.
QString statusName(int httpStatus);

// Client-facing error body: {"error":{"code":<httpStatus>,"message":...,"status":...}} with
// `status` or, when empty, statusName(httpStatus). Compact, one line.
QByteArray errorBody(int httpStatus, const QString &message, const QString &status = {});

// The same error inside an SSE stream (alt=sse) once output has begun: one event
// "data: {\"error\":{...}}\r\n\r\n" in Gemini's own CRLF framing, which the SDKs' SSE readers
// and SseParser accept. (Google itself appends the error as bare, pretty-printed JSON after the
// last event; an SSE-framed event keeps the stream parseable for every client.) For JSON array
// streams use GeminiJsonArrayStream::errorTail().
QByteArray errorEvent(int httpStatus, const QString &message, const QString &status = {});

// What an upstream error body says.
struct ErrorInfo
{
    int code = 0; // error.code, 0 when absent
    QString message; // error.message (or a fallback, see errorMessageFromBody())
    QString status; // error.status, e.g. "RESOURCE_EXHAUSTED"; empty when absent
    // The reason of a google.rpc.ErrorInfo detail, e.g. "API_KEY_INVALID" (Gemini answers a
    // wrong key with 400 INVALID_ARGUMENT, not 401: a gateway should treat this reason as a
    // broken key of the route, not as the client's error) or "RATE_LIMIT_EXCEEDED".
    QString reason;
};

// Reads {"error":{"code","message","status"}} — also wrapped in a one-element array, as Google
// answers streamGenerateContent without alt=sse, and surrounded by whitespace (Google
// pretty-prints). nullopt when the body holds no such error object.
std::optional<ErrorInfo> errorFromBody(QByteArrayView body);

// A readable message from an upstream error body: error.message (Gemini, also OpenAI-style
// bodies), {"error":"..."} or a top-level "message"; else the raw text trimmed and cut to 500
// characters.
QString errorMessageFromBody(QByteArrayView body);

// The delay a 429 body asks for, from its google.rpc.RetryInfo detail
// ({"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"36s"}; a protobuf Duration:
// seconds with up to 9 fractional digits, e.g. "36.429760048s"), in milliseconds rounded up.
// Gemini sends no Retry-After header; use this as the route's cooldown. nullopt when absent.
std::optional<qint64> retryDelayMsFromBody(QByteArrayView body);

// The generation methods the gateway serves for a listed model.
QStringList defaultGenerationMethods(); // {"generateContent", "streamGenerateContent"}

// One Model resource: {"name":"models/<id>","displayName":"<id>",
// "supportedGenerationMethods":[...]} ("models/" is not doubled when id already has it).
QByteArray modelInfo(const QString &id, const QStringList &methods = defaultGenerationMethods());

// GET /v1beta/models answer: {"models":[<modelInfo>,...]} (no nextPageToken: one page).
QByteArray modelList(const QStringList &ids,
                     const QStringList &methods = defaultGenerationMethods());

} // namespace GeminiContent
