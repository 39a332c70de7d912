#include "admin/adminrequest.h"

#include <QJsonDocument>
#include <QJsonParseError>

AdminRequest AdminRequest::from(const QHttpServerRequest &request, const QString &name)
{
    AdminRequest result;
    result.method = request.method();
    result.name = name;
    result.query = request.query();
    result.body = request.body();
    return result;
}

std::optional<QJsonObject> AdminRequest::bodyObject(AdminReply *error) const
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error
            = AdminReply::badRequest(QString(),
                                     QStringLiteral("The body is not valid JSON: %1 at offset %2.")
                                         .arg(parseError.errorString())
                                         .arg(parseError.offset));
        return std::nullopt;
    }
    if (!document.isObject()) {
        *error
            = AdminReply::badRequest(QString(), QStringLiteral("The body must be a JSON object."));
        return std::nullopt;
    }
    return document.object();
}

QString AdminRequest::queryValue(const QString &key) const
{
    const QStringList values = query.allQueryItemValues(key, QUrl::FullyDecoded);
    return values.isEmpty() ? QString() : values.constLast();
}
