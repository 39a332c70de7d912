#include "health/proberequest.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

namespace {

ProviderConfig makeProvider(WireProtocol type, const QString &baseUrl, const QString &kind,
                            const QString &model = {})
{
    ProviderConfig provider;
    provider.name = QStringLiteral("p");
    provider.type = type;
    provider.baseUrl = baseUrl;
    provider.probe.kind = kind;
    provider.probe.model = model;
    return provider;
}

} // namespace

class TestProbeRequest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void urlVerbAndAuth_data();
    void urlVerbAndAuth();
    void completionBodies_data();
    void completionBodies();
    void noKeyNoAuthHeader();
    void extraHeadersAddedLast();
};

void TestProbeRequest::urlVerbAndAuth_data()
{
    QTest::addColumn<WireProtocol>("type");
    QTest::addColumn<QString>("baseUrl");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("model");
    QTest::addColumn<QString>("url");
    QTest::addColumn<QByteArray>("verb");
    QTest::addColumn<QByteArray>("authHeader");
    QTest::addColumn<QByteArray>("authValue");

    const QByteArray bearer = QByteArrayLiteral("Bearer sk-1");
    const QByteArray raw = QByteArrayLiteral("sk-1");
    QTest::newRow("openai models")
        << WireProtocol::OpenAiChat << QStringLiteral("https://api.openai.com/v1/")
        << QStringLiteral("models") << QString()
        << QStringLiteral("https://api.openai.com/v1/models") << QByteArrayLiteral("GET")
        << QByteArrayLiteral("Authorization") << bearer;
    QTest::newRow("responses models")
        << WireProtocol::OpenAiResponses << QStringLiteral("https://api.openai.com/v1")
        << QStringLiteral("models") << QString()
        << QStringLiteral("https://api.openai.com/v1/models") << QByteArrayLiteral("GET")
        << QByteArrayLiteral("Authorization") << bearer;
    QTest::newRow("anthropic models")
        << WireProtocol::Anthropic << QStringLiteral("https://api.anthropic.com")
        << QStringLiteral("models") << QString()
        << QStringLiteral("https://api.anthropic.com/v1/models") << QByteArrayLiteral("GET")
        << QByteArrayLiteral("x-api-key") << raw;
    QTest::newRow("gemini models")
        << WireProtocol::Gemini << QStringLiteral("https://generativelanguage.googleapis.com")
        << QStringLiteral("models") << QString()
        << QStringLiteral("https://generativelanguage.googleapis.com/v1beta/models")
        << QByteArrayLiteral("GET") << QByteArrayLiteral("x-goog-api-key") << raw;
    QTest::newRow("openai completion")
        << WireProtocol::OpenAiChat << QStringLiteral("http://h/v1") << QStringLiteral("completion")
        << QStringLiteral("gpt-4o-mini") << QStringLiteral("http://h/v1/chat/completions")
        << QByteArrayLiteral("POST") << QByteArrayLiteral("Authorization") << bearer;
    QTest::newRow("responses completion")
        << WireProtocol::OpenAiResponses << QStringLiteral("http://h/v1")
        << QStringLiteral("completion") << QStringLiteral("gpt-4o-mini")
        << QStringLiteral("http://h/v1/responses") << QByteArrayLiteral("POST")
        << QByteArrayLiteral("Authorization") << bearer;
    QTest::newRow("anthropic completion")
        << WireProtocol::Anthropic << QStringLiteral("http://h") << QStringLiteral("completion")
        << QStringLiteral("claude-x") << QStringLiteral("http://h/v1/messages")
        << QByteArrayLiteral("POST") << QByteArrayLiteral("x-api-key") << raw;
    QTest::newRow("gemini completion, models/ prefix")
        << WireProtocol::Gemini << QStringLiteral("http://h") << QStringLiteral("completion")
        << QStringLiteral("models/gemini-2.0-flash")
        << QStringLiteral("http://h/v1beta/models/gemini-2.0-flash:generateContent")
        << QByteArrayLiteral("POST") << QByteArrayLiteral("x-goog-api-key") << raw;
    QTest::newRow("completion without model lists models")
        << WireProtocol::OpenAiChat << QStringLiteral("http://h/v1") << QStringLiteral("completion")
        << QString() << QStringLiteral("http://h/v1/models") << QByteArrayLiteral("GET")
        << QByteArrayLiteral("Authorization") << bearer;
}

