#pragma once

#include "clientstreamframer.h"
#include "gatewayerror.h"
#include "gatewayservices.h"
#include "http/clientresponse.h"
#include "routing/router.h"
#include "routing/routingtable.h"
#include "upstreamattempt.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>

// What a forwarding job needs to know about the client's request.
struct ForwardRequest
{
    QString traceId;
    WireProtocol protocol = WireProtocol::OpenAiChat; // the inbound protocol
    QString model;
    bool stream = false;
    QString accessKey; // name of the access key used
    QString userAgent;
    qint64 bytesIn = 0;
    bool closeConnection = false; // the client sent `Connection: close`
    ClientStreamFramer::Mode framing = ClientStreamFramer::Mode::Passthrough;
    HttpHeaderList clientHeaders; // passed to the upstream (e.g. anthropic-version)
    QString upstreamPathOverride; // e.g. Anthropic count_tokens
    // The body for one route (e.g. with the route's upstream model in it).
    std::function<QByteArray(const RouteEntry &)> upstreamBody;
};

// Serves one client request: plans the routes, tries them in order with failover until one
// answers or the model's max_attempts are used, relays the answer and logs every attempt.
// Deletes itself when done. The client socket may vanish at any time (QPointer): the job then
// aborts the upstream request and logs `client_closed`.
class ForwardingJob final : public QObject
{
    Q_OBJECT

public:
    ForwardingJob(const GatewayServices &services, std::shared_ptr<const RoutingTable> table,
                  ForwardRequest request, QTcpSocket *client, QObject *parent = nullptr);
    ~ForwardingJob() override;

    void start();
    // The engine is shutting down: end the request as if the client had gone.
    void cancel();

Q_SIGNALS:
    void done();

private:
    struct TriedRoute
    {
        QString route;
        QString reason;
    };

    void tryNext();
    void onAttemptFinished();
    void onClientGone();
    void startAttempt(const RouteEntry &route, int keyIndex);
    void failAll();
    void sendError(const GatewayError &error, const HttpHeaderList &extraHeaders = {});
    void logRefused(const GatewayError &error);
    void logAttempt(const AttemptOutcome &outcome);
    void finishJob();
    QString triedSummary() const;

    GatewayServices m_services;
    std::shared_ptr<const RoutingTable> m_table;
    ForwardRequest m_request;
    ClientResponse m_client;
    ClientStreamFramer m_framer;
    RoutePlan m_plan;
    int m_nextCandidate = 0;
    int m_attempts = 0;
    int m_skipped = 0;

    const RouteEntry *m_route = nullptr; // of the running attempt
    const RouteEntry *m_retryRoute = nullptr; // retry with another API key
    int m_keyIndex = -1;
    QDateTime m_attemptStartedAt;
    QPointer<UpstreamAttempt> m_attempt;
    AttemptOutcome m_lastFailure;
    bool m_anyFailure = false;
    QList<TriedRoute> m_tried;
    bool m_finished = false;
};
