#include "anthropic/anthropicimage.h"
#include "anthropic/anthropictokenestimate.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

namespace {

QByteArray fixture(const QString &name)
{
    QFile file(qEnvironmentVariable("LLMO_TEST_DATA") + QStringLiteral("/anthropic/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(file.fileName()));
    return file.readAll();
}

void appendLe16(QByteArray &b, quint32 v)
{
    b += char(v & 0xff);
    b += char((v >> 8) & 0xff);
}

void appendLe24(QByteArray &b, quint32 v)
{
    appendLe16(b, v & 0xffff);
    b += char((v >> 16) & 0xff);
}

void appendLe32(QByteArray &b, quint32 v)
{
    appendLe16(b, v & 0xffff);
    appendLe16(b, v >> 16);
}

void appendBe16(QByteArray &b, quint32 v)
{
    b += char((v >> 8) & 0xff);
    b += char(v & 0xff);
}

// A JPEG header as a camera writes it: SOI, APP0 (JFIF), APP1 (EXIF) of `exifBytes`, DQT, then
// the start-of-frame `sof` with the size (ITU T.81 B.2.2: length, precision, height, width).
QByteArray jpegHeader(int width, int height, int exifBytes = 2000, quint8 sof = 0xc0)
{
    QByteArray b("\xff\xd8", 2);
    b += QByteArray("\xff\xe0", 2);
    appendBe16(b, 16);
    b += QByteArray("JFIF\0\x01\x01\0\0\x01\0\x01\0\0", 14);
    b += QByteArray("\xff\xe1", 2);
    appendBe16(b, exifBytes + 2);
    b += QByteArray(exifBytes, 'e');
    b += QByteArray("\xff\xdb", 2);
    appendBe16(b, 67);
    b += QByteArray(65, 'q');
    b += char(0xff);
    b += char(sof);
    appendBe16(b, 17);
    b += char(8);
    appendBe16(b, height);
    appendBe16(b, width);
    b += QByteArray(12, 'c');
    b += QByteArray("\xff\xda", 2); // scan data would follow
    return b;
}

// RIFF container around one WebP chunk (the WebP container specification).
QByteArray webp(const QByteArray &fourcc, const QByteArray &payload)
{
    QByteArray chunk = fourcc;
    appendLe32(chunk, quint32(payload.size()));
    chunk += payload;
    QByteArray b("RIFF");
    appendLe32(b, quint32(chunk.size() + 4));
    b += "WEBP";
    b += chunk;
    return b;
}

QByteArray webpLossy(int width, int height)
{
    QByteArray p("\x50\x02\x00\x9d\x01\x2a", 6); // frame tag (key frame), start code
    appendLe16(p, quint32(width));
    appendLe16(p, quint32(height));
    p += QByteArray(10, 'v');
    return webp("VP8 ", p);
}

QByteArray webpLossless(int width, int height)
{
    QByteArray p("\x2f", 1);
    appendLe32(p, quint32(width - 1) | (quint32(height - 1) << 14));
    p += QByteArray(10, 'l');
    return webp("VP8L", p);
}

QByteArray webpExtended(int width, int height)
{
    QByteArray p("\x10\0\0\0", 4); // flags, reserved
    appendLe24(p, quint32(width - 1));
    appendLe24(p, quint32(height - 1));
    return webp("VP8X", p);
}

QByteArray imageBlock(const QByteArray &bytes, const QByteArray &mediaType)
{
    return R"({"type":"image","source":{"type":"base64","media_type":")" + mediaType
        + R"(","data":")" + bytes.toBase64() + R"("}})";
}

QByteArray userMessage(const QByteArray &content)
{
    return R"({"model":"m","messages":[{"role":"user","content":)" + content + "}]}";
}

qint64 estimateOf(const QByteArray &body)
{
    return AnthropicMessages::estimateInputTokens(body);
}

} // namespace

class TestAnthropicTokens final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sizeFromHeader_data();
    void sizeFromHeader();
    void tokensForSize_data();
    void tokensForSize();
    void referenceExamples();
    void estimate_data();
    void estimate();
    void imagesInMessages();
    void invalidBody();
    void countTokensResponse();
    void largeBodyIsFast();
};

