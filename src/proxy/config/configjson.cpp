#include "config/configjson.h"

#include "config/accesskeys.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QStringList>

#include <cmath>
#include <initializer_list>
#include <limits>

namespace {

QString joinPath(const QString &path, const QString &member)
{
    return path.isEmpty() ? member : path + QLatin1Char('.') + member;
}

QString indexPath(const QString &path, int index)
{
    return path + QLatin1Char('[') + QString::number(index) + QLatin1Char(']');
}

// Reads the members of one JSON object, naming each problem by its path.
class ObjectReader
{
public:
    ObjectReader(const QJsonObject &object, const QString &path, ConfigError *error)
        : m_object(object)
        , m_path(path)
        , m_error(error)
    {
    }

    QString pathOf(const char *key) const { return joinPath(m_path, QLatin1String(key)); }
    bool has(const char *key) const { return m_object.contains(QLatin1String(key)); }
    QJsonValue value(const char *key) const { return m_object.value(QLatin1String(key)); }

    bool fail(const QString &field, const QString &message) const
    {
        if (m_error)
            *m_error = ConfigError { field, message };
        return false;
    }

    bool onlyKnown(std::initializer_list<const char *> known) const
    {
        for (auto it = m_object.constBegin(); it != m_object.constEnd(); ++it) {
            bool found = false;
            for (const char *key : known)
                found = found || it.key() == QLatin1String(key);
            if (!found)
                return fail(joinPath(m_path, it.key()), QStringLiteral("unknown field"));
        }
        return true;
    }

    bool required(const char *key) const
    {
        return has(key) || fail(pathOf(key), QStringLiteral("is required"));
    }

    bool readString(const char *key, QString *out) const
    {
        if (!has(key))
            return true;
        const QJsonValue v = value(key);
        if (!v.isString())
            return fail(pathOf(key), QStringLiteral("must be a string"));
        *out = v.toString();
        return true;
    }

    bool readInt(const char *key, int *out) const
    {
        if (!has(key))
            return true;
        const QJsonValue v = value(key);
        const double d = v.toDouble();
        if (!v.isDouble() || !std::isfinite(d) || std::trunc(d) != d
            || d < double(std::numeric_limits<int>::min())
            || d > double(std::numeric_limits<int>::max()))
            return fail(pathOf(key), QStringLiteral("must be an integer"));
        *out = int(d);
        return true;
    }

    bool readBool(const char *key, bool *out) const
    {
        if (!has(key))
            return true;
        const QJsonValue v = value(key);
        if (!v.isBool())
            return fail(pathOf(key), QStringLiteral("must be true or false"));
        *out = v.toBool();
        return true;
    }

    bool readStringList(const char *key, QStringList *out) const
    {
        if (!has(key))
            return true;
        const QJsonValue v = value(key);
        if (!v.isArray())
            return fail(pathOf(key), QStringLiteral("must be an array of strings"));
        const QJsonArray array = v.toArray();
        QStringList list;
        for (int i = 0; i < array.size(); ++i) {
            if (!array.at(i).isString())
                return fail(indexPath(pathOf(key), i), QStringLiteral("must be a string"));
            list.append(array.at(i).toString());
        }
        *out = list;
        return true;
    }

    bool readStringMap(const char *key, QMap<QString, QString> *out) const
    {
        if (!has(key))
            return true;
        const QJsonValue v = value(key);
        if (!v.isObject())
            return fail(pathOf(key), QStringLiteral("must be an object of strings"));
        const QJsonObject object = v.toObject();
        QMap<QString, QString> map;
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            if (!it.value().isString())
                return fail(joinPath(pathOf(key), it.key()), QStringLiteral("must be a string"));
            map.insert(it.key(), it.value().toString());
        }
        *out = map;
        return true;
    }

    bool readObject(const char *key, QJsonObject *out) const
    {
        if (!has(key))
            return true;
        const QJsonValue v = value(key);
        if (!v.isObject())
            return fail(pathOf(key), QStringLiteral("must be an object"));
        *out = v.toObject();
        return true;
    }

    // An array whose items must all be objects.
    bool readObjectArray(const char *key, QList<QJsonObject> *out) const
    {
        if (!has(key))
            return true;
        const QJsonValue v = value(key);
        if (!v.isArray())
            return fail(pathOf(key), QStringLiteral("must be an array"));
        const QJsonArray array = v.toArray();
        for (int i = 0; i < array.size(); ++i) {
            if (!array.at(i).isObject())
                return fail(indexPath(pathOf(key), i), QStringLiteral("must be an object"));
            out->append(array.at(i).toObject());
        }
        return true;
    }

private:
    const QJsonObject &m_object;
    const QString m_path;
    ConfigError *m_error;
};

bool readProbe(const QJsonObject &o, const QString &path, ConfigError *error, ProbeSettings *out)
{
    const ObjectReader r(o, path, error);
    return r.onlyKnown({ "interval_s", "kind", "model" })
        && r.readInt("interval_s", &out->intervalS) && r.readString("kind", &out->kind)
        && r.readString("model", &out->model);
}

