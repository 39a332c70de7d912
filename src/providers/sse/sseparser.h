#pragma once

#include "sse/sseevent.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

// Incremental Server-Sent Events parser (WHATWG HTML "event stream interpretation").
//
// Bytes may arrive split anywhere: mid-line, mid-field, between CR and LF. Lines end in CRLF,
// LF or CR; a CR ending one chunk and an LF starting the next are one line end. Comment lines
// (":...") are ignored, a field without a colon is that field with an empty value, one space
// after the colon is stripped, a leading UTF-8 BOM is skipped, unknown fields and "retry" are
// ignored. A blank line ends an event block.
//
// Deliberate differences from the browser EventSource: a block is dispatched when it had at
// least one data line OR an event name (so `event: ping` without data still reaches the
// caller); a block with neither dispatches nothing. `id` is per block, not the sticky "last
// event ID" of a browser, so a re-encoded event carries exactly the fields it came with.
//
// Not thread-safe; one parser per stream.
class SseParser final
{
public:
    // Feeds the next bytes of the stream and appends every event completed by them to `out`.
    void feed(QByteArrayView chunk, QList<SseEvent> &out);

    // Bytes held for the incomplete line and event (callers bound this against a limit).
    qsizetype pendingBytes() const;

    // At end of stream: true when bytes of an unfinished event remain (a partial line, or
    // field lines not yet closed by a blank line), i.e. the stream was truncated.
    bool hasIncompleteEvent() const;

private:
    void processLine(QByteArrayView line, QList<SseEvent> &out);
    void dispatch(QList<SseEvent> &out);

    QByteArray m_lineBuffer; // start of a line whose end has not arrived yet
    QByteArray m_data;
    QByteArray m_event;
    QByteArray m_id;
    bool m_hasData = false;
    bool m_blockHasFields = false; // a non-comment line since the last blank line
    bool m_skipLeadingLf = false; // the previous chunk ended in CR
    bool m_firstLine = true; // the BOM check is still due
};
