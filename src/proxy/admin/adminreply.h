#pragma once

#include "http/clientresponse.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

struct ConfigError;

// One answer of the admin API, built by the resources without touching a socket (so they stay
// plain, testable classes) and written by AdminApi. Bodies are JSON; errors have the shape
// {"error":{"message":..,"type":..,"field":..}} where `field` names the offending JSON field
// or query parameter, or is null when the error is not about one field.
struct AdminReply
{
    int status = 200;
    QByteArray body; // JSON; empty for 204
    HttpHeaderList headers;

    static AdminReply json(int status, const QJsonObject &object);
    // A body that already is JSON text (e.g. ConfigService::exportJson()).
    static AdminReply rawJson(int status, QByteArray body);
    static AdminReply noContent();

    static AdminReply error(int status, const QString &type, const QString &message,
                            const QString &field = {});
    static AdminReply badRequest(const QString &field, const QString &message);
    static AdminReply notFound(const QString &message);
    static AdminReply conflict(const QString &field, const QString &message);
    // 405 with an Allow header listing `allowed` (e.g. "GET, POST").
    static AdminReply methodNotAllowed(const QByteArray &allowed);
    // A ConfigService / ConfigJson refusal: 400 naming the field the error names.
    static AdminReply fromConfigError(const ConfigError &error, int status = 400);
};
