#pragma once

#include "config/configtypes.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

// One way to serve a model: a provider and the model name sent to it.
struct RouteEntry
{
    QString key; // stable health key: "<model>|<provider>|<upstreamModel>"
    QString model; // the client-facing model name (ModelEntry::name)
    std::shared_ptr<const ProviderConfig> provider;
    QString upstreamModel;
    int weight = 1; // 0: configured but never picked
    int priority = 0; // lower tiers are tried first
};

struct ModelEntry
{
    QString name;
    int maxAttempts = 3; // counts the first try
    QList<RouteEntry> routes; // enabled routes whose provider exists and is enabled, config order
    int configuredRoutes
        = 0; // all routes in the config, to tell "no route configured" from "all disabled"
};

// Immutable snapshot of the routing configuration, built from a GatewayConfig in the engine
// thread and shared as std::shared_ptr<const RoutingTable>; a config change builds a new one
// and swaps the pointer. Requests in flight keep the table they were planned with alive, so
// pointers into it (ModelEntry, RouteEntry) stay valid for as long as they hold the shared_ptr.
//
// The config is expected to be validated already (ConfigService). Should it still hold
// duplicates, the first provider / model of a name wins and later ones are ignored. Two routes
// of a model with the same provider and upstream model share one key and so one health record.
class RoutingTable final
{
public:
    static std::shared_ptr<const RoutingTable> build(const GatewayConfig &config);

    // nullptr when no model of that name is configured; O(1) hash lookup.
    const ModelEntry *model(const QString &name) const;
    // Names of all configured models, sorted.
    QStringList modelNames() const;
    // All configured providers (enabled or not), config order.
    QList<std::shared_ptr<const ProviderConfig>> providers() const;
    // nullptr when unknown.
    std::shared_ptr<const ProviderConfig> provider(const QString &name) const;
    // Keys of every route in the table (the usable ones, as in ModelEntry::routes), model
    // config order then route order; no duplicates.
    QStringList routeKeys() const;
    // Every usable route, in the order of routeKeys() (duplicate keys appear once).
    QList<const RouteEntry *> routes() const;

    // The health key of a route: "<model>|<provider>|<upstreamModel>".
    static QString routeKey(const QString &model, const QString &provider,
                            const QString &upstreamModel);

private:
    RoutingTable() = default;

    std::vector<ModelEntry> m_models; // config order; never resized after build()
    QHash<QString, int> m_modelIndex; // name -> index in m_models
    QList<std::shared_ptr<const ProviderConfig>> m_providers;
    QHash<QString, std::shared_ptr<const ProviderConfig>> m_providerIndex;
};