void TestProbeRequest::urlVerbAndAuth()
{
    QFETCH(WireProtocol, type);
    QFETCH(QString, baseUrl);
    QFETCH(QString, kind);
    QFETCH(QString, model);
    QFETCH(QString, url);
    QFETCH(QByteArray, verb);
    QFETCH(QByteArray, authHeader);
    QFETCH(QByteArray, authValue);

    const ProbeRequest probe
        = ProbeRequest::build(makeProvider(type, baseUrl, kind, model), QByteArrayLiteral("sk-1"));
    QCOMPARE(probe.request.url().toString(), url);
    QCOMPARE(probe.verb, verb);
    QCOMPARE(probe.request.rawHeader(authHeader), authValue);
    QCOMPARE(probe.body.isEmpty(), verb == QByteArrayLiteral("GET"));
    QCOMPARE(probe.request.hasRawHeader(QByteArrayLiteral("anthropic-version")),
             type == WireProtocol::Anthropic);
    if (verb == QByteArrayLiteral("POST"))
        QCOMPARE(probe.request.rawHeader(QByteArrayLiteral("Content-Type")),
                 QByteArrayLiteral("application/json"));
    // Only the protocol's own auth header.
    for (const QByteArray &other :
         { QByteArrayLiteral("Authorization"), QByteArrayLiteral("x-api-key"),
           QByteArrayLiteral("x-goog-api-key") }) {
        if (other != authHeader)
            QVERIFY2(!probe.request.hasRawHeader(other), other.constData());
    }
}

void TestProbeRequest::completionBodies_data()
{
    QTest::addColumn<WireProtocol>("type");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("openai") << WireProtocol::OpenAiChat
                            << QByteArrayLiteral(
                                   R"({"max_completion_tokens":1,"messages":[{"content":"ping",)"
                                   R"("role":"user"}],"model":"m-1"})");
    QTest::newRow("responses")
        << WireProtocol::OpenAiResponses
        << QByteArrayLiteral(
               R"({"input":"ping","max_output_tokens":16,"model":"m-1","store":false})");
    QTest::newRow("anthropic") << WireProtocol::Anthropic
                               << QByteArrayLiteral(
                                      R"({"max_tokens":1,"messages":[{"content":"ping",)"
                                      R"("role":"user"}],"model":"m-1"})");
    QTest::newRow("gemini") << WireProtocol::Gemini
                            << QByteArrayLiteral(
                                   R"({"contents":[{"parts":[{"text":"ping"}],"role":"user"}],)"
                                   R"("generationConfig":{"maxOutputTokens":1}})");
}

void TestProbeRequest::completionBodies()
{
    QFETCH(WireProtocol, type);
    QFETCH(QByteArray, expected);
    const ProbeRequest probe
        = ProbeRequest::build(makeProvider(type, QStringLiteral("http://h"),
                                           QStringLiteral("completion"), QStringLiteral("m-1")),
                              QByteArrayLiteral("k"));
    // Compare as canonical JSON (member order of QJsonDocument).
    const QByteArray canonical = QJsonDocument::fromJson(probe.body).toJson(QJsonDocument::Compact);
    QCOMPARE(canonical, expected);
}

void TestProbeRequest::noKeyNoAuthHeader()
{
    for (WireProtocol type :
         { WireProtocol::OpenAiChat, WireProtocol::Anthropic, WireProtocol::Gemini }) {
        const ProbeRequest probe = ProbeRequest::build(
            makeProvider(type, QStringLiteral("http://h"), QStringLiteral("models")), {});
        QVERIFY(!probe.request.hasRawHeader(QByteArrayLiteral("Authorization")));
        QVERIFY(!probe.request.hasRawHeader(QByteArrayLiteral("x-api-key")));
        QVERIFY(!probe.request.hasRawHeader(QByteArrayLiteral("x-goog-api-key")));
    }
}

void TestProbeRequest::extraHeadersAddedLast()
{
    ProviderConfig provider = makeProvider(WireProtocol::Anthropic, QStringLiteral("http://h"),
                                           QStringLiteral("models"));
    provider.headers.insert(QStringLiteral("anthropic-version"), QStringLiteral("2099-01-01"));
    provider.headers.insert(QStringLiteral("X-Org"), QStringLiteral("acme"));
    const ProbeRequest probe = ProbeRequest::build(provider, QByteArrayLiteral("k"));
    QCOMPARE(probe.request.rawHeader(QByteArrayLiteral("anthropic-version")),
             QByteArrayLiteral("2099-01-01"));
    QCOMPARE(probe.request.rawHeader(QByteArrayLiteral("X-Org")), QByteArrayLiteral("acme"));
}

QTEST_GUILESS_MAIN(TestProbeRequest)
#include "tst_health_proberequest.moc"
