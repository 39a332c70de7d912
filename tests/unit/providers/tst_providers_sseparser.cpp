#include "sse/sseparser.h"

#include <QTest>

// Events rendered as "event|data|id" so that rows can state them as plain strings.
static QByteArrayList render(const QList<SseEvent> &events)
{
    QByteArrayList out;
    for (const SseEvent &e : events)
        out.append(e.event + '|' + e.data + '|' + e.id);
    return out;
}

class TestSseParser final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data();
    void parse();
    void crAtChunkEndThenEmptyChunk();
    void lfAfterCrIsNotSkippedTwice();
    void pendingBytes();
    void manyEventsInOneChunk();
};

void TestSseParser::parse_data()
{
    QTest::addColumn<QByteArray>("stream");
    QTest::addColumn<QByteArrayList>("events");
    QTest::addColumn<bool>("incomplete");

    QTest::newRow("lf") << QByteArray("data: hello\n\n") << QByteArrayList { "|hello|" } << false;
    QTest::newRow("crlf") << QByteArray("data: hello\r\n\r\n") << QByteArrayList { "|hello|" }
                          << false;
    QTest::newRow("cr") << QByteArray("data: hello\r\r") << QByteArrayList { "|hello|" } << false;
    QTest::newRow("mixed endings") << QByteArray("data: a\rdata: b\r\ndata: c\n\r\ndata: d\r\n\n")
                                   << QByteArrayList { "|a\nb\nc|", "|d|" } << false;
    QTest::newRow("multi-line data")
        << QByteArray("data: line1\ndata: line2\ndata:\ndata: line4\n\n")
        << QByteArrayList { "|line1\nline2\n\nline4|" } << false;
    QTest::newRow("comments ignored")
        << QByteArray(": keep-alive\n\n:another\ndata: x\n: inside\ndata: y\n\n")
        << QByteArrayList { "|x\ny|" } << false;
    QTest::newRow("event name and id")
        << QByteArray("event: message_start\nid: 42\ndata: {\"a\":1}\n\n")
        << QByteArrayList { "message_start|{\"a\":1}|42" } << false;
    QTest::newRow("fields reset between events")
        << QByteArray("event: a\nid: 1\ndata: x\n\ndata: y\n\n")
        << QByteArrayList { "a|x|1", "|y|" } << false;
    QTest::newRow("no space after colon")
        << QByteArray("data:x\n\n") << QByteArrayList { "|x|" } << false;
    QTest::newRow("only one space stripped")
        << QByteArray("data:  two\n\n") << QByteArrayList { "| two|" } << false;
    QTest::newRow("colon inside value")
        << QByteArray("data: a: b:c\n\n") << QByteArrayList { "|a: b:c|" } << false;
    QTest::newRow("field without colon")
        << QByteArray("data\ndata\n\n") << QByteArrayList { "|\n|" } << false;
    QTest::newRow("empty data line") << QByteArray("data:\n\n") << QByteArrayList { "||" } << false;
    QTest::newRow("blank lines only") << QByteArray("\n\n\r\n\r\r") << QByteArrayList {} << false;
    QTest::newRow("event name without data")
        << QByteArray("event: ping\n\n") << QByteArrayList { "ping||" } << false;
    QTest::newRow("id only dispatches nothing")
        << QByteArray("id: 7\n\n") << QByteArrayList {} << false;
    QTest::newRow("unknown field and retry")
        << QByteArray("retry: 1000\nfoo: bar\ndata: z\n\n") << QByteArrayList { "|z|" } << false;
    QTest::newRow("field names are case-sensitive")
        << QByteArray("Data: no\nDATA: no\ndata: yes\n\n") << QByteArrayList { "|yes|" } << false;
    QTest::newRow("leading bom skipped") << QByteArray("\xEF\xBB\xBF"
                                                       "data: b\n\n")
                                         << QByteArrayList { "|b|" } << false;
    QTest::newRow("bom only at the start") << QByteArray("data: a\n\n\xEF\xBB\xBF"
                                                         "data: b\n\n")
                                           << QByteArrayList { "|a|" } << false;
    QTest::newRow("utf8 payload") << QByteArray("data: gr\xC3\xBC\xC3\x9F"
                                                "e \xF0\x9F\x98\x80\n\n")
                                  << QByteArrayList { "|gr\xC3\xBC\xC3\x9F"
                                                      "e \xF0\x9F\x98\x80|" }
                                  << false;
    QTest::newRow("truncated: no blank line")
        << QByteArray("data: a\n\ndata: b\n") << QByteArrayList { "|a|" } << true;
    QTest::newRow("truncated: mid line")
        << QByteArray("data: a\n\ndata: partial") << QByteArrayList { "|a|" } << true;
    QTest::newRow("truncated: event line only")
        << QByteArray("event: x\n") << QByteArrayList {} << true;
    QTest::newRow("trailing comment is complete")
        << QByteArray("data: a\n\n: bye\n") << QByteArrayList { "|a|" } << false;
    QTest::newRow("cr at end of stream")
        << QByteArray("data: a\r\r") << QByteArrayList { "|a|" } << false;
    QTest::newRow("openai stream")
        << QByteArray("data: {\"choices\":[{\"delta\":{\"role\":\"assistant\"}}]}\n\n"
                      "data: {\"choices\":[{\"delta\":{\"content\":\"Hi\"}}]}\n\n"
                      "data: [DONE]\n\n")
        << QByteArrayList { "|{\"choices\":[{\"delta\":{\"role\":\"assistant\"}}]}|",
                            "|{\"choices\":[{\"delta\":{\"content\":\"Hi\"}}]}|", "|[DONE]|" }
        << false;
    QTest::newRow("anthropic stream")
        << QByteArray("event: message_start\r\ndata: {\"type\":\"message_start\"}\r\n\r\n"
                      "event: ping\r\ndata: {\"type\": \"ping\"}\r\n\r\n")
        << QByteArrayList { "message_start|{\"type\":\"message_start\"}|",
                            "ping|{\"type\": \"ping\"}|" }
        << false;
}

