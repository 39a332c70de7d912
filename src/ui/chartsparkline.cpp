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
    QPainterPath path;
    bool drawing = false;
    int lastIndex = -1;
    for (int i = 0; i < values.size(); ++i) {
        if (values.at(i) < 0) {
            drawing = false;
            continue;
        }
        if (drawing)
            path.lineTo(point(i));
        else
            path.moveTo(point(i));
        drawing = true;
        lastIndex = i;
    }
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(color, 1.5, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(path);
    // A lone point (no neighbour to draw a line to) and the latest value get a dot.
    painter->setPen(Qt::NoPen);
    painter->setBrush(color);
    for (int i = 0; i < values.size(); ++i) {
        const bool lone = values.at(i) >= 0 && (i == 0 || values.at(i - 1) < 0)
            && (i == values.size() - 1 || values.at(i + 1) < 0);
        if (lone || i == lastIndex)
            painter->drawEllipse(point(i), 2.0, 2.0);
    }
    painter->restore();
}

} // namespace ChartSparkline
