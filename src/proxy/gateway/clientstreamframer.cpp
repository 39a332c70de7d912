#include "clientstreamframer.h"

QByteArray ClientStreamFramer::contentType() const
{
    return m_mode == Mode::JsonArray ? QByteArrayLiteral("application/json") : QByteArray();
}

void ClientStreamFramer::appendEvent(QByteArray &out, const SseEvent &event)
{
    if (!event.event.isEmpty())
        out += "event: " + event.event + '\n';
    if (!event.id.isEmpty())
        out += "id: " + event.id + '\n';
    qsizetype start = 0;
    while (true) {
        const qsizetype end = event.data.indexOf('\n', start);
        const qsizetype stop = end < 0 ? event.data.size() : end;
        out += "data: " + QByteArrayView(event.data).sliced(start, stop - start) + '\n';
        if (end < 0)
            break;
        start = end + 1;
    }
    out += '\n';
}

QByteArray ClientStreamFramer::frame(const QByteArray &raw, const QList<SseEvent> &events,
                                     const QList<StreamEventKind> &kinds)
{
    switch (m_mode) {
    case Mode::Passthrough:
        return raw;
    case Mode::DropUsage: {
        QByteArray out;
        for (qsizetype i = 0; i < events.size(); ++i) {
            if (kinds.at(i) != StreamEventKind::Usage)
                appendEvent(out, events.at(i));
        }
        return out;
    }
    case Mode::JsonArray: {
        QByteArray out;
        for (const SseEvent &event : events) {
            if (event.data.trimmed().isEmpty())
                continue;
            // Google's own framing: "[{...}\n,\r\n{...}\n]".
            out += m_elements++ == 0 ? QByteArrayLiteral("[") : QByteArrayLiteral(",\r\n");
            out += event.data;
            out += '\n';
        }
        return out;
    }
    }
    return raw;
}

QByteArray ClientStreamFramer::finish()
{
    if (m_mode != Mode::JsonArray || m_finished)
        return {};
    m_finished = true;
    return m_elements == 0 ? QByteArrayLiteral("[]") : QByteArrayLiteral("]");
}

QByteArray ClientStreamFramer::errorTail(const QByteArray &event, const QByteArray &object)
{
    if (m_mode != Mode::JsonArray)
        return event;
    m_finished = true;
    return (m_elements++ == 0 ? QByteArrayLiteral("[") : QByteArrayLiteral(",\r\n")) + object
        + QByteArrayLiteral("\n]");
}
