#pragma once

#include "admin/adminreply.h"
#include "admin/adminrequest.h"

class HealthRegistry;
struct HealthEvent;
struct RouteHealthSnapshot;

// GET /admin/health: {"routes":[{"model","provider","upstream_model","state","weight",
// "effective_weight","health_factor","throttle_penalty","cooldown_until","success_rate",
// "p50_ms","last_error","last_error_at","last_probe_at","last_probe_ok","last_probe_ms",
// "history":[...]}, ...]} in routing-table order. Unknown values are null: p50_ms without
// successful attempts, last_error* before any error, last_probe_* before any probe,
// cooldown_until when no 429 cooldown runs. Times are ISO 8601 UTC with milliseconds.
//
// "history" lists the route's recent probe results and state changes, newest first:
// {"time","kind" ("probe" | "state"),"ok","state","latency_ms","error"} (latency_ms and error
// null when not applicable). `?history=N` keeps the N newest (default and maximum
// HealthRegistry::HistorySize; 0 leaves them out).
class HealthResource final
{
public:
    explicit HealthResource(const HealthRegistry *health);

    AdminReply collection(const AdminRequest &request) const;

    static QJsonObject routeToJson(const RouteHealthSnapshot &route, int historyLimit);
    static QJsonObject eventToJson(const HealthEvent &event);

private:
    const HealthRegistry *m_health;
};
