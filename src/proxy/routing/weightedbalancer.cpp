#include "routing/weightedbalancer.h"

#include <algorithm>
#include <cmath>

namespace {

struct Weighted
{
    const RouteEntry *route;
    quint64 units;
};

quint64 unitsOf(const RouteEntry &route, const WeightedBalancer::FactorFunction &factor)
{
    const quint64 weight = quint64(std::min(route.weight, WeightedBalancer::MaxWeight));
    if (!factor)
        return weight;
    const double scaled = double(weight) * std::clamp(factor(route), 0.0, 1.0)
        * double(WeightedBalancer::FactorResolution);
    return std::max<quint64>(1, quint64(std::llround(scaled)));
}

} // namespace

WeightedBalancer::WeightedBalancer(RandomSource &random)
    : m_random(&random)
{
}

QList<const RouteEntry *> WeightedBalancer::order(const QList<const RouteEntry *> &candidates,
                                                  const FactorFunction &factor)
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
        if (tierEnd - tierBegin == 1) {
            ordered.append(usable.at(tierBegin));
            tierBegin = tierEnd;
            continue;
        }

        QList<Weighted> tier;
        tier.reserve(tierEnd - tierBegin);
        quint64 total = 0;
        for (qsizetype i = tierBegin; i < tierEnd; ++i) {
            const quint64 units = unitsOf(*usable.at(i), factor);
            tier.append({ usable.at(i), units });
            total += units;
        }
        // Keep the total within the random source's range by scaling every share down alike.
        while (total > 0xFFFFFFFFu) {
            total = 0;
            for (Weighted &entry : tier) {
                entry.units = std::max<quint64>(1, entry.units / 2);
                total += entry.units;
            }
        }

        // Weighted sampling without replacement: draw one route with probability units/total,
        // take it out, repeat with the rest.
        while (tier.size() > 1) {
            quint64 draw = m_random->bounded(quint32(total));
            qsizetype picked = tier.size() - 1;
            for (qsizetype i = 0; i < tier.size(); ++i) {
                if (draw < tier.at(i).units) {
                    picked = i;
                    break;
                }
                draw -= tier.at(i).units;
            }
            total -= tier.at(picked).units;
            ordered.append(tier.takeAt(picked).route);
        }
        ordered.append(tier.constFirst().route);
        tierBegin = tierEnd;
    }
    return ordered;
}
