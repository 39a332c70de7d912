#pragma once

#include "config/configerror.h"

#include <QByteArray>
#include <QString>

// Small helpers shared by the admin resources.
namespace AdminPaths {
// "/admin/<collection>/<name>" with the name percent-encoded, for Location headers.
QByteArray itemPath(const QString &collection, const QString &name);

// ConfigService validates the whole configuration, so its errors name fields by their place
// in it ("providers[2].base_url"). A client that sent one provider or model wants the field of
// what it sent ("base_url"): this strips a leading "providers[N].", "models[N]." or
// "access_keys[N]." (the message keeps the full path for context).
ConfigError relativeError(const ConfigError &error);
} // namespace AdminPaths
