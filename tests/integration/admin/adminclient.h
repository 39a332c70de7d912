#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QPair>
#include <QString>

// A synchronous HTTP client for the admin API tests: each call sends one request over real
// loopback HTTP and waits (spinning the event loop, which also runs the in-process engine)
// for the whole answer.
class AdminClient final
{
public:
    using Headers = QList<QPair<QByteArray, QByteArray>>;

    struct Response
    {
        int status = 0; // 0: no HTTP answer (network error)
        QByteArray body;
        Headers headers;
        QString networkError;

        QJsonObject json() const;
        QByteArray header(const QByteArray &name) const;
        // The "field" / "type" of an error body ("<none>" when the body has no such member).
        QString errorField() const;
        QString errorType() const;
    };

    AdminClient(quint16 port, QString token);

    void setToken(const QString &token) { m_token = token; }

    // `token` empty: no Authorization header. `extraHeaders` are added as given.
    Response send(const QByteArray &method, const QString &pathAndQuery,
                  const QByteArray &body = {}, const Headers &extraHeaders = {});
    Response get(const QString &path) { return send("GET", path); }
    Response post(const QString &path, const QJsonObject &body);
    Response put(const QString &path, const QJsonObject &body);
    Response patch(const QString &path, const QJsonObject &body);
    Response remove(const QString &path) { return send("DELETE", path); }

private:
    QNetworkAccessManager m_network;
    quint16 m_port;
    QString m_token;
};
