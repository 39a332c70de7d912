#include "admin/providerresource.h"

#include "admin/adminpaths.h"
#include "admin/jsonmergepatch.h"
#include "config/configjson.h"
#include "config/configservice.h"

#include <QJsonArray>

using Method = QHttpServerRequest::Method;

ProviderResource::ProviderResource(ConfigService *config)
    : m_config(config)
{
}

AdminReply ProviderResource::collection(const AdminRequest &request)
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

AdminReply ProviderResource::item(const AdminRequest &request)
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

QJsonObject ProviderResource::toJson(const ProviderConfig &provider)
{
    QJsonObject object = ConfigJson::providerToJson(provider, false);
    object.insert(QStringLiteral("api_key_count"), provider.apiKeys.size());
    return object;
}

std::optional<ProviderConfig> ProviderResource::find(const QString &name) const
{
    const std::shared_ptr<const GatewayConfig> config = m_config->snapshot();
    for (const ProviderConfig &provider : config->providers) {
        if (provider.name == name)
            return provider;
    }
    return std::nullopt;
}

AdminReply ProviderResource::list() const
{
    QJsonArray items;
    for (const ProviderConfig &provider : m_config->snapshot()->providers)
        items.append(toJson(provider));
    return AdminReply::json(200, QJsonObject { { QStringLiteral("items"), items } });
}

AdminReply ProviderResource::get(const QString &name) const
{
    const std::optional<ProviderConfig> provider = find(name);
    if (!provider)
        return AdminReply::notFound(QStringLiteral("No provider named \"%1\".").arg(name));
    return AdminReply::json(200, toJson(*provider));
}

AdminReply ProviderResource::create(const AdminRequest &request)
{
    AdminReply error;
    const std::optional<QJsonObject> body = request.bodyObject(&error);
    if (!body)
        return error;
    ConfigError configError;
    const std::optional<ProviderConfig> provider
        = ConfigJson::providerFromJson(*body, QString(), &configError);
    if (!provider)
        return AdminReply::fromConfigError(configError);
    if (find(provider->name)) {
        return AdminReply::conflict(
            QStringLiteral("name"),
            QStringLiteral("A provider named \"%1\" already exists.").arg(provider->name));
    }
    return store(QString(), *provider, 201, ConfigService::ApiKeys::Replace);
}

AdminReply ProviderResource::replace(const AdminRequest &request, bool mergePatch)
{
    const std::optional<ProviderConfig> existing = find(request.name);
    if (!existing)
        return AdminReply::notFound(QStringLiteral("No provider named \"%1\".").arg(request.name));
    AdminReply error;
    std::optional<QJsonObject> body = request.bodyObject(&error);
    if (!body)
        return error;

    QJsonObject object = mergePatch
        ? JsonMergePatch::apply(ConfigJson::providerToJson(*existing, true), *body)
        : *body;
    if (!object.contains(QStringLiteral("name")))
        object.insert(QStringLiteral("name"), existing->name);

    ConfigError configError;
    bool apiKeysGiven = false;
    const std::optional<ProviderConfig> provider
        = ConfigJson::providerFromJson(object, QString(), &configError, &apiKeysGiven);
    if (!provider)
        return AdminReply::fromConfigError(configError);
    if (provider->name != existing->name && find(provider->name)) {
        return AdminReply::conflict(
            QStringLiteral("name"),
            QStringLiteral("A provider named \"%1\" already exists.").arg(provider->name));
    }
    // GET never shows the keys, so a PUT of what GET answered has none: keep the stored ones.
    // (A merge patch starts from the stored provider with its keys, so "absent" there means
    // the patch removed them.)
    return store(existing->name, *provider, 200,
                 apiKeysGiven || mergePatch ? ConfigService::ApiKeys::Replace
                                            : ConfigService::ApiKeys::KeepIfEmpty);
}

AdminReply ProviderResource::store(const QString &existingName, const ProviderConfig &provider,
                                   int successStatus, ConfigService::ApiKeys apiKeys)
{
    ConfigError configError;
    if (!m_config->upsertProvider(existingName, provider, &configError, apiKeys))
        return AdminReply::fromConfigError(AdminPaths::relativeError(configError));
    const std::optional<ProviderConfig> stored = find(provider.name);
    if (!stored) // cannot happen: the service just stored it
        return AdminReply::error(500, QStringLiteral("server_error"),
                                 QStringLiteral("The provider was not stored."));
    AdminReply reply = AdminReply::json(successStatus, toJson(*stored));
    if (successStatus == 201)
        reply.headers.append({ QByteArrayLiteral("Location"),
                               AdminPaths::itemPath(QStringLiteral("providers"), stored->name) });
    return reply;
}

AdminReply ProviderResource::remove(const QString &name)
{
    if (!find(name))
        return AdminReply::notFound(QStringLiteral("No provider named \"%1\".").arg(name));
    QStringList users;
    for (const ModelConfig &model : m_config->snapshot()->models) {
        for (const RouteConfig &route : model.routes) {
            if (route.provider == name) {
                users.append(model.name);
                break;
            }
        }
    }
    if (!users.isEmpty()) {
        return AdminReply::conflict(QString(),
                                    QStringLiteral("Provider \"%1\" is still used by the routes "
                                                   "of: %2. Remove those routes first.")
                                        .arg(name, users.join(QStringLiteral(", "))));
    }
    ConfigError configError;
    if (!m_config->removeProvider(name, &configError))
        return AdminReply::fromConfigError(configError, 409);
    return AdminReply::noContent();
}
