#include "admin/adminaccesspolicy.h"

#include <QCryptographicHash>
#include <QHostAddress>
#include <QHttpServerRequest>
#include <QUrl>

AdminAccessPolicy::AdminAccessPolicy(QString adminToken)
    : m_token(adminToken.toUtf8())
{
}

std::optional<AdminReply> AdminAccessPolicy::check(const QHttpServerRequest &request) const
{
    const QByteArray origin = request.value(QByteArrayLiteral("origin"));
    if (!origin.isEmpty() && !isLoopbackOrigin(origin)) {
        return AdminReply::error(403, QStringLiteral("permission_error"),
                                 QStringLiteral("Cross-site requests to the admin API are "
                                                "refused (Origin: %1).")
                                     .arg(QString::fromLatin1(origin)));
    }

    const QByteArray authorization = request.value(QByteArrayLiteral("authorization")).trimmed();
    static const QByteArray scheme = QByteArrayLiteral("bearer ");
    if (authorization.size() <= scheme.size()
        || authorization.left(scheme.size()).toLower() != scheme) {
        AdminReply reply = AdminReply::error(
            401, QStringLiteral("authentication_error"),
            QStringLiteral("The admin API needs \"Authorization: Bearer <admin token>\"."));
        reply.headers.append(
            { QByteArrayLiteral("WWW-Authenticate"), QByteArrayLiteral("Bearer") });
        return reply;
    }
    const QByteArray presented = authorization.mid(scheme.size()).trimmed();
    // Evaluate the comparison even for an empty configured token, so that case takes no
    // different path in time; the result is refused either way.
    const bool matches = constantTimeEquals(presented, m_token);
    if (m_token.isEmpty() || !matches) {
        AdminReply reply = AdminReply::error(401, QStringLiteral("authentication_error"),
                                             QStringLiteral("Wrong admin token."));
        reply.headers.append(
            { QByteArrayLiteral("WWW-Authenticate"), QByteArrayLiteral("Bearer") });
        return reply;
    }
    return std::nullopt;
}

bool AdminAccessPolicy::isLoopbackOrigin(const QByteArray &origin)
{
    const QUrl url(QString::fromLatin1(origin), QUrl::StrictMode);
    if (!url.isValid()
        || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")))
        return false;
    const QString host = url.host().toLower();
    if (host.isEmpty())
        return false;
    if (host == QLatin1String("localhost") || host.endsWith(QLatin1String(".localhost")))
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

bool AdminAccessPolicy::constantTimeEquals(QByteArrayView a, QByteArrayView b)
{
    const QByteArray ha = QCryptographicHash::hash(a, QCryptographicHash::Sha256);
    const QByteArray hb = QCryptographicHash::hash(b, QCryptographicHash::Sha256);
    unsigned char difference = 0;
    for (qsizetype i = 0; i < ha.size(); ++i)
        difference |= static_cast<unsigned char>(ha.at(i) ^ hb.at(i));
    return difference == 0;
}
