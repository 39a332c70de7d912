#include "upstream/nocookiejar.h"

NoCookieJar::NoCookieJar(QObject *parent)
    : QNetworkCookieJar(parent)
{
}

QList<QNetworkCookie> NoCookieJar::cookiesForUrl(const QUrl &) const
{
    return {};
}

bool NoCookieJar::setCookiesFromUrl(const QList<QNetworkCookie> &, const QUrl &)
{
    return false;
}
