#pragma once

#include "config/configtypes.h"

#include <QHash>
#include <QString>

#include <optional>

class QHttpServerRequest;

// Checks the access key a client presents. SDKs send it in different places (DESIGN.md
// "Client auth"): `Authorization: Bearer` (OpenAI), `x-api-key` (Anthropic), `x-goog-api-key`
// or `?key=` (Google). Keys are stored hashed, so the presented key is hashed and looked up.
class ClientAuthenticator final
{
public:
    void setAccessKeys(const QList<AccessKeyConfig> &keys);
    bool hasKeys() const { return !m_nameByHash.isEmpty(); }

    // The name of the access key the request carries, or nullopt when it carries none or an
    // unknown one.
    std::optional<QString> authenticate(const QHttpServerRequest &request) const;

    // The key as presented, from whichever place the client used; empty when none.
    static QByteArray presentedKey(const QHttpServerRequest &request);

private:
    QHash<QString, QString> m_nameByHash; // hex SHA-256 -> key name
};
