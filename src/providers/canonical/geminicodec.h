#pragma once

#include "canonical/canonicalrequest.h"
#include "canonical/canonicalresponse.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

// Gemini generateContent <-> canonical (requests and non-stream responses); the stream
// directions are GeminiStreamDecoder / GeminiStreamEncoder. The model and the stream flag are
// in Gemini's URL path, so they are passed in and out beside the body. Decisions
// (docs/translation.md):
// - Roles: user <-> User, model <-> Assistant ("function" decodes as User); consecutive turns
//   of one role are merged; systemInstruction <-> system.
// - Tool-call ids: Gemini's functionCall.id when present; otherwise made up stably as
//   "call_<n>" numbered over the request's calls (requests) or "call_<responseId>_<n>"
//   (responses and streams). A functionResponse without id answers the earliest unanswered call
//   of the same name. ToolResult -> functionResponse {name, response: {"content": text}} or
//   {"error": text} when isError; images in tool results are dropped ("tool_result_image").
// - Tools are sent as functionDeclarations with parametersJsonSchema (full JSON Schema, so
//   "$schema", "additionalProperties"... of Claude Code / OpenAI schemas pass); both
//   "parameters" and "parametersJsonSchema" decode. Choice: auto AUTO, none NONE, required
//   ANY, specific ANY + allowedFunctionNames. Gemini has no parallel switch:
//   parallel_tool_calls false is dropped ("parallel_tool_calls").
// - Images: base64 <-> inlineData; fileData.fileUri decodes as a URL; an http(s) image URL
//   cannot be sent (Gemini takes inline data or its own file URIs; the gateway does not fetch):
//   the request is refused with a clear message.
// - Thinking: parts with "thought": true <-> Thinking; a part's thoughtSignature becomes a
//   Thinking block with issuer Gemini (empty text unless the part is a thought) before that
//   part's block, and is written back on the part that follows it only to Gemini. Thinking of
//   other providers is dropped ("thinking"). reasoning <-> thinkingConfig {thinkingBudget,
//   includeThoughts: true}; an effort becomes low 1024 / medium 8192 / high 24576.
// - response_format json_object -> responseMimeType application/json; json_schema adds
//   responseJsonSchema. candidateCount > 1 is refused; cachedContent, safetySettings, seed,
//   penalties, responseModalities ... are unmapped.
namespace GeminiCodec {

std::optional<CanonicalRequest> decodeRequest(QByteArrayView body, const QString &model,
                                              bool stream, QString *error);

// The body only; the path comes from GeminiContent::upstreamPath(upstreamModel, stream).
QByteArray encodeRequest(const CanonicalRequest &request, const QString &upstreamModel,
                         QString *refusal, QStringList *dropped = nullptr);

std::optional<CanonicalResponse> decodeResponse(QByteArrayView body, QString *error);
QByteArray encodeResponse(const CanonicalResponse &response);

// finishReason <-> canonical: STOP EndTurn (ToolUse when the candidate calls a function),
// MAX_TOKENS MaxTokens, SAFETY / RECITATION / BLOCKLIST / PROHIBITED_CONTENT / SPII /
// IMAGE_SAFETY / LANGUAGE ContentFilter, MALFORMED_FUNCTION_CALL Error, others EndTurn.
// Encoding: EndTurn, ToolUse, StopSequence STOP; MaxTokens MAX_TOKENS; ContentFilter SAFETY;
// Error OTHER.
CanonicalStopReason stopReasonFromJson(const QString &finishReason, bool calledFunction);
QString finishReasonName(CanonicalStopReason reason);

// usageMetadata <-> canonical (as GeminiContent::usageFromResponse: thoughts count as output
// and as reasoningTokens; cachedContentTokenCount is part of promptTokenCount).
CanonicalUsage usageFromJson(const QJsonObject &usageMetadata);
QJsonObject usageToJson(const CanonicalUsage &usage);

} // namespace GeminiCodec
