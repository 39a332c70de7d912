#include "mockprovider.h"

#include "mockhttpconnection.h"
#include "mockopenaiwire.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QMutexLocker>
#include <QTcpServer>
#include <QTcpSocket>

#include <algorithm>
#include <utility>

namespace {
using Behavior = MockProvider::Behavior;
using Headers = MockResponseScript::Headers;
using Kind = MockProvider::Behavior::Kind;

const QByteArray kJson = QByteArrayLiteral("application/json");
const QByteArray kEventStream = QByteArrayLiteral("text/event-stream; charset=utf-8");

Headers withContentType(const QByteArray &type, const Headers &base, const Headers &extra = {})
{
    Headers headers { { QByteArrayLiteral("Content-Type"), type } };
    headers += base;
    headers += extra;
    return headers;
}

MockResponseScript errorScript(int status, const QByteArray &body, const Headers &headers,
                               bool keepAlive)
{
    return MockResponseScript::fixed(status, withContentType(kJson, headers), body, keepAlive);
}

MockResponseScript openAiError(int status, const mockopenai::Error &error, const Headers &headers,
                               bool keepAlive)
{
    return errorScript(status, mockopenai::errorBody(error), headers, keepAlive);
}

MockResponseScript hangScript()
{
    MockResponseScript s;
    s.end = MockResponseScript::End::Hang;
    return s;
}

// A non-streamed answer (chat completion with stream false, model list) under a behavior.
MockResponseScript nonStreamed(const Behavior &b, const QByteArray &okBody, const Headers &base,
                               const QString &model, bool keepAlive)
{
    const Headers headers = base + b.headers;
    switch (b.kind) {
    case Kind::Ok:
        return MockResponseScript::fixed(200, withContentType(kJson, headers), okBody, keepAlive);
    case Kind::HttpError:
    case Kind::ErrorEventBeforeContent:
    case Kind::ErrorEventAfterContent:
        return errorScript(b.status,
                           b.body.isEmpty()
                               ? mockopenai::errorBody(mockopenai::errorFor(b.status, model))
                               : b.body,
                           headers, keepAlive);
    case Kind::Hang:
        return hangScript();
    case Kind::DropMidStream:
    case Kind::HangMidStream: {
        // The head promises the whole body; half of it arrives.
        MockResponseScript s
            = MockResponseScript::fixed(200, withContentType(kJson, headers), okBody, keepAlive);
        s.pieces = { okBody.left(okBody.size() / 2) };
        s.end = b.kind == Kind::DropMidStream ? MockResponseScript::End::Close
                                              : MockResponseScript::End::Hang;
        return s;
    }
    }
    return hangScript();
}

// The role chunk and the first `count` content events of a reply (words of the text, or
// tool call argument pieces): the beginning of a stream that then breaks.
QList<QByteArray> streamStart(const mockopenai::Completion &c, qsizetype count)
{
    QList<QByteArray> events { mockopenai::roleChunk(c) };
    const QList<QString> pieces
        = c.toolCallArguments.isEmpty() ? mockopenai::splitWords(c.text) : c.toolCallArguments;
    for (qsizetype i = 0; i < std::min(count, pieces.size()); ++i) {
        events.append(c.toolCallArguments.isEmpty()
                          ? mockopenai::contentChunk(c, pieces.at(i))
                          : mockopenai::toolArgumentsChunk(c, pieces.at(i)));
    }
    return events;
}

MockResponseScript streamed(const Behavior &b, const mockopenai::Completion &c, const Headers &base,
                            bool keepAlive)
{
    const Headers headers = withContentType(kEventStream, base, b.headers);
    const auto error = [&] { return mockopenai::errorFor(b.status, c.model); };
    MockResponseScript s;
    switch (b.kind) {
    case Kind::Ok:
        s = MockResponseScript::chunked(200, headers, mockopenai::streamEvents(c), keepAlive);
        break;
    case Kind::HttpError:
        return errorScript(b.status, b.body.isEmpty() ? mockopenai::errorBody(error()) : b.body,
                           base + b.headers, keepAlive);
    case Kind::Hang:
        return hangScript();
    case Kind::DropMidStream:
        s = MockResponseScript::chunked(200, headers, streamStart(c, 2), keepAlive, false);
        s.end = MockResponseScript::End::Close;
        break;
    case Kind::ErrorEventBeforeContent:
        s = MockResponseScript::chunked(200, headers, { mockopenai::errorEvent(error()) },
                                        keepAlive);
        break;
    case Kind::ErrorEventAfterContent:
        s = MockResponseScript::chunked(
            200, headers, streamStart(c, 1) + QList<QByteArray> { mockopenai::errorEvent(error()) },
            keepAlive);
        break;
    case Kind::HangMidStream:
        s = MockResponseScript::chunked(200, headers, streamStart(c, 1), keepAlive, false);
        s.end = MockResponseScript::End::Hang;
        break;
    }
    s.delayMs = b.chunkDelayMs;
    return s;
}
} // namespace

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

