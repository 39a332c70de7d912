#include "gemini/geminicontent.h"
#include "gemini/geminijsonarraystream.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

namespace {

QByteArray fixture(const char *name)
{
    QFile file(qEnvironmentVariable("LLMO_TEST_DATA") + QStringLiteral("/gemini/")
               + QLatin1String(name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", name);
    return file.readAll();
}

QList<QByteArray> splitAll(const QByteArray &bytes, GeminiJsonArrayStream &stream)
{
    QList<QByteArray> objects;
    stream.feed(bytes, objects);
    return objects;
}

} // namespace

class TestGeminiArrayStream final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void referenceStreamSplitAnywhere();
    void byteByByte();
    void elementsClassify();
    void shapes_data();
    void shapes();
    void truncated();
    void errorTail_data();
    void errorTail();
};

void TestGeminiArrayStream::referenceStreamSplitAnywhere()
{
    const QByteArray bytes = fixture("stream-array.json");
    GeminiJsonArrayStream whole;
    const QList<QByteArray> expected = splitAll(bytes, whole);
    QVERIFY(whole.isFinished());
    QCOMPARE(expected.size(), 2);
    QVERIFY(expected[0].startsWith("{\n  \"candidates\"") && expected[0].endsWith("\n}"));
    for (const QByteArray &object : expected)
        QVERIFY(JsonScan::topLevelMembers(object)); // each element is exactly one valid object

    for (qsizetype cut = 0; cut <= bytes.size(); ++cut) {
        GeminiJsonArrayStream stream;
        QList<QByteArray> objects;
        stream.feed(QByteArrayView(bytes).first(cut), objects);
        QVERIFY(!stream.isFinished() || cut == bytes.size());
        stream.feed(QByteArrayView(bytes).sliced(cut), objects);
        QCOMPARE(objects, expected);
        QVERIFY(stream.isFinished());
        QVERIFY(!stream.hasError());
        QCOMPARE(stream.elementCount(), 2);
        QCOMPARE(stream.pendingBytes(), 0);
    }
}

void TestGeminiArrayStream::byteByByte()
{
    const QByteArray bytes = fixture("stream-array.json");
    GeminiJsonArrayStream stream;
    QList<QByteArray> objects;
    for (const char c : bytes)
        stream.feed(QByteArrayView(&c, 1), objects);
    QCOMPARE(objects.size(), 2);
    QVERIFY(stream.isFinished());
    GeminiJsonArrayStream reference;
    QCOMPARE(objects, splitAll(bytes, reference));
}

void TestGeminiArrayStream::elementsClassify()
{
    GeminiJsonArrayStream stream;
    const QList<QByteArray> objects = splitAll(fixture("stream-array.json"), stream);
    QCOMPARE(objects.size(), 2);
    TokenUsage usage;
    bool terminal = false;
    QCOMPARE(GeminiContent::classifyStreamObject(objects[0], &usage, &terminal),
             StreamEventKind::Content);
    QVERIFY(!terminal);
    QCOMPARE(usage.inputTokens, 7);
    QCOMPARE(usage.outputTokens, 0);
    QCOMPARE(GeminiContent::classifyStreamObject(objects[1], &usage, &terminal),
             StreamEventKind::Content);
    QVERIFY(terminal);
    QCOMPARE(usage.outputTokens, 18);

    // The array-wrapped error Google sends for a failed streamGenerateContent without alt=sse.
    GeminiJsonArrayStream errorStream;
    const QList<QByteArray> error = splitAll(fixture("error-429-array.json"), errorStream);
    QCOMPARE(error.size(), 1);
    QVERIFY(errorStream.isFinished());
    QCOMPARE(GeminiContent::classifyStreamObject(error[0], nullptr), StreamEventKind::Error);
    QCOMPARE(GeminiContent::errorFromBody(error[0])->code, 429);
}

void TestGeminiArrayStream::shapes_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QList<QByteArray>>("objects");
    QTest::addColumn<bool>("finished");
    QTest::addColumn<QString>("error");