void TestSseParser::parse()
{
    QFETCH(QByteArray, stream);
    QFETCH(QByteArrayList, events);
    QFETCH(bool, incomplete);

    {
        SseParser parser;
        QList<SseEvent> out;
        parser.feed(stream, out);
        QCOMPARE(render(out), events);
        QCOMPARE(parser.hasIncompleteEvent(), incomplete);
    }
    // Two chunks, split at every byte position (incl. mid-CRLF and mid-UTF-8).
    for (qsizetype i = 0; i <= stream.size(); ++i) {
        SseParser parser;
        QList<SseEvent> out;
        parser.feed(QByteArrayView(stream).first(i), out);
        parser.feed(QByteArrayView(stream).sliced(i), out);
        QVERIFY2(render(out) == events, qPrintable(QStringLiteral("split at %1").arg(i)));
        QVERIFY2(parser.hasIncompleteEvent() == incomplete,
                 qPrintable(QStringLiteral("split at %1").arg(i)));
    }
    // Three chunks, split at every pair of positions.
    for (qsizetype i = 0; i <= stream.size(); ++i) {
        for (qsizetype j = i; j <= stream.size(); ++j) {
            SseParser parser;
            QList<SseEvent> out;
            parser.feed(QByteArrayView(stream).first(i), out);
            parser.feed(QByteArrayView(stream).sliced(i, j - i), out);
            parser.feed(QByteArrayView(stream).sliced(j), out);
            QVERIFY2(render(out) == events,
                     qPrintable(QStringLiteral("split at %1,%2").arg(i).arg(j)));
        }
    }
    // One byte at a time.
    {
        SseParser parser;
        QList<SseEvent> out;
        for (qsizetype i = 0; i < stream.size(); ++i)
            parser.feed(QByteArrayView(stream).sliced(i, 1), out);
        QCOMPARE(render(out), events);
        QCOMPARE(parser.hasIncompleteEvent(), incomplete);
    }
}

void TestSseParser::crAtChunkEndThenEmptyChunk()
{
    SseParser parser;
    QList<SseEvent> out;
    parser.feed("data: a\r", out);
    parser.feed("", out); // an empty read must not forget the pending CR
    parser.feed("\n\r\n", out);
    QCOMPARE(render(out), QByteArrayList { "|a|" });
    QVERIFY(!parser.hasIncompleteEvent());
}

void TestSseParser::lfAfterCrIsNotSkippedTwice()
{
    // "\r" ends a line, the LF of the next chunk joins it; the second LF is a blank line.
    SseParser parser;
    QList<SseEvent> out;
    parser.feed("data: a\r", out);
    QVERIFY(out.isEmpty());
    parser.feed("\n", out);
    QVERIFY(out.isEmpty());
    parser.feed("\n", out);
    QCOMPARE(render(out), QByteArrayList { "|a|" });
}

void TestSseParser::pendingBytes()
{
    SseParser parser;
    QList<SseEvent> out;
    QCOMPARE(parser.pendingBytes(), 0);
    parser.feed("data: 12345\n", out);
    QCOMPARE(parser.pendingBytes(), 5); // the data held for the open event
    parser.feed("data: 678", out);
    QCOMPARE(parser.pendingBytes(), 5 + 9); // plus the partial line
    parser.feed("\n\n", out);
    QCOMPARE(parser.pendingBytes(), 0);
    QCOMPARE(render(out), QByteArrayList { "|12345\n678|" });
}

void TestSseParser::manyEventsInOneChunk()
{
    QByteArray stream;
    for (int i = 0; i < 1000; ++i)
        stream += "data: " + QByteArray::number(i) + "\n\n";
    SseParser parser;
    QList<SseEvent> out;
    parser.feed(stream, out);
    QCOMPARE(out.size(), 1000);
    QCOMPARE(out.first().data, QByteArray("0"));
    QCOMPARE(out.last().data, QByteArray("999"));
}

QTEST_GUILESS_MAIN(TestSseParser)
#include "tst_providers_sseparser.moc"
