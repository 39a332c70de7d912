#pragma once

#include "canonical/canonicalstreamencoder.h"

#include <QHash>

// Canonical events -> an Anthropic Messages stream, framed as the reference shows it
// ("event: <type>\ndata: {...}\n\n"):
// - MessageStart -> message_start (a message with empty content, stop_reason null and the
//   input usage known so far: 0 when the upstream reports usage only at the end, e.g. OpenAI;
//   the final counts then come in message_delta's usage, which the reference defines as
//   cumulative). A missing id gets a "msg_" one.
// - BlockStart -> content_block_start with Anthropic indices counted from 0 (text {"text":""},
//   tool_use {"id","name","input":{}}, thinking {"thinking":""},
//   redacted_thinking when its data comes); deltas -> text_delta, input_json_delta
//   (partial_json), thinking_delta; a signature -> signature_delta only when Anthropic issued
//   it (never replayed from another provider); BlockStop -> content_block_stop.
// - MessageDelta -> message_delta {stop_reason, stop_sequence} with usage {output_tokens}, or
//   the whole final usage when message_start could not report the input side; End ->
//   message_stop; Error -> an "error" event (error type from the status).
class AnthropicStreamEncoder final : public CanonicalStreamEncoder
{
public:
    QByteArray encode(const CanonicalStreamEvent &event) override;

private:
    QHash<int, int> m_indices; // canonical block index -> Anthropic index
    QHash<int, bool> m_redactedStarted; // redacted blocks wait for their data
    bool m_errored = false;
    bool m_inputReported = false; // message_start carried the input token counts
};
