#include "adminclient.h"

#include <QBuffer>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QUrl>

QJsonObject AdminClient::Response::json() const
{
    return QJsonDocument::fromJson(body).object();
}

QByteArray AdminClient::Response::header(const QByteArray &name) const
{
    for (const auto &header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            return header.second;
    }
    return {};
}

static QString errorMember(const QJsonObject &object, const QString &name)
{
    const QJsonObject error = object.value(QStringLiteral("error")).toObject();
    if (!error.contains(name))
        return QStringLiteral("<none>");
    const QJsonValue value = error.value(name);
    return value.isNull() ? QStringLiteral("<null>") : value.toString();
}

QString AdminClient::Response::errorField() const
{
    return errorMember(json(), QStringLiteral("field"));
}

QString AdminClient::Response::errorType() const
{
    return errorMember(json(), QStringLiteral("type"));
}

AdminClient::AdminClient(quint16 port, QString token)
    : m_port(port)
    , m_token(std::move(token))
{
}

AdminClient::Response AdminClient::send(const QByteArray &method, const QString &pathAndQuery,
                                        const QByteArray &body, const Headers &extraHeaders)
{
    QUrl url(QStringLiteral("http://127.0.0.1:%1").arg(m_port));
    const qsizetype question = pathAndQuery.indexOf(QLatin1Char('?'));
    url.setPath(question < 0 ? pathAndQuery : pathAndQuery.left(question));
    if (question >= 0)
        url.setQuery(pathAndQuery.mid(question + 1));
    QNetworkRequest request(url);
    if (!m_token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    if (!body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/json"));
    for (const auto &header : extraHeaders)
        request.setRawHeader(header.first, header.second);

    QBuffer *buffer = new QBuffer;
    buffer->setData(body);
    buffer->open(QIODevice::ReadOnly);
    QNetworkReply *reply = m_network.sendCustomRequest(request, method, buffer);
    buffer->setParent(reply);

    Response response;
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished() && !finished.wait(5000)) {
        response.networkError = QStringLiteral("timeout");
        reply->abort();
    }
    response.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    response.body = reply->readAll();
    response.headers = reply->rawHeaderPairs();
    if (reply->error() != QNetworkReply::NoError && response.status == 0)
        response.networkError = reply->errorString();
    reply->deleteLater();
    return response;
}

static QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

AdminClient::Response AdminClient::post(const QString &path, const QJsonObject &body)
{
    return send("POST", path, compact(body));
}

AdminClient::Response AdminClient::put(const QString &path, const QJsonObject &body)
{
    return send("PUT", path, compact(body));
}

AdminClient::Response AdminClient::patch(const QString &path, const QJsonObject &body)
{
    return send("PATCH", path, compact(body));
}
