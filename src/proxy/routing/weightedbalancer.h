#pragma once

#include "routing/randomsource.h"
#include "routing/routingtable.h"

#include <QList>

// Orders the candidate routes of one request (DESIGN.md "Routing semantics": priority tier
// first, then weight).
class WeightedBalancer final
{
public:
    // Weights above this are treated as this, so that a tier's total always fits the random
    // source's 32-bit range.
    static constexpr int MaxWeight = 1000000;

    // The random source must outlive the balancer.
    explicit WeightedBalancer(RandomSource &random);

    // Orders candidates for one request: ascending priority tiers; inside a tier a weighted random
    // permutation (weighted sampling without replacement, so the first pick follows the weights
    // exactly and failover goes to the others in weighted order). Weight 0 routes are left out.
    // A tier of one route draws no random number.
    QList<const RouteEntry *> order(const QList<const RouteEntry *> &candidates);

private:
    RandomSource *m_random;
};
