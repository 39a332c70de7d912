#pragma once

#include <QPalette>

class QAbstractAxis;
class QChart;

// Makes a Qt Chart look like part of the window rather than a picture pasted into it: no
// background of its own, text and grid in the palette's colours (so light and dark themes
// both work), compact margins, the legend at the bottom in the window's font.
namespace ChartStyle {

void apply(QChart *chart, const QPalette &palette);
void applyToAxis(QAbstractAxis *axis, const QPalette &palette);

} // namespace ChartStyle
