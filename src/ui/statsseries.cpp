#include "statsseries.h"

#include <QHash>

#include <cmath>

StatsSeries StatsSeries::build(const StatsRange &range, const QList<StatsPoint> &buckets)
{
    QHash<int, const StatsPoint *> byIndex;
    for (const StatsPoint &point : buckets) {
        const int index = range.indexOf(point.startMs);
        if (index >= 0)
            byIndex.insert(index, &point);
    }
    StatsSeries s;
    for (int i = 0; i < range.bucketCount; ++i) {
        const qreal x = xOf(range, i);
        const StatsPoint *p = byIndex.value(i);
        const StatsPoint none;
        const StatsPoint &b = p ? *p : none;
        s.succeeded.append({ x, qreal(qMax<qint64>(0, b.requests - b.errors)) });
        s.errors.append({ x, qreal(b.errors) });
        s.inputTokens.append({ x, qreal(b.inputTokens) });
        s.outputTokens.append({ x, qreal(b.outputTokens) });
        s.cachedTokens.append({ x, qreal(b.cachedTokens) });
        if (b.latencyP50Ms >= 0)
            s.latencyP50.append({ x, b.latencyP50Ms });
        if (b.latencyP95Ms >= 0)
            s.latencyP95.append({ x, b.latencyP95Ms });
        if (b.ttftP50Ms >= 0)
            s.ttftP50.append({ x, b.ttftP50Ms });
    }
    return s;
}

qreal StatsSeries::xOf(const StatsRange &range, int index)
{
    return qreal(range.bucketStartMs(index) + range.stepMs() / 2);
}

QList<QList<QPointF>> StatsSeries::stack(const QList<QList<QPointF>> &layers)
{
    QList<QList<QPointF>> edges;
    for (const QList<QPointF> &layer : layers) {
        QList<QPointF> edge = layer;
        if (!edges.isEmpty()) {
            const QList<QPointF> &below = edges.constLast();
            for (int i = 0; i < edge.size() && i < below.size(); ++i)
                edge[i].ry() += below.at(i).y();
        }
        edges.append(edge);
    }
    return edges;
}

double StatsSeries::maxY(const QList<QPointF> &points)
{
    double maximum = 0;
    for (const QPointF &point : points)
        maximum = qMax(maximum, point.y());
    return maximum;
}

double StatsSeries::niceCeiling(double value)
{
    if (value <= 0)
        return 1;
    const double power = std::pow(10.0, std::floor(std::log10(value)));
    for (double step : { 1.0, 2.0, 2.5, 5.0, 10.0 }) {
        if (value <= step * power * (1 + 1e-9))
            return step * power;
    }
    return 10 * power;
}
