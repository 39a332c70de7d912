#include "logformat.h"

#include <QCoreApplication>
#include <QLocale>

namespace {

const QString unknown = QStringLiteral("—");

} // namespace

namespace LogFormat {

QString duration(double ms)
{
    if (ms < 0)
        return unknown;
    const QLocale locale;
    if (ms < 1000)
        return QCoreApplication::translate("LogFormat", "%1 ms").arg(locale.toString(qRound(ms)));
    if (ms < 60000)
        return QCoreApplication::translate("LogFormat", "%1 s")
            .arg(locale.toString(ms / 1000.0, 'f', ms < 10000 ? 2 : 1));
    return QCoreApplication::translate("LogFormat", "%1 min")
        .arg(locale.toString(ms / 60000.0, 'f', 1));
}

QString time(const QDateTime &utc)
{
    return utc.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

QString age(const QDateTime &utc, const QDateTime &nowUtc)
{
    if (!utc.isValid())
        return unknown;
    const qint64 seconds = qMax<qint64>(0, utc.secsTo(nowUtc));
    if (seconds < 45)
        return QCoreApplication::translate("LogFormat", "just now");
    if (seconds < 3600) {
        // A plain local: Qt 6.4's lupdate hangs on a template call inside translate().
        const int minutes = int(qMax<qint64>(1, (seconds + 30) / 60));
        return QCoreApplication::translate("LogFormat", "%n min ago", nullptr, minutes);
    }
    if (seconds < 86400)
        return QCoreApplication::translate("LogFormat", "%n h ago", nullptr, int(seconds / 3600));
    return QCoreApplication::translate("LogFormat", "%n d ago", nullptr, int(seconds / 86400));
}

QString count(qint64 value)
{
    return value < 0 ? unknown : QLocale().toString(value);
}

QString shortCount(double value)
{
    const QLocale locale;
    const double magnitude = qAbs(value);
    if (magnitude >= 1e9)
        return QCoreApplication::translate("LogFormat", "%1G")
            .arg(locale.toString(value / 1e9, 'f', magnitude >= 1e10 ? 0 : 1));
    if (magnitude >= 1e6)
        return QCoreApplication::translate("LogFormat", "%1M")
            .arg(locale.toString(value / 1e6, 'f', magnitude >= 1e7 ? 0 : 1));
    if (magnitude >= 1e3)
        return QCoreApplication::translate("LogFormat", "%1k")
            .arg(locale.toString(value / 1e3, 'f', magnitude >= 1e4 ? 0 : 1));
    return locale.toString(qRound64(value));
}

QString tokens(qint64 input, qint64 output)
{
    if (input < 0 && output < 0)
        return unknown;
    return count(input) + QStringLiteral(" → ") + count(output);
}

QString percent(double fraction)
{
    return QCoreApplication::translate("LogFormat", "%1 %")
        .arg(QLocale().toString(fraction * 100.0, 'f', fraction >= 0.9995 ? 0 : 1));
}

QString status(const QString &status, int attempt)
{
    const QString text = status.isEmpty() ? unknown : status;
    return attempt > 1
        ? QCoreApplication::translate("LogFormat", "%1 · attempt %2").arg(text).arg(attempt)
        : text;
}

} // namespace LogFormat
