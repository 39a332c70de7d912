#pragma once

#include "store/requestlogrecord.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

// Filters of GET /admin/logs and the GUI's log view. Empty strings and invalid times do
// not filter. model, provider, status, traceId and accessKey match exactly; text matches
// a substring (case-insensitive for ASCII) of error, model, provider or user_agent.
struct LogFilter
{
    int limit = 100; // clamped to 0..1000
    int offset = 0; // negative counts as 0
    QString model;
    QString provider;
    QString status;
    QString traceId;
    QString accessKey;
    QString text;
    QDateTime from; // inclusive
    QDateTime to; // exclusive
};

struct LogPage
{
    qint64 total = 0; // rows matching the filter, regardless of limit/offset
    QList<RequestLogRecord> items;
};

// Reads the request log on a connection opened by Database::open() in the calling thread.
class LogQuery final
{
public:
    static constexpr int maxLimit = 1000;

    explicit LogQuery(QString connectionName);

    // Newest first (time descending, then id descending).
    std::optional<LogPage> page(const LogFilter &filter, QString *error) const;

private:
    QString m_connectionName;
};

// A log row as the admin API shows it: the snake_case fields of DESIGN.md "Admin REST API",
// `time` as ISO 8601 UTC with milliseconds ("2026-11-26T20:11:19.123Z"), unknown (-1)
// numbers as null.
QJsonObject logRecordToJson(const RequestLogRecord &record);
