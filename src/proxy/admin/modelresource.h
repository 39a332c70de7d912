#pragma once

#include "admin/adminreply.h"
#include "admin/adminrequest.h"

#include <optional>

class ConfigService;
struct ModelConfig;

// /admin/models and /admin/models/<name>: models with their routes, as ConfigJson writes them.
// Writes go through ConfigService, which checks that every route names an existing provider.
//
// - GET list, POST create (201; 409 when the name is taken);
// - GET one; PUT replaces it (the body may rename it; without "name" the path's name is kept);
//   PATCH applies a JSON Merge Patch to the stored model ("routes" is replaced whole);
// - DELETE (204).
class ModelResource final
{
public:
    explicit ModelResource(ConfigService *config);

    AdminReply collection(const AdminRequest &request);
    AdminReply item(const AdminRequest &request);

private:
    AdminReply list() const;
    AdminReply create(const AdminRequest &request);
    AdminReply get(const QString &name) const;
    AdminReply replace(const AdminRequest &request, bool mergePatch);
    AdminReply remove(const QString &name);

    AdminReply store(const QString &existingName, const ModelConfig &model, int successStatus);
    std::optional<ModelConfig> find(const QString &name) const;

    ConfigService *m_config;
};
