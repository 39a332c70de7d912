#include "upstream/upstreamproxyfactory.h"

#include <QHostAddress>
#include <QMutexLocker>

UpstreamProxyFactory::UpstreamProxyFactory(int cacheMs)
    : m_cacheMs(cacheMs)
{
    m_clock.start();
}

bool UpstreamProxyFactory::isLoopbackHost(const QString &host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0
        || host.endsWith(QLatin1String(".localhost"), Qt::CaseInsensitive))
        return true;
    QString address = host;
    if (address.startsWith(QLatin1Char('[')) && address.endsWith(QLatin1Char(']')))
        address = address.mid(1, address.size() - 2);
    const QHostAddress parsed(address);
    return !parsed.isNull() && parsed.isLoopback();
}

QList<QNetworkProxy> UpstreamProxyFactory::queryProxy(const QNetworkProxyQuery &query)
{
    if (isLoopbackHost(query.peerHostName()))
        return { QNetworkProxy(QNetworkProxy::NoProxy) };

    const QString key = query.protocolTag() + QLatin1Char('|') + query.peerHostName()
        + QLatin1Char('|') + QString::number(query.peerPort());
    const qint64 now = m_clock.elapsed();
    {
        QMutexLocker locker(&m_mutex);
        const auto it = m_cache.constFind(key);
        if (it != m_cache.constEnd() && now - it->fetchedMs < m_cacheMs)
            return it->proxies;
    }
    QList<QNetworkProxy> proxies = systemProxyForQuery(query);
    if (proxies.isEmpty())
        proxies.append(QNetworkProxy(QNetworkProxy::NoProxy));
    QMutexLocker locker(&m_mutex);
    if (m_cache.size() > 256)
        m_cache.clear(); // bounded: upstream hosts are a handful, this only guards misuse
    m_cache.insert(key, Entry { proxies, now });
    return proxies;
}
