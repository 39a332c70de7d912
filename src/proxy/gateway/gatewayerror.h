#pragma once

#include "wireprotocol.h"

#include <QByteArray>
#include <QString>

// An error the gateway itself answers with. Every error reaches the client in the caller's
// own protocol (DESIGN.md "Client auth"), so errors are built as this neutral value and
// encoded per inbound protocol at the edge.
struct GatewayError
{
    enum class Kind {
        InvalidRequest, // 400: malformed JSON, missing fields
        Authentication, // 401: missing or wrong access key
        PermissionDenied, // 403: e.g. a cross-site Origin
        NotFound, // 404: unknown model or path
        MethodNotAllowed, // 405
        PayloadTooLarge, // 413
        RateLimited, // 429 relayed from the last upstream
        Unavailable, // 503: no usable route
        Timeout, // 504: the upstream did not answer in time
        UpstreamError, // 502: every attempt failed
        Internal, // 500
    };

    Kind kind = Kind::Internal;
    int status = 500;
    QString message;
    QString code; // machine-readable detail, e.g. "model_not_found"

    static GatewayError make(Kind kind, const QString &message, const QString &code = {});
};

namespace GatewayErrors {
// A complete error body in the protocol's shape.
QByteArray body(WireProtocol protocol, const GatewayError &error);
// The same error as a stream event, for failures after a stream has begun.
QByteArray streamEvent(WireProtocol protocol, const GatewayError &error);
// The protocol a client speaks, judged from the request path, for errors answered before a
// handler ran (404, 405, 413).
WireProtocol protocolForPath(QByteArrayView path);
} // namespace GatewayErrors
