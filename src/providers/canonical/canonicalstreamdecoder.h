#pragma once

#include "canonical/canonicalstream.h"
#include "sse/sseevent.h"

#include <QList>

// Reads one upstream protocol's stream (as parsed SSE events) into canonical events, one
// instance per stream. Incremental: every call appends only the events the input completes.
class CanonicalStreamDecoder
{
public:
    virtual ~CanonicalStreamDecoder() = default;

    virtual void feed(const SseEvent &event, QList<CanonicalStreamEvent> &out) = 0;

    // At the end of the upstream stream: flushes what the protocol ends implicitly (Gemini has
    // no terminal event; an OpenAI-compatible server may omit "[DONE]" after its finish
    // chunk). Appends nothing for a stream cut before any sign of its end.
    virtual void finish(QList<CanonicalStreamEvent> &out) = 0;

    // True once End has been produced (the stream terminated properly).
    virtual bool isFinished() const = 0;
};
