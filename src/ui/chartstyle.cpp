#include "chartstyle.h"

#include <QAbstractAxis>
#include <QApplication>
#include <QChart>
#include <QGraphicsLayout>
#include <QLegend>

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
}

} // namespace ChartStyle
