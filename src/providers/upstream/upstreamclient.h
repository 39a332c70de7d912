#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QTimer>

#include <chrono>

class QNetworkAccessManager;
class QNetworkReply;
class QNetworkRequest;

// A pool of QNetworkAccessManagers so that concurrent upstream requests never wait for each
// other. One manager opens at most 6 HTTP/1.1 connections per host (measured: 20 streams to
// one provider ran 6 at a time), and each manager runs its connections in its own HTTP thread,
// so the pool hands every request to a manager with fewer than 6 requests in flight to that
// scheme+host+port and creates a manager only when all are at that limit. Creating managers
// per request is slow, so they are reused; a base of 4 stays, extra ones are deleted after a
// while without replies.
//
// Every manager: no redirects followed (ManualRedirectPolicy: a POST must not be replayed
// elsewhere, and API keys must not follow a redirect), a cookie jar that keeps nothing, the
// system proxy except for loopback hosts, no transfer timeout (the caller times the headers
// and the silences inside a stream).
//
// Lives in one thread (the engine thread); not thread-safe.
class UpstreamClient final : public QObject
{
    Q_OBJECT

public:
    static constexpr int MaxInFlightPerHost = 6; // QNAM's HTTP/1.1 connections per host
    static constexpr int BasePoolSize = 4;

    explicit UpstreamClient(QObject *parent = nullptr);

    // Sends `body` with `verb` ("POST", "GET", or any other verb) on the least busy manager
    // below the per-host limit for the request URL (creating one only when none is). A POST
    // without a Content-Type header is sent as application/json. The reply's parent is the
    // chosen manager; the caller owns it and deletes it with deleteLater() after finished or
    // abort(). A manager is never deleted while one of its replies is alive.
    QNetworkReply *send(const QNetworkRequest &request, const QByteArray &verb,
                        const QByteArray &body);

    int managerCount() const;

    // How long a manager beyond the base pool may stay without live replies before it is
    // deleted (default 60 s).
    void setIdleTimeout(std::chrono::milliseconds timeout);

private:
    struct Manager
    {
        QNetworkAccessManager *nam = nullptr;
        QHash<QString, int> inFlight; // unfinished replies per scheme+host+port
        int live = 0; // replies not yet destroyed (they are the manager's children)
        int total = 0; // unfinished replies to all hosts
        qint64 idleSinceMs = 0; // when `live` last dropped to 0
    };
    struct ReplySlot
    {
        QNetworkAccessManager *nam = nullptr;
        QString hostKey;
        bool finished = false;
    };

    Manager &pick(const QString &hostKey);
    Manager *managerOf(QNetworkAccessManager *nam);
    QNetworkAccessManager *createManager();
    void onReplyFinished(QObject *reply);
    void onReplyDestroyed(QObject *reply);
    void removeIdleManagers();

    QList<Manager> m_managers; // in creation order
    QHash<QObject *, ReplySlot> m_replies;
    QElapsedTimer m_clock;
    QTimer m_idleTimer;
    qint64 m_idleTimeoutMs = 60000;
};
