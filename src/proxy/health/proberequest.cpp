#include "health/proberequest.h"

#include "anthropic/anthropicmessages.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

namespace {

QUrl joinUrl(const QString &base, const QString &path)
{
    QStringView trimmed(base);
    while (trimmed.endsWith(QLatin1Char('/')))
        trimmed.chop(1);
    return QUrl(trimmed + path);
}

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QJsonArray pingMessages()
{
    return QJsonArray { QJsonObject { { QStringLiteral("role"), QStringLiteral("user") },
                                      { QStringLiteral("content"), QStringLiteral("ping") } } };
}

// Gemini names models "models/<id>" in its lists; the path wants the bare id.
QString geminiModelId(const QString &model)
{
    const QString prefix = QStringLiteral("models/");
    return model.startsWith(prefix) ? model.mid(prefix.size()) : model;
}

} // namespace

ProbeRequest ProbeRequest::build(const ProviderConfig &provider, const QByteArray &apiKey)
{
    const bool completion
        = provider.probe.kind == QLatin1String("completion") && !provider.probe.model.isEmpty();
    const QString &model = provider.probe.model;

    ProbeRequest probe;
    probe.verb = completion ? QByteArrayLiteral("POST") : QByteArrayLiteral("GET");
    QString path;
    switch (provider.type) {
    case WireProtocol::OpenAiChat:
        path = completion ? QStringLiteral("/chat/completions") : QStringLiteral("/models");
        if (completion) {
            probe.body = compact({ { QStringLiteral("model"), model },
                                   { QStringLiteral("messages"), pingMessages() },
                                   { QStringLiteral("max_completion_tokens"), 1 } });
        }
        break;
    case WireProtocol::OpenAiResponses:
        path = completion ? QStringLiteral("/responses") : QStringLiteral("/models");
        if (completion) {
            probe.body = compact({ { QStringLiteral("model"), model },
                                   { QStringLiteral("input"), QStringLiteral("ping") },
                                   { QStringLiteral("max_output_tokens"), 16 },
                                   { QStringLiteral("store"), false } });
        }
        break;
    case WireProtocol::Anthropic:
        path = completion ? QStringLiteral("/v1/messages") : QStringLiteral("/v1/models");
        if (completion) {
            probe.body = compact({ { QStringLiteral("model"), model },
                                   { QStringLiteral("max_tokens"), 1 },
                                   { QStringLiteral("messages"), pingMessages() } });
        }
        break;
    case WireProtocol::Gemini:
        path = completion ? QStringLiteral("/v1beta/models/")
                + QString::fromUtf8(QUrl::toPercentEncoding(geminiModelId(model)))
                + QStringLiteral(":generateContent")
                          : QStringLiteral("/v1beta/models");
        if (completion) {
            const QJsonObject part { { QStringLiteral("text"), QStringLiteral("ping") } };
            const QJsonObject content { { QStringLiteral("role"), QStringLiteral("user") },
                                        { QStringLiteral("parts"), QJsonArray { part } } };
            probe.body = compact({ { QStringLiteral("contents"), QJsonArray { content } },
                                   { QStringLiteral("generationConfig"),
                                     QJsonObject { { QStringLiteral("maxOutputTokens"), 1 } } } });
        }
        break;
    }

    probe.request = QNetworkRequest(joinUrl(provider.baseUrl, path));
    probe.request.setRawHeader(QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json"));
    if (completion)
        probe.request.setRawHeader(QByteArrayLiteral("Content-Type"),
                                   QByteArrayLiteral("application/json"));
    if (!apiKey.isEmpty()) {
        switch (provider.type) {
        case WireProtocol::OpenAiChat:
        case WireProtocol::OpenAiResponses:
            probe.request.setRawHeader(QByteArrayLiteral("Authorization"),
                                       QByteArrayLiteral("Bearer ") + apiKey);
            break;
        case WireProtocol::Anthropic:
            probe.request.setRawHeader(QByteArrayLiteral("x-api-key"), apiKey);
            break;
        case WireProtocol::Gemini:
            probe.request.setRawHeader(QByteArrayLiteral("x-goog-api-key"), apiKey);
            break;
        }
    }
    if (provider.type == WireProtocol::Anthropic)
        probe.request.setRawHeader(QByteArrayLiteral("anthropic-version"),
                                   AnthropicMessages::defaultApiVersion());
    for (auto it = provider.headers.cbegin(); it != provider.headers.cend(); ++it)
        probe.request.setRawHeader(it.key().toUtf8(), it.value().toUtf8());
    return probe;
}
