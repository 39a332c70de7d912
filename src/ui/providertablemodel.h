#pragma once

#include "config/configtypes.h"
#include "statuscolors.h"

#include <QAbstractTableModel>
#include <QList>

class GatewayMonitor;

// The providers table: health, name, type, base URL, number of keys, enabled. Rows follow
// the configuration with precise insert / remove / change signals (not resets), so the
// selection and scroll position survive a change made elsewhere (e.g. the admin API).
// The enabled column is checkable; a toggle is reported by enabledToggled(), and the table
// changes once the new configuration arrives.
class ProviderTableModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        HealthColumn,
        NameColumn,
        TypeColumn,
        BaseUrlColumn,
        KeysColumn,
        EnabledColumn,
        ColumnCount
    };
    // Sort key of the health column (Down first when sorted ascending).
    static constexpr int SortRole = Qt::UserRole + 1;

    explicit ProviderTableModel(GatewayMonitor *monitor, QObject *parent = nullptr);

    void setProviders(const QList<ProviderConfig> &providers);
    const QList<ProviderConfig> &providers() const { return m_providers; }
    // -1 when no provider has that name.
    int rowOf(const QString &name) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role) override;

Q_SIGNALS:
    void enabledToggled(const QString &provider, bool enabled);

private:
    void healthChanged();

    GatewayMonitor *m_monitor;
    QList<ProviderConfig> m_providers;
};
