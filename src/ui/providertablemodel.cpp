#include "providertablemodel.h"

#include "gatewaymonitor.h"
#include "providertemplates.h"

#include <QSet>

ProviderTableModel::ProviderTableModel(GatewayMonitor *monitor, QObject *parent)
    : QAbstractTableModel(parent)
    , m_monitor(monitor)
{
    connect(monitor, &GatewayMonitor::changed, this, &ProviderTableModel::healthChanged);
}

void ProviderTableModel::setProviders(const QList<ProviderConfig> &providers)
{
    // Remove the rows whose provider is gone, from the bottom up.
    QSet<QString> incoming;
    for (const ProviderConfig &provider : providers)
        incoming.insert(provider.name);
    for (int row = int(m_providers.size()) - 1; row >= 0; --row) {
        if (!incoming.contains(m_providers.at(row).name)) {
            beginRemoveRows({}, row, row);
            m_providers.removeAt(row);
            endRemoveRows();
        }
    }
    // Update the rows still there, append the new ones (in configuration order).
    for (const ProviderConfig &provider : providers) {
        const int row = rowOf(provider.name);
        if (row >= 0) {
            if (!(m_providers.at(row) == provider)) {
                m_providers[row] = provider;
                Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
            }
            continue;
        }
        const int end = int(m_providers.size());
        beginInsertRows({}, end, end);
        m_providers.append(provider);
        endInsertRows();
    }
}

int ProviderTableModel::rowOf(const QString &name) const
{
    for (int row = 0; row < m_providers.size(); ++row) {
        if (m_providers.at(row).name == name)
            return row;
    }
    return -1;
}

int ProviderTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_providers.size());
}

int ProviderTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ProviderTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_providers.size())
        return {};
    const ProviderConfig &provider = m_providers.at(index.row());
    const HealthLevel level = m_monitor->providerHealth(provider.name);
    switch (index.column()) {
    case HealthColumn:
        if (role == Qt::DisplayRole || role == Qt::ToolTipRole || role == Qt::AccessibleTextRole)
            return StatusColors::label(level);
        if (role == Qt::DecorationRole)
            return StatusColors::dot(level);
        if (role == SortRole) {
            // Down, Degraded, Healthy, Unknown, Disabled: trouble first.
            static const int Order[] = { 2, 1, 0, 4, 3 };
            return Order[int(level)];
        }
        break;
    case NameColumn:
        if (role == Qt::DisplayRole || role == Qt::EditRole || role == SortRole)
            return provider.name;
        if (role == Qt::ToolTipRole)
            return provider.name;
        break;
    case TypeColumn:
        if (role == Qt::DisplayRole || role == SortRole)
            return ProviderTemplates::protocolTitle(provider.type);
        break;
    case BaseUrlColumn:
        if (role == Qt::DisplayRole || role == Qt::ToolTipRole || role == SortRole)
            return provider.baseUrl;
        break;
    case KeysColumn:
        if (role == Qt::DisplayRole || role == SortRole)
            return int(provider.apiKeys.size());
        if (role == Qt::TextAlignmentRole)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case EnabledColumn:
        if (role == Qt::CheckStateRole)
            return provider.enabled ? Qt::Checked : Qt::Unchecked;
        if (role == Qt::DisplayRole || role == Qt::AccessibleTextRole)
            return provider.enabled ? tr("On") : tr("Off");
        if (role == SortRole)
            return provider.enabled;
        break;
    default:
        break;
    }
    return {};
}

QVariant ProviderTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case HealthColumn:
        return tr("Health");
    case NameColumn:
        return tr("Name");
    case TypeColumn:
        return tr("Type");
    case BaseUrlColumn:
        return tr("Base URL");
    case KeysColumn:
        return tr("Keys");
    case EnabledColumn:
        return tr("Enabled");
    default:
        return {};
    }
}

Qt::ItemFlags ProviderTableModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    if (index.column() == EnabledColumn)
        flags |= Qt::ItemIsUserCheckable;
    return flags;
}

bool ProviderTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || index.column() != EnabledColumn || role != Qt::CheckStateRole)
        return false;
    const bool enabled = Qt::CheckState(value.toInt()) == Qt::Checked;
    const ProviderConfig &provider = m_providers.at(index.row());
    if (provider.enabled != enabled)
        Q_EMIT enabledToggled(provider.name, enabled);
    return false; // the row changes when the new configuration arrives
}

void ProviderTableModel::healthChanged()
{
    if (!m_providers.isEmpty())
        Q_EMIT dataChanged(index(0, HealthColumn), index(int(m_providers.size()) - 1, HealthColumn),
                           { Qt::DisplayRole, Qt::DecorationRole, Qt::ToolTipRole, SortRole });
}
