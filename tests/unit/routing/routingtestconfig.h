#pragma once

#include "config/configtypes.h"

// Small config builders shared by the routing tests.
namespace routingtest {

inline ProviderConfig provider(const QString &name, bool enabled = true,
                               WireProtocol type = WireProtocol::OpenAiChat)
{
    ProviderConfig config;
    config.name = name;
    config.type = type;
    config.baseUrl = QStringLiteral("http://127.0.0.1:1/v1");
    config.apiKeys = { QStringLiteral("sk-test-") + name };
    config.enabled = enabled;
    return config;
}

inline RouteConfig route(const QString &provider, const QString &upstreamModel, int weight = 1,
                         int priority = 0, bool enabled = true)
{
    RouteConfig config;
    config.provider = provider;
    config.upstreamModel = upstreamModel;
    config.weight = weight;
    config.priority = priority;
    config.enabled = enabled;
    return config;
}

inline ModelConfig model(const QString &name, const QList<RouteConfig> &routes, int maxAttempts = 3)
{
    ModelConfig config;
    config.name = name;
    config.routes = routes;
    config.maxAttempts = maxAttempts;
    return config;
}

} // namespace routingtest
