#include "routing/healthweight.h"

#include <algorithm>
#include <cmath>

namespace HealthWeight {

double successFactor(int successes, int attempts)
{
    if (attempts <= 0)
        return 1.0;
    const int clamped = std::clamp(successes, 0, attempts);
    return double(clamped + 1) / double(attempts + 1);
}

double decayedPenalty(double penaltyAtLast429, qint64 sinceMs)
{
    if (penaltyAtLast429 <= 0.0)
        return 0.0;
    const double halfLives = double(std::max<qint64>(0, sinceMs)) / double(PenaltyHalfLifeMs);
    return std::min(1.0, penaltyAtLast429) * std::exp2(-halfLives);
}

double penaltyAfter429(double currentPenalty)
{
    const double current = std::clamp(currentPenalty, 0.0, 1.0);
    return current + (1.0 - current) / 2.0;
}

double factor(double successFactor, double throttlePenalty)
{
    const double value
        = std::clamp(successFactor, 0.0, 1.0) * (1.0 - std::clamp(throttlePenalty, 0.0, 1.0));
    return std::max(MinFactor, value);
}

} // namespace HealthWeight
