#include "mockwire.h"

QByteArray MockWire::bodyContentType() const
{
    return QByteArrayLiteral("application/json");
}

QByteArray MockWire::streamContentType() const
{
    return QByteArrayLiteral("text/event-stream; charset=utf-8");
}

QList<QByteArray> MockWire::frame(const QList<QByteArray> &events, bool) const
{
    return events;
}

QList<QByteArray> MockWire::cut(const QList<Event> &events, int contentCount)
{
    QList<QByteArray> out;
    int content = 0;
    for (const Event &event : events) {
        if (event.role == Event::Role::Closing || content >= contentCount)
            break;
        out.append(event.bytes);
        if (event.role == Event::Role::Content)
            ++content;
    }
    return out;
}

QList<QByteArray> MockWire::bytesOf(const QList<Event> &events)
{
    QList<QByteArray> out;
    out.reserve(events.size());
    for (const Event &event : events)
        out.append(event.bytes);
    return out;
}

QList<QString> MockWire::splitWords(const QString &text)
{
    QList<QString> pieces;
    qsizetype start = 0;
    for (qsizetype i = 1; i <= text.size(); ++i) {
        if (i == text.size() || text.at(i) == QLatin1Char(' ')) {
            pieces.append(text.mid(start, i - start));
            start = i;
        }
    }
    return pieces;
}
