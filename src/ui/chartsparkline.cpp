#include "chartsparkline.h"

#include <QPainter>
#include <QPainterPath>

namespace ChartSparkline {

void paint(QPainter *painter, const QRectF &rect, const QList<double> &values, const QColor &color)
{
    if (values.size() < 2 || rect.width() < 8 || rect.height() < 4)
        return;
    double maximum = 0;
    for (double value : values)
        maximum = qMax(maximum, value);
    if (maximum <= 0)
        return;

    const qreal step = rect.width() / qreal(values.size() - 1);
    const auto point = [&](int i) {
        const qreal y = rect.bottom() - (values.at(i) / maximum) * rect.height();
        return QPointF(rect.left() + i * step, y);
    };
    // The line joins the buckets that have a value, across empty ones: a quiet five minutes
    // is not a latency of zero, and a line broken at every gap reads as noise.
    QPainterPath path;
    bool drawing = false;
    int lastIndex = -1;
    int points = 0;
    for (int i = 0; i < values.size(); ++i) {
        if (values.at(i) < 0)
            continue;
        if (drawing)
            path.lineTo(point(i));
        else
            path.moveTo(point(i));
        drawing = true;
        lastIndex = i;
        ++points;
    }
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(color, 1.5, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(path);
    // The latest value gets a dot (the only mark when there is a single value).
    painter->setPen(Qt::NoPen);
    painter->setBrush(color);
    if (lastIndex >= 0)
        painter->drawEllipse(point(lastIndex), points == 1 ? 2.5 : 2.0, points == 1 ? 2.5 : 2.0);
    painter->restore();
}

} // namespace ChartSparkline
