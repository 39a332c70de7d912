#pragma once

#include "canonical/canonicalstreambuilder.h"
#include "canonical/canonicalstreamdecoder.h"

#include <QHash>

// A Chat Completions stream (chat.completion.chunk events, "[DONE]") -> canonical events.
// - The first chunk gives MessageStart (id, model).
// - delta.reasoning_content / delta.reasoning -> a Thinking block, delta.content and
//   delta.refusal -> a Text block, tool_calls[i] -> one ToolUse block per i (started by the
//   delta that carries its id and name; argument pieces are the deltas). A new kind of output
//   stops the open block: blocks come one after another.
// - finish_reason stops the open block; the stop reason and the usage (the include_usage
//   chunk that follows) are sent as MessageDelta at "[DONE]", then End. Without "[DONE]",
//   finish() ends a stream that had its finish_reason.
// - A chunk with an "error" object -> Error (status from its code/type when it names one,
//   else 500).
class OpenAiChatStreamDecoder final : public CanonicalStreamDecoder
{
public:
    void feed(const SseEvent &event, QList<CanonicalStreamEvent> &out) override;
    void finish(QList<CanonicalStreamEvent> &out) override;
    bool isFinished() const override { return m_builder.hasEnded(); }

private:
    CanonicalStreamBuilder m_builder;
    QHash<int, int> m_toolBlocks; // tool_calls[i].index -> canonical block index
    bool m_finished = false; // a finish_reason was seen
    CanonicalStopReason m_stopReason = CanonicalStopReason::EndTurn;
    CanonicalUsage m_usage;
};
