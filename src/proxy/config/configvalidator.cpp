#include "config/configvalidator.h"

#include "config/accesskeys.h"

#include <QHash>
#include <QSet>
#include <QUrl>

#include <algorithm>

namespace {

QString itemPath(const QString &list, qsizetype index)
{
    return list + QLatin1Char('[') + QString::number(index) + QLatin1Char(']');
}

QString field(const QString &item, const char *member)
{
    return item + QLatin1Char('.') + QLatin1String(member);
}

// Checks a name for emptiness, surrounding spaces and uniqueness among `seen`.
void checkName(const QString &name, const QString &path, const char *what,
               QHash<QString, QString> *seen, QList<ConfigError> *errors)
{
    if (name.trimmed().isEmpty()) {
        errors->append({ path, QStringLiteral("must not be empty") });
        return;
    }
    if (name.trimmed() != name)
        errors->append({ path, QStringLiteral("must not start or end with spaces") });
    const auto previous = seen->constFind(name);
    if (previous != seen->constEnd()) {
        errors->append({ path,
                         QStringLiteral("duplicate %1 name \"%2\" (also %3)")
                             .arg(QLatin1String(what), name, *previous) });
        return;
    }
    seen->insert(name, path);
}

void checkRange(qint64 value, qint64 min, qint64 max, const QString &path,
                QList<ConfigError> *errors)
{
    if (value < min || value > max)
        errors->append({ path, QStringLiteral("must be between %1 and %2").arg(min).arg(max) });
}

// RFC 9110 token characters.
bool isHeaderName(const QString &name)
{
    static const QLatin1String extra("!#$%&'*+-.^_`|~");
    return !name.isEmpty() && std::all_of(name.cbegin(), name.cend(), [](QChar c) {
        return (c >= QLatin1Char('a') && c <= QLatin1Char('z'))
            || (c >= QLatin1Char('A') && c <= QLatin1Char('Z'))
            || (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || extra.contains(c);
    });
}

bool isHttpUrl(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    return url.isValid() && (scheme == QLatin1String("http") || scheme == QLatin1String("https"))
        && !url.host().isEmpty();
}

void checkProvider(const ProviderConfig &p, const QString &path, QList<ConfigError> *errors)
{
    if (!isHttpUrl(p.baseUrl))
        errors->append(
            { field(path, "base_url"), QStringLiteral("must be an absolute http(s) URL") });
    checkRange(p.timeoutMs, 1, 3'600'000, field(path, "timeout_ms"), errors);
    for (qsizetype i = 0; i < p.apiKeys.size(); ++i) {
        if (p.apiKeys.at(i).trimmed().isEmpty())
            errors->append(
                { itemPath(field(path, "api_keys"), i), QStringLiteral("must not be empty") });
    }
    for (auto it = p.headers.cbegin(); it != p.headers.cend(); ++it) {
        const QString headerPath = field(path, "headers") + QLatin1Char('.') + it.key();
        if (!isHeaderName(it.key()))
            errors->append({ headerPath, QStringLiteral("is not a valid header name") });
        else if (it.value().contains(QLatin1Char('\r')) || it.value().contains(QLatin1Char('\n'))
                 || it.value().contains(QChar(0)))
            errors->append({ headerPath, QStringLiteral("must not contain line breaks") });
    }
    if (p.probe.intervalS < 0)
        errors->append({ field(path, "probe.interval_s"), QStringLiteral("must be 0 or more") });
    if (p.probe.kind != QLatin1String("models") && p.probe.kind != QLatin1String("completion")) {
        errors->append(
            { field(path, "probe.kind"), QStringLiteral("must be \"models\" or \"completion\"") });
    } else if (p.probe.kind == QLatin1String("completion") && p.probe.model.trimmed().isEmpty()) {
        errors->append({ field(path, "probe.model"),
                         QStringLiteral("is required when kind is \"completion\"") });
    }
}

void checkModel(const ModelConfig &m, const QString &path, const QSet<QString> &providers,
                QList<ConfigError> *errors)
{
    checkRange(m.maxAttempts, 1, 20, field(path, "max_attempts"), errors);
    QHash<QPair<QString, QString>, QString> seenRoutes;
    for (qsizetype j = 0; j < m.routes.size(); ++j) {
        const RouteConfig &r = m.routes.at(j);
        const QString routePath = itemPath(field(path, "routes"), j);
        if (!providers.contains(r.provider))
            errors->append({ field(routePath, "provider"),
                             QStringLiteral("no provider named \"%1\"").arg(r.provider) });
        if (r.upstreamModel.trimmed().isEmpty())
            errors->append({ field(routePath, "model"), QStringLiteral("must not be empty") });
        checkRange(r.weight, 0, 10'000, field(routePath, "weight"), errors);
        checkRange(r.priority, -1000, 1000, field(routePath, "priority"), errors);
        const QPair<QString, QString> key(r.provider, r.upstreamModel);
        const auto previous = seenRoutes.constFind(key);
        if (previous != seenRoutes.constEnd())
            errors->append({ routePath,
                             QStringLiteral("duplicate route (same provider and model as %1)")
                                 .arg(*previous) });
        else
            seenRoutes.insert(key, routePath);
    }
}

} // namespace

namespace ConfigValidator {

QList<ConfigError> validate(const GatewayConfig &config)
{
    QList<ConfigError> errors;

    QHash<QString, QString> providerNames;
    QSet<QString> providers;
    for (qsizetype i = 0; i < config.providers.size(); ++i) {
        const ProviderConfig &p = config.providers.at(i);
        const QString path = itemPath(QStringLiteral("providers"), i);
        checkName(p.name, field(path, "name"), "provider", &providerNames, &errors);
        checkProvider(p, path, &errors);
        providers.insert(p.name);
    }

    QHash<QString, QString> modelNames;
    for (qsizetype i = 0; i < config.models.size(); ++i) {
        const ModelConfig &m = config.models.at(i);
        const QString path = itemPath(QStringLiteral("models"), i);
        checkName(m.name, field(path, "name"), "model", &modelNames, &errors);
        checkModel(m, path, providers, &errors);
    }

    QHash<QString, QString> keyNames;
    QHash<QString, QString> keyHashes;
    for (qsizetype i = 0; i < config.accessKeys.size(); ++i) {
        const AccessKeyConfig &k = config.accessKeys.at(i);
        const QString path = itemPath(QStringLiteral("access_keys"), i);
        checkName(k.name, field(path, "name"), "access key", &keyNames, &errors);
        if (!AccessKeys::isHash(k.keyHash) || k.keyHash != k.keyHash.toLower()) {
            errors.append({ field(path, "key_hash"),
                            QStringLiteral("must be 64 lower-case hex digits (SHA-256)") });
            continue;
        }
        const auto previous = keyHashes.constFind(k.keyHash);
        if (previous != keyHashes.constEnd())
            errors.append(
                { field(path, "key_hash"), QStringLiteral("the same key as %1").arg(*previous) });
        else
            keyHashes.insert(k.keyHash, path);
    }
    return errors;
}

} // namespace ConfigValidator
