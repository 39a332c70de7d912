#include "healthpagemodel.h"

#include "logformat.h"

namespace {

// A closed route is "degraded" when at least this many recent attempts ran and fewer than
// this share of them succeeded: it still takes traffic, but users see failovers.
constexpr int degradedMinAttempts = 5;
constexpr double degradedBelowRate = 0.9;

} // namespace

HealthPageModel::HealthPageModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_now([] { return QDateTime::currentDateTimeUtc(); })
{
}

HealthPageModel::Verdict HealthPageModel::verdict(const RouteHealthSnapshot &route,
                                                  const QDateTime &nowUtc)
{
    switch (route.state) {
    case CircuitState::Open:
        return Verdict::Down;
    case CircuitState::HalfOpen:
        return Verdict::Recovering;
    case CircuitState::Closed:
        break;
    }
    if (route.cooldownUntil.isValid() && route.cooldownUntil > nowUtc)
        return Verdict::CoolingDown;
    if (route.windowAttempts >= degradedMinAttempts && route.successRate < degradedBelowRate)
        return Verdict::Degraded;
    return Verdict::Healthy;
}

HealthLevel HealthPageModel::level(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Healthy:
        return HealthLevel::Healthy;
    case Verdict::Degraded:
    case Verdict::CoolingDown:
    case Verdict::Recovering:
        return HealthLevel::Degraded;
    case Verdict::Down:
        return HealthLevel::Down;
    }
    return HealthLevel::Unknown;
}

QString HealthPageModel::verdictText(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Healthy:
        return tr("Healthy");
    case Verdict::Degraded:
        return tr("Degraded");
    case Verdict::CoolingDown:
        return tr("Cooling down");
    case Verdict::Recovering:
        return tr("Recovering");
    case Verdict::Down:
        return tr("Down");
    }
    return {};
}

int HealthPageModel::rowOf(const QString &routeKey) const
{
    for (int row = 0; row < m_routes.size(); ++row) {
        if (m_routes.at(row).key == routeKey)
            return row;
    }
    return -1;
}

void HealthPageModel::setSnapshots(const QList<RouteHealthSnapshot> &routes)
{
    QHash<QString, int> incoming;
    for (int i = 0; i < routes.size(); ++i)
        incoming.insert(routes.at(i).key, i);

    // Routes gone from the configuration, from the bottom so the rows above keep their place.
    for (int row = int(m_routes.size()) - 1; row >= 0; --row) {
        if (incoming.contains(m_routes.at(row).key))
            continue;
        beginRemoveRows({}, row, row);
        m_routes.removeAt(row);
        endRemoveRows();
    }
    // Routes still there: update the cells that changed.
    QHash<QString, int> present;
    for (int row = 0; row < m_routes.size(); ++row) {
        present.insert(m_routes.at(row).key, row);
        const RouteHealthSnapshot &next = routes.at(incoming.value(m_routes.at(row).key));
        const auto [first, last] = changedColumns(m_routes.at(row), next);
        m_routes[row] = next;
        if (first >= 0)
            Q_EMIT dataChanged(index(row, first), index(row, last));
    }
    // New routes, at the end in the order given.
    QList<RouteHealthSnapshot> added;
    for (const RouteHealthSnapshot &route : routes) {
        if (!present.contains(route.key))
            added.append(route);
    }
    if (!added.isEmpty()) {
        beginInsertRows({}, int(m_routes.size()), int(m_routes.size() + added.size() - 1));
        m_routes.append(added);
        endInsertRows();
    }
}

std::pair<int, int> HealthPageModel::changedColumns(const RouteHealthSnapshot &a,
                                                    const RouteHealthSnapshot &b) const
{
    const QDateTime now = m_now();
    bool changed[ColumnCount] = {};
    changed[ModelColumn] = a.model != b.model;
    changed[ProviderColumn] = a.provider != b.provider;
    changed[UpstreamColumn] = a.upstreamModel != b.upstreamModel;
    changed[StateColumn] = a.state != b.state || verdict(a, now) != verdict(b, now)
        || a.effectiveWeight != b.effectiveWeight || a.weight != b.weight
        || a.cooldownUntil != b.cooldownUntil || a.history.size() != b.history.size()
        || (!a.history.isEmpty() && a.history.constFirst().time != b.history.constFirst().time);
    changed[SuccessColumn] = a.successRate != b.successRate || a.windowAttempts != b.windowAttempts;
    changed[LatencyColumn] = a.p50Ms != b.p50Ms;
    changed[LastErrorColumn] = a.lastError != b.lastError || a.lastErrorAt != b.lastErrorAt;
    changed[LastProbeColumn] = a.lastProbeAt != b.lastProbeAt || a.lastProbeOk != b.lastProbeOk;
    int first = -1;
    int last = -1;
    for (int column = 0; column < ColumnCount; ++column) {
        if (!changed[column])
            continue;
        if (first < 0)
            first = column;
        last = column;
    }
    return { first, last };
}

void HealthPageModel::setSparklines(const QHash<QString, QList<double>> &sparklines)
{
    m_sparklines = sparklines;
    if (!m_routes.isEmpty())
        Q_EMIT dataChanged(index(0, LatencyColumn), index(int(m_routes.size()) - 1, LatencyColumn),
                           { SparklineRole });
}

