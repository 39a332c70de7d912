#include "routing/healthevent.h"

QString healthEventKindName(HealthEvent::Kind kind)
{
    switch (kind) {
    case HealthEvent::Kind::Probe:
        return QStringLiteral("probe");
    case HealthEvent::Kind::State:
        return QStringLiteral("state");
    }
    return QStringLiteral("probe");
}
