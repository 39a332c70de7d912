#pragma once

#include <QColor>
#include <QList>
#include <QRectF>

class QPainter;

// A word-sized line chart (Tufte's sparkline) for table cells: values left to right, the
// line scaled to the cell from zero to the largest value; empty buckets (negative values) are
// skipped, the line joining the buckets on either side, and the last point is marked.
namespace ChartSparkline {

void paint(QPainter *painter, const QRectF &rect, const QList<double> &values, const QColor &color);

} // namespace ChartSparkline
