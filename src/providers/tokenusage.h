#pragma once

#include <QtGlobal>

// Token counts of one upstream exchange as the provider reported them. A count the
// provider did not report stays -1 so that "unknown" is never logged as zero.
// cachedTokens are the prompt tokens served from the provider's cache; they are part of
// inputTokens where the protocol counts them there (OpenAI), and are kept apart so the
// log can show them separately.
struct TokenUsage
{
    qint64 inputTokens = -1;
    qint64 outputTokens = -1;
    qint64 cachedTokens = -1;

    bool isKnown() const { return inputTokens >= 0 || outputTokens >= 0; }
};
