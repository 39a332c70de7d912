#pragma once

#include "config/configerror.h"
#include "config/configtypes.h"

#include <QByteArray>
#include <QMutex>
#include <QObject>
#include <QString>

#include <memory>
#include <optional>

// The only write path for the gateway configuration: the GUI and the admin API both call
// it. It keeps the current configuration in memory as an immutable snapshot, checks every
// change with ConfigValidator, stores it with ConfigRepository and then publishes the new
// snapshot with configChanged(). A refused change leaves memory and database untouched and
// emits nothing; a change that changes nothing is accepted without a signal.
//
// Threads: the service opens its own database connection in load(), so load() and every
// change must be called on the thread the service lives in (the engine thread). snapshot()
// may be called from any thread.
//
// Access keys in snapshots carry hash and prefix only; the plaintext is returned once, by
// createAccessKey().
class ConfigService final : public QObject
{
    Q_OBJECT

public:
    enum class ImportMode {
        Replace, // the document becomes the configuration
        Merge, // by name: incoming providers, models and keys replace or join the current ones
    };

    // What upsertProvider() does with an empty ProviderConfig::apiKeys.
    enum class ApiKeys {
        Replace, // store them as given: an empty list removes the provider's keys
        KeepIfEmpty, // an empty list keeps the keys of the provider being replaced; for a
                     // caller whose input had no api_keys (e.g. an edit that hides secrets)
    };

    explicit ConfigService(QString databaseUrl, QObject *parent = nullptr);
    ~ConfigService() override;

    // Opens the database (running its migrations) and reads the configuration. Emits
    // configChanged() with what was read. May be called again to re-read.
    bool load(ConfigError *error);

    // Never null; empty before load().
    std::shared_ptr<const GatewayConfig> snapshot() const;

    // Imports a config JSON document. In both modes a provider given without "api_keys"
    // keeps the keys of the current provider of that name (absent is not []), so an export
    // without secrets can be imported back without losing keys. Access keys given with
    // their plaintext are hashed; keys without created_at get the current time (or keep
    // theirs when the same key is already stored under that name).
    bool importJson(const QByteArray &json, ImportMode mode, ConfigError *error);
    QByteArray exportJson(bool withSecrets) const;

    // existingName empty: create `p` (its name must be new). Otherwise replace the provider
    // called existingName in place; a rename also renames the routes that use it.
    bool upsertProvider(const QString &existingName, const ProviderConfig &p, ConfigError *error,
                        ApiKeys apiKeys = ApiKeys::Replace);
    // Refused while routes use the provider; the error names those models.
    bool removeProvider(const QString &name, ConfigError *error);

    // existingName empty: create; otherwise replace in place (possibly renaming).
    bool upsertModel(const QString &existingName, const ModelConfig &m, ConfigError *error);
    bool removeModel(const QString &name, ConfigError *error);

    // Adds a key; an empty plaintext generates one (AccessKeys::generate()). The result's
    // `key` holds the plaintext: the only time it is available.
    std::optional<AccessKeyConfig> createAccessKey(const QString &name, const QString &plaintext,
                                                   ConfigError *error);
    bool removeAccessKey(const QString &name, ConfigError *error);

    // For LLMO_API_KEY: adds the key unless a key with its hash exists. It is named "env",
    // or "env-2", "env-3"... when that name is taken by another key; earlier keys are kept.
    bool ensureAccessKey(const QString &plaintext, ConfigError *error);

    // Lower-case hex SHA-256, as stored in AccessKeyConfig::keyHash.
    static QString hashKey(const QString &plaintext);

Q_SIGNALS:
    void configChanged(std::shared_ptr<const GatewayConfig> config);

private:
    // Validates, saves and publishes `config`. Emits configChanged() unless the config is
    // equal to the current one.
    bool commit(GatewayConfig config, ConfigError *error);
    bool requireLoaded(ConfigError *error) const;

    const QString m_databaseUrl;
    const QString m_connectionName;
    bool m_loaded = false;

    mutable QMutex m_snapshotMutex;
    std::shared_ptr<const GatewayConfig> m_snapshot;
};
