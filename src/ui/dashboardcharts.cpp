#include "dashboardcharts.h"

#include "chartdonut.h"
#include "chartpalette.h"
#include "chartstyle.h"
#include "logformat.h"

#include <QAreaSeries>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QCursor>
#include <QDateTime>
#include <QEvent>
#include <QGridLayout>
#include <QLegend>
#include <QLineSeries>
#include <QToolTip>
#include <QValueAxis>

namespace {

enum ChartIndex { RequestsChart, TokensChart, LatencyChart };

// The y axis of a count chart: a round maximum, labels in k or M when the numbers are large.
// Returns the divisor the points must be scaled by.
double countAxis(QValueAxis *axis, double maximum)
{
    double divisor = 1;
    QString suffix;
    if (maximum >= 1e6) {
        divisor = 1e6;
        suffix = QStringLiteral("M");
    } else if (maximum >= 1e4) {
        divisor = 1e3;
        suffix = QStringLiteral("k");
    }
    ChartStyle::setNiceRange(axis, maximum / divisor, suffix);
    return divisor;
}

QList<QPointF> scaled(const QList<QPointF> &points, double divisor)
{
    if (divisor == 1)
        return points;
    QList<QPointF> result = points;
    for (QPointF &point : result)
        point.ry() /= divisor;
    return result;
}

} // namespace

DashboardCharts::DashboardCharts(QWidget *parent)
    : QWidget(parent)
{
    const TimeChart requests = makeTimeChart(tr("Requests"));
    m_requests = requests.chart;
    QLineSeries *floor = nullptr;
    for (const QString &name : { tr("Succeeded"), tr("Failed") }) {
        QAreaSeries *layer = addLayer(requests, name, floor);
        m_requestLayers.append(layer);
        floor = layer->upperSeries();
    }

    const TimeChart tokens = makeTimeChart(tr("Tokens"));
    m_tokens = tokens.chart;
    floor = nullptr;
    for (const QString &name : { tr("Input"), tr("Output"), tr("Cached") }) {
        QAreaSeries *layer = addLayer(tokens, name, floor);
        m_tokenLayers.append(layer);
        floor = layer->upperSeries();
    }

    const TimeChart latency = makeTimeChart(tr("Latency"));
    m_latency = latency.chart;
    m_latencyLines.append(addLine(latency, tr("p50"), Qt::SolidLine));
    m_latencyLines.append(addLine(latency, tr("p95"), Qt::DashLine));
    m_latencyLines.append(addLine(latency, tr("TTFT p50"), Qt::SolidLine));

    m_donut = new ChartDonut(this);

    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setSpacing(16);
    grid->addWidget(makeView(m_requests), 0, 0);
    grid->addWidget(makeView(m_tokens), 0, 1);
    grid->addWidget(makeView(m_latency), 1, 0);
    grid->addWidget(m_donut, 1, 1);
    for (int i = 0; i < 2; ++i) {
        grid->setRowStretch(i, 1);
        grid->setColumnStretch(i, 1);
    }
    restyle();
}

QChartView *DashboardCharts::makeView(QChart *chart)
{
    auto *view = new QChartView(chart, this);
    view->setRenderHint(QPainter::Antialiasing);
    view->setFrameShape(QFrame::NoFrame);
    view->setStyleSheet(QStringLiteral("background: transparent"));
    view->setMinimumSize(240, 180);
    return view;
}

DashboardCharts::TimeChart DashboardCharts::makeTimeChart(const QString &title)
{
    TimeChart c;
    c.index = int(m_timeCharts.size());
    c.chart = new QChart;
    c.chart->setTitle(title);
    c.x = new QCategoryAxis(c.chart);
    c.x->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    c.y = new QValueAxis(c.chart);
    c.y->setTickCount(5);
    c.chart->addAxis(c.x, Qt::AlignBottom);
    c.chart->addAxis(c.y, Qt::AlignLeft);
    m_timeCharts.append(c);
    return c;
}

QAreaSeries *DashboardCharts::addLayer(const TimeChart &chart, const QString &name,
                                       QLineSeries *lower)
{
    auto *upper = new QLineSeries(chart.chart);
    auto *area = new QAreaSeries(upper, lower);
    area->setName(name);
    chart.chart->addSeries(area);
    area->attachAxis(chart.x);
    area->attachAxis(chart.y);
    const int index = chart.index;
    connect(area, &QAreaSeries::hovered, this,
            [this, index](const QPointF &point, bool state) { showToolTip(point, state, index); });
    return area;
}

QLineSeries *DashboardCharts::addLine(const TimeChart &chart, const QString &name,
                                      Qt::PenStyle style)
{
    auto *line = new QLineSeries(chart.chart);
    line->setName(name);
    QPen pen = line->pen();
    pen.setStyle(style);
    pen.setWidthF(2);
    line->setPen(pen);
    chart.chart->addSeries(line);
    line->attachAxis(chart.x);
    line->attachAxis(chart.y);
    connect(line, &QLineSeries::hovered, this,
            [this](const QPointF &point, bool state) { showToolTip(point, state, LatencyChart); });
    return line;
}

void DashboardCharts::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        restyle();
}

