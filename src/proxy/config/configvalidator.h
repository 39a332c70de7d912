#pragma once

#include "config/configerror.h"
#include "config/configtypes.h"

#include <QList>

// Semantic checks of a whole configuration, run by ConfigService before anything is stored.
// Each error names the field by its path in the config JSON ("providers[1].base_url",
// "models[0].routes[2].provider"). The checks:
// - providers: non-empty unique names without surrounding spaces; base_url an absolute
//   http(s) URL; timeout_ms 1..3600000; no empty API key; header names HTTP tokens and
//   values without line breaks; probe kind "models" or "completion" (completion needs a
//   model); probe interval_s >= 0.
// - models: non-empty unique names without surrounding spaces; max_attempts 1..20; routes
//   name an existing provider and a non-empty upstream model; weight 0..10000; priority
//   -1000..1000; no two routes with the same provider and upstream model.
// - access keys: non-empty unique names; key_hash 64 lower-case hex digits, unique.
namespace ConfigValidator {

// Every problem found, in document order; empty when the configuration is valid.
QList<ConfigError> validate(const GatewayConfig &config);

} // namespace ConfigValidator
