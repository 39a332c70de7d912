#pragma once

#include "canonical/canonicalblock.h"

#include <QList>
#include <QString>

// Why the model stopped, in every protocol's terms (mapping tables in docs/translation.md).
enum class CanonicalStopReason {
    EndTurn, // OpenAI "stop", Anthropic end_turn, Responses completed, Gemini STOP
    MaxTokens, // "length", max_tokens, incomplete(max_output_tokens), MAX_TOKENS
    ToolUse, // "tool_calls", tool_use, a function_call item, a functionCall part
    StopSequence, // "stop" (OpenAI does not tell), stop_sequence, STOP
    ContentFilter, // "content_filter", refusal, SAFETY / RECITATION / ..., content_filter
    Error, // the upstream failed mid-answer
};

// Token counts with the meaning of TokenUsage: inputTokens is the whole prompt including
// cached (cache read) and cache-creation tokens; outputTokens includes reasoningTokens.
// -1 means "not reported".
struct CanonicalUsage
{
    qint64 inputTokens = -1;
    qint64 outputTokens = -1;
    qint64 cachedTokens = -1; // prompt tokens read from the provider's cache
    qint64 cacheCreationTokens = -1; // Anthropic cache writes (part of inputTokens)
    qint64 reasoningTokens = -1; // part of outputTokens

    bool isKnown() const { return inputTokens >= 0 || outputTokens >= 0; }
};

struct CanonicalResponse
{
    QString id;
    QString model;
    QList<CanonicalBlock> content; // Text, ToolUse, Thinking, RedactedThinking
    CanonicalStopReason stopReason = CanonicalStopReason::EndTurn;
    QString stopSequence; // the matched sequence, when the upstream said which
    CanonicalUsage usage;
};
