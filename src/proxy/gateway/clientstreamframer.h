#pragma once

#include "sse/sseevent.h"
#include "streameventkind.h"

#include <QByteArray>
#include <QList>

// Turns the upstream's event stream into the bytes the client gets. Usually that is the
// upstream's bytes unchanged; two cases need the events re-framed:
// - DropUsage: the gateway asked an OpenAI provider for include_usage that the client did not
//   ask for; the usage-only chunk is left out (older clients read choices[0] unchecked).
// - JsonArray: a Gemini client asked for :streamGenerateContent without alt=sse, which
//   Google answers as one JSON array streamed in pieces; the upstream is asked for SSE (one
//   parser for every stream) and each event's JSON object becomes an array element.
class ClientStreamFramer final
{
public:
    enum class Mode { Passthrough, DropUsage, JsonArray };

    explicit ClientStreamFramer(Mode mode = Mode::Passthrough)
        : m_mode(mode)
    {
    }

    Mode mode() const { return m_mode; }
    // The Content-Type for the client; empty: the upstream's.
    QByteArray contentType() const;

    // The client's bytes for one upstream chunk (`raw`) whose complete events are `events`.
    QByteArray frame(const QByteArray &raw, const QList<SseEvent> &events,
                     const QList<StreamEventKind> &kinds);
    // What ends a complete stream ("]" for a JSON array).
    QByteArray finish();
    // What reports an error after output: `event` (the protocol's error event) for event
    // streams; for a JSON array the error `object` as a last element, closing the array.
    QByteArray errorTail(const QByteArray &event, const QByteArray &object);

private:
    static void appendEvent(QByteArray &out, const SseEvent &event);

    Mode m_mode;
    int m_elements = 0;
    bool m_finished = false;
};
