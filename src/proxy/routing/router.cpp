#include "routing/router.h"

#include "routing/weightedbalancer.h"

Router::Router(HealthRegistry &health, RandomSource &random)
    : m_health(&health)
    , m_random(&random)
{
}

RoutePlan Router::plan(const RoutingTable &table, const QString &model,
                       const std::function<bool(const RouteEntry &)> &filter) const
{
    RoutePlan plan;
    plan.model = table.model(model);
    if (!plan.model)
        return plan;

    QList<const RouteEntry *> usable;
    usable.reserve(plan.model->routes.size());
    for (const RouteEntry &route : plan.model->routes) {
        if (filter && !filter(route)) {
            ++plan.filteredOut;
            continue;
        }
        if (route.weight <= 0)
            continue;
        if (!m_health->isAvailable(route.key)) {
            ++plan.unavailable;
            continue;
        }
        usable.append(&route);
    }
    const HealthRegistry *health = m_health;
    plan.candidates = WeightedBalancer(*m_random).order(
        usable, [health](const RouteEntry &route) { return health->healthFactor(route.key); });
    return plan;
}
