#pragma once

#include "admin/adminreply.h"
#include "admin/adminrequest.h"
#include "store/statsquery.h"

#include <QDateTime>
#include <QObject>
#include <QString>
#include <QThreadPool>
#include <QUrlQuery>

#include <functional>
#include <optional>

// GET /admin/stats?from=&to=&bucket=minute|hour|day&group_by=model|provider|key answers
// {"buckets": [bucket, ...], "from", "to", "bucket", "group_by"}: the buckets as
// statsBucketToJson() writes them (definitions at StatsQuery), plus the range and bucket size
// the answer covers. `from` (inclusive) and `to` (exclusive) take ISO 8601 (UTC without an
// offset) or epoch seconds; `to` defaults to now, `from` to 24 hours before `to`, `bucket` to
// hour; without `group_by` each bucket's `group` is null. A bad value, an unknown parameter,
// `to` not after `from` or more than StatsQuery::maxBuckets buckets is a 400 naming the
// parameter.
//
// A query over a month of a busy gateway takes a while (docs/benchmarks.md "Stats"), so it
// runs on a worker thread of this object, with a connection of its own, and the engine thread
// keeps serving traffic meanwhile.
class StatsResource final : public QObject
{
    Q_OBJECT

public:
    using Done = std::function<void(AdminReply reply)>;

    explicit StatsResource(QString databaseUrl, QObject *parent = nullptr);
    // Waits for a running query; its answer is dropped.
    ~StatsResource() override;

    // Calls `done` with the answer: at once for a refused request, else later, in this object's
    // thread, once the worker has the numbers.
    void collection(const AdminRequest &request, Done done);

    // The query a request asks for; nullopt and *error (400 naming the parameter) when a value
    // is bad. `now` is the default of `to`.
    static std::optional<StatsRequest> parseRequest(const QUrlQuery &query, const QDateTime &now,
                                                    AdminReply *error);
    // Runs the query on a connection that is open in the calling thread.
    static AdminReply answer(const QString &connectionName, const StatsRequest &request);

private:
    QString m_databaseUrl;
    QThreadPool m_pool;
};
