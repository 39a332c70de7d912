#include "mockcontrolserver.h"

#include <QHostAddress>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QJsonValue>

namespace mockcontrol {

using Kind = MockProvider::Behavior::Kind;

struct KindName
{
    const char *name;
    Kind kind;
};

constexpr KindName kKinds[] = {
    { "ok", Kind::Ok },
    { "http_error", Kind::HttpError },
    { "hang", Kind::Hang },
    { "drop_mid_stream", Kind::DropMidStream },
    { "error_before_content", Kind::ErrorEventBeforeContent },
    { "error_after_content", Kind::ErrorEventAfterContent },
    { "hang_mid_stream", Kind::HangMidStream },
};

QHttpServerResponse jsonError(const QString &message)
{
    return QHttpServerResponse(QJsonObject { { QStringLiteral("error"), message } },
                               QHttpServerResponse::StatusCode::BadRequest);
}

QHttpServerResponse noContent()
{
    return QHttpServerResponse(QHttpServerResponse::StatusCode::NoContent);
}

bool readInt(const QJsonValue &value, int *out)
{
    if (!value.isDouble() || value.toDouble() != double(value.toInt()))
        return false;
    *out = value.toInt();
    return true;
}

// Parses the body as JSON; an empty body is an empty object.
std::optional<QJsonDocument> parseBody(const QByteArray &body, QString *error)
{
    if (body.trimmed().isEmpty())
        return QJsonDocument(QJsonObject());
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = QStringLiteral("invalid JSON: ") + parseError.errorString();
        return std::nullopt;
    }
    return doc;
}

} // namespace mockcontrol

MockControlServer::MockControlServer(MockProvider *provider,
                                     const MockProvider::Behavior &defaultBehavior, QObject *parent)
    : QObject(parent)
    , m_provider(provider)
    , m_startDefault(defaultBehavior)
{
    addRoutes();
}

quint16 MockControlServer::listen(quint16 port)
{
    return m_http.listen(QHostAddress::LocalHost, port);
}

std::optional<MockProvider::Behavior>
MockControlServer::behaviorFromJson(const QJsonObject &object, const MockProvider::Behavior &base,
                                    QString *error)
{
    MockProvider::Behavior b = base;
    auto fail = [error](const QString &key, const char *what) {
        *error = key + QStringLiteral(": ") + QLatin1String(what);
        return std::nullopt;
    };
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString key = it.key();
        const QJsonValue value = it.value();
        int *intField = nullptr;
        if (key == QLatin1String("status"))
            intField = &b.status;
        else if (key == QLatin1String("chunk_delay_ms"))
            intField = &b.chunkDelayMs;
        else if (key == QLatin1String("prompt_tokens"))
            intField = &b.promptTokens;
        else if (key == QLatin1String("completion_tokens"))
            intField = &b.completionTokens;
        else if (key == QLatin1String("cached_tokens"))
            intField = &b.cachedTokens;
        else if (key == QLatin1String("reasoning_tokens"))
            intField = &b.reasoningTokens;
        if (intField) {
            if (!mockcontrol::readInt(value, intField))
                return fail(key, "must be an integer");
            continue;
        }
        if (key == QLatin1String("kind")) {
            const QString name = value.toString();
            bool found = false;
            for (const auto &k : mockcontrol::kKinds) {
                if (name == QLatin1String(k.name)) {
                    b.kind = k.kind;
                    found = true;
                }
            }
            if (!found)
                return fail(key, "unknown kind");
        } else if (key == QLatin1String("text") || key == QLatin1String("thinking")
                   || key == QLatin1String("tool_call_name") || key == QLatin1String("body")) {
            if (!value.isString())
                return fail(key, "must be a string");
            if (key == QLatin1String("text"))
                b.text = value.toString();
            else if (key == QLatin1String("thinking"))
                b.thinking = value.toString();
            else if (key == QLatin1String("tool_call_name"))
                b.toolCallName = value.toString();
            else
                b.body = value.toString().toUtf8();
        } else if (key == QLatin1String("tool_call_arguments")) {
            if (!value.isArray())
                return fail(key, "must be an array of strings");
            b.toolCallArguments.clear();
            for (const QJsonValue &piece : value.toArray()) {
                if (!piece.isString())
                    return fail(key, "must be an array of strings");
                b.toolCallArguments.append(piece.toString());
            }
        } else if (key == QLatin1String("headers")) {
            if (!value.isObject())
                return fail(key, "must be an object of strings");
            const QJsonObject headers = value.toObject();
            b.headers.clear();
            for (auto h = headers.begin(); h != headers.end(); ++h) {
                if (!h.value().isString())
                    return fail(key, "must be an object of strings");
                b.headers.append({ h.key().toUtf8(), h.value().toString().toUtf8() });
            }
        } else {
            return fail(key, "unknown field");
        }
    }
    return b;
}

