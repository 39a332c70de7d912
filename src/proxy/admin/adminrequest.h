#pragma once

#include "admin/adminreply.h"

#include <QByteArray>
#include <QHttpServerRequest>
#include <QJsonObject>
#include <QString>
#include <QUrlQuery>

#include <optional>

// The parts of an admin request the resources look at, copied out of QHttpServerRequest so
// resources can be driven without a server.
struct AdminRequest
{
    QHttpServerRequest::Method method = QHttpServerRequest::Method::Get;
    QString name; // the resource name from the path (/admin/providers/<name>); empty for lists
    QUrlQuery query;
    QByteArray body;

    static AdminRequest from(const QHttpServerRequest &request, const QString &name = {});

    // The body as a JSON object; on failure nullopt and *error holds a 400 (field null: the
    // body as a whole is wrong).
    std::optional<QJsonObject> bodyObject(AdminReply *error) const;

    // The decoded value of query parameter `key` (last one wins), empty when absent.
    QString queryValue(const QString &key) const;
};