std::optional<RouteConfig> routeFromJson(const QJsonObject &o, const QString &path,
                                         ConfigError *error)
{
    const ObjectReader r(o, path, error);
    RouteConfig route;
    if (!r.onlyKnown({ "provider", "model", "weight", "priority", "enabled" })
        || !r.required("provider") || !r.readString("provider", &route.provider)
        || !r.required("model") || !r.readString("model", &route.upstreamModel)
        || !r.readInt("weight", &route.weight) || !r.readInt("priority", &route.priority)
        || !r.readBool("enabled", &route.enabled))
        return std::nullopt;
    return route;
}

} // namespace

namespace ConfigJson {

std::optional<GatewayConfig> fromJson(const QByteArray &json, ConfigError *error,
                                      QSet<QString> *providersWithoutApiKeys)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        if (error)
            *error = ConfigError { QString(),
                                   QStringLiteral("invalid JSON at offset %1: %2")
                                       .arg(parseError.offset)
                                       .arg(parseError.errorString()) };
        return std::nullopt;
    }
    if (!document.isObject()) {
        if (error)
            *error = ConfigError { QString(), QStringLiteral("the document must be an object") };
        return std::nullopt;
    }
    const QJsonObject root = document.object();
    const ObjectReader r(root, QString(), error);
    QList<QJsonObject> providers, models, accessKeys;
    if (!r.onlyKnown({ "providers", "models", "access_keys" })
        || !r.readObjectArray("providers", &providers) || !r.readObjectArray("models", &models)
        || !r.readObjectArray("access_keys", &accessKeys))
        return std::nullopt;

    GatewayConfig config;
    if (providersWithoutApiKeys)
        providersWithoutApiKeys->clear();
    for (int i = 0; i < providers.size(); ++i) {
        bool apiKeysGiven = false;
        const auto p = providerFromJson(providers.at(i), indexPath(QStringLiteral("providers"), i),
                                        error, &apiKeysGiven);
        if (!p)
            return std::nullopt;
        if (!apiKeysGiven && providersWithoutApiKeys)
            providersWithoutApiKeys->insert(p->name);
        config.providers.append(*p);
    }
    for (int i = 0; i < models.size(); ++i) {
        const auto m = modelFromJson(models.at(i), indexPath(QStringLiteral("models"), i), error);
        if (!m)
            return std::nullopt;
        config.models.append(*m);
    }
    for (int i = 0; i < accessKeys.size(); ++i) {
        const auto k = accessKeyFromJson(accessKeys.at(i),
                                         indexPath(QStringLiteral("access_keys"), i), error);
        if (!k)
            return std::nullopt;
        config.accessKeys.append(*k);
    }
    return config;
}