QString MockProvider::baseUrl() const
{
    return QStringLiteral("http://127.0.0.1:") + QString::number(port()) + QStringLiteral("/v1");
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
    int number = 0;
    QByteArray requiredKey;
    {
        QMutexLocker lock(&m_mutex);
        m_requests.append({ request.method, request.target, request.headers, request.body });
        number = ++m_requestNumber;
        m_maxConcurrent = std::max(m_maxConcurrent, ++m_inFlight);
        requiredKey = m_requiredKey;
    }
    Q_EMIT requestReceived();

    const bool keepAlive = request.keepAlive();
    const Headers base { { QByteArrayLiteral("x-request-id"),
                           QByteArrayLiteral("req_mock_") + QByteArray::number(number) },
                         { QByteArrayLiteral("X-Mock-Provider"), m_name.toUtf8() } };
    const QByteArray path = request.path();
    const bool isChat = path == "/v1/chat/completions";
    const bool isModels = path == "/v1/models";
    if (!isChat && !isModels) {
        return openAiError(404,
                           { QStringLiteral("Invalid URL (") + QString::fromLatin1(request.method)
                                 + QLatin1Char(' ') + QString::fromLatin1(path) + QLatin1Char(')'),
                             QStringLiteral("invalid_request_error"), "null", "null" },
                           base, keepAlive);
    }
    if (request.method != (isChat ? "POST" : "GET")) {
        return openAiError(405,
                           { QStringLiteral("Method not allowed."),
                             QStringLiteral("invalid_request_error"), "null", "null" },
                           base, keepAlive);
    }
    if (!requiredKey.isEmpty()
        && request.header(QByteArrayLiteral("Authorization")) != "Bearer " + requiredKey) {
        return openAiError(401, mockopenai::errorFor(401, {}), base, keepAlive);
    }
    return isChat ? chatCompletion(request, number, base) : models(request, base);
}

MockResponseScript MockProvider::chatCompletion(const MockHttpRequestParser::Request &request,
                                                int number, const Headers &base)
{
    const bool keepAlive = request.keepAlive();
    const QJsonDocument doc = QJsonDocument::fromJson(request.body);
    if (!doc.isObject()) {
        return openAiError(400,
                           { QStringLiteral("We could not parse the JSON body of your request. "
                                            "The OpenAI API expects a JSON payload."),
                             QStringLiteral("invalid_request_error"), "null", "null" },
                           base, keepAlive);
    }
    const QJsonObject body = doc.object();
    const QString model = body.value(QLatin1String("model")).toString();
    if (model.isEmpty()) {
        return openAiError(400,
                           { QStringLiteral("you must provide a model parameter"),
                             QStringLiteral("invalid_request_error"), "null", "null" },
                           base, keepAlive);
    }
    const bool stream = body.value(QLatin1String("stream")).toBool();
    const Behavior b = takeBehavior();

    mockopenai::Completion c;
    c.id = QByteArrayLiteral("chatcmpl-mock-") + QByteArray::number(number);
    c.model = model;
    c.systemFingerprint = QStringLiteral("fp_") + m_name;
    c.text = b.text;
    c.toolCallName = b.toolCallName;
    c.toolCallArguments = b.toolCallArguments;
    c.promptTokens = b.promptTokens;
    c.completionTokens = b.completionTokens;
    c.cachedTokens = b.cachedTokens;
    c.includeUsage = stream
        && body.value(QLatin1String("stream_options"))
               .toObject()
               .value(QLatin1String("include_usage"))
               .toBool();
    if (stream)
        return streamed(b, c, base, keepAlive);
    return nonStreamed(b, mockopenai::completionBody(c), base, model, keepAlive);
}

MockResponseScript MockProvider::models(const MockHttpRequestParser::Request &request,
                                        const Headers &base)
{
    QStringList ids;
    {
        QMutexLocker lock(&m_mutex);
        ids = m_models;
    }
    return nonStreamed(takeBehavior(), mockopenai::modelsBody(ids, m_name), base, QString(),
                       request.keepAlive());
}
