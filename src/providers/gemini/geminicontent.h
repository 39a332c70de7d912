#pragma once

#include "sse/sseevent.h"
#include "streameventkind.h"
#include "tokenusage.h"
#include "json/jsonmembers.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringView>

#include <optional>

// Google Gemini API, models.generateContent / models.streamGenerateContent, as published in
// the Gemini API reference (ai.google.dev/api/generate-content): path parsing, request
// inspection, the upstream path and body, usage extraction and stream chunk classification.
// Error bodies, stream error events and the model list are in gemini/geminireplies.h
// (included below); the non-SSE stream splitter is gemini/geminijsonarraystream.h.
//
// Unlike the other protocols, the model and the streaming choice are in the URL path:
//   POST /v1beta/models/{model}:generateContent          one GenerateContentResponse
//   POST /v1beta/models/{model}:streamGenerateContent?alt=sse
//        Server-Sent Events, each `data:` a GenerateContentResponse chunk, framed
//        "data: {...}\r\n\r\n"; no terminal event (no "[DONE]").
//   POST /v1beta/models/{model}:streamGenerateContent    (no alt=sse)
//        one JSON array of GenerateContentResponse chunks, written piece by piece.
// Newer Google SDKs use /v1/models/... for the same methods; the body is the same.
//
// Relaying a stream (what the gateway does with these functions):
// - SSE: pass the upstream bytes through; feed them to an SseParser and call
//   classifyStreamEvent() on each event for usage, Content (commit point) and errors.
// - JSON array: ask the upstream for the same mode (upstreamPath(model, true, false)), pass the
//   bytes through unchanged (Content-Type application/json) and feed the same bytes to a
//   GeminiJsonArrayStream, which yields each complete chunk object; classify those with
//   classifyStreamObject(). A failure after output began is appended with
//   GeminiJsonArrayStream::errorTail() so the client still receives a valid array.
// - Termination: Gemini has no terminal event. The last chunk carries a candidate
//   finishReason (or, for a refused prompt, promptFeedback.blockReason), reported through the
//   `terminal` out-parameter. A stream counts as properly terminated when the upstream closed
//   it after at least one terminal chunk (and, for SSE, no incomplete event was pending; for
//   JSON arrays, GeminiJsonArrayStream::isFinished()). Old models marked every chunk STOP, so
//   "terminal" means "may end here", not "nothing follows".
namespace GeminiContent {

enum class Method {
    GenerateContent,
    StreamGenerateContent,
    Other, // countTokens, embedContent, ...: not a generation method
};

// The part of a Gemini request path after ".../models/", split at its last ':'.
struct GeminiPath
{
    QString model; // without a leading "models/", percent-decoded
    QString method; // e.g. "generateContent"; empty when the path has no ':'
    Method kind = Method::Other;
    bool stream = false; // streamGenerateContent
    bool sse = false; // alt=sse was in the query (only meaningful with stream)
    bool ok = false; // a non-empty valid model and a generation method
};

// Parses "gemini-2.0-flash:streamGenerateContent" (as it follows "/v1beta/models/" or
// "/v1/models/"). Tolerates a leading "models/" (SDKs that pass the full resource name), a
// percent-encoded path ("models%2Fx%3AgenerateContent") and a trailing "?query", whose alt=sse
// sets `sse` (the explicit `query` argument, without '?', is read too). Model names are
// letters, digits and "-._"; anything else (empty, '/', spaces) leaves ok false. For methods
// other than generateContent / streamGenerateContent, ok is false but model and method are
// filled so the caller can name the unsupported method.
GeminiPath parsePath(QStringView pathAfterModels, QStringView query = {});

struct RequestInfo
{
    QString model; // from the path, without "models/"
    bool stream = false; // from the path
    JsonMembers members; // top-level members of the body
};

// Validates a GenerateContentRequest body: a JSON object whose "contents" is a non-empty array
// of objects (the rest, e.g. systemInstruction, tools, generationConfig, is the upstream's to
// judge). modelFromPath must be non-empty. On failure returns nullopt and *error says what is
// wrong in Google's wording where it has one, for a 400 INVALID_ARGUMENT.
std::optional<RequestInfo> inspectRequest(const QByteArray &body, const QString &modelFromPath,
                                          bool streamFromPath, QString *error);
// The same with the model and stream flag of a parsed path.
std::optional<RequestInfo> inspectRequest(const QByteArray &body, const GeminiPath &path,
                                          QString *error);

// The body to send to a Gemini upstream: the client's body itself (shared, no copy), because
// the model travels in the path. Only if the body carries a top-level "model" member (not part
// of the REST body; some clients add it) is that member set to "models/<upstreamModel>", so the
// upstream never sees a model other than the one in the path.
QByteArray upstreamBody(const QByteArray &body, const RequestInfo &info,
                        const QString &upstreamModel);

// The upstream request path relative to the provider's base_url
// ("https://generativelanguage.googleapis.com"):
//   "/v1beta/models/<model>:generateContent",
//   "/v1beta/models/<model>:streamGenerateContent?alt=sse" or, with sse false,
//   ".../<model>:streamGenerateContent" (JSON array stream).
// A leading "models/" of upstreamModel is dropped; the name is percent-encoded.
QString upstreamPath(const QString &upstreamModel, bool stream, bool sse = true);

// Usage from a GenerateContentResponse (non-stream body, or one stream chunk) "usageMetadata":
//   inputTokens  = promptTokenCount + toolUsePromptTokenCount (tool results, e.g. search, are
//                  prompt-side tokens the upstream bills as input);
//   outputTokens = candidatesTokenCount + thoughtsTokenCount (thinking is billed as output;
//                  Gemini reports it apart from the candidates);
//   cachedTokens = cachedContentTokenCount (already part of promptTokenCount).
// Proto3 JSON omits zero counts: a missing candidates/thoughts count is 0 when the other is
// present; when both are missing, output is totalTokenCount - input if both are reported.
// A count that cannot be known stays -1 (e.g. cachedTokens when Gemini did not report it).
TokenUsage usageFromResponse(QByteArrayView body);

using StreamEventKind = ::StreamEventKind;

// Classifies one GenerateContentResponse chunk (an SSE event's data, or one element of a JSON
// array stream):
//   Error   a top-level non-null "error" object (Google's in-stream error), or the SSE event
//           name "error";
//   Content a candidate whose content.parts has a part with output — any member other than
//           "thought" whose value is not null or "" (text incl. thought summaries, functionCall
//           incl. streamed partialArgs, inlineData, executableCode, thoughtSignature, ...) — or
//           a candidate with a finishReason, or promptFeedback.blockReason (a refused prompt is
//           the answer, not a failure);
//   Usage   otherwise, when usageMetadata reports at least one token count;
//   Other   anything else (empty text parts, role-only chunks, data that is not a JSON object;
//           Gemini sends no pings; a "[DONE]" some proxies append is Other).
// Never Done: Gemini has no terminal event; *terminal (if given) is set to true when the chunk
// has a candidate finishReason or a promptFeedback.blockReason, else left unchanged, so a
// caller can pass one flag for the whole stream. *usage (if given) is set when usageMetadata
// reports a token count, whatever the kind (Gemini repeats cumulative usage on every chunk:
// the last one wins). Cheap: no allocation, one pass per nesting level.
StreamEventKind classifyStreamObject(QByteArrayView json, TokenUsage *usage,
                                     bool *terminal = nullptr);
StreamEventKind classifyStreamEvent(const SseEvent &event, TokenUsage *usage,
                                    bool *terminal = nullptr);

// True for a chunk after which the stream may properly end (see `terminal` above).
bool isTerminal(const SseEvent &event);

} // namespace GeminiContent

#include "gemini/geminireplies.h"
