#pragma once

#include "wireprotocol.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

// Plain value types of the gateway configuration, as in the config JSON of DESIGN.md.
// They carry no behaviour: ConfigService validates and stores them, RoutingTable is built
// from them, ConfigJson converts them to and from JSON.

struct ProbeSettings
{
    int intervalS = 60; // 0 turns active probes off
    QString kind = QStringLiteral("models"); // "models" or "completion"
    QString model; // upstream model for kind "completion"

    bool operator==(const ProbeSettings &other) const
    {
        return intervalS == other.intervalS && kind == other.kind && model == other.model;
    }
};

struct ProviderConfig
{
    QString name; // unique, the key routes refer to
    WireProtocol type = WireProtocol::OpenAiChat;
    QString baseUrl;
    QStringList apiKeys;
    QMap<QString, QString> headers; // extra headers sent upstream
    int timeoutMs = 60000; // upstream headers and longest silence inside a stream
    bool enabled = true;
    ProbeSettings probe;

    bool operator==(const ProviderConfig &other) const
    {
        return name == other.name && type == other.type && baseUrl == other.baseUrl
            && apiKeys == other.apiKeys && headers == other.headers && timeoutMs == other.timeoutMs
            && enabled == other.enabled && probe == other.probe;
    }
};

struct RouteConfig
{
    QString provider; // ProviderConfig::name
    QString upstreamModel; // the model name sent upstream
    int weight = 1; // >= 0; 0 keeps the route configured but never picked
    int priority = 0; // lower tiers are tried first
    bool enabled = true;

    bool operator==(const RouteConfig &other) const
    {
        return provider == other.provider && upstreamModel == other.upstreamModel
            && weight == other.weight && priority == other.priority && enabled == other.enabled;
    }
};

struct ModelConfig
{
    QString name; // the model name clients ask for
    int maxAttempts = 3; // counts the first try
    QList<RouteConfig> routes;

    bool operator==(const ModelConfig &other) const
    {
        return name == other.name && maxAttempts == other.maxAttempts && routes == other.routes;
    }
};

// A client access key. The plaintext key is known only when the key is created or imported;
// the store keeps the SHA-256 hash (hex) and a short prefix for display.
struct AccessKeyConfig
{
    QString name;
    QString key; // plaintext; empty when loaded from the store
    QString keyHash; // lower-case hex SHA-256 of the key
    QString prefix; // first characters of the key, for display ("sk-llmo-ab12…")
    QDateTime createdAt;

    bool operator==(const AccessKeyConfig &other) const
    {
        return name == other.name && keyHash == other.keyHash && prefix == other.prefix;
    }
};

struct GatewayConfig
{
    QList<ProviderConfig> providers;
    QList<ModelConfig> models;
    QList<AccessKeyConfig> accessKeys;
};
