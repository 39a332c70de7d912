#include "admin/adminpaths.h"

#include <QRegularExpression>
#include <QUrl>

QByteArray AdminPaths::itemPath(const QString &collection, const QString &name)
{
    return "/admin/" + collection.toUtf8() + '/' + QUrl::toPercentEncoding(name);
}

ConfigError AdminPaths::relativeError(const ConfigError &error)
{
    static const QRegularExpression prefix(
        QStringLiteral("^(?:providers|models|access_keys)\\[\\d+\\]\\."));
    ConfigError result = error;
    const QRegularExpressionMatch match = prefix.match(error.field);
    if (match.hasMatch()) {
        result.field = error.field.mid(match.capturedLength());
        result.message = QStringLiteral("%1 (%2)").arg(error.message, error.field);
    }
    return result;
}
