#include "routing/weightedbalancer.h"

#include <algorithm>

WeightedBalancer::WeightedBalancer(RandomSource &random) : m_random(&random)
{
}

QList<const RouteEntry *> WeightedBalancer::order(const QList<const RouteEntry *> &candidates)
{
    QList<const RouteEntry *> usable;
    usable.reserve(candidates.size());
    for (const RouteEntry *route : candidates) {
        if (route && route->weight > 0)
            usable.append(route);
    }
    // Stable, so that equal tiers keep the config order before the shuffle (determinism in tests).
    std::stable_sort(usable.begin(), usable.end(), [](const RouteEntry *a, const RouteEntry *b) {
        return a->priority < b->priority;
    });

    QList<const RouteEntry *> ordered;
    ordered.reserve(usable.size());
    qsizetype tierBegin = 0;
    while (tierBegin < usable.size()) {
        qsizetype tierEnd = tierBegin + 1;
        while (tierEnd < usable.size()
               && usable.at(tierEnd)->priority == usable.at(tierBegin)->priority)
            ++tierEnd;

        // Weighted sampling without replacement: draw one route with probability weight/total,
        // take it out, repeat with the rest.
        QList<const RouteEntry *> tier = usable.mid(tierBegin, tierEnd - tierBegin);
        quint64 total = 0;
        for (const RouteEntry *route : tier)
            total += quint64(std::min(route->weight, MaxWeight));
        while (tier.size() > 1) {
            // total <= MaxWeight * routes of a tier; clamp to keep bounded() well defined even
            // for absurd tier sizes (the draw then slightly favours earlier routes).
            const quint32 range = quint32(std::min<quint64>(total, 0xFFFFFFFFu));
            quint64 draw = m_random->bounded(range);
            qsizetype picked = tier.size() - 1;
            for (qsizetype i = 0; i < tier.size(); ++i) {
                const quint64 weight = quint64(std::min(tier.at(i)->weight, MaxWeight));
                if (draw < weight) {
                    picked = i;
                    break;
                }
                draw -= weight;
            }
            total -= quint64(std::min(tier.at(picked)->weight, MaxWeight));
            ordered.append(tier.takeAt(picked));
        }
        ordered.append(tier.constFirst());
        tierBegin = tierEnd;
    }
    return ordered;
}
