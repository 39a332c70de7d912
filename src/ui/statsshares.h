#pragma once

#include "statspoint.h"

#include <QHash>
#include <QMap>
#include <QString>

#include <optional>

// Client requests per provider and model, per time bucket, for the dashboard's donut: which
// provider answered (the outcome attempt's, as StatsQuery's group_by=provider) and for which
// model. Kept per bucket so that a refresh re-reads only the newest buckets and the window can
// slide without reading the rest again.
class StatsShares final
{
public:
    // Reads the requests that started in [fromMs, toMs) from request_traces on an open
    // connection of the calling thread, into buckets of stepMs aligned to UTC.
    static std::optional<StatsShares> read(const QString &connectionName, qint64 fromMs,
                                           qint64 toMs, qint64 stepMs, QString *error);

    // Drops the buckets that start before fromMs.
    void dropBefore(qint64 fromMs);
    // Replaces every bucket starting at or after fromMs with those of `newer`.
    void replaceFrom(qint64 fromMs, const StatsShares &newer);

    // Providers over all buckets, most requests first, each with its models.
    QList<StatsShare> shares() const;

private:
    using Counts = QHash<QString, QHash<QString, qint64>>; // provider -> model -> requests
    QMap<qint64, Counts> m_buckets; // by bucket start
};
