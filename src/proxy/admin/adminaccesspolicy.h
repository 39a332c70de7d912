#pragma once

#include "admin/adminreply.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <optional>

class QHttpServerRequest;

// Who may use the admin API (DESIGN.md "Admin REST API", STYLE.md: hardened like
// qBittorrent's WebUI):
// - a request with an `Origin` header that is not a loopback origin is refused with 403, so a
//   web page the user visits cannot drive the API from the browser (CSRF); a request without
//   `Origin` (curl, scripts, the GUI) passes this check;
// - then it must carry `Authorization: Bearer <admin token>`, else 401. The token is compared
//   in constant time. An empty configured token refuses every request.
class AdminAccessPolicy final
{
public:
    explicit AdminAccessPolicy(QString adminToken);

    // nullopt when the request may proceed, else the refusal to send.
    std::optional<AdminReply> check(const QHttpServerRequest &request) const;

    // True for http(s) origins on localhost, *.localhost or a loopback address; false for
    // anything else, including "null" (sandboxed frames, file: pages).
    static bool isLoopbackOrigin(const QByteArray &origin);

    // Compares without an early exit, so the time taken does not tell how much of a guess
    // matched. Both sides are hashed first, which also hides the token's length.
    static bool constantTimeEquals(QByteArrayView a, QByteArrayView b);

private:
    QByteArray m_token;
};
