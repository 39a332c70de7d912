#include "mockprovider.h"

#include "mockhttpconnection.h"
#include "mockrequesthandler.h"

#include <QMutexLocker>
#include <QTcpServer>
#include <QTcpSocket>

#include <algorithm>
#include <utility>

QByteArray MockProvider::ReceivedRequest::header(const QByteArray &name) const
{
    return mockhttp::headerValue(headers, name);
}

MockProvider::MockProvider(const QString &name, QObject *parent)
    : QObject(parent)
    , m_name(name)
    , m_server(new QTcpServer(this))
    , m_models { QStringLiteral("gpt-4o-mini"), QStringLiteral("gpt-4o"),
                 QStringLiteral("mock-model") }
{
    // Many clients connect at once in load tests; the default backlog of 50 would make the
    // rest wait for SYN retransmits (a second or more).
    m_server->setListenBacklogSize(1024);
    connect(m_server, &QTcpServer::newConnection, this, &MockProvider::onNewConnection);
}

MockProvider::~MockProvider()
{
    closeAllConnections();
}

bool MockProvider::listen(quint16 port)
{
    return m_server->listen(QHostAddress::LocalHost, port);
}

quint16 MockProvider::port() const
{
    return m_server->serverPort();
}

QString MockProvider::rootUrl() const
{
    return QStringLiteral("http://127.0.0.1:") + QString::number(port());
}

QString MockProvider::baseUrl() const
{
    return rootUrl() + QStringLiteral("/v1");
}

QString MockProvider::baseUrl(WireProtocol protocol) const
{
    switch (protocol) {
    case WireProtocol::OpenAiChat:
    case WireProtocol::OpenAiResponses:
        return baseUrl();
    case WireProtocol::Anthropic:
    case WireProtocol::Gemini:
        break;
    }
    return rootUrl();
}

void MockProvider::setDefaultBehavior(const Behavior &b)
{
    QMutexLocker lock(&m_mutex);
    m_defaultBehavior = b;
}

void MockProvider::enqueueBehavior(const Behavior &b)
{
    QMutexLocker lock(&m_mutex);
    m_queue.append(b);
}

void MockProvider::setModels(const QStringList &ids)
{
    QMutexLocker lock(&m_mutex);
    m_models = ids;
}

void MockProvider::setRequiredApiKey(const QByteArray &key)
{
    QMutexLocker lock(&m_mutex);
    m_requiredKey = key;
}

QList<MockProvider::ReceivedRequest> MockProvider::requests() const
{
    QMutexLocker lock(&m_mutex);
    return m_requests;
}

int MockProvider::requestCount() const
{
    QMutexLocker lock(&m_mutex);
    return int(m_requests.size());
}

int MockProvider::abortedCount() const
{
    QMutexLocker lock(&m_mutex);
    return m_aborted;
}

int MockProvider::maxConcurrent() const
{
    QMutexLocker lock(&m_mutex);
    return m_maxConcurrent;
}

int MockProvider::inFlight() const
{
    QMutexLocker lock(&m_mutex);
    return m_inFlight;
}

int MockProvider::connectionCount() const
{
    QMutexLocker lock(&m_mutex);
    return m_connectionsAccepted;
}

void MockProvider::reset()
{
    QMutexLocker lock(&m_mutex);
    m_requests.clear();
    m_queue.clear();
    m_requestNumber = 0;
    m_aborted = 0;
    m_maxConcurrent = m_inFlight;
    m_connectionsAccepted = 0;
}

void MockProvider::closeAllConnections()
{
    const QList<MockHttpConnection *> connections = std::exchange(m_connections, {});
    for (MockHttpConnection *connection : connections) {
        connection->drop();
        disconnect(connection, nullptr, this, nullptr);
        delete connection;
    }
}

void MockProvider::onNewConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        auto *connection = new MockHttpConnection(
            socket, [this](const MockHttpRequestParser::Request &r) { return handle(r); }, this);
        connect(connection, &MockHttpConnection::exchangeFinished, this,
                &MockProvider::onExchangeFinished);
        connect(connection, &QObject::destroyed, this,
                [this, connection] { m_connections.removeOne(connection); });
        m_connections.append(connection);
        QMutexLocker lock(&m_mutex);
        ++m_connectionsAccepted;
    }
}

void MockProvider::onExchangeFinished(bool aborted)
{
    {
        QMutexLocker lock(&m_mutex);
        --m_inFlight;
        if (aborted)
            ++m_aborted;
    }
    if (aborted)
        Q_EMIT requestAborted();
}

MockProvider::Behavior MockProvider::takeBehavior()
{
    QMutexLocker lock(&m_mutex);
    return m_queue.isEmpty() ? m_defaultBehavior : m_queue.takeFirst();
}

MockResponseScript MockProvider::handle(const MockHttpRequestParser::Request &request)
{
    MockRequestHandler::Context context;
    context.provider = m_name;
    context.takeBehavior = [this] { return takeBehavior(); };
    {
        QMutexLocker lock(&m_mutex);
        m_requests.append({ request.method, request.target, request.headers, request.body,
                            MockRequestHandler::protocolOf(request) });
        context.number = ++m_requestNumber;
        m_maxConcurrent = std::max(m_maxConcurrent, ++m_inFlight);
        context.requiredKey = m_requiredKey;
        context.models = m_models;
    }
    Q_EMIT requestReceived();
    return MockRequestHandler(request, std::move(context)).script();
}
