#pragma once

#include <QDateTime>
#include <QString>

// How the log, health and dashboard views write times, durations and counts, in one place so
// the same number reads the same on every page.
namespace LogFormat {

// "842 ms", "12.3 s", "—" for unknown (negative) values.
QString duration(double ms);
// Local time, "2026-11-26 20:11:19".
QString time(const QDateTime &utc);
// "3 min ago", "just now", "2 h ago", "yesterday"... relative to now.
QString age(const QDateTime &utc, const QDateTime &nowUtc);
// Grouped digits in the user's locale; "—" for unknown (negative) values.
QString count(qint64 value);
// "12.3k", "4.5M": short counts for cards and axes.
QString shortCount(double value);
// "1,234 → 567"; "—" when neither is known.
QString tokens(qint64 input, qint64 output);
// "98.5 %".
QString percent(double fraction);
// The status as the table shows it: "200", "503", "timeout", with "· attempt 2" when it was
// not the first try.
QString status(const QString &status, int attempt);

} // namespace LogFormat