void MockControlServer::addRoutes()
{
    using Method = QHttpServerRequest::Method;

    m_http.route(
        QStringLiteral("/behaviors"), Method::Post, [this](const QHttpServerRequest &request) {
            QString error;
            const auto doc = mockcontrol::parseBody(request.body(), &error);
            if (!doc)
                return mockcontrol::jsonError(error);
            QJsonArray items;
            if (doc->isArray())
                items = doc->array();
            else
                items.append(doc->object());
            // Parse all first: a bad item queues nothing.
            QList<MockProvider::Behavior> parsed;
            for (const QJsonValue &item : std::as_const(items)) {
                if (!item.isObject())
                    return mockcontrol::jsonError(QStringLiteral("a behavior must be an object"));
                const auto b = behaviorFromJson(item.toObject(), MockProvider::Behavior(), &error);
                if (!b)
                    return mockcontrol::jsonError(error);
                parsed.append(*b);
            }
            for (const auto &b : std::as_const(parsed))
                m_provider->enqueueBehavior(b);
            return mockcontrol::noContent();
        });

    m_http.route(
        QStringLiteral("/default"), Method::Put, [this](const QHttpServerRequest &request) {
            QString error;
            const auto doc = mockcontrol::parseBody(request.body(), &error);
            if (!doc)
                return mockcontrol::jsonError(error);
            if (!doc->isObject())
                return mockcontrol::jsonError(QStringLiteral("a behavior must be an object"));
            const auto b = behaviorFromJson(doc->object(), m_startDefault, &error);
            if (!b)
                return mockcontrol::jsonError(error);
            m_provider->setDefaultBehavior(*b);
            return mockcontrol::noContent();
        });

    m_http.route(QStringLiteral("/reset"), Method::Post, [this] {
        m_provider->reset();
        m_provider->setDefaultBehavior(m_startDefault);
        return mockcontrol::noContent();
    });

    m_http.route(QStringLiteral("/requests"), Method::Get, [this] {
        QJsonArray out;
        const auto requests = m_provider->requests();
        for (const auto &r : requests) {
            QJsonObject headers;
            for (const auto &h : r.headers)
                headers.insert(QString::fromLatin1(h.first).toLower(), QString::fromUtf8(h.second));
            out.append(QJsonObject {
                { QStringLiteral("method"), QString::fromLatin1(r.method) },
                { QStringLiteral("path"), QString::fromUtf8(r.path) },
                { QStringLiteral("protocol"), wireProtocolName(r.protocol) },
                { QStringLiteral("headers"), headers },
                { QStringLiteral("body"), QString::fromUtf8(r.body) },
            });
        }
        return QHttpServerResponse(out);
    });

    m_http.route(QStringLiteral("/stats"), Method::Get, [this] {
        return QHttpServerResponse(QJsonObject {
            { QStringLiteral("requests"), m_provider->requestCount() },
            { QStringLiteral("aborted"), m_provider->abortedCount() },
            { QStringLiteral("in_flight"), m_provider->inFlight() },
            { QStringLiteral("max_concurrent"), m_provider->maxConcurrent() },
        });
    });
}
