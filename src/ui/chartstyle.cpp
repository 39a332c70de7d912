#include "chartstyle.h"

#include "statsseries.h"

#include <QAbstractAxis>
#include <QApplication>
#include <QChart>
#include <QGraphicsLayout>
#include <QLegend>
#include <QValueAxis>

#include <cmath>

namespace ChartStyle {

void apply(QChart *chart, const QPalette &palette)
{
    chart->setBackgroundVisible(false);
    chart->setPlotAreaBackgroundVisible(false);
    chart->setDropShadowEnabled(false);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->layout()->setContentsMargins(0, 0, 0, 0);
    chart->setAnimationOptions(QChart::NoAnimation);
    QFont titleFont = QApplication::font();
    titleFont.setWeight(QFont::DemiBold);
    chart->setTitleFont(titleFont);
    chart->setTitleBrush(palette.color(QPalette::Text));
    QLegend *legend = chart->legend();
    legend->setAlignment(Qt::AlignBottom);
    legend->setFont(QApplication::font());
    legend->setLabelColor(palette.color(QPalette::Text));
    legend->setMarkerShape(QLegend::MarkerShapeCircle);
    const auto axes = chart->axes();
    for (QAbstractAxis *axis : axes)
        applyToAxis(axis, palette);
}

void applyToAxis(QAbstractAxis *axis, const QPalette &palette)
{
    QFont font = QApplication::font();
    font.setPointSizeF(font.pointSizeF() * 0.9);
    axis->setLabelsFont(font);
    axis->setLabelsColor(palette.color(QPalette::PlaceholderText));
    QColor grid = palette.color(QPalette::Mid);
    grid.setAlphaF(0.35);
    axis->setGridLineColor(grid);
    axis->setLinePenColor(grid);
    axis->setMinorGridLineVisible(false);
    axis->setTitleVisible(false);
    // Charts reserve the labels' room from their first layout; a later, wider label ("100 s"
    // after "50 ms") would be elided to "10…". Better a few pixels of shift than a lost number.
    axis->setTruncateLabels(false);
}

void setNiceRange(QValueAxis *axis, double maximum, const QString &suffix)
{
    const double top = StatsSeries::niceCeiling(maximum);
    const double power = std::pow(10.0, std::floor(std::log10(top) + 1e-9));
    const double leading = top / power; // 1, 2, 2.5 or 5
    const int intervals = leading == 2 ? 4 : 5;
    const double step = top / intervals;
    const int decimals = step >= 1 ? 0 : int(std::ceil(-std::log10(step) - 1e-9));
    // The format first: a range change lays the labels out again, a format change alone does
    // not (the old labels' width would stay and elide the new ones).
    axis->setLabelFormat(QStringLiteral("%.") + QString::number(decimals) + QStringLiteral("f")
                         + QString(suffix).replace(QLatin1Char('%'), QLatin1String("%%")));
    axis->setTickCount(intervals + 1);
    axis->setRange(0, top);
}

} // namespace ChartStyle
