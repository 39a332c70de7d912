#include "clientauthenticator.h"

#include <QCryptographicHash>
#include <QHttpServerRequest>
#include <QUrlQuery>

void ClientAuthenticator::setAccessKeys(const QList<AccessKeyConfig> &keys)
{
    m_nameByHash.clear();
    for (const AccessKeyConfig &key : keys)
        m_nameByHash.insert(key.keyHash, key.name);
}

QByteArray ClientAuthenticator::presentedKey(const QHttpServerRequest &request)
{
    const QByteArray authorization = request.value(QByteArrayLiteral("authorization"));
    if (authorization.size() > 7 && authorization.left(7).toLower() == "bearer ")
        return authorization.mid(7).trimmed();
    const QByteArray apiKey = request.value(QByteArrayLiteral("x-api-key"));
    if (!apiKey.isEmpty())
        return apiKey.trimmed();
    const QByteArray googKey = request.value(QByteArrayLiteral("x-goog-api-key"));
    if (!googKey.isEmpty())
        return googKey.trimmed();
    const QUrlQuery query(request.url());
    return query.queryItemValue(QStringLiteral("key"), QUrl::FullyDecoded).toUtf8();
}

std::optional<QString> ClientAuthenticator::authenticate(const QHttpServerRequest &request) const
{
    const QByteArray key = presentedKey(request);
    if (key.isEmpty())
        return std::nullopt;
    const QString hash
        = QString::fromLatin1(QCryptographicHash::hash(key, QCryptographicHash::Sha256).toHex());
    const auto it = m_nameByHash.constFind(hash);
    if (it == m_nameByHash.constEnd())
        return std::nullopt;
    return it.value();
}
