#pragma once

#include "routing/healthregistry.h"
#include "routing/randomsource.h"
#include "routing/routingtable.h"

#include <QList>
#include <QString>

#include <functional>

// The routes to try for one request, best first.
struct RoutePlan
{
    const ModelEntry *model = nullptr; // nullptr: unknown model (404)
    QList<const RouteEntry *> candidates; // ordered; circuits open are left out
    int unavailable = 0; // routes left out because their circuit was open/cooling down
    int filteredOut = 0; // routes left out by the caller's filter (e.g. protocol)
};

// Model name -> ordered candidate routes (DESIGN.md "Routing semantics"): the model's usable
// routes that pass the caller's filter and whose circuit admits requests, ordered by the
// WeightedBalancer, each route's weight scaled by HealthRegistry::healthFactor() (health-weighted
// routing). Weight 0 routes are left out silently (counted in neither figure).
//
// Reading the plan: model == nullptr is an unknown model; no candidates with
// model->configuredRoutes == 0 means nothing configured; otherwise an empty plan means no usable
// route (all disabled, filtered out, weight 0 or circuits open). A half-open route is a
// candidate while its trial slot is free; the job must still call HealthRegistry::tryAcquire()
// before each attempt and skip the route when that refuses.
class Router final
{
public:
    // Both must outlive the router.
    Router(HealthRegistry &health, RandomSource &random);

    // The caller keeps `table` alive for the plan's lifetime (it holds the shared_ptr).
    // The filter runs before the health check, so a filtered route never counts as unavailable.
    RoutePlan plan(const RoutingTable &table, const QString &model,
                   const std::function<bool(const RouteEntry &)> &filter = {}) const;

private:
    HealthRegistry *m_health;
    RandomSource *m_random;
};
