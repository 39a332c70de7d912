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
// other, without paying a thread per handful of requests.
//
// One manager opens at most 6 HTTP/1.1 connections per connection-cache key (measured: 20
// streams to one provider ran 6 at a time), and each manager runs its connections in an HTTP
// thread of its own. Qt's cache key is scheme+host+port plus the request's peerVerifyName
// (which plain HTTP never uses for anything else), so for http:// upstreams the pool opens
// further "lanes" of 6 connections inside the same manager by giving requests a lane name as
// peerVerifyName. The pool grows to 4 managers as load rises (measured here: about 4 managers
// gave the best throughput, 32 were slower) and spreads requests over them; more managers are
// created only when a host cannot get another lane (https: the peer verify name is the
// certificate name there, so https requests use the plain key, where HTTP/2 multiplexes
// anyway) and are deleted after a while without replies.
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
    static constexpr int MaxInFlightPerHost = 6; // QNAM's HTTP/1.1 connections per cache key
    static constexpr int BasePoolSize = 4;
    static constexpr int MaxLanesPerHost = 1024; // http:// only; 6 connections each

    explicit UpstreamClient(QObject *parent = nullptr);

    // Sends `body` with `verb` ("POST", "GET", or any other verb) on the least busy manager
    // below the per-host limit for the request URL (creating one only when none is). A POST
    // without a Content-Type header is sent as application/json. The reply's parent is the
    // chosen manager; the caller owns it and deletes it with deleteLater() after finished or
    // abort(). A manager is never deleted while one of its replies is alive.
    QNetworkReply *send(const QNetworkRequest &request, const QByteArray &verb,
                        const QByteArray &body);

    int managerCount() const;

    // Lanes one manager may open per http:// host (default MaxLanesPerHost); 1 turns lanes off,
    // so that every 6 concurrent requests to a host need another manager (tests, diagnosis).
    void setMaxLanesPerHost(int lanes) { m_maxLanes = qMax(1, lanes); }

    // How long a manager beyond the base pool may stay without live replies before it is
    // deleted (default 60 s).
    void setIdleTimeout(std::chrono::milliseconds timeout);

private:
    struct Manager
    {
        QNetworkAccessManager *nam = nullptr;
        QHash<QString, QList<int>> lanes; // unfinished replies per scheme+host+port, per lane
        int live = 0; // replies not yet destroyed (they are the manager's children)
        int total = 0; // unfinished replies to all hosts
        qint64 idleSinceMs = 0; // when `live` last dropped to 0
    };
    struct ReplySlot
    {
        QNetworkAccessManager *nam = nullptr;
        QString hostKey;
        int lane = 0;
        bool finished = false;
    };

    struct Pick
    {
        Manager *manager;
        int lane;
    };
    Pick pick(const QString &hostKey, int maxLanes);
    static int freeLane(const Manager &manager, const QString &hostKey, int maxLanes);
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
    int m_maxLanes = MaxLanesPerHost;
};
