#include "sse/sseparser.h"

#include <cstring>

namespace {

// Position of the first CR or LF in [from, size), or -1. Two memchr calls instead of a
// per-byte loop: LF is the common terminator, a CR is looked for only before it.
qsizetype findLineEnd(const char *data, qsizetype from, qsizetype size)
{
    const char *begin = data + from;
    const auto length = static_cast<size_t>(size - from);
    const auto *lf = static_cast<const char *>(std::memchr(begin, '\n', length));
    const size_t crSearch = lf ? static_cast<size_t>(lf - begin) : length;
    const auto *cr = static_cast<const char *>(std::memchr(begin, '\r', crSearch));
    if (cr)
        return cr - data;
    if (lf)
        return lf - data;
    return -1;
}

} // namespace

void SseParser::feed(QByteArrayView chunk, QList<SseEvent> &out)
{
    const char *data = chunk.data();
    const qsizetype size = chunk.size();
    qsizetype pos = 0;
    if (size > 0 && m_skipLeadingLf) {
        m_skipLeadingLf = false;
        if (data[0] == '\n')
            pos = 1;
    }

    while (pos < size) {
        const qsizetype end = findLineEnd(data, pos, size);
        if (end < 0) {
            m_lineBuffer.append(data + pos, size - pos);
            return;
        }
        const QByteArrayView piece(data + pos, end - pos);
        if (m_lineBuffer.isEmpty()) {
            processLine(piece, out);
        } else {
            m_lineBuffer.append(piece);
            processLine(m_lineBuffer, out);
            m_lineBuffer.resize(0); // keeps the capacity for the next split line
        }
        pos = end + 1;
        if (data[end] == '\r') {
            if (pos < size) {
                if (data[pos] == '\n')
                    ++pos;
            } else {
                m_skipLeadingLf = true;
            }
        }
    }
}

void SseParser::processLine(QByteArrayView line, QList<SseEvent> &out)
{
    if (m_firstLine) {
        m_firstLine = false;
        if (line.startsWith(QByteArrayView("\xEF\xBB\xBF")))
            line = line.sliced(3);
    }
    if (line.isEmpty()) {
        dispatch(out);
        return;
    }
    if (line.front() == ':')
        return; // comment (keep-alive)

    m_blockHasFields = true;
    QByteArrayView field = line;
    QByteArrayView value;
    const qsizetype colon = line.indexOf(':');
    if (colon >= 0) {
        field = line.first(colon);
        value = line.sliced(colon + 1);
        if (!value.isEmpty() && value.front() == ' ')
            value = value.sliced(1);
    }

    if (field == QByteArrayView("data")) {
        if (m_hasData)
            m_data.append('\n');
        m_data.append(value);
        m_hasData = true;
    } else if (field == QByteArrayView("event")) {
        m_event = value.toByteArray();
    } else if (field == QByteArrayView("id")) {
        if (!value.contains('\0')) // the spec ignores ids with NUL
            m_id = value.toByteArray();
    }
    // "retry" and unknown fields: ignored.
}

void SseParser::dispatch(QList<SseEvent> &out)
{
    if (m_hasData || !m_event.isEmpty())
        out.append(SseEvent { std::move(m_event), std::move(m_data), std::move(m_id) });
    m_event.clear();
    m_data.clear();
    m_id.clear();
    m_hasData = false;
    m_blockHasFields = false;
}

qsizetype SseParser::pendingBytes() const
{
    return m_lineBuffer.size() + m_data.size() + m_event.size() + m_id.size();
}

bool SseParser::hasIncompleteEvent() const
{
    return !m_lineBuffer.isEmpty() || m_blockHasFields;
}
