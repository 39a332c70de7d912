#pragma once

#include "statuscolors.h"

#include <QColor>
#include <QPalette>
#include <QString>

// Colours of the health, log and dashboard views beyond the shared status colours
// (StatusColors): chart series, and which status level a request-log status reads as.
namespace ChartPalette {

// The level of a request-log status: 2xx healthy, 4xx (429 and client errors) degraded,
// 5xx, timeouts and upstream errors down, client_closed disabled.
HealthLevel statusLevel(const QString &status);
// Series colours for charts: a calm qualitative set, a little lighter on dark palettes.
QColor series(int index, const QPalette &palette);
bool isDark(const QPalette &palette);

} // namespace ChartPalette
