#include "admin/adminreply.h"

#include "config/configerror.h"

#include <QJsonDocument>

AdminReply AdminReply::json(int status, const QJsonObject &object)
{
    return rawJson(status, QJsonDocument(object).toJson(QJsonDocument::Compact));
}

AdminReply AdminReply::rawJson(int status, QByteArray body)
{
    AdminReply reply;
    reply.status = status;
    reply.body = std::move(body);
    return reply;
}

AdminReply AdminReply::noContent()
{
    AdminReply reply;
    reply.status = 204;
    return reply;
}

AdminReply AdminReply::error(int status, const QString &type, const QString &message,
                             const QString &field)
{
    QJsonObject error {
        { QStringLiteral("message"), message },
        { QStringLiteral("type"), type },
        { QStringLiteral("field"), field.isEmpty() ? QJsonValue() : QJsonValue(field) },
    };
    return json(status, QJsonObject { { QStringLiteral("error"), error } });
}

AdminReply AdminReply::badRequest(const QString &field, const QString &message)
{
    return error(400, QStringLiteral("invalid_request_error"), message, field);
}

AdminReply AdminReply::notFound(const QString &message)
{
    return error(404, QStringLiteral("not_found_error"), message);
}

AdminReply AdminReply::conflict(const QString &field, const QString &message)
{
    return error(409, QStringLiteral("conflict_error"), message, field);
}

AdminReply AdminReply::methodNotAllowed(const QByteArray &allowed)
{
    AdminReply reply = error(
        405, QStringLiteral("invalid_request_error"),
        QStringLiteral("Method not allowed here; allowed: %1.").arg(QString::fromLatin1(allowed)));
    reply.headers.append({ QByteArrayLiteral("Allow"), allowed });
    return reply;
}

AdminReply AdminReply::fromConfigError(const ConfigError &configError, int status)
{
    const QString type = status == 409 ? QStringLiteral("conflict_error")
                                       : QStringLiteral("invalid_request_error");
    const QString message
        = configError.field.isEmpty() ? configError.message : configError.toString();
    return error(status, type, message, configError.field);
}