QByteArray toJson(const GatewayConfig &config, bool withSecrets)
{
    QJsonArray providers, models, accessKeys;
    for (const ProviderConfig &p : config.providers)
        providers.append(providerToJson(p, withSecrets));
    for (const ModelConfig &m : config.models)
        models.append(modelToJson(m));
    for (const AccessKeyConfig &k : config.accessKeys)
        accessKeys.append(accessKeyToJson(k));
    const QJsonObject root {
        { QStringLiteral("providers"), providers },
        { QStringLiteral("models"), models },
        { QStringLiteral("access_keys"), accessKeys },
    };
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

std::optional<ProviderConfig> providerFromJson(const QJsonObject &o, const QString &path,
                                               ConfigError *error, bool *apiKeysGiven)
{
    const ObjectReader r(o, path, error);
    ProviderConfig p;
    QString type;
    QJsonObject probe;
    if (!r.onlyKnown(
            { "name", "type", "base_url", "api_keys", "headers", "timeout_ms", "enabled", "probe" })
        || !r.required("name") || !r.readString("name", &p.name) || !r.required("type")
        || !r.readString("type", &type) || !r.required("base_url")
        || !r.readString("base_url", &p.baseUrl) || !r.readStringList("api_keys", &p.apiKeys)
        || !r.readStringMap("headers", &p.headers) || !r.readInt("timeout_ms", &p.timeoutMs)
        || !r.readBool("enabled", &p.enabled) || !r.readObject("probe", &probe))
        return std::nullopt;
    const auto protocol = wireProtocolFromName(type);
    if (!protocol) {
        r.fail(r.pathOf("type"),
               QStringLiteral("must be one of openai, openai-responses, anthropic, gemini"));
        return std::nullopt;
    }
    p.type = *protocol;
    if (r.has("probe") && !readProbe(probe, r.pathOf("probe"), error, &p.probe))
        return std::nullopt;
    if (apiKeysGiven)
        *apiKeysGiven = r.has("api_keys");
    return p;
}

QJsonObject providerToJson(const ProviderConfig &p, bool withSecrets)
{
    QJsonObject headers;
    for (auto it = p.headers.cbegin(); it != p.headers.cend(); ++it)
        headers.insert(it.key(), it.value());
    QJsonObject o {
        { QStringLiteral("name"), p.name },
        { QStringLiteral("type"), wireProtocolName(p.type) },
        { QStringLiteral("base_url"), p.baseUrl },
        { QStringLiteral("headers"), headers },
        { QStringLiteral("timeout_ms"), p.timeoutMs },
        { QStringLiteral("enabled"), p.enabled },
        { QStringLiteral("probe"),
          QJsonObject { { QStringLiteral("interval_s"), p.probe.intervalS },
                        { QStringLiteral("kind"), p.probe.kind },
                        { QStringLiteral("model"), p.probe.model } } },
    };
    if (withSecrets)
        o.insert(QStringLiteral("api_keys"), QJsonArray::fromStringList(p.apiKeys));
    return o;
}

std::optional<ModelConfig> modelFromJson(const QJsonObject &o, const QString &path,
                                         ConfigError *error)
{
    const ObjectReader r(o, path, error);
    ModelConfig m;
    QList<QJsonObject> routes;
    if (!r.onlyKnown({ "name", "max_attempts", "routes" }) || !r.required("name")
        || !r.readString("name", &m.name) || !r.readInt("max_attempts", &m.maxAttempts)
        || !r.readObjectArray("routes", &routes))
        return std::nullopt;
    for (int i = 0; i < routes.size(); ++i) {
        const auto route = routeFromJson(routes.at(i), indexPath(r.pathOf("routes"), i), error);
        if (!route)
            return std::nullopt;
        m.routes.append(*route);
    }
    return m;
}

QJsonObject modelToJson(const ModelConfig &m)
{
    QJsonArray routes;
    for (const RouteConfig &route : m.routes) {
        routes.append(QJsonObject {
            { QStringLiteral("provider"), route.provider },
            { QStringLiteral("model"), route.upstreamModel },
            { QStringLiteral("weight"), route.weight },
            { QStringLiteral("priority"), route.priority },
            { QStringLiteral("enabled"), route.enabled },
        });
    }
    return QJsonObject {
        { QStringLiteral("name"), m.name },
        { QStringLiteral("max_attempts"), m.maxAttempts },
        { QStringLiteral("routes"), routes },
    };
}

std::optional<AccessKeyConfig> accessKeyFromJson(const QJsonObject &o, const QString &path,
                                                 ConfigError *error)
{
    const ObjectReader r(o, path, error);
    AccessKeyConfig k;
    QString createdAt;
    if (!r.onlyKnown({ "name", "key", "key_hash", "prefix", "created_at" }) || !r.required("name")
        || !r.readString("name", &k.name) || !r.readString("key", &k.key)
        || !r.readString("key_hash", &k.keyHash) || !r.readString("prefix", &k.prefix))
        return std::nullopt;

    if (r.has("created_at") && !r.value("created_at").isNull()) {
        if (!r.readString("created_at", &createdAt))
            return std::nullopt;
        k.createdAt = QDateTime::fromString(createdAt, Qt::ISODateWithMs);
        if (!k.createdAt.isValid()) {
            r.fail(r.pathOf("created_at"), QStringLiteral("must be an ISO 8601 time"));
            return std::nullopt;
        }
        k.createdAt = k.createdAt.toUTC();
    }

    if (r.has("key")) {
        if (r.has("key_hash") || r.has("prefix")) {
            r.fail(r.pathOf(r.has("key_hash") ? "key_hash" : "prefix"),
                   QStringLiteral("give either key, or key_hash and prefix, not both"));
            return std::nullopt;
        }
        if (k.key.isEmpty()) {
            r.fail(r.pathOf("key"), QStringLiteral("must not be empty"));
            return std::nullopt;
        }
        k.keyHash = AccessKeys::hash(k.key);
        k.prefix = AccessKeys::prefix(k.key);
        return k;
    }
    if (!r.has("key_hash")) {
        r.fail(r.pathOf("key"), QStringLiteral("is required (or key_hash)"));
        return std::nullopt;
    }
    if (!AccessKeys::isHash(k.keyHash)) {
        r.fail(r.pathOf("key_hash"), QStringLiteral("must be a hex SHA-256 (64 hex digits)"));
        return std::nullopt;
    }
    k.keyHash = k.keyHash.toLower();
    return k;
}

QJsonObject accessKeyToJson(const AccessKeyConfig &k)
{
    return QJsonObject {
        { QStringLiteral("name"), k.name },
        { QStringLiteral("key_hash"), k.keyHash },
        { QStringLiteral("prefix"), k.prefix },
        { QStringLiteral("created_at"),
          k.createdAt.isValid() ? QJsonValue(k.createdAt.toUTC().toString(Qt::ISODateWithMs))
                                : QJsonValue(QJsonValue::Null) },
    };
}

} // namespace ConfigJson
