#include "upstream/upstreamclient.h"

#include "upstream/nocookiejar.h"
#include "upstream/upstreamproxyfactory.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace {

QString hostKeyOf(const QUrl &url)
{
    const QString scheme = url.scheme();
    const int defaultPort = scheme == QLatin1String("https") ? 443 : 80;
    return scheme + QLatin1String("://") + url.host() + QLatin1Char(':')
        + QString::number(url.port(defaultPort));
}

} // namespace

UpstreamClient::UpstreamClient(QObject *parent) : QObject(parent)
{
    m_clock.start();
    m_idleTimer.setTimerType(Qt::VeryCoarseTimer);
    connect(&m_idleTimer, &QTimer::timeout, this, &UpstreamClient::removeIdleManagers);
}

int UpstreamClient::managerCount() const
{
    return int(m_managers.size());
}

void UpstreamClient::setIdleTimeout(std::chrono::milliseconds timeout)
{
    m_idleTimeoutMs = qMax<qint64>(1, timeout.count());
    if (m_idleTimer.isActive())
        m_idleTimer.start(int(qMax<qint64>(1, m_idleTimeoutMs / 2)));
}

QNetworkAccessManager *UpstreamClient::createManager()
{
    auto *nam = new QNetworkAccessManager(this);
    nam->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    nam->setCookieJar(new NoCookieJar(nam));
    nam->setProxyFactory(new UpstreamProxyFactory); // the manager owns it
    nam->setAutoDeleteReplies(false);
    return nam;
}

UpstreamClient::Manager &UpstreamClient::pick(const QString &hostKey)
{
    // Least busy for this host among those below the limit; ties go to the least busy overall,
    // then to the oldest (so a lone client keeps reusing one manager's keep-alive connection).
    Manager *best = nullptr;
    int bestHost = 0;
    for (Manager &manager : m_managers) {
        const int host = manager.inFlight.value(hostKey);
        if (host >= MaxInFlightPerHost)
            continue;
        if (!best || host < bestHost || (host == bestHost && manager.total < best->total)) {
            best = &manager;
            bestHost = host;
        }
    }
    if (best)
        return *best;
    m_managers.append(Manager { createManager(), {}, 0, 0, m_clock.elapsed() });
    if (m_managers.size() > BasePoolSize && !m_idleTimer.isActive())
        m_idleTimer.start(int(qMax<qint64>(1, m_idleTimeoutMs / 2)));
    return m_managers.last();
}

UpstreamClient::Manager *UpstreamClient::managerOf(QNetworkAccessManager *nam)
{
    for (Manager &manager : m_managers) {
        if (manager.nam == nam)
            return &manager;
    }
    return nullptr;
}

QNetworkReply *UpstreamClient::send(const QNetworkRequest &request, const QByteArray &verb,
                                    const QByteArray &body)
{
    const QString hostKey = hostKeyOf(request.url());
    Manager &manager = pick(hostKey);

    QNetworkReply *reply = nullptr;
    if (verb == "GET") {
        reply = manager.nam->get(request);
    } else if (verb == "POST") {
        if (request.header(QNetworkRequest::ContentTypeHeader).isValid()) {
            reply = manager.nam->post(request, body);
        } else {
            QNetworkRequest withType(request);
            withType.setHeader(QNetworkRequest::ContentTypeHeader,
                               QByteArrayLiteral("application/json"));
            reply = manager.nam->post(withType, body);
        }
    } else {
        reply = manager.nam->sendCustomRequest(request, verb, body);
    }

    ++manager.inFlight[hostKey];
    ++manager.total;
    ++manager.live;
    m_replies.insert(reply, ReplySlot { manager.nam, hostKey, false });
    // finished frees the connection slot (also emitted on abort); destroyed catches replies
    // deleted before they finished and tells when the manager holds no more children.
    connect(reply, &QNetworkReply::finished, this, [this, reply] { onReplyFinished(reply); });
    connect(reply, &QObject::destroyed, this, &UpstreamClient::onReplyDestroyed);
    return reply;
}

void UpstreamClient::onReplyFinished(QObject *reply)
{
    const auto it = m_replies.find(reply);
    if (it == m_replies.end() || it->finished)
        return;
    it->finished = true;
    if (Manager *manager = managerOf(it->nam)) {
        auto host = manager->inFlight.find(it->hostKey);
        if (host != manager->inFlight.end() && --host.value() <= 0)
            manager->inFlight.erase(host);
        --manager->total;
    }
}

void UpstreamClient::onReplyDestroyed(QObject *reply)
{
    onReplyFinished(reply); // deleted before it finished: free its slot too
    const auto it = m_replies.find(reply);
    if (it == m_replies.end())
        return;
    if (Manager *manager = managerOf(it->nam)) {
        if (--manager->live == 0)
            manager->idleSinceMs = m_clock.elapsed();
    }
    m_replies.erase(it);
}

void UpstreamClient::removeIdleManagers()
{
    const qint64 now = m_clock.elapsed();
    // Newest first: the oldest managers hold the warm keep-alive connections.
    for (qsizetype i = m_managers.size() - 1; i >= 0 && m_managers.size() > BasePoolSize; --i) {
        const Manager &manager = m_managers[i];
        if (manager.live == 0 && now - manager.idleSinceMs >= m_idleTimeoutMs) {
            manager.nam->deleteLater();
            m_managers.removeAt(i);
        }
    }
    if (m_managers.size() <= BasePoolSize)
        m_idleTimer.stop();
}
