#pragma once

#include "config/configtypes.h"

#include <QList>

// The share of a model's traffic each route gets within its priority tier (UI.md "Models":
// a share bar showing the resulting percentage in its tier). Within a tier the balancer picks
// by weight, so a route's share is its weight over the sum of the tier's usable weights.
// Disabled routes and weight 0 get 0; a tier whose usable weights sum to 0 gives all 0.
namespace RouteShares {

// Percentages (0..100), one per route, in the order given.
QList<double> percentages(const QList<RouteConfig> &routes);

// The priority tiers in use, ascending (the order in which they are tried).
QList<int> tiers(const QList<RouteConfig> &routes);

} // namespace RouteShares