void TestAnthropicTokens::sizeFromHeader_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QSize>("size");

    QTest::newRow("png") << fixture(QStringLiteral("images/rgb-40x30.png")) << QSize(40, 30);
    QTest::newRow("large png") << fixture(QStringLiteral("images/gray-2000x1000.png"))
                               << QSize(2000, 1000);
    QTest::newRow("gif") << fixture(QStringLiteral("images/bw-3x2.gif")) << QSize(3, 2);
    QTest::newRow("jpeg baseline") << jpegHeader(640, 480) << QSize(640, 480);
    QTest::newRow("jpeg progressive, big exif")
        << jpegHeader(4032, 3024, 60000, 0xc2) << QSize(4032, 3024);
    QTest::newRow("webp lossy") << webpLossy(320, 240) << QSize(320, 240);
    QTest::newRow("webp lossless") << webpLossless(100, 50) << QSize(100, 50);
    QTest::newRow("webp extended") << webpExtended(4000, 3000) << QSize(4000, 3000);
    QTest::newRow("png cut before size")
        << fixture(QStringLiteral("images/rgb-40x30.png")).left(20) << QSize();
    QTest::newRow("jpeg cut before frame") << jpegHeader(640, 480).left(1000) << QSize();
    QTest::newRow("jpeg without frame") << QByteArray("\xff\xd8\xff\xda\x00\x02", 6) << QSize();
    QTest::newRow("pdf") << QByteArray("%PDF-1.7\n") << QSize();
    QTest::newRow("empty") << QByteArray() << QSize();
}

void TestAnthropicTokens::sizeFromHeader()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QSize, size);

    const std::optional<QSize> actual = AnthropicImage::sizeFromHeader(bytes);
    QCOMPARE(actual.value_or(QSize()), size);
}

void TestAnthropicTokens::tokensForSize_data()
{
    QTest::addColumn<QSize>("size");
    QTest::addColumn<qint64>("tokens");

    // The vision guide's table: 200x200 ~54, 1000x1000 ~1334, 1092x1092 ~1590.
    QTest::newRow("200x200") << QSize(200, 200) << qint64(54);
    QTest::newRow("1000x1000") << QSize(1000, 1000) << qint64(1334);
    QTest::newRow("1092x1092") << QSize(1092, 1092) << qint64(1590);
    QTest::newRow("40x30") << QSize(40, 30) << qint64(2);
    // Long edge over 1568 px: scaled to 1568x157 first.
    QTest::newRow("3000x300") << QSize(3000, 300) << qint64(329);
    // Over ~1,600 tokens after scaling: capped.
    QTest::newRow("2000x1000") << QSize(2000, 1000) << qint64(1600);
    QTest::newRow("8000x8000") << QSize(8000, 8000) << qint64(1600);
    QTest::newRow("unknown") << QSize() << AnthropicImage::UnknownImageTokens;
}

void TestAnthropicTokens::tokensForSize()
{
    QFETCH(QSize, size);
    QFETCH(qint64, tokens);
    QCOMPARE(AnthropicImage::tokensForSize(size), tokens);
}

void TestAnthropicTokens::referenceExamples()
{
    // Token counting guide: the basic example answers 14 (the constants are calibrated on it).
    QCOMPARE(estimateOf(fixture(QStringLiteral("count-tokens-request-basic.json"))), qint64(14));
    QCOMPARE(QJsonDocument::fromJson(fixture(QStringLiteral("count-tokens-response-basic.json")))
                 .object()
                 .value(QStringLiteral("input_tokens"))
                 .toInt(),
             14);
    // The tools example answers 403: 346 (tool prompt) + 4 (turn) + 1 (request) + 55 text.
    const qint64 tools = estimateOf(fixture(QStringLiteral("count-tokens-request-tools.json")));
    QCOMPARE(tools, qint64(406));
    QVERIFY(qAbs(tools - 403) <= 403 / 50);
}

