#pragma once

#include "canonical/canonicalstream.h"

#include <QByteArray>

// Writes canonical events as one client protocol's stream bytes (exact SSE framing and event
// names of that protocol), one instance per stream. Returns the bytes to send for the event,
// possibly empty (an event the protocol has no counterpart for, or one held back until a
// later event completes it).
class CanonicalStreamEncoder
{
public:
    virtual ~CanonicalStreamEncoder() = default;

    virtual QByteArray encode(const CanonicalStreamEvent &event) = 0;
};
