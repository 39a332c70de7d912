#pragma once

#include "canonical/canonicalrequest.h"
#include "canonical/canonicalresponse.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringList>

#include <optional>

// OpenAI Chat Completions <-> canonical (requests and non-stream responses). The stream
// directions are OpenAiChatStreamDecoder / OpenAiChatStreamEncoder. Mapping decisions, also
// tabled in docs/translation.md:
// - system and developer messages become canonical system blocks, in order (a system message
//   in the middle of the conversation moves to the front: no other protocol has one there).
// - role "tool" messages become ToolResult blocks of a User message; consecutive tool and user
//   messages merge into one User message (tool results first), as Anthropic needs.
// - OpenAI has no tool error flag: a ToolResult with isError is sent as a tool message whose
//   text starts with "Error: ".
// - assistant reasoning_content (DeepSeek, vLLM, OpenRouter "reasoning") decodes to a Thinking
//   block without issuer; Thinking blocks are never encoded into an OpenAI request (OpenAI has
//   none; DeepSeek rejects them) and never carry signatures here.
// - n > 1 is refused (no other protocol returns several choices); audio, modalities and
//   non-function tools are refused; logprobs, penalties, seed, logit_bias, service_tier, store,
//   metadata, prediction, web_search_options ... are kept as unmapped (reported as dropped).
// - max_completion_tokens and max_tokens both decode to maxTokens; the encoder writes
//   max_tokens, which every OpenAI-compatible provider knows (OpenAI reasoning models accept
//   max_completion_tokens only: a route to them needs the passthrough path).
namespace OpenAiChatCodec {

// A Chat Completions request body -> canonical; nullopt and *error (for a 400
// invalid_request_error in the caller's protocol) when the body is invalid or asks for
// something no translation can honour.
std::optional<CanonicalRequest> decodeRequest(QByteArrayView body, QString *error);

// Canonical -> a Chat Completions body for `upstreamModel`. Returns an empty array and sets
// *refusal when the request cannot be expressed (previous_response_id). Names of parameters
// that were dropped are appended to *dropped (if given). When streaming, asks for
// stream_options.include_usage so that the gateway always learns the usage.
QByteArray encodeRequest(const CanonicalRequest &request, const QString &upstreamModel,
                         QString *refusal, QStringList *dropped = nullptr);

// A chat.completion body -> canonical (choice 0).
std::optional<CanonicalResponse> decodeResponse(QByteArrayView body, QString *error);

// Canonical -> a chat.completion body; `created` in seconds since the epoch (0: now).
QByteArray encodeResponse(const CanonicalResponse &response, qint64 created = 0);

// finish_reason <-> stop reason. "stop" decodes to EndTurn (OpenAI does not tell a stop
// sequence from a natural end); StopSequence encodes to "stop", Error to "stop" as well.
CanonicalStopReason stopReasonFromFinish(const QString &finishReason);
QString finishReason(CanonicalStopReason reason);

// The usage object of a response or stream chunk -> canonical (prompt_tokens with
// prompt_tokens_details.cached_tokens, completion_tokens with
// completion_tokens_details.reasoning_tokens).
CanonicalUsage usageFromJson(const QJsonObject &usage);
QJsonObject usageToJson(const CanonicalUsage &usage);

// The OpenAI error "type" for an HTTP status, for errors written in OpenAI's shape.
QString errorTypeForStatus(int httpStatus);

} // namespace OpenAiChatCodec
