#pragma once

#include "routing/circuitbreaker.h"

#include <QDateTime>
#include <QMetaType>
#include <QString>

// One entry of a route's health history (GET /admin/health "history", table health_history):
// an active probe's result or a change of the route's circuit state.
struct HealthEvent
{
    enum class Kind {
        Probe, // an active probe of the route's provider finished
        State, // the route's circuit state changed (to `state`)
    };

    QString routeKey;
    QDateTime time; // UTC
    Kind kind = Kind::Probe;
    bool ok = false; // Probe: the probe passed; State: the new state is closed
    CircuitState state = CircuitState::Closed; // the route's state after the event
    qint64 latencyMs = -1; // Probe: round trip time; -1 when unknown or for State
    QString error; // Probe: why it failed; State: the last error when the circuit opened
};
Q_DECLARE_METATYPE(HealthEvent)

// "probe" | "state", as stored and shown in /admin/health.
QString healthEventKindName(HealthEvent::Kind kind);
