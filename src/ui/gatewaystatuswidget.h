#pragma once

#include <QWidget>

class GatewayMonitor;
class QLabel;
class QToolButton;

// The permanent part of the status bar (UI.md "Frame"): a state dot with "Serving on <url>"
// (a click copies the URL), providers up / total and requests in the last minute. Paused
// and degraded states say so in words as well as colour.
class GatewayStatusWidget final : public QWidget
{
    Q_OBJECT

public:
    GatewayStatusWidget(GatewayMonitor *monitor, QString endpointUrl, QWidget *parent = nullptr);

    QString endpointText() const;
    QString providersText() const;
    QString requestsText() const;

Q_SIGNALS:
    // The endpoint URL was copied to the clipboard.
    void endpointCopied(const QString &url);

protected:
    void changeEvent(QEvent *event) override;

private:
    void refresh();

    GatewayMonitor *m_monitor;
    QString m_endpointUrl;
    QLabel *m_dot;
    QToolButton *m_endpoint;
    QLabel *m_providers;
    QLabel *m_requests;
};
