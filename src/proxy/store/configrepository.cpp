#include "store/configrepository.h"

#include "store/sqltransaction.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace {

bool fail(QString *error, const QString &what, const QSqlQuery &query)
{
    if (error)
        *error = what + QStringLiteral(": ") + query.lastError().text();
    return false;
}

// Text columns are NOT NULL, and Qt binds a null QString as NULL.
QString notNull(const QString &text)
{
    return text.isNull() ? QStringLiteral("") : text;
}

QString apiKeysToText(const QStringList &keys)
{
    return QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(keys)).toJson(QJsonDocument::Compact));
}

QStringList apiKeysFromText(const QString &text)
{
    QStringList keys;
    const QJsonArray array = QJsonDocument::fromJson(text.toUtf8()).array();
    for (const QJsonValue &value : array)
        keys.append(value.toString());
    return keys;
}

QString headersToText(const QMap<QString, QString> &headers)
{
    QJsonObject object;
    for (auto it = headers.cbegin(); it != headers.cend(); ++it)
        object.insert(it.key(), it.value());
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QMap<QString, QString> headersFromText(const QString &text)
{
    QMap<QString, QString> headers;
    const QJsonObject object = QJsonDocument::fromJson(text.toUtf8()).object();
    for (auto it = object.constBegin(); it != object.constEnd(); ++it)
        headers.insert(it.key(), it.value().toString());
    return headers;
}

bool loadProviders(const QSqlDatabase &db, GatewayConfig *config, QHash<qint64, QString> *names,
                   QString *error)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral(
            "SELECT id, name, type, base_url, api_keys, headers, timeout_ms, enabled,"
            " probe_interval_s, probe_kind, probe_model FROM providers ORDER BY position, id")))
        return fail(error, QStringLiteral("cannot read providers"), query);
    while (query.next()) {
        ProviderConfig p;
        p.name = query.value(1).toString();
        const QString type = query.value(2).toString();
        const auto protocol = wireProtocolFromName(type);
        if (!protocol) {
            if (error)
                *error = QStringLiteral("provider %1 has an unknown type \"%2\"").arg(p.name, type);
            return false;
        }
        p.type = *protocol;
        p.baseUrl = query.value(3).toString();
        p.apiKeys = apiKeysFromText(query.value(4).toString());
        p.headers = headersFromText(query.value(5).toString());
        p.timeoutMs = query.value(6).toInt();
        p.enabled = query.value(7).toBool();
        p.probe.intervalS = query.value(8).toInt();
        p.probe.kind = query.value(9).toString();
        p.probe.model = query.value(10).toString();
        names->insert(query.value(0).toLongLong(), p.name);
        config->providers.append(p);
    }
    return true;
}

bool loadModels(const QSqlDatabase &db, GatewayConfig *config,
                const QHash<qint64, QString> &providerNames, QString *error)
{
    QHash<qint64, qsizetype> modelIndex;
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.exec(
            QStringLiteral("SELECT id, name, max_attempts FROM models ORDER BY position, id")))
        return fail(error, QStringLiteral("cannot read models"), query);
    while (query.next()) {
        ModelConfig m;
        m.name = query.value(1).toString();
        m.maxAttempts = query.value(2).toInt();
        modelIndex.insert(query.value(0).toLongLong(), config->models.size());
        config->models.append(m);
    }

    if (!query.exec(QStringLiteral("SELECT model_id, provider_id, upstream_model, weight,"
                                   " priority, enabled FROM routes ORDER BY position, id")))
        return fail(error, QStringLiteral("cannot read routes"), query);
    while (query.next()) {
        const auto model = modelIndex.constFind(query.value(0).toLongLong());
        if (model == modelIndex.constEnd())
            continue; // cannot happen with foreign keys on
        RouteConfig r;
        r.provider = providerNames.value(query.value(1).toLongLong());
        r.upstreamModel = query.value(2).toString();
        r.weight = query.value(3).toInt();
        r.priority = query.value(4).toInt();
        r.enabled = query.value(5).toBool();
        config->models[*model].routes.append(r);
    }
    return true;
}

bool loadAccessKeys(const QSqlDatabase &db, GatewayConfig *config, QString *error)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral(
            "SELECT name, key_hash, prefix, created_at FROM access_keys ORDER BY id")))
        return fail(error, QStringLiteral("cannot read access keys"), query);
    while (query.next()) {
        AccessKeyConfig k;
        k.name = query.value(0).toString();
        k.keyHash = query.value(1).toString();
        k.prefix = query.value(2).toString();
        if (!query.value(3).isNull())
            k.createdAt = QDateTime::fromMSecsSinceEpoch(query.value(3).toLongLong(), Qt::UTC);
        config->accessKeys.append(k);
    }
    return true;
}

} // namespace

ConfigRepository::ConfigRepository(QString connectionName)
    : m_connectionName(std::move(connectionName))
{
}

