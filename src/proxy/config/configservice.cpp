#include "config/configservice.h"

#include "config/accesskeys.h"
#include "config/configjson.h"
#include "config/configvalidator.h"
#include "store/configrepository.h"
#include "store/database.h"

#include <QMutexLocker>
#include <QSet>
#include <QStringList>

namespace {

template<typename T> qsizetype indexByName(const QList<T> &items, const QString &name)
{
    for (qsizetype i = 0; i < items.size(); ++i) {
        if (items.at(i).name == name)
            return i;
    }
    return -1;
}

// Incoming items replace the current item of the same name in place; new ones are appended.
template<typename T> void mergeByName(QList<T> *current, const QList<T> &incoming)
{
    for (const T &item : incoming) {
        const qsizetype index = indexByName(*current, item.name);
        if (index >= 0)
            (*current)[index] = item;
        else
            current->append(item);
    }
}

bool sameConfig(const GatewayConfig &a, const GatewayConfig &b)
{
    return a.providers == b.providers && a.models == b.models && a.accessKeys == b.accessKeys;
}

bool fail(ConfigError *error, const QString &field, const QString &message)
{
    if (error)
        *error = ConfigError { field, message };
    return false;
}

} // namespace

ConfigService::ConfigService(QString databaseUrl, QObject *parent)
    : QObject(parent)
    , m_databaseUrl(std::move(databaseUrl))
    , m_connectionName(
          QStringLiteral("llmo-config-%1").arg(reinterpret_cast<quintptr>(this), 0, 16))
    , m_snapshot(std::make_shared<const GatewayConfig>())
{
}

ConfigService::~ConfigService()
{
    Database::close(m_connectionName);
}

bool ConfigService::load(ConfigError *error)
{
    QString message;
    if (!Database::open(m_connectionName, m_databaseUrl, &message))
        return fail(error, QString(), message);
    std::optional<GatewayConfig> config = ConfigRepository(m_connectionName).load(&message);
    if (!config)
        return fail(error, QString(), QStringLiteral("cannot read the configuration: ") + message);
    m_loaded = true;
    auto next = std::make_shared<const GatewayConfig>(std::move(*config));
    {
        QMutexLocker locker(&m_snapshotMutex);
        m_snapshot = next;
    }
    Q_EMIT configChanged(next);
    return true;
}

std::shared_ptr<const GatewayConfig> ConfigService::snapshot() const
{
    QMutexLocker locker(&m_snapshotMutex);
    return m_snapshot;
}