void TestAnthropicTokens::estimate_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<qint64>("tokens");

    // 1 (request) + 4 per turn + text quarters rounded up.
    QTest::newRow("no messages") << QByteArray(R"({"model":"m","messages":[]})") << qint64(1);
    QTest::newRow("4 ascii chars") << userMessage(R"("abcd")") << qint64(1 + 4 + 1);
    QTest::newRow("blocks equal the string")
        << userMessage(R"([{"type":"text","text":"abcd"}])") << qint64(1 + 4 + 1);
    QTest::newRow("2-byte characters are half a token")
        << userMessage("\"\xd0\xbf\xd1\x80\xd0\xb8\xd0\xb2\"") << qint64(1 + 4 + 2); // 4 Cyrillic
    QTest::newRow("CJK is a token each")
        << userMessage("\"\xe4\xbd\xa0\xe5\xa5\xbd\"") << qint64(1 + 4 + 2);
    QTest::newRow("system blocks")
        << QByteArray(R"({"model":"m","system":[{"type":"text","text":"abcdefgh",)"
                      R"("cache_control":{"type":"ephemeral"}}],"messages":[]})")
        << qint64(1 + 1 + 2);
    // tool_use: id (8) + name (4) + input (5: a, the braces, colon and digit) = 17 quarters.
    QTest::newRow("tool_use input") << QByteArray(
        R"({"model":"m","messages":[{"role":"assistant","content":[)"
        R"({"type":"tool_use","id":"toolu_01","name":"calc","input":{ "a" : 1 }}]}]})")
                                    << qint64(1 + 4 + 5);
    // tool_result: tool_use_id (8) + string content (8) = 16 quarters.
    QTest::newRow("tool_result string")
        << userMessage(R"([{"type":"tool_result","tool_use_id":"toolu_01","content":"259.75 $"}])")
        << qint64(1 + 4 + 4);
    QTest::newRow("tool_result blocks with an image") << userMessage(
        "[{\"type\":\"tool_result\",\"tool_use_id\":\"toolu_01\",\"content\":["
        + imageBlock(fixture(QStringLiteral("images/rgb-40x30.png")), "image/png") + "]}]")
                                                      << qint64(1 + 4 + 2 + 2);
    // Thinking of earlier turns is ignored; in a final assistant turn it counts.
    QTest::newRow("earlier thinking ignored")
        << QByteArray(R"({"model":"m","messages":[{"role":"assistant","content":[)"
                      R"({"type":"thinking","thinking":"abcdefghijklmnop","signature":"s"}]},)"
                      R"({"role":"user","content":"abcd"}]})")
        << qint64(1 + 4 + 4 + 1);
    QTest::newRow("final assistant thinking counts")
        << QByteArray(R"({"model":"m","messages":[{"role":"user","content":"abcd"},)"
                      R"({"role":"assistant","content":[)"
                      R"({"type":"thinking","thinking":"abcdefghijklmnop","signature":"s"}]}]})")
        << qint64(1 + 4 + 4 + 1 + 4);
    QTest::newRow("text document")
        << userMessage(R"([{"type":"document","source":{"type":"text","media_type":"text/plain",)"
                       R"("data":"abcdefgh"}}])")
        << qint64(1 + 4 + 2);
    QTest::newRow("pdf by page objects")
        << userMessage("[{\"type\":\"document\",\"source\":{\"type\":\"base64\",\"media_type\":"
                       "\"application/pdf\",\"data\":\""
                       + QByteArray("%PDF-1.4\n1 0 obj << /Type /Pages /Count 2 >>\n"
                                    "2 0 obj << /Type /Page >>\n3 0 obj <</Type/Page>>\n")
                             .toBase64()
                       + "\"}}]")
        << qint64(1 + 4 + 2 * 3000);
    QTest::newRow("url image: fixed cost")
        << userMessage(R"([{"type":"image","source":{"type":"url","url":"https://x/a.jpg"}}])")
        << qint64(1 + 4 + AnthropicImage::UnknownImageTokens);
    // Tools: name (4) + description (8) + schema (13: the strings' 10 characters, the braces
    // and the colon; quotes and whitespace are free) = 25 quarters = 7 tokens,
    // plus the tool-use system prompt (346, or 313 when a tool is forced).
    const QByteArray tool = R"({"name":"calc","description":"adds 2+2","input_schema":)"
                            R"({ "type": "object" }})";
    QTest::newRow("tool auto") << QByteArray(R"({"model":"m","messages":[],"tools":[)" + tool
                                             + "]}")
                               << qint64(1 + 346 + 7);
    QTest::newRow("tool forced") << QByteArray(
        R"({"model":"m","messages":[],"tool_choice":{"type":"any"},"tools":[)" + tool + "]}")
                                 << qint64(1 + 313 + 7);
    QTest::newRow("no tools, no tool prompt")
        << QByteArray(R"({"model":"m","messages":[],"tools":[]})") << qint64(1);
}

