#pragma once

#include "statspoint.h"
#include "statsseries.h"

#include <QList>
#include <QWidget>

class ChartDonut;
class QAreaSeries;
class QChart;
class QChartView;
class QCategoryAxis;
class QLineSeries;
class QValueAxis;

// The dashboard's four charts in a 2×2 grid: requests with errors (stacked areas), tokens in /
// out / cached (stacked areas), latency p50 / p95 and TTFT p50 (lines), and the share per
// provider (ChartDonut). The series are made once; a new snapshot replaces their points, which
// is what keeps a range switch cheap. Hovering a chart shows the bucket's figures.
class DashboardCharts final : public QWidget
{
    Q_OBJECT

public:
    explicit DashboardCharts(QWidget *parent = nullptr);

    void setSnapshot(const StatsSnapshot &snapshot);

    const StatsSeries &series() const { return m_series; }
    QChart *requestsChart() const { return m_requests; }
    QChart *tokensChart() const { return m_tokens; }
    QChart *latencyChart() const { return m_latency; }
    ChartDonut *donut() const { return m_donut; }

protected:
    void changeEvent(QEvent *event) override;

private:
    struct TimeChart
    {
        int index = 0; // in m_timeCharts
        QChart *chart = nullptr;
        QCategoryAxis *x = nullptr; // time: UTC epoch ms, labels at round local times
        QValueAxis *y = nullptr;
    };

    QChartView *makeView(QChart *chart);
    TimeChart makeTimeChart(const QString &title);
    QAreaSeries *addLayer(const TimeChart &chart, const QString &name, QLineSeries *lower);
    QLineSeries *addLine(const TimeChart &chart, const QString &name, Qt::PenStyle style);
    void setXRange(const TimeChart &chart);
    void restyle();
    void showToolTip(const QPointF &point, bool state, int chart);
    QString toolTipText(int chart, int bucket) const;

    StatsSnapshot m_snapshot;
    StatsSeries m_series;

    QChart *m_requests = nullptr;
    QChart *m_tokens = nullptr;
    QChart *m_latency = nullptr;
    QList<TimeChart> m_timeCharts;
    QList<QAreaSeries *> m_requestLayers; // succeeded, errors
    QList<QAreaSeries *> m_tokenLayers; // input, output, cached
    QList<QLineSeries *> m_latencyLines; // p50, p95, ttft p50
    ChartDonut *m_donut = nullptr;
};
