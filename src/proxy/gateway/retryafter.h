#pragma once

#include <QByteArray>
#include <QDateTime>

namespace RetryAfter {
// Milliseconds to wait from a Retry-After header value: delta-seconds ("30", also fractional
// as some providers send) or an HTTP-date (RFC 9110 §10.2.3). -1 when absent or unreadable;
// capped at one hour so a bogus value cannot disable a route for days.
qint64 parseMs(const QByteArray &value, const QDateTime &nowUtc);
} // namespace RetryAfter
