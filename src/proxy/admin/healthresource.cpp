#include "admin/healthresource.h"

#include "routing/healthregistry.h"

#include <QJsonArray>

HealthResource::HealthResource(const HealthRegistry *health)
    : m_health(health)
{
}

static QJsonValue timeOrNull(const QDateTime &time)
{
    if (!time.isValid())
        return QJsonValue();
    return time.toUTC().toString(Qt::ISODateWithMs);
}

QJsonObject HealthResource::eventToJson(const HealthEvent &event)
{
    return QJsonObject {
        { QStringLiteral("time"), timeOrNull(event.time) },
        { QStringLiteral("kind"), healthEventKindName(event.kind) },
        { QStringLiteral("ok"), event.ok },
        { QStringLiteral("state"), circuitStateName(event.state) },
        { QStringLiteral("latency_ms"),
          event.latencyMs < 0 ? QJsonValue() : QJsonValue(double(event.latencyMs)) },
        { QStringLiteral("error"), event.error.isEmpty() ? QJsonValue() : QJsonValue(event.error) },
    };
}

QJsonObject HealthResource::routeToJson(const RouteHealthSnapshot &route, int historyLimit)
{
    const bool probed = route.lastProbeAt.isValid();
    QJsonArray history;
    for (qsizetype i = 0; i < route.history.size() && i < historyLimit; ++i)
        history.append(eventToJson(route.history.at(i)));
    return QJsonObject {
        { QStringLiteral("model"), route.model },
        { QStringLiteral("provider"), route.provider },
        { QStringLiteral("upstream_model"), route.upstreamModel },
        { QStringLiteral("state"), circuitStateName(route.state) },
        { QStringLiteral("weight"), route.weight },
        { QStringLiteral("effective_weight"), route.effectiveWeight },
        { QStringLiteral("health_factor"), route.healthFactor },
        { QStringLiteral("throttle_penalty"), route.throttlePenalty },
        { QStringLiteral("cooldown_until"), timeOrNull(route.cooldownUntil) },
        { QStringLiteral("success_rate"), route.successRate },
        { QStringLiteral("p50_ms"), route.p50Ms < 0 ? QJsonValue() : QJsonValue(route.p50Ms) },
        { QStringLiteral("last_error"),
          route.lastError.isEmpty() ? QJsonValue() : QJsonValue(route.lastError) },
        { QStringLiteral("last_error_at"), timeOrNull(route.lastErrorAt) },
        { QStringLiteral("last_probe_at"), timeOrNull(route.lastProbeAt) },
        { QStringLiteral("last_probe_ok"), probed ? QJsonValue(route.lastProbeOk) : QJsonValue() },
        { QStringLiteral("last_probe_ms"),
          probed && route.lastProbeLatencyMs >= 0 ? QJsonValue(double(route.lastProbeLatencyMs))
                                                  : QJsonValue() },
        { QStringLiteral("history"), history },
    };
}

AdminReply HealthResource::collection(const AdminRequest &request) const
{
    if (request.method != QHttpServerRequest::Method::Get)
        return AdminReply::methodNotAllowed(QByteArrayLiteral("GET"));
    int historyLimit = HealthRegistry::HistorySize;
    const QString historyParam = request.queryValue(QStringLiteral("history"));
    if (!historyParam.isEmpty()) {
        bool ok = false;
        const int value = historyParam.toInt(&ok);
        if (!ok || value < 0)
            return AdminReply::badRequest(QStringLiteral("history"),
                                          QStringLiteral("history must be a number >= 0"));
        historyLimit = qMin(value, int(HealthRegistry::HistorySize));
    }
    QJsonArray routes;
    for (const RouteHealthSnapshot &route : m_health->snapshot())
        routes.append(routeToJson(route, historyLimit));
    return AdminReply::json(200, QJsonObject { { QStringLiteral("routes"), routes } });
}