void HealthPageModel::refreshAges()
{
    if (!m_routes.isEmpty())
        Q_EMIT dataChanged(index(0, LastErrorColumn),
                           index(int(m_routes.size()) - 1, LastProbeColumn));
}

int HealthPageModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_routes.size());
}

int HealthPageModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HealthPageModel::display(const RouteHealthSnapshot &r, int column) const
{
    switch (column) {
    case ModelColumn:
        return r.model;
    case ProviderColumn:
        return r.provider;
    case UpstreamColumn:
        return r.upstreamModel;
    case StateColumn:
        return verdictText(verdict(r, m_now()));
    case SuccessColumn:
        return r.windowAttempts == 0 ? tr("no traffic") : LogFormat::percent(r.successRate);
    case LatencyColumn:
        return LogFormat::duration(r.p50Ms);
    case LastErrorColumn:
        if (!r.lastErrorAt.isValid())
            return tr("none");
        return tr("%1 · %2").arg(LogFormat::age(r.lastErrorAt, m_now()),
                                 r.lastError.isEmpty() ? tr("failed") : r.lastError);
    case LastProbeColumn:
        if (!r.lastProbeAt.isValid())
            return tr("not yet");
        return tr("%1 · %2").arg(r.lastProbeOk ? tr("passed") : tr("failed"),
                                 LogFormat::age(r.lastProbeAt, m_now()));
    default:
        return {};
    }
}

QVariant HealthPageModel::toolTip(const RouteHealthSnapshot &r, int column) const
{
    switch (column) {
    case StateColumn: {
        QStringList lines;
        lines.append(tr("Circuit %1 · weight %2, effective %3")
                         .arg(circuitStateName(r.state))
                         .arg(r.weight)
                         .arg(r.effectiveWeight, 0, 'g', 3));
        if (r.cooldownUntil.isValid() && r.cooldownUntil > m_now())
            lines.append(
                tr("Rate limited: not used until %1").arg(LogFormat::time(r.cooldownUntil)));
        // The newest few probe results and state changes.
        for (int i = 0; i < r.history.size() && i < 5; ++i) {
            const HealthEvent &event = r.history.at(i);
            const QString what = event.kind == HealthEvent::Kind::Probe
                ? (event.ok ? tr("probe passed") : tr("probe failed: %1").arg(event.error))
                : tr("circuit %1").arg(circuitStateName(event.state));
            lines.append(LogFormat::age(event.time, m_now()) + QStringLiteral(" · ") + what);
        }
        return lines.join(QLatin1Char('\n'));
    }
    case SuccessColumn:
        return tr("%1 of the last %2 attempts succeeded")
            .arg(LogFormat::percent(r.successRate))
            .arg(r.windowAttempts);
    case LatencyColumn:
        return tr("Median time of the successful attempts among the last %1; the line shows "
                  "the last hour in 5-minute steps")
            .arg(r.windowAttempts);
    case LastErrorColumn:
        if (!r.lastErrorAt.isValid())
            return display(r, column);
        return QString(r.lastError + QLatin1Char('\n') + LogFormat::time(r.lastErrorAt));
    case LastProbeColumn:
        return r.lastProbeAt.isValid() ? LogFormat::time(r.lastProbeAt) : display(r, column);
    default:
        return display(r, column);
    }
}

QVariant HealthPageModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_routes.size())
        return {};
    const RouteHealthSnapshot &r = m_routes.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return display(r, index.column());
    case Qt::ToolTipRole:
        return toolTip(r, index.column());
    case Qt::TextAlignmentRole:
        if (index.column() == SuccessColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    case LevelRole:
        return int(level(verdict(r, m_now())));
    case Qt::DecorationRole:
        if (index.column() == LastProbeColumn && r.lastProbeAt.isValid())
            return StatusColors::dot(r.lastProbeOk ? HealthLevel::Healthy : HealthLevel::Down);
        return {};
    case SparklineRole:
        return QVariant::fromValue(m_sparklines.value(r.key));
    case RouteKeyRole:
        return r.key;
    case SortRole:
        switch (index.column()) {
        case StateColumn:
            return int(verdict(r, m_now()));
        case SuccessColumn:
            return r.windowAttempts == 0 ? 2.0 : r.successRate;
        case LatencyColumn:
            return r.p50Ms;
        case LastErrorColumn:
            return r.lastErrorAt.isValid() ? r.lastErrorAt.toMSecsSinceEpoch() : 0;
        case LastProbeColumn:
            return r.lastProbeAt.isValid() ? r.lastProbeAt.toMSecsSinceEpoch() : 0;
        default:
            return display(r, index.column());
        }
    default:
        return {};
    }
}

QVariant HealthPageModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case ModelColumn:
        return tr("Model");
    case ProviderColumn:
        return tr("Provider");
    case UpstreamColumn:
        return tr("Upstream model");
    case StateColumn:
        return tr("State");
    case SuccessColumn:
        return tr("Success");
    case LatencyColumn:
        return tr("p50 latency · last hour");
    case LastErrorColumn:
        return tr("Last error");
    case LastProbeColumn:
        return tr("Last probe");
    default:
        return {};
    }
}
