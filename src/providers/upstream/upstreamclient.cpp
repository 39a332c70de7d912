#include "upstream/upstreamclient.h"

#include "upstream/nocookiejar.h"
#include "upstream/upstreamproxyfactory.h"

#include <QNetworkAccessManager>

#include <QNetworkReply>
#include <QNetworkRequest>
#include <algorithm>

namespace {

QString hostKeyOf(const QUrl &url)
{
    const QString scheme = url.scheme();
    const int defaultPort = scheme == QLatin1String("https") ? 443 : 80;
    return scheme + QLatin1String("://") + url.host() + QLatin1Char(':')
        + QString::number(url.port(defaultPort));
}

} // namespace

UpstreamClient::UpstreamClient(QObject *parent)
    : QObject(parent)
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

int UpstreamClient::freeLane(const Manager &manager, const QString &hostKey, int maxLanes)
{
    const QList<int> lanes = manager.lanes.value(hostKey);
    for (int lane = 0; lane < lanes.size(); ++lane) {
        if (lanes.at(lane) < MaxInFlightPerHost)
            return lane;
    }
    return lanes.size() < maxLanes ? int(lanes.size()) : -1;
}

UpstreamClient::Pick UpstreamClient::pick(const QString &hostKey, int maxLanes)
{
    // Grow to the base pool while every manager is busy, so load spreads over a few threads.
    const bool allBusy = std::all_of(m_managers.cbegin(), m_managers.cend(),
                                     [](const Manager &manager) { return manager.total > 0; });
    if (m_managers.size() < BasePoolSize && allBusy)
        m_managers.append(Manager { createManager(), {}, 0, 0, m_clock.elapsed() });

    Manager *best = nullptr;
    int bestLane = -1;
    for (Manager &manager : m_managers) {
        const int lane = freeLane(manager, hostKey, maxLanes);
        if (lane < 0)
            continue;
        if (!best || manager.total < best->total) {
            best = &manager;
            bestLane = lane;
        }
    }
    if (!best) {
        m_managers.append(Manager { createManager(), {}, 0, 0, m_clock.elapsed() });
        if (!m_idleTimer.isActive())
            m_idleTimer.start(int(qMax<qint64>(1, m_idleTimeoutMs / 2)));
        best = &m_managers.last();
        bestLane = 0;
    }
    return Pick { best, bestLane };
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
    const bool plainHttp = request.url().scheme() == QLatin1String("http");
    const Pick picked = pick(hostKey, plainHttp ? m_maxLanes : 1);
    Manager &manager = *picked.manager;
    QNetworkRequest laneRequest(request);
    if (picked.lane > 0) // lane 0 keeps Qt's plain key
        laneRequest.setPeerVerifyName(QStringLiteral("lane-%1").arg(picked.lane));

    QNetworkReply *reply = nullptr;
    if (verb == "GET") {
        reply = manager.nam->get(laneRequest);
    } else if (verb == "POST") {
        if (!laneRequest.header(QNetworkRequest::ContentTypeHeader).isValid())
            laneRequest.setHeader(QNetworkRequest::ContentTypeHeader,
                                  QByteArrayLiteral("application/json"));
        reply = manager.nam->post(laneRequest, body);
    } else {
        reply = manager.nam->sendCustomRequest(laneRequest, verb, body);
    }

    QList<int> &lanes = manager.lanes[hostKey];
    if (lanes.size() <= picked.lane)
        lanes.resize(picked.lane + 1);
    ++lanes[picked.lane];
    ++manager.total;
    ++manager.live;
    m_replies.insert(reply, ReplySlot { manager.nam, hostKey, picked.lane, false });
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
        auto host = manager->lanes.find(it->hostKey);
        if (host != manager->lanes.end() && it->lane < host->size()) {
            --(*host)[it->lane];
            // Drop empty lanes at the end, so a quiet host goes back to few connections.
            while (!host->isEmpty() && host->constLast() <= 0)
                host->removeLast();
            if (host->isEmpty())
                manager->lanes.erase(host);
        }
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
