#include "admin/healthresource.h"

#include "routing/healthregistry.h"

#include <QJsonArray>

HealthResource::HealthResource(const HealthRegistry *health) : m_health(health)
{
}

static QJsonValue timeOrNull(const QDateTime &time)
{
    if (!time.isValid())
        return QJsonValue();
    return time.toUTC().toString(Qt::ISODateWithMs);
}

QJsonObject HealthResource::routeToJson(const RouteHealthSnapshot &route)
{
    const bool probed = route.lastProbeAt.isValid();
    return QJsonObject {
        { QStringLiteral("model"), route.model },
        { QStringLiteral("provider"), route.provider },
        { QStringLiteral("upstream_model"), route.upstreamModel },
        { QStringLiteral("state"), circuitStateName(route.state) },
        { QStringLiteral("weight"), route.weight },
        { QStringLiteral("effective_weight"), route.effectiveWeight },
        { QStringLiteral("success_rate"), route.successRate },
        { QStringLiteral("p50_ms"), route.p50Ms < 0 ? QJsonValue() : QJsonValue(route.p50Ms) },
        { QStringLiteral("last_error"),
          route.lastError.isEmpty() ? QJsonValue() : QJsonValue(route.lastError) },
        { QStringLiteral("last_error_at"), timeOrNull(route.lastErrorAt) },
        { QStringLiteral("last_probe_at"), timeOrNull(route.lastProbeAt) },
        { QStringLiteral("last_probe_ok"), probed ? QJsonValue(route.lastProbeOk) : QJsonValue() },
    };
}

AdminReply HealthResource::collection(const AdminRequest &request) const
{
    if (request.method != QHttpServerRequest::Method::Get)
        return AdminReply::methodNotAllowed(QByteArrayLiteral("GET"));
    QJsonArray routes;
    for (const RouteHealthSnapshot &route : m_health->snapshot())
        routes.append(routeToJson(route));
    return AdminReply::json(200, QJsonObject { { QStringLiteral("routes"), routes } });
}