bool ConfigService::importJson(const QByteArray &json, ImportMode mode, ConfigError *error)
{
    if (!requireLoaded(error))
        return false;
    QSet<QString> providersWithoutKeys;
    std::optional<GatewayConfig> incoming
        = ConfigJson::fromJson(json, error, &providersWithoutKeys);
    if (!incoming)
        return false;

    const std::shared_ptr<const GatewayConfig> current = snapshot();
    for (ProviderConfig &p : incoming->providers) {
        const qsizetype index = indexByName(current->providers, p.name);
        if (index >= 0 && providersWithoutKeys.contains(p.name))
            p.apiKeys = current->providers.at(index).apiKeys;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (AccessKeyConfig &k : incoming->accessKeys) {
        if (k.createdAt.isValid())
            continue;
        const qsizetype index = indexByName(current->accessKeys, k.name);
        const bool sameKey = index >= 0 && current->accessKeys.at(index).keyHash == k.keyHash;
        k.createdAt = sameKey ? current->accessKeys.at(index).createdAt : now;
    }

    if (mode == ImportMode::Replace)
        return commit(std::move(*incoming), error);
    GatewayConfig merged = *current;
    mergeByName(&merged.providers, incoming->providers);
    mergeByName(&merged.models, incoming->models);
    mergeByName(&merged.accessKeys, incoming->accessKeys);
    return commit(std::move(merged), error);
}

QByteArray ConfigService::exportJson(bool withSecrets) const
{
    return ConfigJson::toJson(*snapshot(), withSecrets);
}

bool ConfigService::upsertProvider(const QString &existingName, const ProviderConfig &p,
                                   ConfigError *error, ApiKeys apiKeys)
{
    if (!requireLoaded(error))
        return false;
    GatewayConfig next = *snapshot();
    const qsizetype sameName = indexByName(next.providers, p.name);
    if (existingName.isEmpty()) {
        if (sameName >= 0)
            return fail(error, QStringLiteral("name"),
                        QStringLiteral("a provider named \"%1\" already exists").arg(p.name));
        next.providers.append(p);
        return commit(std::move(next), error);
    }

    const qsizetype index = indexByName(next.providers, existingName);
    if (index < 0)
        return fail(error, QStringLiteral("name"),
                    QStringLiteral("no provider named \"%1\"").arg(existingName));
    if (sameName >= 0 && sameName != index)
        return fail(error, QStringLiteral("name"),
                    QStringLiteral("a provider named \"%1\" already exists").arg(p.name));
    ProviderConfig updated = p;
    if (apiKeys == ApiKeys::KeepIfEmpty && updated.apiKeys.isEmpty())
        updated.apiKeys = next.providers.at(index).apiKeys;
    if (updated.name != existingName) {
        for (ModelConfig &model : next.models) {
            for (RouteConfig &route : model.routes) {
                if (route.provider == existingName)
                    route.provider = updated.name;
            }
        }
    }
    next.providers[index] = updated;
    return commit(std::move(next), error);
}

bool ConfigService::removeProvider(const QString &name, ConfigError *error)
{
    if (!requireLoaded(error))
        return false;
    GatewayConfig next = *snapshot();
    const qsizetype index = indexByName(next.providers, name);
    if (index < 0)
        return fail(error, QStringLiteral("name"),
                    QStringLiteral("no provider named \"%1\"").arg(name));
    QStringList users;
    for (const ModelConfig &model : std::as_const(next.models)) {
        for (const RouteConfig &route : model.routes) {
            if (route.provider == name) {
                users.append(model.name);
                break;
            }
        }
    }
    if (!users.isEmpty())
        return fail(error, QString(),
                    QStringLiteral("provider \"%1\" is used by the routes of %2 %3; remove "
                                   "those routes first")
                        .arg(name,
                             users.size() == 1 ? QStringLiteral("model") : QStringLiteral("models"),
                             users.join(QLatin1String(", "))));
    next.providers.removeAt(index);
    return commit(std::move(next), error);
}

bool ConfigService::upsertModel(const QString &existingName, const ModelConfig &m,
                                ConfigError *error)
{
    if (!requireLoaded(error))
        return false;
    GatewayConfig next = *snapshot();
    const qsizetype sameName = indexByName(next.models, m.name);
    if (existingName.isEmpty()) {
        if (sameName >= 0)
            return fail(error, QStringLiteral("name"),
                        QStringLiteral("a model named \"%1\" already exists").arg(m.name));
        next.models.append(m);
        return commit(std::move(next), error);
    }
    const qsizetype index = indexByName(next.models, existingName);
    if (index < 0)
        return fail(error, QStringLiteral("name"),
                    QStringLiteral("no model named \"%1\"").arg(existingName));
    if (sameName >= 0 && sameName != index)
        return fail(error, QStringLiteral("name"),
                    QStringLiteral("a model named \"%1\" already exists").arg(m.name));
    next.models[index] = m;
    return commit(std::move(next), error);
}

bool ConfigService::removeModel(const QString &name, ConfigError *error)
{
    if (!requireLoaded(error))
        return false;
    GatewayConfig next = *snapshot();
    const qsizetype index = indexByName(next.models, name);
    if (index < 0)
        return fail(error, QStringLiteral("name"),
                    QStringLiteral("no model named \"%1\"").arg(name));
    next.models.removeAt(index);
    return commit(std::move(next), error);
}

std::optional<AccessKeyConfig>
ConfigService::createAccessKey(const QString &name, const QString &plaintext, ConfigError *error)
{
    if (!requireLoaded(error))
        return std::nullopt;
    GatewayConfig next = *snapshot();
    if (indexByName(next.accessKeys, name) >= 0) {
        fail(error, QStringLiteral("name"),
             QStringLiteral("an access key named \"%1\" already exists").arg(name));
        return std::nullopt;
    }
    AccessKeyConfig key;
    key.name = name;
    key.key = plaintext.isEmpty() ? AccessKeys::generate() : plaintext;
    key.keyHash = AccessKeys::hash(key.key);
    key.prefix = AccessKeys::prefix(key.key);
    key.createdAt = QDateTime::currentDateTimeUtc();
    for (const AccessKeyConfig &existing : std::as_const(next.accessKeys)) {
        if (existing.keyHash == key.keyHash) {
            fail(error, QStringLiteral("key"),
                 QStringLiteral("this key is already in use (as \"%1\")").arg(existing.name));
            return std::nullopt;
        }
    }
    next.accessKeys.append(key);
    if (!commit(std::move(next), error))
        return std::nullopt;
    return key;
}

bool ConfigService::removeAccessKey(const QString &name, ConfigError *error)
{
    if (!requireLoaded(error))
        return false;
    GatewayConfig next = *snapshot();
    const qsizetype index = indexByName(next.accessKeys, name);
    if (index < 0)
        return fail(error, QStringLiteral("name"),
                    QStringLiteral("no access key named \"%1\"").arg(name));
    next.accessKeys.removeAt(index);
    return commit(std::move(next), error);
}

bool ConfigService::ensureAccessKey(const QString &plaintext, ConfigError *error)
{
    if (!requireLoaded(error))
        return false;
    if (plaintext.isEmpty())
        return fail(error, QStringLiteral("key"), QStringLiteral("must not be empty"));
    const std::shared_ptr<const GatewayConfig> current = snapshot();
    const QString hash = hashKey(plaintext);
    for (const AccessKeyConfig &key : current->accessKeys) {
        if (key.keyHash == hash)
            return true;
    }
    QString name = QStringLiteral("env");
    for (int n = 2; indexByName(current->accessKeys, name) >= 0; ++n)
        name = QStringLiteral("env-%1").arg(n);
    return createAccessKey(name, plaintext, error).has_value();
}

QString ConfigService::hashKey(const QString &plaintext)
{
    return AccessKeys::hash(plaintext);
}

bool ConfigService::commit(GatewayConfig config, ConfigError *error)
{
    const QList<ConfigError> errors = ConfigValidator::validate(config);
    if (!errors.isEmpty()) {
        if (error)
            *error = errors.first();
        return false;
    }
    for (AccessKeyConfig &key : config.accessKeys)
        key.key.clear(); // the plaintext is never kept
    if (sameConfig(config, *snapshot()))
        return true;
    QString message;
    if (!ConfigRepository(m_connectionName).save(config, &message))
        return fail(error, QString(), QStringLiteral("cannot save the configuration: ") + message);
    auto next = std::make_shared<const GatewayConfig>(std::move(config));
    {
        QMutexLocker locker(&m_snapshotMutex);
        m_snapshot = next;
    }
    Q_EMIT configChanged(next);
    return true;
}

bool ConfigService::requireLoaded(ConfigError *error) const
{
    return m_loaded
        || fail(error, QString(), QStringLiteral("the configuration has not been loaded"));
}
