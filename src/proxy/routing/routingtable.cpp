#include "routing/routingtable.h"

#include <QSet>

#include <algorithm>

std::shared_ptr<const RoutingTable> RoutingTable::build(const GatewayConfig &config)
{
    // The constructor is private, so no std::make_shared.
    std::shared_ptr<RoutingTable> table(new RoutingTable);

    for (const ProviderConfig &providerConfig : config.providers) {
        if (table->m_providerIndex.contains(providerConfig.name))
            continue;
        auto provider = std::make_shared<const ProviderConfig>(providerConfig);
        table->m_providers.append(provider);
        table->m_providerIndex.insert(provider->name, provider);
    }

    table->m_models.reserve(config.models.size());
    for (const ModelConfig &modelConfig : config.models) {
        if (table->m_modelIndex.contains(modelConfig.name))
            continue;
        ModelEntry model;
        model.name = modelConfig.name;
        model.maxAttempts = modelConfig.maxAttempts;
        model.configuredRoutes = int(modelConfig.routes.size());
        for (const RouteConfig &routeConfig : modelConfig.routes) {
            if (!routeConfig.enabled)
                continue;
            const auto provider = table->m_providerIndex.value(routeConfig.provider);
            if (!provider || !provider->enabled)
                continue;
            RouteEntry route;
            route.key = routeKey(model.name, provider->name, routeConfig.upstreamModel);
            route.model = model.name;
            route.provider = provider;
            route.upstreamModel = routeConfig.upstreamModel;
            route.weight = std::max(0, routeConfig.weight);
            route.priority = routeConfig.priority;
            model.routes.append(route);
        }
        table->m_modelIndex.insert(model.name, int(table->m_models.size()));
        table->m_models.push_back(std::move(model));
    }
    return table;
}

const ModelEntry *RoutingTable::model(const QString &name) const
{
    const auto it = m_modelIndex.constFind(name);
    if (it == m_modelIndex.constEnd())
        return nullptr;
    return &m_models[size_t(it.value())];
}

QStringList RoutingTable::modelNames() const
{
    QStringList names;
    names.reserve(qsizetype(m_models.size()));
    for (const ModelEntry &model : m_models)
        names.append(model.name);
    names.sort();
    return names;
}

QList<std::shared_ptr<const ProviderConfig>> RoutingTable::providers() const
{
    return m_providers;
}

std::shared_ptr<const ProviderConfig> RoutingTable::provider(const QString &name) const
{
    return m_providerIndex.value(name);
}

QStringList RoutingTable::routeKeys() const
{
    QStringList keys;
    for (const RouteEntry *route : routes())
        keys.append(route->key);
    return keys;
}

QList<const RouteEntry *> RoutingTable::routes() const
{
    QList<const RouteEntry *> result;
    QSet<QString> seen;
    for (const ModelEntry &model : m_models) {
        for (const RouteEntry &route : model.routes) {
            if (seen.contains(route.key))
                continue;
            seen.insert(route.key);
            result.append(&route);
        }
    }
    return result;
}

QString RoutingTable::routeKey(const QString &model, const QString &provider,
                               const QString &upstreamModel)
{
    return model + QLatin1Char('|') + provider + QLatin1Char('|') + upstreamModel;
}