void TestAnthropicTokens::estimate()
{
    QFETCH(QByteArray, body);
    QFETCH(qint64, tokens);
    QCOMPARE(estimateOf(body), tokens);
}

void TestAnthropicTokens::imagesInMessages()
{
    const QByteArray png = fixture(QStringLiteral("images/rgb-40x30.png"));
    const QByteArray big = fixture(QStringLiteral("images/gray-2000x1000.png"));
    const qint64 base = 1 + 4;
    QCOMPARE(estimateOf(userMessage("[" + imageBlock(png, "image/png") + "]")), base + 2);
    QCOMPARE(estimateOf(userMessage("[" + imageBlock(big, "image/png") + "]")), base + 1600);
    // Sniffed, not trusted: a PNG labelled JPEG is still measured.
    QCOMPARE(estimateOf(userMessage("[" + imageBlock(png, "image/jpeg") + "]")), base + 2);
    QCOMPARE(estimateOf(userMessage("[" + imageBlock(jpegHeader(640, 480), "image/jpeg") + "]")),
             base + 410);
    QCOMPARE(estimateOf(userMessage("[" + imageBlock(webpLossless(100, 50), "image/webp") + "]")),
             base + 7);
    // An encoder that escapes '/' as "\/" (allowed by JSON).
    QByteArray escaped = imageBlock(jpegHeader(640, 480), "image/jpeg");
    const qsizetype data = escaped.indexOf("\"data\":\"") + 8;
    escaped = escaped.left(data) + escaped.mid(data).replace("/", "\\/");
    QVERIFY(escaped.contains("\\/"));
    QCOMPARE(estimateOf(userMessage("[" + escaped + "]")), base + 410);
    // Undecodable data: the fixed cost.
    QCOMPARE(estimateOf(userMessage("[" + imageBlock("not an image", "image/png") + "]")),
             base + AnthropicImage::UnknownImageTokens);
}

void TestAnthropicTokens::invalidBody()
{
    QCOMPARE(estimateOf("not json"), qint64(-1));
    QCOMPARE(estimateOf("[]"), qint64(-1));
    QCOMPARE(estimateOf(R"({"messages":[)"), qint64(-1));
    // Odd shapes are counted as text, never rejected.
    QCOMPARE(estimateOf(R"({"messages":"abcd"})"), qint64(1));
    QCOMPARE(estimateOf(R"({"messages":[42]})"), qint64(1 + 4));
}

void TestAnthropicTokens::countTokensResponse()
{
    QCOMPARE(AnthropicMessages::countTokensResponse(14), QByteArray(R"({"input_tokens":14})"));
    QCOMPARE(AnthropicMessages::countTokensPath(), QByteArray("/v1/messages/count_tokens"));
}

void TestAnthropicTokens::largeBodyIsFast()
{
    // A coding agent's context: 400 turns of ~2.5 KB of text and tool calls, about 1 MB.
    QByteArray body = R"({"model":"m","system":"You are a coding agent.","messages":[)";
    const QByteArray text(2000, 'x');
    for (int i = 0; i < 400; ++i) {
        if (i > 0)
            body += ',';
        if (i % 2 == 0)
            body += R"({"role":"user","content":[{"type":"tool_result","tool_use_id":"t",)"
                    R"("content":")"
                + text + R"("}]})";
        else
            body += R"({"role":"assistant","content":[{"type":"text","text":")" + text
                + R"("},{"type":"tool_use","id":"t","name":"Read","input":{"path":"/a"}}]})";
    }
    body += "]}";
    QElapsedTimer timer;
    timer.start();
    qint64 tokens = 0;
    for (int i = 0; i < 10; ++i)
        tokens = estimateOf(body);
    const qint64 perCallMs = timer.elapsed() / 10;
    qInfo("estimate of %lld bytes: %lld tokens, %lld ms per call", qint64(body.size()), tokens,
          perCallMs);
    QVERIFY(tokens > 400 * 500);
    QVERIFY2(perCallMs < 100, "the local count_tokens estimate must stay cheap");
}

QTEST_GUILESS_MAIN(TestAnthropicTokens)
#include "tst_providers_anthropic_tokens.moc"
