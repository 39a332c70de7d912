#pragma once

#include "canonical/canonicalstreambuilder.h"
#include "canonical/canonicalstreamdecoder.h"

#include <QHash>

// An Anthropic Messages stream -> canonical events. message_start -> MessageStart (usage: the
// input side); content_block_start/delta/stop -> BlockStart/BlockDelta/BlockStop (text_delta,
// input_json_delta, thinking_delta; signature_delta -> a Thinking delta with `signature` and
// issuer Anthropic; redacted_thinking -> a RedactedThinking block whose data is one signature
// delta); message_delta -> MessageDelta (stop reason, cumulative usage merged with the input
// side of message_start); message_stop -> End; error -> Error (status from the error type:
// overloaded_error 529, rate_limit_error 429, api_error 500, ...); ping ignored. Server tool
// blocks (server_tool_use, web_search_tool_result, ...) have no canonical counterpart and are
// skipped with their deltas.
class AnthropicStreamDecoder final : public CanonicalStreamDecoder
{
public:
    void feed(const SseEvent &event, QList<CanonicalStreamEvent> &out) override;
    void finish(QList<CanonicalStreamEvent> &out) override;
    bool isFinished() const override { return m_builder.hasEnded(); }

private:
    CanonicalStreamBuilder m_builder;
    QHash<int, int> m_blocks; // Anthropic index -> canonical index (skipped blocks absent)
    CanonicalUsage m_usage;
    CanonicalStopReason m_stopReason = CanonicalStopReason::EndTurn;
    QString m_stopSequence;
    bool m_deltaSeen = false;
};
