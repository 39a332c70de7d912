#include "retryafter.h"

#include <QLocale>

qint64 RetryAfter::parseMs(const QByteArray &value, const QDateTime &nowUtc)
{
    constexpr qint64 maxMs = 3600 * 1000;
    const QByteArray trimmed = value.trimmed();
    if (trimmed.isEmpty())
        return -1;
    bool ok = false;
    const double seconds = trimmed.toDouble(&ok);
    if (ok)
        return seconds < 0 ? -1 : qMin<qint64>(maxMs, qint64(seconds * 1000));
    // IMF-fixdate, e.g. "Wed, 21 Oct 2015 07:28:00 GMT".
    const QDateTime when = QLocale::c().toDateTime(
        QString::fromLatin1(trimmed), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    if (!when.isValid())
        return -1;
    QDateTime utc = when;
    utc.setTimeSpec(Qt::UTC);
    return qBound<qint64>(0, nowUtc.msecsTo(utc), maxMs);
}
