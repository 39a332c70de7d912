#pragma once

#include "config/configtypes.h"

#include <QString>

#include <optional>

// Reads and writes the gateway configuration (providers, models with their routes, access
// keys) in the store, on a connection opened by Database::open() in the calling thread.
// List order is kept through the tables' `position` columns. Access keys are stored as
// hash and prefix only: a loaded AccessKeyConfig has an empty `key`.
class ConfigRepository final
{
public:
    explicit ConfigRepository(QString connectionName);

    std::optional<GatewayConfig> load(QString *error) const;

    // Replaces the whole stored configuration in one transaction (the configuration is
    // small; rewriting it keeps a single code path). On failure nothing is changed.
    // The config should have passed ConfigValidator: duplicate names or a route to an
    // unknown provider make the save fail.
    bool save(const GatewayConfig &config, QString *error);

private:
    QString m_connectionName;
};
