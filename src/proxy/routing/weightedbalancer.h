#pragma once

#include "routing/randomsource.h"
#include "routing/routingtable.h"

#include <QList>

#include <functional>

// Orders the candidate routes of one request (DESIGN.md "Routing semantics": priority tier
// first, then weight).
class WeightedBalancer final
{
public:
    // Weights above this are treated as this, so that a tier's total always fits the random
    // source's 32-bit range.
    static constexpr int MaxWeight = 1000000;
    // With a health factor, a route's share is weight × factor in units of 1/FactorResolution.
    static constexpr int FactorResolution = 1000;

    // A route's health factor in [0, 1] (HealthRegistry::healthFactor()); asked only for routes
    // that share their tier with others.
    using FactorFunction = std::function<double(const RouteEntry &)>;

    // The random source must outlive the balancer.
    explicit WeightedBalancer(RandomSource &random);

    // Orders candidates for one request: ascending priority tiers; inside a tier a weighted random
    // permutation (weighted sampling without replacement, so the first pick follows the weights
    // exactly and failover goes to the others in weighted order). Weight 0 routes are left out.
    // A tier of one route draws no random number.
    //
    // With `factor`, a route's weight inside its tier is weight × factor (the effective weight of
    // DESIGN.md's /admin/health), never less than one unit of 1/FactorResolution, so a poorly
    // rated route stays a failover candidate. Without it, the configured weights are used as
    // they are.
    QList<const RouteEntry *> order(const QList<const RouteEntry *> &candidates,
                                    const FactorFunction &factor = {});

private:
    RandomSource *m_random;
};
