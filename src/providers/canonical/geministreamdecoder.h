#pragma once

#include "canonical/canonicalstreambuilder.h"
#include "canonical/canonicalstreamdecoder.h"

// A Gemini streamGenerateContent?alt=sse stream (each event one GenerateContentResponse) ->
// canonical events. The first chunk gives MessageStart (responseId, modelVersion, its usage). Text
// parts and thought parts extend the open Text / Thinking block; each functionCall part is a whole
// ToolUse block (start, one delta with the complete arguments JSON, stop) whose id is the
// part's id or "call_<responseId>_<n>". A part's thoughtSignature is a signature delta (issuer
// Gemini) on the block of that part. finishReason stops the open block; Gemini has no
// terminal event, so MessageDelta (stop reason, the last chunk's usageMetadata) and End come
// from finish() once a finishReason or blockReason was seen. A chunk with "error" -> Error.
class GeminiStreamDecoder final : public CanonicalStreamDecoder
{
public:
    void feed(const SseEvent &event, QList<CanonicalStreamEvent> &out) override;
    void finish(QList<CanonicalStreamEvent> &out) override;
    bool isFinished() const override { return m_builder.hasEnded(); }

private:
    CanonicalStreamBuilder m_builder;
    QString m_idPrefix;
    int m_calls = 0;
    bool m_called = false;
    bool m_terminal = false;
    QString m_finishReason;
    CanonicalUsage m_usage;
};
