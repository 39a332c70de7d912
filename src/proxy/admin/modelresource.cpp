#include "admin/modelresource.h"

#include "admin/adminpaths.h"
#include "admin/jsonmergepatch.h"
#include "config/configjson.h"
#include "config/configservice.h"

#include <QJsonArray>

using Method = QHttpServerRequest::Method;

ModelResource::ModelResource(ConfigService *config)
    : m_config(config)
{
}

AdminReply ModelResource::collection(const AdminRequest &request)
{
    switch (request.method) {
    case Method::Get:
        return list();
    case Method::Post:
        return create(request);
    default:
        return AdminReply::methodNotAllowed(QByteArrayLiteral("GET, POST"));
    }
}

AdminReply ModelResource::item(const AdminRequest &request)
{
    switch (request.method) {
    case Method::Get:
        return get(request.name);
    case Method::Put:
        return replace(request, false);
    case Method::Patch:
        return replace(request, true);
    case Method::Delete:
        return remove(request.name);
    default:
        return AdminReply::methodNotAllowed(QByteArrayLiteral("GET, PUT, PATCH, DELETE"));
    }
}

std::optional<ModelConfig> ModelResource::find(const QString &name) const
{
    const std::shared_ptr<const GatewayConfig> config = m_config->snapshot();
    for (const ModelConfig &model : config->models) {
        if (model.name == name)
            return model;
    }
    return std::nullopt;
}

AdminReply ModelResource::list() const
{
    QJsonArray items;
    for (const ModelConfig &model : m_config->snapshot()->models)
        items.append(ConfigJson::modelToJson(model));
    return AdminReply::json(200, QJsonObject { { QStringLiteral("items"), items } });
}

AdminReply ModelResource::get(const QString &name) const
{
    const std::optional<ModelConfig> model = find(name);
    if (!model)
        return AdminReply::notFound(QStringLiteral("No model named \"%1\".").arg(name));
    return AdminReply::json(200, ConfigJson::modelToJson(*model));
}

AdminReply ModelResource::create(const AdminRequest &request)
{
    AdminReply error;
    const std::optional<QJsonObject> body = request.bodyObject(&error);
    if (!body)
        return error;
    ConfigError configError;
    const std::optional<ModelConfig> model
        = ConfigJson::modelFromJson(*body, QString(), &configError);
    if (!model)
        return AdminReply::fromConfigError(configError);
    if (find(model->name)) {
        return AdminReply::conflict(
            QStringLiteral("name"),
            QStringLiteral("A model named \"%1\" already exists.").arg(model->name));
    }
    return store(QString(), *model, 201);
}

AdminReply ModelResource::replace(const AdminRequest &request, bool mergePatch)
{
    const std::optional<ModelConfig> existing = find(request.name);
    if (!existing)
        return AdminReply::notFound(QStringLiteral("No model named \"%1\".").arg(request.name));
    AdminReply error;
    const std::optional<QJsonObject> body = request.bodyObject(&error);
    if (!body)
        return error;

    QJsonObject object
        = mergePatch ? JsonMergePatch::apply(ConfigJson::modelToJson(*existing), *body) : *body;
    if (!object.contains(QStringLiteral("name")))
        object.insert(QStringLiteral("name"), existing->name);

    ConfigError configError;
    const std::optional<ModelConfig> model
        = ConfigJson::modelFromJson(object, QString(), &configError);
    if (!model)
        return AdminReply::fromConfigError(configError);
    if (model->name != existing->name && find(model->name)) {
        return AdminReply::conflict(
            QStringLiteral("name"),
            QStringLiteral("A model named \"%1\" already exists.").arg(model->name));
    }
    return store(existing->name, *model, 200);
}

AdminReply ModelResource::store(const QString &existingName, const ModelConfig &model,
                                int successStatus)
{
    ConfigError configError;
    if (!m_config->upsertModel(existingName, model, &configError))
        return AdminReply::fromConfigError(AdminPaths::relativeError(configError));
    const std::optional<ModelConfig> stored = find(model.name);
    if (!stored)
        return AdminReply::error(500, QStringLiteral("server_error"),
                                 QStringLiteral("The model was not stored."));
    AdminReply reply = AdminReply::json(successStatus, ConfigJson::modelToJson(*stored));
    if (successStatus == 201)
        reply.headers.append({ QByteArrayLiteral("Location"),
                               AdminPaths::itemPath(QStringLiteral("models"), stored->name) });
    return reply;
}

AdminReply ModelResource::remove(const QString &name)
{
    if (!find(name))
        return AdminReply::notFound(QStringLiteral("No model named \"%1\".").arg(name));
    ConfigError configError;
    if (!m_config->removeModel(name, &configError))
        return AdminReply::fromConfigError(configError, 409);
    return AdminReply::noContent();
}