void DashboardCharts::restyle()
{
    const QPalette p = palette();
    for (const TimeChart &c : std::as_const(m_timeCharts))
        ChartStyle::apply(c.chart, p);
    // No outline: an empty layer on top of another must not draw a line of its colour.
    const auto fill = [&](QAreaSeries *area, const QColor &color) {
        QColor body = color;
        body.setAlphaF(0.7);
        area->setBrush(body);
        area->setPen(Qt::NoPen);
    };
    fill(m_requestLayers.at(0), ChartPalette::series(0, p));
    fill(m_requestLayers.at(1), StatusColors::color(HealthLevel::Down, p));
    for (int i = 0; i < m_tokenLayers.size(); ++i)
        fill(m_tokenLayers.at(i), ChartPalette::series(i == 0 ? 1 : i == 1 ? 2 : 3, p));
    const QList<QColor> lineColors
        = { ChartPalette::series(0, p), ChartPalette::series(2, p), ChartPalette::series(3, p) };
    for (int i = 0; i < m_latencyLines.size(); ++i) {
        QPen pen = m_latencyLines.at(i)->pen();
        pen.setColor(lineColors.at(i));
        m_latencyLines.at(i)->setPen(pen);
    }
}

void DashboardCharts::setXRange(const TimeChart &chart)
{
    // Ticks at round local times (StatsSeries::timeTicks) rather than evenly between the ends.
    const StatsRange &range = m_snapshot.range;
    const QStringList old = chart.x->categoriesLabels();
    for (const QString &label : old)
        chart.x->remove(label);
    chart.x->setStartValue(qreal(range.fromMs));
    for (const StatsSeries::Tick &tick : StatsSeries::timeTicks(range))
        chart.x->append(tick.label, qreal(tick.ms));
    chart.x->setRange(qreal(range.fromMs), qreal(range.toMs));
}

void DashboardCharts::setSnapshot(const StatsSnapshot &snapshot)
{
    m_snapshot = snapshot;
    m_series = StatsSeries::build(snapshot.range, snapshot.buckets);
    for (const TimeChart &c : std::as_const(m_timeCharts))
        setXRange(c);

    const QList<QList<QPointF>> requestEdges
        = StatsSeries::stack({ m_series.succeeded, m_series.errors });
    const double requestDivisor
        = countAxis(m_timeCharts.at(RequestsChart).y, StatsSeries::maxY(requestEdges.constLast()));
    for (int i = 0; i < m_requestLayers.size(); ++i)
        m_requestLayers.at(i)->upperSeries()->replace(scaled(requestEdges.at(i), requestDivisor));

    const QList<QList<QPointF>> tokenEdges = StatsSeries::stack(
        { m_series.inputTokens, m_series.outputTokens, m_series.cachedTokens });
    const double tokenDivisor
        = countAxis(m_timeCharts.at(TokensChart).y, StatsSeries::maxY(tokenEdges.constLast()));
    for (int i = 0; i < m_tokenLayers.size(); ++i)
        m_tokenLayers.at(i)->upperSeries()->replace(scaled(tokenEdges.at(i), tokenDivisor));

    // Latency in ms, or in seconds when the lines reach past two seconds.
    const double latencyMax
        = qMax(StatsSeries::maxY(m_series.latencyP95),
               qMax(StatsSeries::maxY(m_series.latencyP50), StatsSeries::maxY(m_series.ttftP50)));
    const bool seconds = latencyMax >= 2000;
    const double latencyDivisor = seconds ? 1000 : 1;
    ChartStyle::setNiceRange(m_timeCharts.at(LatencyChart).y, latencyMax / latencyDivisor,
                             seconds ? tr(" s") : tr(" ms"));
    m_latencyLines.at(0)->replace(scaled(m_series.latencyP50, latencyDivisor));
    m_latencyLines.at(1)->replace(scaled(m_series.latencyP95, latencyDivisor));
    m_latencyLines.at(2)->replace(scaled(m_series.ttftP50, latencyDivisor));

    m_donut->setShares(snapshot.providers);
}

void DashboardCharts::showToolTip(const QPointF &point, bool state, int chart)
{
    if (!state) {
        QToolTip::hideText();
        return;
    }
    const StatsRange &range = m_snapshot.range;
    const int bucket = range.indexOf(qint64(point.x()));
    if (bucket < 0)
        return;
    QToolTip::showText(QCursor::pos(), toolTipText(chart, bucket), this);
}

QString DashboardCharts::toolTipText(int chart, int bucket) const
{
    const QDateTime start = QDateTime::fromMSecsSinceEpoch(m_snapshot.range.bucketStartMs(bucket));
    const QString when = start.toLocalTime().toString(
        m_snapshot.range.bucket == StatsRange::Bucket::Day ? QStringLiteral("yyyy-MM-dd")
                                                           : QStringLiteral("yyyy-MM-dd HH:mm"));
    const auto y = [bucket](const QList<QPointF> &points) {
        return bucket < points.size() ? points.at(bucket).y() : 0.0;
    };
    const auto latencyAt = [&](const QList<QPointF> &points) {
        const qreal x = StatsSeries::xOf(m_snapshot.range, bucket);
        for (const QPointF &point : points) {
            if (point.x() == x)
                return point.y();
        }
        return -1.0;
    };
    switch (chart) {
    case RequestsChart:
        return tr("%1\n%2 requests, %3 failed")
            .arg(when, LogFormat::count(qint64(y(m_series.succeeded) + y(m_series.errors))),
                 LogFormat::count(qint64(y(m_series.errors))));
    case TokensChart:
        return tr("%1\n%2 in, %3 out, %4 cached")
            .arg(when, LogFormat::shortCount(y(m_series.inputTokens)),
                 LogFormat::shortCount(y(m_series.outputTokens)),
                 LogFormat::shortCount(y(m_series.cachedTokens)));
    default:
        return tr("%1\np50 %2 · p95 %3 · TTFT p50 %4")
            .arg(when, LogFormat::duration(latencyAt(m_series.latencyP50)),
                 LogFormat::duration(latencyAt(m_series.latencyP95)),
                 LogFormat::duration(latencyAt(m_series.ttftP50)));
    }
}
