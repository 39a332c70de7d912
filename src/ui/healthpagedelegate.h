#pragma once

#include <QStyledItemDelegate>

// Draws the Health table's state badge (a rounded pill in the state's colour with its word,
// so colour is never alone) and the latency cell (the p50 figure with a sparkline of the last
// hour beside it). Other cells are drawn as usual.
class HealthPageDelegate final : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit HealthPageDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    void paintBadge(QPainter *painter, const QStyleOptionViewItem &option,
                    const QModelIndex &index) const;
    void paintLatency(QPainter *painter, const QStyleOptionViewItem &option,
                      const QModelIndex &index) const;
};
