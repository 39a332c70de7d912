#include "admin/configtransferresource.h"

#include "config/configservice.h"

#include <optional>

using Method = QHttpServerRequest::Method;

ConfigTransferResource::ConfigTransferResource(ConfigService *config)
    : m_config(config)
{
}

// Only the parameters named in `allowed` may appear; the first other one is refused.
static std::optional<AdminReply> unknownParameter(const AdminRequest &request,
                                                  const QString &allowed)
{
    for (const auto &item : request.query.queryItems(QUrl::FullyDecoded)) {
        if (item.first != allowed)
            return AdminReply::badRequest(item.first,
                                          QStringLiteral("%1: unknown parameter").arg(item.first));
    }
    return std::nullopt;
}

AdminReply ConfigTransferResource::exportConfig(const AdminRequest &request) const
{
    if (request.method != Method::Get)
        return AdminReply::methodNotAllowed(QByteArrayLiteral("GET"));
    const QString secretsParameter = QStringLiteral("secrets");
    if (std::optional<AdminReply> refusal = unknownParameter(request, secretsParameter))
        return *refusal;
    const QString secrets = request.queryValue(secretsParameter).toLower();
    bool withSecrets = false;
    if (secrets == QLatin1String("1") || secrets == QLatin1String("true")) {
        withSecrets = true;
    } else if (!secrets.isEmpty() && secrets != QLatin1String("0")
               && secrets != QLatin1String("false")) {
        return AdminReply::badRequest(secretsParameter,
                                      QStringLiteral("secrets: must be 1, true, 0 or false"));
    }
    return AdminReply::rawJson(200, m_config->exportJson(withSecrets));
}

AdminReply ConfigTransferResource::importConfig(const AdminRequest &request)
{
    if (request.method != Method::Post)
        return AdminReply::methodNotAllowed(QByteArrayLiteral("POST"));
    const QString modeParameter = QStringLiteral("mode");
    if (std::optional<AdminReply> refusal = unknownParameter(request, modeParameter))
        return *refusal;
    const QString modeText = request.queryValue(modeParameter);
    ConfigService::ImportMode mode = ConfigService::ImportMode::Replace;
    if (modeText == QLatin1String("merge")) {
        mode = ConfigService::ImportMode::Merge;
    } else if (!modeText.isEmpty() && modeText != QLatin1String("replace")) {
        return AdminReply::badRequest(modeParameter,
                                      QStringLiteral("mode: must be replace or merge"));
    }

    ConfigError error;
    if (!m_config->importJson(request.body, mode, &error))
        return AdminReply::fromConfigError(error);
    const std::shared_ptr<const GatewayConfig> config = m_config->snapshot();
    return AdminReply::json(200,
                            QJsonObject {
                                { QStringLiteral("ok"), true },
                                { QStringLiteral("providers"), config->providers.size() },
                                { QStringLiteral("models"), config->models.size() },
                                { QStringLiteral("access_keys"), config->accessKeys.size() },
                            });
}
