#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

// One reply of the mock provider in one wire protocol: the bytes of every form a Behavior may
// ask for (the whole body, the whole stream, errors as a body or inside a stream). Bytes are
// built on demand, so a wire object is cheap to make per request. MockScripts turns these
// into a MockResponseScript; subclasses know nothing about behaviors or sockets.
class MockWire
{
public:
    // One stream event, already framed (e.g. "event: x\ndata: {...}\n\n"), and what it is to
    // a stream that breaks off: failure modes keep the Lead events and the first content
    // events and never send a Closing one.
    struct Event
    {
        enum class Role {
            Lead, // preamble and block boundaries: role chunk, message_start, ping, ...
            Content, // output: a text word, a tool call argument piece, a thinking word
            Closing, // what completes the reply: finish reason, usage, terminal event
        };
        QByteArray bytes;
        Role role = Role::Lead;
    };

    virtual ~MockWire() = default;

    virtual QByteArray bodyContentType() const; // of body() and errorBody(): application/json
    virtual QByteArray streamContentType() const; // "text/event-stream; charset=utf-8"

    virtual QByteArray body() const = 0; // the complete non-streamed reply
    virtual QList<Event> streamEvents() const = 0; // the complete stream
    // The error body the protocol's API answers with for an HTTP status.
    virtual QByteArray errorBody(int status) const = 0;
    // The stream events that report `status` inside a stream that has begun: before any
    // content (including the lifecycle events the protocol always sends first, if any), or
    // after cut(streamEvents(), 1).
    virtual QList<QByteArray> errorEvents(int status, bool afterContent) const = 0;
    // The events as written to the wire. SSE events are framed already (this default returns
    // them as they are); Gemini's JSON array stream frames its elements here. `complete`: the
    // stream ends properly after these (an array gets its closing bracket).
    virtual QList<QByteArray> frame(const QList<QByteArray> &events, bool complete) const;

    // The events sent when a stream breaks after `contentCount` content events: every event
    // up to and including that content event, and no Closing event.
    static QList<QByteArray> cut(const QList<Event> &events, int contentCount);
    static QList<QByteArray> bytesOf(const QList<Event> &events);
    // Splits a reply into stream pieces word by word; each piece but the first keeps its
    // leading space, as model tokens do ("Hello", " from", " the").
    static QList<QString> splitWords(const QString &text);
};
