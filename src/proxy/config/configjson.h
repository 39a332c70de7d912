#pragma once

#include "config/configerror.h"
#include "config/configtypes.h"

#include <QByteArray>
#include <QJsonObject>
#include <QSet>
#include <QString>

#include <optional>

// The configuration JSON of DESIGN.md ("Configuration JSON"), plus a route's `enabled`.
// Parsing is strict about structure: an unknown member or a value of the wrong type is an
// error naming the member's path ("models[0].routes[1].wieght: unknown field"). Value
// ranges and cross references are ConfigValidator's job; the parsers only fill defaults
// (timeout_ms 60000, enabled true, max_attempts 3, weight 1, priority 0,
// probe {60, "models", ""}).
//
// `path` is the path of the object being parsed, used as the prefix of error fields
// ("providers[2]"); an empty path gives bare field names ("base_url").
//
// Access keys: an imported key is either {"name", "key": "<plaintext>"} (hash and prefix
// are derived) or {"name", "key_hash": "<hex sha256>", "prefix"}; both may carry
// "created_at" (ISO 8601). Export writes name, key_hash, prefix and created_at (null when
// unknown), so import(export(x)) == x. The plaintext is never written.
namespace ConfigJson {

// The whole document. Absent top-level lists are empty. `providersWithoutApiKeys`, when
// given, receives the names of providers whose object had no "api_keys" member, so that an
// import can keep the stored keys of those providers (absent is not the same as []).
std::optional<GatewayConfig> fromJson(const QByteArray &json, ConfigError *error,
                                      QSet<QString> *providersWithoutApiKeys = nullptr);

// Indented JSON, members in a stable (alphabetical) order. Provider `api_keys` are written
// only when withSecrets is true.
QByteArray toJson(const GatewayConfig &config, bool withSecrets);

// One provider. `apiKeysGiven`, when given, tells whether the object had "api_keys".
std::optional<ProviderConfig> providerFromJson(const QJsonObject &o, const QString &path,
                                               ConfigError *error, bool *apiKeysGiven = nullptr);
QJsonObject providerToJson(const ProviderConfig &p, bool withSecrets);

std::optional<ModelConfig> modelFromJson(const QJsonObject &o, const QString &path,
                                         ConfigError *error);
QJsonObject modelToJson(const ModelConfig &m);

std::optional<AccessKeyConfig> accessKeyFromJson(const QJsonObject &o, const QString &path,
                                                 ConfigError *error);
QJsonObject accessKeyToJson(const AccessKeyConfig &k);

} // namespace ConfigJson
