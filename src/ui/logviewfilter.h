#pragma once

#include "store/requestlogrecord.h"

#include <QDateTime>
#include <QString>
#include <QVariantList>

// What the log view and the CSV export show: the filter bar's choices. Empty strings and
// invalid times do not filter. model, provider and accessKey match exactly; text matches a
// case-insensitive substring of the error, model, upstream model, provider, user agent or
// trace id.
//
// The same filter exists twice, as SQL for the pages read from the store and as matches()
// for rows that arrive live (EngineClient::rowsLogged), so that a new row appears at the top
// exactly when a fresh query would have returned it.
struct LogViewFilter
{
    enum class Status {
        Any,
        Success, // 2xx
        Failure, // anything else: 4xx, 5xx, timeout, client_closed...
        Exact, // statusCode
    };

    QDateTime from; // inclusive
    QDateTime to; // exclusive
    QString model;
    QString provider;
    QString accessKey;
    QString text;
    Status status = Status::Any;
    QString statusCode; // for Status::Exact, e.g. "429" or "timeout"

    bool isEmpty() const;
    bool matches(const RequestLogRecord &record) const;

    // The SQL condition over request_log's columns ("" when the filter is empty), with its
    // bind values appended to *values in order.
    QString sqlCondition(QVariantList *values) const;

    bool operator==(const LogViewFilter &other) const;
    bool operator!=(const LogViewFilter &other) const { return !(*this == other); }
};

// A position in the log's order (newest first: time descending, then id descending) for
// keyset pagination: the next page holds the rows strictly after it. Unlike OFFSET, a page
// deep in a million rows costs the same as the first.
struct LogCursor
{
    qint64 timeMs = 0;
    qint64 id = 0;
    bool valid = false; // false: start at the newest row

    // True when a row with this key comes after the cursor (is older) in the log's order.
    bool isBefore(qint64 rowTimeMs, qint64 rowId) const
    {
        return !valid || rowTimeMs < timeMs || (rowTimeMs == timeMs && rowId < id);
    }
};

namespace LogStatus {
// True for HTTP 2xx status texts.
bool isSuccess(const QString &status);
} // namespace LogStatus
