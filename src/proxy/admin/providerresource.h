#pragma once

#include "admin/adminreply.h"
#include "admin/adminrequest.h"
#include "config/configservice.h"

#include <optional>

struct ProviderConfig;

// /admin/providers and /admin/providers/<name>. Reads the ConfigService snapshot, writes
// through ConfigService (the only write path). Provider JSON is ConfigJson's, never with the
// API keys, plus "api_key_count".
//
// - GET list, POST create (201 with the provider; 409 when the name is taken);
// - GET one; PUT replaces it (the body may rename it; without "name" the path's name is kept;
//   without "api_keys" the stored keys are kept, since GET never shows them); PATCH applies a
//   JSON Merge Patch to the stored provider (a null member resets it to its default);
// - DELETE (204; 409 while models route to it, naming them).
class ProviderResource final
{
public:
    explicit ProviderResource(ConfigService *config);

    AdminReply collection(const AdminRequest &request);
    AdminReply item(const AdminRequest &request);

private:
    AdminReply list() const;
    AdminReply create(const AdminRequest &request);
    AdminReply get(const QString &name) const;
    AdminReply replace(const AdminRequest &request, bool mergePatch);
    AdminReply remove(const QString &name);

    // Stores `provider` under `existingName` (empty: create) and answers with the stored one.
    AdminReply store(const QString &existingName, const ProviderConfig &provider, int successStatus,
                     ConfigService::ApiKeys apiKeys);
    std::optional<ProviderConfig> find(const QString &name) const;
    static QJsonObject toJson(const ProviderConfig &provider);

    ConfigService *m_config;
};
