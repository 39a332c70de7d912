#pragma once

#include "routing/healthregistry.h"
#include "statuscolors.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QHash>
#include <QList>

#include <functional>

// One row per route with its health, for the Health page. setSnapshots() updates the rows in
// place: changed cells get dataChanged, new routes are inserted and gone ones removed, never a
// reset, so selection, scroll position and sorting survive the live updates.
class HealthPageModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        ModelColumn,
        ProviderColumn,
        UpstreamColumn,
        StateColumn,
        SuccessColumn,
        LatencyColumn,
        LastErrorColumn,
        LastProbeColumn,
        ColumnCount
    };
    enum Role {
        LevelRole = Qt::UserRole + 1, // int (HealthLevel) of the state badge
        SparklineRole, // QList<double>: the last hour's p50 latencies (LatencyColumn)
        SortRole, // a value to sort the column by
        RouteKeyRole,
    };

    // The word the state badge shows.
    enum class Verdict { Healthy, Degraded, CoolingDown, Recovering, Down };

    explicit HealthPageModel(QObject *parent = nullptr);

    void setSnapshots(const QList<RouteHealthSnapshot> &routes);
    void setSparklines(const QHash<QString, QList<double>> &sparklines);
    // Ages ("3 min ago") are relative to this clock; tests pin it.
    void setClock(std::function<QDateTime()> nowUtc) { m_now = std::move(nowUtc); }
    // Tells the view that the age columns changed with the passing of time.
    void refreshAges();

    // Open is down, half-open recovering; a closed route waiting out a 429's Retry-After is
    // cooling down, one with a poor success rate degraded (see the definition for the numbers).
    static Verdict verdict(const RouteHealthSnapshot &route, const QDateTime &nowUtc);
    static QString verdictText(Verdict verdict);
    // The status colour of a verdict: recovering shares degraded's amber.
    static HealthLevel level(Verdict verdict);

    const RouteHealthSnapshot &route(int row) const { return m_routes.at(row); }
    int rowOf(const QString &routeKey) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    // The first and last column whose display differs between two snapshots of a route, or
    // (-1, -1) when none does.
    std::pair<int, int> changedColumns(const RouteHealthSnapshot &a,
                                       const RouteHealthSnapshot &b) const;
    QVariant display(const RouteHealthSnapshot &route, int column) const;
    QVariant toolTip(const RouteHealthSnapshot &route, int column) const;

    QList<RouteHealthSnapshot> m_routes;
    QHash<QString, QList<double>> m_sparklines;
    std::function<QDateTime()> m_now;
};
