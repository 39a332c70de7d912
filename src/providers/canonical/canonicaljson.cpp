#include "canonical/canonicaljson.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QRandomGenerator>

namespace CanonicalJson {

std::optional<QJsonObject> parseObject(QByteArrayView json, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json.toByteArray(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        if (error)
            *error = QStringLiteral("invalid JSON: %1 at offset %2")
                         .arg(parseError.errorString())
                         .arg(parseError.offset);
        return std::nullopt;
    }
    if (!doc.isObject()) {
        if (error)
            *error = QStringLiteral("the body is not a JSON object");
        return std::nullopt;
    }
    return doc.object();
}

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

std::optional<QJsonObject> parseArguments(const QString &text)
{
    if (text.trimmed().isEmpty())
        return QJsonObject();
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    return doc.object();
}

QString argumentsText(const QJsonObject &input)
{
    return QString::fromUtf8(compact(input));
}

QString newId(QStringView prefix)
{
    QString id = prefix.toString();
    auto *random = QRandomGenerator::global();
    for (int i = 0; i < 3; ++i)
        id += QString::number(random->generate64() & 0xffffffffffffULL, 16)
                  .rightJustified(12, u'0');
    return id;
}

bool splitDataUrl(const QString &url, QString *mediaType, QString *data)
{
    if (!url.startsWith(QLatin1String("data:")))
        return false;
    const qsizetype comma = url.indexOf(u',');
    if (comma < 0)
        return false;
    const QStringView header = QStringView(url).mid(5, comma - 5);
    if (!header.endsWith(QLatin1String(";base64")))
        return false;
    *mediaType = header.chopped(7).toString();
    *data = url.mid(comma + 1);
    return true;
}

QString dataUrl(const QString &mediaType, const QString &data)
{
    return QLatin1String("data:") + mediaType + QLatin1String(";base64,") + data;
}

void addUnmapped(CanonicalRequest &request, const QString &name, const QJsonValue &value)
{
    request.unmapped.append({ name, value });
}

void noteDropped(QStringList *dropped, const QString &name)
{
    if (dropped && !dropped->contains(name))
        dropped->append(name);
}

void noteUnmapped(const CanonicalRequest &request, QStringList *dropped)
{
    for (const auto &u : request.unmapped)
        noteDropped(dropped, u.name);
}

QString joinedText(const QList<CanonicalBlock> &blocks, const QString &separator)
{
    QStringList parts;
    for (const auto &b : blocks) {
        if (b.type == CanonicalBlock::Type::Text)
            parts.append(b.text);
    }
    return parts.join(separator);
}

QByteArray namedEvent(QByteArrayView name, const QJsonObject &data)
{
    return QByteArrayLiteral("event: ") + name.toByteArray() + QByteArrayLiteral("\ndata: ")
        + compact(data) + QByteArrayLiteral("\n\n");
}

QByteArray dataEvent(const QJsonObject &data)
{
    return QByteArrayLiteral("data: ") + compact(data) + QByteArrayLiteral("\n\n");
}

} // namespace CanonicalJson
