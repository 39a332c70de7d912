#pragma once

#include "routing/circuitbreaker.h"

#include <QColor>
#include <QIcon>
#include <QPalette>
#include <QString>

// How healthy something is, as every page shows it (UI.md: green, amber, red, grey; never
// colour alone, so each level also has a word and a dot shape).
enum class HealthLevel {
    Healthy, // serving normally
    Degraded, // some routes down, or a circuit probing (half-open)
    Down, // nothing usable
    Disabled, // switched off by the user, or paused
    Unknown, // no routes or no data yet
};

namespace StatusColors {

// The colour of a level, tuned for the palette's lightness so it reads on light and dark
// windows alike. Disabled and Unknown use the palette's placeholder text colour.
QColor color(HealthLevel level, const QPalette &palette);
QColor color(HealthLevel level);

// A short word for the level ("Healthy", "Degraded", "Down", "Disabled", "No data"), translated.
QString label(HealthLevel level);

// A dot of the level's colour whose shape differs too: filled (healthy), half-filled
// (degraded), filled with a cross line (down), hollow ring (disabled / unknown). Drawn as
// vectors, so it is sharp at any device pixel ratio.
QIcon dot(HealthLevel level);

// Circuit state of one route -> level: closed healthy, half-open degraded, open down.
HealthLevel fromCircuit(CircuitState state);

} // namespace StatusColors
