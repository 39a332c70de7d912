#pragma once

#include <QtGlobal>

// The health factor that scales a route's configured weight inside its priority tier
// (docs/decisions.md "Health-weighted routing"), as pure functions so that tests can pin the
// formula with exact numbers.
//
//   effective weight = configured weight × factor
//   factor           = max(MinFactor, successFactor × (1 − throttlePenalty))
//   successFactor    = (s + 1) / (n + 1)
//       n, s: the route's attempts and successful attempts among its last
//       HealthRegistry::WindowSize attempts that are at most RecentMs old, leaving out 429s
//       (a 429 says "slow down", not "broken"; the penalty below handles it). The one virtual
//       success keeps a single failure from starving a route: no data gives 1, one failure 1/2,
//       three successes and one failure 4/5. Old attempts age out, so a route whose traffic
//       dried up because of its low weight gets its share back within RecentMs.
//   throttlePenalty  = p × 0.5^(t / PenaltyHalfLifeMs)
//       p: the penalty right after the last 429, t: the time since then. Each 429 takes half of
//       what is left: p_new = current + (1 − current) / 2, so one 429 halves the factor, two in a
//       row quarter it, and 30 s later one 429's penalty is down to a quarter of the weight.
//   MinFactor keeps every route of a tier reachable (as failover and to gather new samples).
//
// An open circuit or an active cooldown takes the route out of the tier altogether; the factor
// only shares traffic among the routes that may be used.
namespace HealthWeight {

constexpr qint64 RecentMs = 5 * 60 * 1000;
constexpr qint64 PenaltyHalfLifeMs = 30 * 1000;
constexpr double MinFactor = 0.05;

// (successes + 1) / (attempts + 1); 1 when attempts <= 0.
double successFactor(int successes, int attempts);

// The penalty `penaltyAtLast429` decayed over `sinceMs` (negative counts as 0).
double decayedPenalty(double penaltyAtLast429, qint64 sinceMs);

// The penalty right after another 429, given the (decayed) penalty before it.
double penaltyAfter429(double currentPenalty);

// max(MinFactor, successFactor × (1 − throttlePenalty)), in [MinFactor, 1].
double factor(double successFactor, double throttlePenalty);

} // namespace HealthWeight
