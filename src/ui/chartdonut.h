#pragma once

#include "statspoint.h"

#include <QColor>
#include <QHash>
#include <QList>
#include <QWidget>

class QChart;
class QChartView;
class QLabel;
class QPieSeries;
class QPieSlice;

// The share of each provider in the range's requests as a donut, with a legend beside it.
// Hovering a slice lifts the slice out and turns the legend into that
// provider's models and their shares; leaving it brings the provider list back.
class ChartDonut final : public QWidget
{
    Q_OBJECT

public:
    explicit ChartDonut(QWidget *parent = nullptr);

    void setShares(const QList<StatsShare> &shares);
    // The legend's lines as plain text (providers, or the hovered provider's models).
    QStringList legendLines() const { return m_legendLines; }
    // Shows the models of the provider at `index` as if its slice were hovered; -1 shows the
    // providers again.
    void highlight(int index);
    QPieSeries *series() const { return m_series; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void showProviders();
    void showModels(int index);
    void setLegend(const QString &title, const QList<QPair<QString, qint64>> &entries,
                   const QList<QColor> &colors, qint64 total, const QString &footer = {});
    void restyle();
    QColor colorOf(int index);
    QColor quietTextColor() const;

    QChart *m_chart;
    QChartView *m_view;
    QPieSeries *m_series;
    QLabel *m_legend;
    QList<StatsShare> m_shares;
    QStringList m_legendLines;
    QHash<QString, int> m_colors; // provider -> series colour index, first come first served
};
