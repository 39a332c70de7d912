#pragma once

#include "admin/adminreply.h"
#include "admin/adminrequest.h"

class HealthRegistry;
struct RouteHealthSnapshot;

// GET /admin/health: {"routes":[{"model","provider","upstream_model","state","weight",
// "effective_weight","success_rate","p50_ms","last_error","last_error_at","last_probe_at",
// "last_probe_ok"}, ...]} in routing-table order. Unknown values are null: p50_ms without
// successful attempts, last_error* before any error, last_probe_* before any probe. Times are
// ISO 8601 UTC with milliseconds.
class HealthResource final
{
public:
    explicit HealthResource(const HealthRegistry *health);

    AdminReply collection(const AdminRequest &request) const;

    static QJsonObject routeToJson(const RouteHealthSnapshot &route);

private:
    const HealthRegistry *m_health;
};
