#include "routeshares.h"

#include <QHash>

#include <algorithm>

namespace RouteShares {

QList<double> percentages(const QList<RouteConfig> &routes)
{
    QHash<int, qint64> tierTotals;
    for (const RouteConfig &route : routes) {
        if (route.enabled && route.weight > 0)
            tierTotals[route.priority] += route.weight;
    }
    QList<double> shares;
    shares.reserve(routes.size());
    for (const RouteConfig &route : routes) {
        const qint64 total = tierTotals.value(route.priority);
        const bool counts = route.enabled && route.weight > 0 && total > 0;
        shares.append(counts ? 100.0 * route.weight / double(total) : 0.0);
    }
    return shares;
}

QList<int> tiers(const QList<RouteConfig> &routes)
{
    QList<int> tiers;
    for (const RouteConfig &route : routes) {
        if (!tiers.contains(route.priority))
            tiers.append(route.priority);
    }
    std::sort(tiers.begin(), tiers.end());
    return tiers;
}

} // namespace RouteShares
