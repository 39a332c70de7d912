#pragma once

#include "gatewayservices.h"
#include "http/clientauthenticator.h"
#include "routing/routingtable.h"

#include <QHttpServerRequest>
#include <QObject>

#include <memory>

class QTcpSocket;
class ForwardingJob;

// The client-facing LLM endpoints: authenticate, validate the body in the caller's protocol,
// then hand the request to a ForwardingJob. Holds the current routing snapshot and access
// keys, replaced as a whole on every config change.
class InferenceEndpoints final : public QObject
{
    Q_OBJECT

public:
    explicit InferenceEndpoints(GatewayServices services, QObject *parent = nullptr);

    void setRoutingTable(std::shared_ptr<const RoutingTable> table);
    void setAccessKeys(const QList<AccessKeyConfig> &keys);
    // While paused, LLM requests get 503 in the caller's protocol; requests in flight go on.
    void setPaused(bool paused) { m_paused = paused; }
    bool isPaused() const { return m_paused; }

    void chatCompletions(const QHttpServerRequest &request, QTcpSocket *socket);
    void listModels(const QHttpServerRequest &request, QTcpSocket *socket);

    // Jobs in flight; cancelAll() ends them (shutdown), each logging client_closed.
    int activeJobs() const { return m_activeJobs; }
    void cancelAll();

    static QString newTraceId();

Q_SIGNALS:
    void jobsDrained();

private:
    std::optional<QString> authenticate(const QHttpServerRequest &request, QTcpSocket *socket,
                                        WireProtocol protocol);
    void startJob(ForwardingJob *job);

    GatewayServices m_services;
    std::shared_ptr<const RoutingTable> m_table;
    ClientAuthenticator m_auth;
    int m_activeJobs = 0;
    bool m_paused = false;
};
