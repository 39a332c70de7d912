#include "healthpagedelegate.h"

#include "chartpalette.h"
#include "chartsparkline.h"
#include "healthpagemodel.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

namespace {

constexpr int sparklineWidth = 72;

} // namespace

HealthPageDelegate::HealthPageDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{
}

void HealthPageDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                               const QModelIndex &index) const
{
    switch (index.column()) {
    case HealthPageModel::StateColumn:
        paintBadge(painter, option, index);
        return;
    case HealthPageModel::LatencyColumn:
        paintLatency(painter, option, index);
        return;
    default:
        QStyledItemDelegate::paint(painter, option, index);
    }
}

QSize HealthPageDelegate::sizeHint(const QStyleOptionViewItem &option,
                                   const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    if (index.column() == HealthPageModel::LatencyColumn)
        size.setWidth(size.width() + sparklineWidth + 16);
    if (index.column() == HealthPageModel::StateColumn)
        size.setWidth(size.width() + 24);
    return size;
}

void HealthPageDelegate::paintBadge(QPainter *painter, const QStyleOptionViewItem &option,
                                    const QModelIndex &index) const
{
    // The row's background and selection as for any cell, without text.
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    background.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &background, painter, widget);

    const QString text = index.data(Qt::DisplayRole).toString();
    const auto level = HealthLevel(index.data(HealthPageModel::LevelRole).toInt());
    const QColor color = StatusColors::color(level, option.palette);
    const QFontMetrics metrics(option.font);
    const int height = metrics.height() + 4;
    const int width = metrics.horizontalAdvance(text) + metrics.height() + 16;
    const QRectF pill(option.rect.left() + 6, option.rect.center().y() - height / 2.0 + 0.5,
                      qMin(width, option.rect.width() - 12), height);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    QColor fill = color;
    fill.setAlphaF(ChartPalette::isDark(option.palette) ? 0.28 : 0.16);
    QPainterPath path;
    path.addRoundedRect(pill, height / 2.0, height / 2.0);
    painter->fillPath(path, fill);
    // The dot and the word: the dot's shape and the word carry the state as well as colour.
    const int dotSide = metrics.height();
    StatusColors::dot(level).paint(
        painter,
        QRect(int(pill.left()) + 3, int(pill.center().y() - dotSide / 2.0), dotSide, dotSide));
    painter->setPen(option.palette.color(QPalette::Text));
    painter->drawText(pill.adjusted(dotSide + 5, 0, -4, 0), Qt::AlignVCenter | Qt::AlignLeft,
                      metrics.elidedText(text, Qt::ElideRight, int(pill.width()) - dotSide - 9));
    painter->restore();
}

void HealthPageDelegate::paintLatency(QPainter *painter, const QStyleOptionViewItem &option,
                                      const QModelIndex &index) const
{
    QStyleOptionViewItem textOption = option;
    const int room = option.rect.width() - sparklineWidth - 12;
    const bool withLine = room >= 48;
    if (withLine)
        textOption.rect.setWidth(room);
    QStyledItemDelegate::paint(painter, textOption, index);
    if (!withLine)
        return;
    // The line sits in the rest of the cell, on the row's own background (already drawn for
    // the text part; draw it for the rest as well).
    QStyleOptionViewItem rest = option;
    initStyleOption(&rest, index);
    rest.text.clear();
    rest.rect.setLeft(option.rect.left() + room);
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &rest, painter, widget);

    const QList<double> values = index.data(HealthPageModel::SparklineRole).value<QList<double>>();
    const QRectF area(option.rect.left() + room + 4, option.rect.top() + 5, sparklineWidth,
                      option.rect.height() - 10);
    const bool selected = option.state & QStyle::State_Selected;
    const QColor color = selected ? option.palette.color(QPalette::HighlightedText)
                                  : ChartPalette::series(0, option.palette);
    ChartSparkline::paint(painter, area, values, color);
}
