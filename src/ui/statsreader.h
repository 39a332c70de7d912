#pragma once

#include "statspoint.h"
#include "statsrange.h"
#include "statsshares.h"

#include <QMap>
#include <QObject>
#include <QString>

#include <optional>

// The dashboard's worker: reads the statistics of a range in its own thread (see LogDbThread)
// with its own connection, opened on first use. Call read() as a queued call; the answer comes
// as snapshotRead with the caller's ticket, so an answer for a range the user has already
// switched away from can be dropped.
//
// The buckets come from the store's StatsQuery (GET /admin/stats's definitions), the provider
// and model shares from StatsShares, today's figures from the requests since local midnight.
// Each range's buckets are kept: a later read of the same range re-reads only its two newest
// buckets (the one still filling and the one before, where late attempts of a request may
// land) and slides the window, so live refreshes stay cheap on a million rows.
class StatsReader final : public QObject
{
    Q_OBJECT

public:
    // `connectionName` must be unique in the process.
    StatsReader(QString databaseUrl, QString connectionName);
    ~StatsReader() override;

    void read(quint64 ticket, StatsRange::Span span, const QDateTime &nowUtc);
    // Forgets the kept buckets: the next read of every range reads it whole.
    void forget();

    // One whole read without keeping anything, on an open connection of the calling thread
    // (tests, measurements).
    static std::optional<StatsSnapshot> readSnapshot(const QString &connectionName,
                                                     StatsRange::Span span, const QDateTime &nowUtc,
                                                     QString *error);

Q_SIGNALS:
    void snapshotRead(quint64 ticket, const StatsSnapshot &snapshot);
    void failed(quint64 ticket, const QString &error);

private:
    struct Kept
    {
        StatsRange range;
        QMap<qint64, StatsPoint> buckets; // by start
        StatsShares shares;
    };

    // Reads [fromMs, range.toMs) into `kept` (replacing what it had from fromMs on).
    static bool update(const QString &connectionName, const StatsRange &range, qint64 fromMs,
                       Kept *kept, QString *error);
    static std::optional<StatsPoint> today(const QString &connectionName, const QDateTime &nowUtc,
                                           QString *error);
    static StatsSnapshot snapshotOf(const Kept &kept);

    const QString m_databaseUrl;
    const QString m_connectionName;
    bool m_open = false;
    QMap<int, Kept> m_kept; // by StatsRange::Span
};
