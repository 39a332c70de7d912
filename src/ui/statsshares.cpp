#include "statsshares.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>

std::optional<StatsShares> StatsShares::read(const QString &connectionName, qint64 fromMs,
                                             qint64 toMs, qint64 stepMs, QString *error)
{
    QSqlQuery query(QSqlDatabase::database(connectionName, false));
    query.setForwardOnly(true);
    // A narrow read in start order (the index), counted here: SQLite's GROUP BY would sort
    // every row first, which costs more than the read.
    query.prepare(QStringLiteral("SELECT start_ms, ifnull(provider, ''), ifnull(model, '')"
                                 " FROM request_traces WHERE start_ms >= ? AND start_ms < ?"));
    query.addBindValue(fromMs);
    query.addBindValue(toMs);
    if (!query.exec()) {
        if (error)
            *error = query.lastError().text();
        return std::nullopt;
    }
    StatsShares result;
    qint64 lastStart = -1;
    Counts *bucket = nullptr;
    QString lastProvider;
    QString lastModel;
    qint64 *counter = nullptr;
    while (query.next()) {
        const qint64 time = query.value(0).toLongLong();
        const qint64 start = time - ((time % stepMs) + stepMs) % stepMs;
        const QString provider = query.value(1).toString();
        const QString model = query.value(2).toString();
        if (!bucket || start != lastStart) {
            bucket = &result.m_buckets[start];
            lastStart = start;
            counter = nullptr;
        }
        // Traffic comes in runs of the same route: skip the hash lookups for a repeat.
        if (!counter || provider != lastProvider || model != lastModel) {
            counter = &(*bucket)[provider][model];
            lastProvider = provider;
            lastModel = model;
        }
        ++*counter;
    }
    return result;
}

void StatsShares::dropBefore(qint64 fromMs)
{
    while (!m_buckets.isEmpty() && m_buckets.firstKey() < fromMs)
        m_buckets.erase(m_buckets.begin());
}

void StatsShares::replaceFrom(qint64 fromMs, const StatsShares &newer)
{
    while (!m_buckets.isEmpty() && m_buckets.lastKey() >= fromMs)
        m_buckets.erase(std::prev(m_buckets.end()));
    for (auto it = newer.m_buckets.lowerBound(fromMs); it != newer.m_buckets.cend(); ++it)
        m_buckets.insert(it.key(), it.value());
}

QList<StatsShare> StatsShares::shares() const
{
    Counts all;
    for (const Counts &bucket : m_buckets) {
        for (auto provider = bucket.cbegin(); provider != bucket.cend(); ++provider) {
            QHash<QString, qint64> &models = all[provider.key()];
            for (auto model = provider->cbegin(); model != provider->cend(); ++model)
                models[model.key()] += model.value();
        }
    }
    QList<StatsShare> shares;
    for (auto provider = all.cbegin(); provider != all.cend(); ++provider) {
        // Requests refused before any attempt have no provider: not a provider's share.
        if (provider.key().isEmpty())
            continue;
        StatsShare share;
        share.provider = provider.key();
        for (auto model = provider->cbegin(); model != provider->cend(); ++model) {
            share.requests += model.value();
            share.models.append({ model.key(), model.value() });
        }
        std::sort(share.models.begin(), share.models.end(), [](const auto &a, const auto &b) {
            return a.second != b.second ? a.second > b.second : a.first < b.first;
        });
        shares.append(share);
    }
    std::sort(shares.begin(), shares.end(), [](const StatsShare &a, const StatsShare &b) {
        return a.requests != b.requests ? a.requests > b.requests : a.provider < b.provider;
    });
    return shares;
}
