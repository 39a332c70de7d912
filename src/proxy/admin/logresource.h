#pragma once

#include "admin/adminreply.h"
#include "admin/adminrequest.h"
#include "store/logquery.h"

#include <QDateTime>
#include <QString>
#include <QUrlQuery>

#include <optional>

// GET /admin/logs?limit=&offset=&model=&provider=&status=&from=&to=&trace_id=&access_key=&q=
// answers {"total": N, "items": [row, ...]}, newest first, rows as logRecordToJson() writes
// them. `from` (inclusive) and `to` (exclusive) take ISO 8601 (UTC when no offset is given) or
// epoch seconds; `limit` defaults to 100 and is capped at LogQuery::maxLimit; `q` matches a
// substring of error, model, provider or user agent. A bad value or an unknown parameter is a
// 400 naming the parameter.
//
// Reads on its own SQLite connection, opened lazily in the thread that serves the requests
// (the engine thread) under a name unique to this object, and closed by the destructor.
class LogResource final
{
public:
    explicit LogResource(QString databaseUrl);
    ~LogResource();

    LogResource(const LogResource &) = delete;
    LogResource &operator=(const LogResource &) = delete;

    AdminReply collection(const AdminRequest &request);

    // The filter a query string asks for; nullopt and *error (400 naming the parameter) when
    // a value is bad.
    static std::optional<LogFilter> parseFilter(const QUrlQuery &query, AdminReply *error);
    // ISO 8601 or (possibly fractional) epoch seconds; invalid QDateTime when neither.
    static QDateTime parseTime(const QString &text);

private:
    bool ensureOpen(QString *error);

    QString m_databaseUrl;
    QString m_connectionName;
    bool m_open = false;
};