std::optional<GatewayConfig> ConfigRepository::load(QString *error) const
{
    const QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    if (!db.isOpen()) {
        if (error)
            *error = QStringLiteral("database connection %1 is not open").arg(m_connectionName);
        return std::nullopt;
    }
    GatewayConfig config;
    QHash<qint64, QString> providerNames;
    // One read transaction so that a concurrent save is seen either whole or not at all.
    QSqlQuery(db).exec(QStringLiteral("BEGIN"));
    const bool ok = loadProviders(db, &config, &providerNames, error)
        && loadModels(db, &config, providerNames, error) && loadAccessKeys(db, &config, error);
    QSqlQuery(db).exec(QStringLiteral("COMMIT"));
    if (!ok)
        return std::nullopt;
    return config;
}

bool ConfigRepository::save(const GatewayConfig &config, QString *error)
{
    const QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    if (!db.isOpen()) {
        if (error)
            *error = QStringLiteral("database connection %1 is not open").arg(m_connectionName);
        return false;
    }
    SqlTransaction transaction(db);
    if (!transaction.begin(error))
        return false;

    QSqlQuery query(db);
    // Routes reference providers without cascade: delete them first.
    for (const char *table : { "routes", "models", "providers", "access_keys" }) {
        if (!query.exec(QStringLiteral("DELETE FROM ") + QLatin1String(table)))
            return fail(error, QStringLiteral("cannot clear ") + QLatin1String(table), query);
    }

    QHash<QString, qint64> providerIds;
    query.prepare(QStringLiteral(
        "INSERT INTO providers (name, type, base_url, api_keys, headers, timeout_ms, enabled,"
        " probe_interval_s, probe_kind, probe_model, position)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    for (qsizetype i = 0; i < config.providers.size(); ++i) {
        const ProviderConfig &p = config.providers.at(i);
        query.addBindValue(notNull(p.name));
        query.addBindValue(wireProtocolName(p.type));
        query.addBindValue(notNull(p.baseUrl));
        query.addBindValue(apiKeysToText(p.apiKeys));
        query.addBindValue(headersToText(p.headers));
        query.addBindValue(p.timeoutMs);
        query.addBindValue(p.enabled ? 1 : 0);
        query.addBindValue(p.probe.intervalS);
        query.addBindValue(notNull(p.probe.kind));
        query.addBindValue(notNull(p.probe.model));
        query.addBindValue(qint64(i));
        if (!query.exec())
            return fail(error, QStringLiteral("cannot save provider ") + p.name, query);
        providerIds.insert(p.name, query.lastInsertId().toLongLong());
    }

    QSqlQuery routeQuery(db);
    routeQuery.prepare(QStringLiteral(
        "INSERT INTO routes (model_id, provider_id, upstream_model, weight, priority, enabled,"
        " position) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    query.prepare(
        QStringLiteral("INSERT INTO models (name, max_attempts, position) VALUES (?, ?, ?)"));
    for (qsizetype i = 0; i < config.models.size(); ++i) {
        const ModelConfig &m = config.models.at(i);
        query.addBindValue(notNull(m.name));
        query.addBindValue(m.maxAttempts);
        query.addBindValue(qint64(i));
        if (!query.exec())
            return fail(error, QStringLiteral("cannot save model ") + m.name, query);
        const qint64 modelId = query.lastInsertId().toLongLong();
        for (qsizetype j = 0; j < m.routes.size(); ++j) {
            const RouteConfig &r = m.routes.at(j);
            const auto providerId = providerIds.constFind(r.provider);
            if (providerId == providerIds.constEnd()) {
                if (error)
                    *error = QStringLiteral("model %1: route to unknown provider %2")
                                 .arg(m.name, r.provider);
                return false;
            }
            routeQuery.addBindValue(modelId);
            routeQuery.addBindValue(*providerId);
            routeQuery.addBindValue(notNull(r.upstreamModel));
            routeQuery.addBindValue(r.weight);
            routeQuery.addBindValue(r.priority);
            routeQuery.addBindValue(r.enabled ? 1 : 0);
            routeQuery.addBindValue(qint64(j));
            if (!routeQuery.exec())
                return fail(error, QStringLiteral("cannot save a route of model ") + m.name,
                            routeQuery);
        }
    }

    query.prepare(QStringLiteral(
        "INSERT INTO access_keys (name, key_hash, prefix, created_at) VALUES (?, ?, ?, ?)"));
    for (const AccessKeyConfig &k : config.accessKeys) {
        query.addBindValue(notNull(k.name));
        query.addBindValue(notNull(k.keyHash));
        query.addBindValue(notNull(k.prefix));
        query.addBindValue(k.createdAt.isValid() ? QVariant(k.createdAt.toMSecsSinceEpoch())
                                                 : QVariant(QMetaType(QMetaType::LongLong)));
        if (!query.exec())
            return fail(error, QStringLiteral("cannot save access key ") + k.name, query);
    }

    query.finish();
    routeQuery.finish();
    return transaction.commit(error);
}