    QTest::newRow("empty array") << QByteArray(" [ ] \r\n") << QList<QByteArray>() << true
                                 << QString();
    QTest::newRow("compact") << QByteArray("[{\"a\":1},{\"b\":[2,{\"c\":3}]}]")
                             << QList<QByteArray> { "{\"a\":1}", "{\"b\":[2,{\"c\":3}]}" } << true
                             << QString();
    QTest::newRow("brackets and escapes inside strings")
        << QByteArray("[{\"t\":\"}]\\\"{[\\\\\"}\n]")
        << QList<QByteArray> { "{\"t\":\"}]\\\"{[\\\\\"}" } << true << QString();
    QTest::newRow("bare error object")
        << QByteArray("{\n  \"error\": {\"code\": 503}\n}\n")
        << QList<QByteArray> { "{\n  \"error\": {\"code\": 503}\n}" } << true << QString();
    QTest::newRow("not an array") << QByteArray("data: {}") << QList<QByteArray>() << false
                                  << QStringLiteral("expected '[', got 'd' at offset 0");
    QTest::newRow("scalar element") << QByteArray("[1]") << QList<QByteArray>() << false
                                    << QStringLiteral("expected an object, got '1' at offset 1");
    QTest::newRow("trailing comma") << QByteArray("[{},]") << QList<QByteArray> { "{}" } << false
                                    << QStringLiteral("expected an object, got ']' at offset 4");
    QTest::newRow("missing comma") << QByteArray("[{} {}]") << QList<QByteArray> { "{}" } << false
                                   << QStringLiteral("expected ',' or ']', got '{' at offset 4");
    QTest::newRow("data after the end")
        << QByteArray("[{}]\n[") << QList<QByteArray> { "{}" } << false
        << QStringLiteral("unexpected data after the end, got '[' at offset 5");
}

void TestGeminiArrayStream::shapes()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QList<QByteArray>, objects);
    QFETCH(bool, finished);
    QFETCH(QString, error);

    GeminiJsonArrayStream stream;
    QCOMPARE(splitAll(bytes, stream), objects);
    QCOMPARE(stream.isFinished(), finished);
    QCOMPARE(stream.hasError(), !error.isEmpty());
    QCOMPARE(stream.errorString(), error);
    QCOMPARE(stream.elementCount(), objects.size());
    if (stream.hasError()) {
        // Nothing more is accepted after an error.
        QList<QByteArray> more;
        stream.feed("{}]", more);
        QVERIFY(more.isEmpty());
        QVERIFY(stream.hasError());
    }
}

void TestGeminiArrayStream::truncated()
{
    const QByteArray bytes = fixture("stream-array.json");
    GeminiJsonArrayStream stream;
    QList<QByteArray> objects;
    stream.feed(QByteArrayView(bytes).first(bytes.size() - 40), objects);
    QCOMPARE(objects.size(), 1);
    QVERIFY(stream.isTruncated());
    QVERIFY(!stream.hasError());
    QVERIFY(stream.pendingBytes() > 0);
}

void TestGeminiArrayStream::errorTail_data()
{
    QTest::addColumn<QByteArray>("relayed");
    QTest::addColumn<int>("elementsBefore"); // -1: no tail possible

    const QByteArray reference = fixture("stream-array.json");
    const qsizetype secondElement = reference.indexOf(",\r\n") + 3;
    QTest::newRow("nothing yet") << QByteArray() << 0;
    QTest::newRow("only whitespace") << QByteArray("\r\n") << 0;
    QTest::newRow("after '['") << QByteArray("[") << 0;
    QTest::newRow("after one element") << reference.first(reference.indexOf(",\r\n")) << 1;
    QTest::newRow("after the comma") << reference.first(secondElement) << 1;
    QTest::newRow("inside an element") << reference.first(secondElement + 10) << -1;
    QTest::newRow("after the end") << reference << -1;
    QTest::newRow("after an error") << QByteArray("[x") << -1;
}

void TestGeminiArrayStream::errorTail()
{
    QFETCH(QByteArray, relayed);
    QFETCH(int, elementsBefore);

    GeminiJsonArrayStream stream;
    QList<QByteArray> objects;
    stream.feed(relayed, objects);
    const QByteArray tail = stream.errorTail(502, QStringLiteral("upstream closed the stream"));
    if (elementsBefore < 0) {
        QVERIFY(tail.isEmpty());
        return;
    }
    // What the client received plus the tail is one valid array ending in the error.
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(relayed + tail, &parseError);
    QVERIFY2(parseError.error == QJsonParseError::NoError, qPrintable(parseError.errorString()));
    QVERIFY(doc.isArray());
    const QJsonArray array = doc.array();
    QCOMPARE(array.size(), elementsBefore + 1);
    const QJsonObject error = array.last().toObject().value(QLatin1String("error")).toObject();
    QCOMPARE(error.value(QLatin1String("code")).toInt(), 502);
    QCOMPARE(error.value(QLatin1String("status")).toString(), QStringLiteral("UNAVAILABLE"));
    // The splitter reads its own tail as one more element, ending the array.
    stream.feed(tail, objects);
    QVERIFY(stream.isFinished());
    QCOMPARE(GeminiContent::classifyStreamObject(objects.last(), nullptr), StreamEventKind::Error);
}

QTEST_GUILESS_MAIN(TestGeminiArrayStream)
#include "tst_providers_geminiarraystream.moc"
