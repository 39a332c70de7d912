#include "providerprobe.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QUrlQuery>

namespace {

constexpr int MaxErrorChars = 300;

QString joinUrl(const QString &base, const QString &path)
{
    QString url = base.trimmed();
    while (url.endsWith(QLatin1Char('/')))
        url.chop(1);
    return url + path;
}

// The human part of an error body: every protocol here nests it as error.message (Anthropic
// inside {"type":"error","error":{...}}); some servers send a plain string instead.
QString errorMessage(const QByteArray &body)
{
    const QJsonDocument document = QJsonDocument::fromJson(body);
    if (document.isObject()) {
        const QJsonValue error = document.object().value(QLatin1String("error"));
        if (error.isObject()) {
            const QString message = error.toObject().value(QLatin1String("message")).toString();
            if (!message.isEmpty())
                return message;
        } else if (error.isString()) {
            return error.toString();
        }
        const QString message = document.object().value(QLatin1String("message")).toString();
        if (!message.isEmpty())
            return message;
    }
    QString text = QString::fromUtf8(body).simplified();
    if (text.size() > MaxErrorChars)
        text = text.left(MaxErrorChars) + QChar(0x2026);
    return text;
}

} // namespace

ProviderProbe::ProviderProbe(QObject *parent)
    : QObject(parent)
{
}

ProviderProbe::~ProviderProbe()
{
    cancel();
}

QNetworkRequest ProviderProbe::request(const ProviderConfig &provider)
{
    const QString key = provider.apiKeys.value(0).trimmed();
    QUrl url;
    QNetworkRequest request;
    switch (provider.type) {
    case WireProtocol::OpenAiChat:
    case WireProtocol::OpenAiResponses:
        url = QUrl(joinUrl(provider.baseUrl, QStringLiteral("/models")));
        if (!key.isEmpty())
            request.setRawHeader(QByteArrayLiteral("Authorization"),
                                 QByteArrayLiteral("Bearer ") + key.toUtf8());
        break;
    case WireProtocol::Anthropic: {
        url = QUrl(joinUrl(provider.baseUrl, QStringLiteral("/v1/models")));
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("limit"), QStringLiteral("1000"));
        url.setQuery(query);
        request.setRawHeader(QByteArrayLiteral("anthropic-version"),
                             QByteArrayLiteral("2023-06-01"));
        if (!key.isEmpty())
            request.setRawHeader(QByteArrayLiteral("x-api-key"), key.toUtf8());
        break;
    }
    case WireProtocol::Gemini: {
        url = QUrl(joinUrl(provider.baseUrl, QStringLiteral("/v1beta/models")));
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("pageSize"), QStringLiteral("1000"));
        url.setQuery(query);
        if (!key.isEmpty())
            request.setRawHeader(QByteArrayLiteral("x-goog-api-key"), key.toUtf8());
        break;
    }
    }
    request.setUrl(url);
    request.setRawHeader(QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json"));
    for (auto it = provider.headers.cbegin(); it != provider.headers.cend(); ++it)
        request.setRawHeader(it.key().toUtf8(), it.value().toUtf8());
    request.setTransferTimeout(qBound(1000, provider.timeoutMs, 30000));
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::NoLessSafeRedirectPolicy);
    return request;
}

ProbeResult ProviderProbe::parse(WireProtocol type, int httpStatus, const QByteArray &body)
{
    ProbeResult result;
    result.httpStatus = httpStatus;
    if (httpStatus < 200 || httpStatus >= 300) {
        result.error = errorMessage(body);
        if (result.error.isEmpty())
            result.error = QStringLiteral("HTTP %1").arg(httpStatus);
        return result;
    }
    const QJsonDocument document = QJsonDocument::fromJson(body);
    if (!document.isObject()) {
        result.error = QStringLiteral("the answer is not a JSON model list");
        return result;
    }
    const QJsonObject root = document.object();
    if (type == WireProtocol::Gemini) {
        const QJsonArray models = root.value(QLatin1String("models")).toArray();
        for (const QJsonValue &value : models) {
            const QJsonObject model = value.toObject();
            const QJsonArray methods
                = model.value(QLatin1String("supportedGenerationMethods")).toArray();
            // Embedding-only models cannot serve chat requests.
            if (!methods.isEmpty() && !methods.contains(QLatin1String("generateContent")))
                continue;
            QString name = model.value(QLatin1String("name")).toString();
            if (name.startsWith(QLatin1String("models/")))
                name.remove(0, 7);
            if (!name.isEmpty())
                result.models.append(name);
        }
    } else {
        const QJsonArray models = root.value(QLatin1String("data")).toArray();
        for (const QJsonValue &value : models) {
            const QString id = value.toObject().value(QLatin1String("id")).toString();
            if (!id.isEmpty())
                result.models.append(id);
        }
    }
    result.models.sort(Qt::CaseInsensitive);
    result.models.removeDuplicates();
    result.ok = true;
    return result;
}

void ProviderProbe::start(const ProviderConfig &provider)
{
    cancel();
    if (!m_network)
        m_network = new QNetworkAccessManager(this);
    const QNetworkRequest request = ProviderProbe::request(provider);
    if (!request.url().isValid() || request.url().scheme().isEmpty()) {
        ProbeResult result;
        result.error = tr("The base URL is not a valid http(s) URL.");
        QMetaObject::invokeMethod(
            this, [this, result] { Q_EMIT finished(result); }, Qt::QueuedConnection);
        return;
    }
    const qint64 startedMs = QDateTime::currentMSecsSinceEpoch();
    QNetworkReply *reply = m_network->get(request);
    m_reply = reply;
    const WireProtocol type = provider.type;
    connect(reply, &QNetworkReply::finished, this,
            [this, reply, type, startedMs] { onFinished(reply, type, startedMs); });
}

void ProviderProbe::cancel()
{
    if (QNetworkReply *reply = m_reply) {
        m_reply = nullptr;
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
}

void ProviderProbe::onFinished(QNetworkReply *reply, WireProtocol type, qint64 startedMs)
{
    reply->deleteLater();
    if (m_reply == reply)
        m_reply = nullptr;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    ProbeResult result;
    if (status == 0) {
        result.error = reply->error() == QNetworkReply::OperationCanceledError
            ? tr("No answer within the timeout.")
            : reply->errorString();
    } else {
        result = parse(type, status, body);
    }
    result.latencyMs = QDateTime::currentMSecsSinceEpoch() - startedMs;
    Q_EMIT finished(result);
}
