#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QMutex>
#include <QNetworkProxyFactory>

// Proxy choice for upstream requests: never a proxy for loopback hosts (a local mock or
// model server must not be sent through a corporate proxy), otherwise the system's
// configuration. Debian's Qt asks libproxy, which answers through a helper thread and may read
// desktop settings on every call; the answer is therefore cached per scheme+host+port for a
// short time so the request path does not pay for it each time.
class UpstreamProxyFactory final : public QNetworkProxyFactory
{
public:
    explicit UpstreamProxyFactory(int cacheMs = 30000);

    QList<QNetworkProxy> queryProxy(const QNetworkProxyQuery &query) override;

    // True for "localhost", "*.localhost", 127.0.0.0/8, ::1 and IPv4-mapped loopback.
    static bool isLoopbackHost(const QString &host);

private:
    struct Entry
    {
        QList<QNetworkProxy> proxies;
        qint64 fetchedMs = 0;
    };

    const int m_cacheMs;
    QElapsedTimer m_clock;
    QMutex m_mutex; // queryProxy may be called from the manager's HTTP thread too
    QHash<QString, Entry> m_cache;
};
