#pragma once

#include <QNetworkCookie>
#include <QNetworkCookieJar>

// A cookie jar that keeps nothing: the gateway is a pass-through, so cookies one provider
// sets must never ride along on later requests of other clients through the same manager.
class NoCookieJar final : public QNetworkCookieJar
{
public:
    explicit NoCookieJar(QObject *parent = nullptr);

    QList<QNetworkCookie> cookiesForUrl(const QUrl &url) const override;
    bool setCookiesFromUrl(const QList<QNetworkCookie> &cookies, const QUrl &url) override;
};
