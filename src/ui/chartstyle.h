#pragma once

#include <QPalette>

class QAbstractAxis;
class QChart;
class QValueAxis;

// Makes a Qt Chart look like part of the window rather than a picture pasted into it: no
// background of its own, text and grid in the palette's colours (so light and dark themes
// both work), compact margins, the legend at the bottom in the window's font.
namespace ChartStyle {

void apply(QChart *chart, const QPalette &palette);
void applyToAxis(QAbstractAxis *axis, const QPalette &palette);
// Sets a value axis to 0..a round number at or above `maximum`, with ticks on round steps
// (0.2, 0.5 or 1 times a power of ten) and labels with just the decimals those steps need,
// followed by `suffix` ("k", "M", " s"...).
void setNiceRange(QValueAxis *axis, double maximum, const QString &suffix);

} // namespace ChartStyle
