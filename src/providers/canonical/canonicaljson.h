#pragma once

#include "canonical/canonicalrequest.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

// Helpers shared by the translation codecs (internal to canonical/). The translated path builds
// a DOM: unlike passthrough it has to rewrite the whole body anyway.
namespace CanonicalJson {

// `json` as one JSON object; else nullopt and *error says why ("request body is not a JSON
// object" or the parser's message with its offset).
std::optional<QJsonObject> parseObject(QByteArrayView json, QString *error);

QByteArray compact(const QJsonObject &object);

// Tool-call arguments text -> object. Empty text is {}; text that is not a JSON object gives
// nullopt.
std::optional<QJsonObject> parseArguments(const QString &text);

// The arguments object as compact JSON text ("{}" when empty).
QString argumentsText(const QJsonObject &input);

// A new random id with the given prefix, e.g. newId("msg_") -> "msg_01f3...": used where the
// target protocol needs an id the source did not provide.
QString newId(QStringView prefix);

// "data:image/png;base64,AAAA" -> media type "image/png" and data "AAAA". False for any other
// URL (http(s) or a data URL that is not base64).
bool splitDataUrl(const QString &url, QString *mediaType, QString *data);
QString dataUrl(const QString &mediaType, const QString &data);

// Appends name/value to request.unmapped.
void addUnmapped(CanonicalRequest &request, const QString &name, const QJsonValue &value);

// Appends `name` to *dropped (if given) unless already there.
void noteDropped(QStringList *dropped, const QString &name);

// The names in request.unmapped, each once, for the dropped list of an encoder to another
// protocol.
void noteUnmapped(const CanonicalRequest &request, QStringList *dropped);

// The text of Text blocks joined with `separator` (other blocks ignored).
QString joinedText(const QList<CanonicalBlock> &blocks, const QString &separator = {});

// One SSE event with an event name: "event: <name>\ndata: <json>\n\n".
QByteArray namedEvent(QByteArrayView name, const QJsonObject &data);
// One SSE event without a name: "data: <json>\n\n".
QByteArray dataEvent(const QJsonObject &data);

// A number as an integer when it is one (for token counts in usage objects).
inline QJsonValue count(qint64 n)
{
    return QJsonValue(n);
}

} // namespace CanonicalJson
