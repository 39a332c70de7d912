#include "admin/accesskeyresource.h"

#include "admin/adminpaths.h"
#include "config/configjson.h"
#include "config/configservice.h"

#include <QJsonArray>

using Method = QHttpServerRequest::Method;

AccessKeyResource::AccessKeyResource(ConfigService *config)
    : m_config(config)
{
}

AdminReply AccessKeyResource::collection(const AdminRequest &request)
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

AdminReply AccessKeyResource::item(const AdminRequest &request)
{
    switch (request.method) {
    case Method::Get:
        return get(request.name);
    case Method::Delete:
        return remove(request.name);
    default:
        return AdminReply::methodNotAllowed(QByteArrayLiteral("GET, DELETE"));
    }
}

QJsonObject AccessKeyResource::toJson(const AccessKeyConfig &key)
{
    QJsonObject object = ConfigJson::accessKeyToJson(key);
    object.remove(QStringLiteral("key_hash"));
    object.remove(QStringLiteral("key"));
    return object;
}

bool AccessKeyResource::exists(const QString &name) const
{
    for (const AccessKeyConfig &key : m_config->snapshot()->accessKeys) {
        if (key.name == name)
            return true;
    }
    return false;
}

AdminReply AccessKeyResource::list() const
{
    QJsonArray items;
    for (const AccessKeyConfig &key : m_config->snapshot()->accessKeys)
        items.append(toJson(key));
    return AdminReply::json(200, QJsonObject { { QStringLiteral("items"), items } });
}

AdminReply AccessKeyResource::get(const QString &name) const
{
    for (const AccessKeyConfig &key : m_config->snapshot()->accessKeys) {
        if (key.name == name)
            return AdminReply::json(200, toJson(key));
    }
    return AdminReply::notFound(QStringLiteral("No access key named \"%1\".").arg(name));
}

AdminReply AccessKeyResource::create(const AdminRequest &request)
{
    AdminReply error;
    const std::optional<QJsonObject> body = request.bodyObject(&error);
    if (!body)
        return error;
    // This request shape ({"name"[, "key"]}) is not the config JSON's access key (which also
    // takes key_hash/prefix), so it is checked here.
    const QString nameField = QStringLiteral("name");
    const QString keyField = QStringLiteral("key");
    for (auto it = body->constBegin(); it != body->constEnd(); ++it) {
        if (it.key() != nameField && it.key() != keyField)
            return AdminReply::badRequest(it.key(),
                                          QStringLiteral("%1: unknown field").arg(it.key()));
    }
    const QJsonValue nameValue = body->value(nameField);
    if (!nameValue.isString() || nameValue.toString().trimmed().isEmpty())
        return AdminReply::badRequest(nameField,
                                      QStringLiteral("name: must be a non-empty string"));
    const QString name = nameValue.toString();
    QString plaintext;
    if (body->contains(keyField)) {
        const QJsonValue keyValue = body->value(keyField);
        if (!keyValue.isString() || keyValue.toString().isEmpty())
            return AdminReply::badRequest(keyField,
                                          QStringLiteral("key: must be a non-empty string"));
        plaintext = keyValue.toString();
    }

    if (exists(name)) {
        return AdminReply::conflict(
            nameField, QStringLiteral("An access key named \"%1\" already exists.").arg(name));
    }
    if (!plaintext.isEmpty()) {
        const QString hash = ConfigService::hashKey(plaintext);
        for (const AccessKeyConfig &key : m_config->snapshot()->accessKeys) {
            if (key.keyHash == hash)
                return AdminReply::conflict(
                    keyField,
                    QStringLiteral("This key is already in use (as \"%1\").").arg(key.name));
        }
    }

    ConfigError configError;
    const std::optional<AccessKeyConfig> created
        = m_config->createAccessKey(name, plaintext, &configError);
    if (!created)
        return AdminReply::fromConfigError(AdminPaths::relativeError(configError));
    QJsonObject object = toJson(*created);
    object.insert(keyField, created->key);
    AdminReply reply = AdminReply::json(201, object);
    reply.headers.append({ QByteArrayLiteral("Location"),
                           AdminPaths::itemPath(QStringLiteral("access-keys"), created->name) });
    return reply;
}

AdminReply AccessKeyResource::remove(const QString &name)
{
    if (!exists(name))
        return AdminReply::notFound(QStringLiteral("No access key named \"%1\".").arg(name));
    ConfigError configError;
    if (!m_config->removeAccessKey(name, &configError))
        return AdminReply::fromConfigError(configError, 409);
    return AdminReply::noContent();
}
