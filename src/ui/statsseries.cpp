#include "statsseries.h"

#include <QDateTime>
#include <QHash>
#include <QLocale>

#include <cmath>
#include <functional>

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

QList<StatsSeries::Tick> StatsSeries::timeTicks(const StatsRange &range)
{
    const QDateTime from = QDateTime::fromMSecsSinceEpoch(range.fromMs).toLocalTime();
    QDateTime tick;
    QString format;
    // The first tick at or after the range's start, then the next one from each tick.
    std::function<QDateTime(const QDateTime &)> next;
    switch (range.span) {
    case StatsRange::Span::LastHour: {
        const QTime t = from.time();
        tick = QDateTime(from.date(), QTime(t.hour(), t.minute() - t.minute() % 10));
        next = [](const QDateTime &t) { return t.addSecs(600); };
        format = QStringLiteral("HH:mm");
        break;
    }
    case StatsRange::Span::Last24Hours: {
        tick = QDateTime(from.date(), QTime(from.time().hour() - from.time().hour() % 4, 0));
        next = [](const QDateTime &t) { return t.addSecs(4 * 3600); };
        format = QStringLiteral("HH:mm");
        break;
    }
    case StatsRange::Span::Last7Days:
        tick = QDateTime(from.date(), QTime(0, 0));
        next = [](const QDateTime &t) { return QDateTime(t.date().addDays(1), QTime(0, 0)); };
        format = QStringLiteral("ddd d");
        break;
    case StatsRange::Span::Last30Days:
        tick = QDateTime(from.date().addDays(1 - from.date().dayOfWeek()), QTime(0, 0));
        next = [](const QDateTime &t) { return QDateTime(t.date().addDays(7), QTime(0, 0)); };
        format = QStringLiteral("MMM d");
        break;
    }
    QList<Tick> ticks;
    const QLocale locale;
    for (; tick.toMSecsSinceEpoch() < range.toMs; tick = next(tick)) {
        if (tick.toMSecsSinceEpoch() >= range.fromMs)
            ticks.append({ tick.toMSecsSinceEpoch(), locale.toString(tick, format) });
    }
    return ticks;
}
