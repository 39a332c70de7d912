#pragma once

#include "canonical/canonicalrequest.h"
#include "canonical/canonicalresponse.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

// Anthropic Messages <-> canonical (requests and non-stream responses); the stream directions
// are AnthropicStreamDecoder / AnthropicStreamEncoder. Mapping decisions (docs/translation.md):
// - max_tokens is required by Anthropic: the request's value, else `defaultMaxTokens`
//   (kDefaultMaxTokens = 4096 unless the caller, e.g. from a route setting, passes another).
// - Message order: consecutive same-role turns are merged, tool_result blocks are moved to the
//   front of their user turn, empty text blocks are left out (Anthropic rejects them), and a
//   conversation that starts with an assistant turn gets a user turn "(continue)" before it.
// - Thinking blocks are sent only when Anthropic issued them (issuer Anthropic, with their
//   signature / redacted data); thinking of another provider is DROPPED, not turned into
//   text: its signature would be rejected and replaying reasoning as visible text changes
//   the conversation. It is named "thinking" in the dropped list.
// - response_format json_object / json_schema has no Anthropic parameter: it becomes an extra
//   system text block that asks for JSON only (with the schema).
// - reasoning: enabled -> thinking {type: enabled, budget_tokens}; the budget is the request's,
//   else low 1024 / medium 4096 / high 16384 from the effort; at least 1024 and below
//   max_tokens (max_tokens is raised to budget + 1024 when needed).
// - tool_choice none -> {"type":"none"}; parallel tool calls off -> disable_parallel_tool_use.
// - Server tools (tools with a "type" other than "custom"), documents, containers, MCP servers
//   are refused when decoding; cache_control marks are dropped (named "cache_control").
namespace AnthropicCodec {

constexpr qint64 kDefaultMaxTokens = 4096;

std::optional<CanonicalRequest> decodeRequest(QByteArrayView body, QString *error);

QByteArray encodeRequest(const CanonicalRequest &request, const QString &upstreamModel,
                         QString *refusal, QStringList *dropped = nullptr,
                         qint64 defaultMaxTokens = kDefaultMaxTokens);

std::optional<CanonicalResponse> decodeResponse(QByteArrayView body, QString *error);
QByteArray encodeResponse(const CanonicalResponse &response);

// stop_reason <-> canonical: end_turn and pause_turn -> EndTurn, refusal -> ContentFilter.
// ContentFilter encodes to "refusal", Error to "end_turn".
CanonicalStopReason stopReasonFromJson(const QString &stopReason);
QString stopReasonName(CanonicalStopReason reason);

// usage <-> canonical. Anthropic's input_tokens exclude cache reads and writes; canonical
// inputTokens include them (see tokenusage.h), so decoding adds them and encoding subtracts.
CanonicalUsage usageFromJson(const QJsonObject &usage);
QJsonObject usageToJson(const CanonicalUsage &usage);

} // namespace AnthropicCodec
