#pragma once

#include "config/configtypes.h"

#include <QElapsedTimer>
#include <QMetaType>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <memory>

class QNetworkReply;
class UpstreamClient;

// How one active probe went.
struct ProbeResult
{
    bool ok = false; // a 2xx answer
    int httpStatus = 0; // of the last answer; 0 when none (connect error, timeout)
    qint64 latencyMs = -1; // of the last request, until its answer was complete
    QString error; // why it failed: "HTTP 503: <upstream message>", "timeout after 5000 ms", ...
    int keyIndex = -1; // the API key of the last request (-1: the provider has none)
};
Q_DECLARE_METATYPE(ProbeResult)

// One active probe of a provider (ProbeRequest), sent through the shared UpstreamClient. Each
// request is bounded by the provider's timeout_ms (headers and body alike). When the provider
// refuses a key (401/403; Gemini: 400 API_KEY_INVALID) and has keys not yet tried in this run, the
// probe goes on with the next one: a single revoked key among several does not mark the provider
// down (the forwarding path sets such a key aside and uses the others).
//
// Emits finished() once, never from start(); deleting the run aborts its request.
// Engine thread.
class ProbeRun final : public QObject
{
    Q_OBJECT

public:
    // firstKey: the key to start with (e.g. the one that passed last time), wrapped into range.
    ProbeRun(std::shared_ptr<const ProviderConfig> provider, int firstKey, UpstreamClient &upstream,
             QObject *parent = nullptr);
    ~ProbeRun() override;

    void start();
    ProbeResult result() const { return m_result; }
    const QString &providerName() const { return m_provider->name; }

Q_SIGNALS:
    void finished();

private:
    void sendWithKey(int keyIndex);
    void onReplyFinished();
    void onTimeout();
    void finish();
    void dropReply();

    std::shared_ptr<const ProviderConfig> m_provider;
    UpstreamClient *m_upstream;
    QPointer<QNetworkReply> m_reply;
    QTimer m_timeout;
    QElapsedTimer m_elapsed;
    ProbeResult m_result;
    int m_firstKey = 0;
    int m_keysTried = 0;
    bool m_finished = false;
};
