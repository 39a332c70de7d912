#include "json/jsonmembers.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

namespace {

QByteArray nested(int depth)
{
    QByteArray s;
    for (int i = 0; i < depth; ++i)
        s += "{\"a\":";
    s += '1';
    for (int i = 0; i < depth; ++i)
        s += '}';
    return s;
}

bool qtAccepts(const QByteArray &json, QJsonObject *object = nullptr)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return false;
    if (object)
        *object = doc.object();
    return true;
}

QJsonValue qtValue(QByteArrayView raw)
{
    const QJsonDocument doc = QJsonDocument::fromJson("[" + raw.toByteArray() + "]");
    return doc.array().at(0);
}

// Checks the scanned members against Qt's DOM of the same text.
void crossCheckMembers(const QByteArray &json, const JsonMembers &members)
{
    QJsonObject object;
    QVERIFY(qtAccepts(json, &object));
    QSet<QByteArray> seen;
    for (const JsonMember &member : members.members) {
        QVERIFY(member.valueBegin < member.valueEnd);
        QVERIFY(member.keyBegin >= 0 && member.keyBegin < member.valueBegin);
        QCOMPARE(json.at(member.keyBegin), '"');
        seen.insert(member.key);
    }
    QCOMPARE(seen.size(), object.size());
    for (const QByteArray &key : seen) {
        const QString name = QString::fromUtf8(key);
        QVERIFY2(object.contains(name), key.constData());
        // Qt keeps the last of duplicate keys; compare against the last occurrence.
        const JsonMember *last = nullptr;
        for (const JsonMember &member : members.members) {
            if (member.key == key)
                last = &member;
        }
        const QByteArrayView raw(json.constData() + last->valueBegin,
                                 last->valueEnd - last->valueBegin);
        QCOMPARE(qtValue(raw), object.value(name));
    }
}

QJsonValue randomValue(QRandomGenerator &rng, int depth);

QString randomString(QRandomGenerator &rng)
{
    static const char16_t alphabet[] = u"abcXYZ 019\"\\/\b\f\n\r\t\u0001\u001f\u00e9\u4e2d\u2028";
    QString s;
    const int length = rng.bounded(8);
    for (int i = 0; i < length; ++i) {
        if (rng.bounded(10) == 0)
            s += QStringView(u"\U0001F600"); // a surrogate pair
        else
            s += QChar(alphabet[rng.bounded(int(std::size(alphabet) - 1))]);
    }
    return s;
}

QJsonValue randomValue(QRandomGenerator &rng, int depth)
{
    switch (rng.bounded(depth > 3 ? 5 : 7)) {
    case 0:
        return QJsonValue(randomString(rng));
    case 1:
        return QJsonValue(double(rng.bounded(-100000, 100000)) / (rng.bounded(2) ? 1 : 7));
    case 2:
        return QJsonValue(rng.bounded(2) == 0);
    case 3:
        return QJsonValue(QJsonValue::Null);
    case 4:
        return QJsonValue(qint64(rng.generate64() >> 12));
    case 5: {
        QJsonArray array;
        for (int i = rng.bounded(4); i > 0; --i)
            array.append(randomValue(rng, depth + 1));
        return array;
    }
    default: {
        QJsonObject object;
        for (int i = rng.bounded(4); i > 0; --i)
            object.insert(randomString(rng), randomValue(rng, depth + 1));
        return object;
    }
    }
}

} // namespace

class TestJsonMembers final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void validity_data();
    void validity();
    void errorMessages_data();
    void errorMessages();
    void spans();
    void duplicateKeysFirstWins();
    void escapedKeys();
    void randomDocumentsMatchQt();
    void visitors();
    void stringValue_data();
    void stringValue();
    void boolAndNull();
    void integerValue_data();
    void integerValue();
    void quoted_data();
    void quoted();
    void editor_data();
    void editor();
    void editorWithoutEdits();
};

void TestJsonMembers::validity_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<bool>("valid");
    // Qt's parser is laxer than RFC 8259 in a few places; those rows skip the Qt cross-check.
    QTest::addColumn<bool>("qtDiffers");

    auto row = [](const char *name, const QByteArray &json, bool valid, bool qtDiffers = false) {
        QTest::newRow(name) << json << valid << qtDiffers;
    };
    row("empty object", "{}", true);
    row("whitespace around", " \t\r\n{ \n }\r\n\t ", true);
    row("simple", "{\"model\":\"gpt-4o\",\"stream\":true}", true);
    row("all types",
        "{\"s\":\"x\",\"i\":-12,\"f\":1.5e-3,\"E\":2E+10,\"z\":-0,\"t\":true,\"f2\":false,"
        "\"n\":null,\"a\":[1,\"2\",[],{}],\"o\":{\"k\":{\"k\":[null]}}}",
        true);
    row("escapes", "{\"a\":\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u0041 \\u00e9 \\uD83D\\uDE00\"}",
        true);
    row("escaped nul", "{\"a\":\"\\u0000\"}", true);
    row("lone surrogate escape", "{\"a\":\"\\ud800\"}", true);
    row("utf8", "{\"gr\xC3\xBC\xC3\x9F\":\"\xE4\xB8\xAD \xF0\x9F\x98\x80\"}", true);
    row("empty key", "{\"\":1}", true);
    row("duplicate keys", "{\"a\":1,\"a\":2}", true);
    row("depth 512", nested(512), true);
    row("depth 513", nested(513), false, true); // Qt allows 1024
    row("depth 2000", nested(2000), false);
    row("empty input", "", false);
    row("only whitespace", "  \n", false);
    row("array at top", "[1,2]", false);
    row("string at top", "\"a\"", false);
    row("number at top", "1", false);
    row("trailing garbage", "{}x", false);
    row("two objects", "{} {}", false);
    row("trailing comma", "{\"a\":1,}", false);
    row("trailing comma in array", "{\"a\":[1,]}", false);
    row("missing colon", "{\"a\" 1}", false);
    row("missing value", "{\"a\":}", false);
    row("missing comma", "{\"a\":1 \"b\":2}", false);
    row("lone comma", "{,}", false);
    row("unquoted key", "{a:1}", false);
    row("single quotes", "{'a':1}", false);
    row("unterminated object", "{\"a\":1", false);
    row("unterminated string", "{\"a\":\"abc}", false);
    row("unterminated array", "{\"a\":[1,2}", false);
    row("leading zero", "{\"a\":01}", false);
    row("negative leading zero", "{\"a\":-01}", false);
    row("plus sign", "{\"a\":+1}", false);
    row("bare minus", "{\"a\":-}", false);
    row("empty exponent", "{\"a\":1e}", false);
    row("signed empty exponent", "{\"a\":1e+}", false);
    row("trailing dot", "{\"a\":1.}", false, true);
    row("leading dot", "{\"a\":.5}", false, true);
    row("NaN", "{\"a\":NaN}", false);
    row("capital True", "{\"a\":True}", false);
    row("short literal", "{\"a\":tru}", false);
    row("long literal", "{\"a\":nulll}", false);
    row("comment", "{\"a\":1}//", false);
    row("raw tab in string", "{\"a\":\"\t\"}", false, true);
    row("raw newline in string", "{\"a\":\"\n\"}", false, true);
    row("control char in string", "{\"a\":\"\x01\"}", false, true);
    row("unknown escape", "{\"a\":\"\\x\"}", false, true);
    row("capital U escape", "{\"a\":\"\\U1234\"}", false, true);
    row("short unicode escape", "{\"a\":\"\\u12\"}", false);
    row("non-hex unicode escape", "{\"a\":\"\\u12g4\"}", false);
    row("invalid utf8 byte", "{\"a\":\"\xFF\"}", false);
    row("overlong utf8", "{\"a\":\"\xC0\x80\"}", false);
    row("utf8 surrogate", "{\"a\":\"\xED\xA0\x80\"}", false);
    row("utf8 above max", "{\"a\":\"\xF4\x90\x80\x80\"}", false);
    row("truncated utf8", "{\"a\":\"\xE2\x82\"}", false);
    row("truncated utf8 at end", "{\"a\":\"\xF0\x9F\x98", false);
    row("bom", "\xEF\xBB\xBF{}", false, true);
    row("form feed whitespace", "\f{}", false);
    row("vertical tab after", "{}\v", false);
}

void TestJsonMembers::validity()
{
    QFETCH(QByteArray, json);
    QFETCH(bool, valid);
    QFETCH(bool, qtDiffers);

    QString error;
    const std::optional<JsonMembers> members = JsonScan::topLevelMembers(json, &error);
    QCOMPARE(members.has_value(), valid);
    QCOMPARE(error.isEmpty(), valid);
    if (!qtDiffers)
        QCOMPARE(qtAccepts(json), valid);
    if (valid)
        crossCheckMembers(json, *members);
}

void TestJsonMembers::errorMessages_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("message");

    QTest::newRow("trailing comma") << QByteArray("{\"model\":\"x\",}")
                                    << QStringLiteral("unexpected character '}' at offset 13");
    QTest::newRow("end of input") << QByteArray("{\"a\":")
                                  << QStringLiteral("unexpected end of input at offset 5");
    QTest::newRow("empty") << QByteArray() << QStringLiteral("expected a JSON object at offset 0");
    QTest::newRow("array") << QByteArray(" [1]")
                           << QStringLiteral("unexpected character '[' at offset 1");
    QTest::newRow("garbage after")
        << QByteArray("{} x") << QStringLiteral("unexpected character 'x' at offset 3");
    QTest::newRow("binary byte") << QByteArray("{\"a\":\x01}")
                                 << QStringLiteral("unexpected byte 0x01 at offset 5");
    QTest::newRow("control char") << QByteArray(
        "{\"a\":\"\x01\"}") << QStringLiteral("unescaped control character in string at offset 6");
    QTest::newRow("bad utf8") << QByteArray("{\"a\":\"x\xFF\"}")
                              << QStringLiteral("invalid UTF-8 at offset 7");
    QTest::newRow("bad escape") << QByteArray("{\"a\":\"\\q\"}")
                                << QStringLiteral("invalid escape sequence at offset 6");
    QTest::newRow("bad unicode") << QByteArray("{\"a\":\"\\uZZZZ\"}")
                                 << QStringLiteral("invalid \\u escape at offset 6");
    QTest::newRow("unterminated") << QByteArray("{\"a\":\"abc")
                                  << QStringLiteral("unterminated string at offset 9");
    QTest::newRow("too deep") << nested(513)
                              << QStringLiteral("nesting deeper than 512 levels at offset 2560");
}

void TestJsonMembers::errorMessages()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, message);
    QString error;
    QVERIFY(!JsonScan::topLevelMembers(json, &error));
    QCOMPARE(error, message);
}

void TestJsonMembers::spans()
{
    const QByteArray json = " { \"model\" : \"gpt\" ,\n  \"n\":[1, {\"x\":2}],\"s\":-1.5e3 } ";
    const std::optional<JsonMembers> members = JsonScan::topLevelMembers(json);
    QVERIFY(members);
    QCOMPARE(members->members.size(), 3);
    auto raw = [&json](const JsonMember &m) {
        return json.mid(m.valueBegin, m.valueEnd - m.valueBegin);
    };
    QCOMPARE(members->members[0].key, QByteArray("model"));
    QCOMPARE(raw(members->members[0]), QByteArray("\"gpt\""));
    QCOMPARE(members->members[0].keyBegin, json.indexOf("\"model\""));
    QCOMPARE(members->members[1].key, QByteArray("n"));
    QCOMPARE(raw(members->members[1]), QByteArray("[1, {\"x\":2}]"));
    QCOMPARE(members->members[2].key, QByteArray("s"));
    QCOMPARE(raw(members->members[2]), QByteArray("-1.5e3"));
    QVERIFY(members->find("n") == &members->members[1]);
    QVERIFY(!members->find("x")); // nested keys are not top-level members
}

void TestJsonMembers::duplicateKeysFirstWins()
{
    const QByteArray json = "{\"a\":1,\"b\":2,\"a\":3}";
    const std::optional<JsonMembers> members = JsonScan::topLevelMembers(json);
    QVERIFY(members);
    QCOMPARE(members->members.size(), 3);
    const JsonMember *a = members->find("a");
    QVERIFY(a);
    QCOMPARE(json.mid(a->valueBegin, a->valueEnd - a->valueBegin), QByteArray("1"));
}

void TestJsonMembers::escapedKeys()
{
    const QByteArray json = "{\"\\u006dodel\":1,\"a\\\"b\":2,\"\\uD83D\\uDE00\":3,\"\\u00e9\":4}";
    const std::optional<JsonMembers> members = JsonScan::topLevelMembers(json);
    QVERIFY(members);
    QVERIFY(members->find("model"));
    QVERIFY(members->find("a\"b"));
    QVERIFY(members->find("\xF0\x9F\x98\x80"));
    QVERIFY(members->find("\xC3\xA9"));
    crossCheckMembers(json, *members);
}

void TestJsonMembers::randomDocumentsMatchQt()
{
    QRandomGenerator rng(20240601); // fixed seed: deterministic
    for (int i = 0; i < 400; ++i) {
        QJsonObject object;
        for (int k = rng.bounded(6); k > 0; --k)
            object.insert(randomString(rng), randomValue(rng, 0));
        const auto format = i % 2 ? QJsonDocument::Compact : QJsonDocument::Indented;
        const QByteArray json = QJsonDocument(object).toJson(format);
        QString error;
        const std::optional<JsonMembers> members = JsonScan::topLevelMembers(json, &error);
        QVERIFY2(members, qPrintable(error + QLatin1Char(' ') + QString::fromUtf8(json)));
        crossCheckMembers(json, *members);
        if (QTest::currentTestFailed())
            return;
    }
}

void TestJsonMembers::visitors()
{
    QByteArrayList keys;
    QByteArrayList values;
    const QByteArray json = "{\"a\":[1,2],\"b\":{\"c\":3}}";
    QVERIFY(JsonScan::visitMembers(json, [&](QByteArrayView key, JsonSpan span) {
        keys.append(key.toByteArray());
        values.append(json.mid(span.begin, span.end - span.begin));
    }));
    QCOMPARE(keys, (QByteArrayList { "a", "b" }));
    QCOMPARE(values, (QByteArrayList { "[1,2]", "{\"c\":3}" }));

    QByteArrayList elements;
    const QByteArray array = "[ 1 , \"x\" ,[2], {} ]";
    QVERIFY(JsonScan::visitElements(array, [&](JsonSpan span) {
        elements.append(array.mid(span.begin, span.end - span.begin));
    }));
    QCOMPARE(elements, (QByteArrayList { "1", "\"x\"", "[2]", "{}" }));

    QString error;
    QVERIFY(!JsonScan::visitElements(
        "[1,]", [](JsonSpan) {}, &error));
    QCOMPARE(error, QStringLiteral("unexpected character ']' at offset 3"));
    QVERIFY(!JsonScan::visitMembers("[]", [](QByteArrayView, JsonSpan) {}));
}

void TestJsonMembers::stringValue_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<bool>("isString");
    QTest::addColumn<QString>("expected");

    QTest::newRow("plain") << QByteArray("\"gpt-4o\"") << true << QStringLiteral("gpt-4o");
    QTest::newRow("empty") << QByteArray("\"\"") << true << QString();
    QTest::newRow("whitespace around") << QByteArray(" \"a\"\n") << true << QStringLiteral("a");
    QTest::newRow("escapes") << QByteArray("\"q\\\"b\\\\s\\/n\\nt\\t\"") << true
                             << QStringLiteral("q\"b\\s/n\nt\t");
    QTest::newRow("unicode escapes") << QByteArray("\"\\u00e9\\u4E2D\\uD83D\\uDE00\"") << true
                                     << QString::fromUtf8("\xC3\xA9\xE4\xB8\xAD\xF0\x9F\x98\x80");
    QTest::newRow("raw utf8") << QByteArray("\"gr\xC3\xBC\xC3\x9F\"") << true
                              << QString::fromUtf8("gr\xC3\xBC\xC3\x9F");
    QTest::newRow("lone surrogate") << QByteArray("\"a\\ud800b\"") << true
                                    << QString::fromUtf8("a\xEF\xBF\xBD"
                                                         "b");
    QTest::newRow("number") << QByteArray("12") << false << QString();
    QTest::newRow("null") << QByteArray("null") << false << QString();
    QTest::newRow("unterminated") << QByteArray("\"abc") << false << QString();
    QTest::newRow("two strings") << QByteArray("\"a\" \"b\"") << false << QString();
    QTest::newRow("bad escape") << QByteArray("\"\\x\"") << false << QString();
    QTest::newRow("control char") << QByteArray("\"\x01\"") << false << QString();
}

void TestJsonMembers::stringValue()
{
    QFETCH(QByteArray, raw);
    QFETCH(bool, isString);
    QFETCH(QString, expected);
    const std::optional<QString> value = JsonScan::stringValue(raw);
    QCOMPARE(value.has_value(), isString);
    if (isString) {
        QCOMPARE(*value, expected);
        QCOMPARE(*JsonScan::utf8StringValue(raw), expected.toUtf8());
    }
}

void TestJsonMembers::boolAndNull()
{
    QCOMPARE(JsonScan::boolValue("true"), std::optional<bool>(true));
    QCOMPARE(JsonScan::boolValue(" false "), std::optional<bool>(false));
    QVERIFY(!JsonScan::boolValue("\"true\""));
    QVERIFY(!JsonScan::boolValue("1"));
    QVERIFY(!JsonScan::boolValue("truex"));
    QVERIFY(JsonScan::isNull("null"));
    QVERIFY(!JsonScan::isNull("\"null\""));
    QVERIFY(!JsonScan::isNull(""));
}

void TestJsonMembers::integerValue_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<qint64>("expected");
    QTest::newRow("zero") << QByteArray("0") << true << qint64(0);
    QTest::newRow("minus zero") << QByteArray("-0") << true << qint64(0);
    QTest::newRow("positive") << QByteArray("1234") << true << qint64(1234);
    QTest::newRow("negative") << QByteArray("-56") << true << qint64(-56);
    QTest::newRow("max") << QByteArray("9223372036854775807") << true
                         << std::numeric_limits<qint64>::max();
    QTest::newRow("min") << QByteArray("-9223372036854775808") << true
                         << std::numeric_limits<qint64>::min();
    QTest::newRow("overflow") << QByteArray("9223372036854775808") << false << qint64(0);
    QTest::newRow("underflow") << QByteArray("-9223372036854775809") << false << qint64(0);
    QTest::newRow("fraction") << QByteArray("1.0") << false << qint64(0);
    QTest::newRow("exponent") << QByteArray("1e3") << false << qint64(0);
    QTest::newRow("leading zero") << QByteArray("012") << false << qint64(0);
    QTest::newRow("string") << QByteArray("\"12\"") << false << qint64(0);
    QTest::newRow("empty") << QByteArray() << false << qint64(0);
    QTest::newRow("minus only") << QByteArray("-") << false << qint64(0);
}

void TestJsonMembers::integerValue()
{
    QFETCH(QByteArray, raw);
    QFETCH(bool, ok);
    QFETCH(qint64, expected);
    const std::optional<qint64> value = JsonScan::integerValue(raw);
    QCOMPARE(value.has_value(), ok);
    if (ok)
        QCOMPARE(*value, expected);
}

void TestJsonMembers::quoted_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("plain") << QStringLiteral("gpt-4o") << QByteArray("\"gpt-4o\"");
    QTest::newRow("empty") << QString() << QByteArray("\"\"");
    QTest::newRow("quote and backslash")
        << QStringLiteral("a\"b\\c") << QByteArray("\"a\\\"b\\\\c\"");
    QTest::newRow("controls") << QStringLiteral("\b\f\n\r\t") + QChar(1) + QChar(0x1f)
                              << QByteArray("\"\\b\\f\\n\\r\\t\\u0001\\u001f\"");
    QTest::newRow("slash kept") << QStringLiteral("a/b") << QByteArray("\"a/b\"");
    QTest::newRow("unicode as utf8") << QString::fromUtf8("\xC3\xA9\xF0\x9F\x98\x80")
                                     << QByteArray("\"\xC3\xA9\xF0\x9F\x98\x80\"");
}

void TestJsonMembers::quoted()
{
    QFETCH(QString, text);
    QFETCH(QByteArray, expected);
    const QByteArray literal = JsonScan::quoted(text);
    QCOMPARE(literal, expected);
    QCOMPARE(JsonScan::stringValue(literal), std::optional<QString>(text));
    QCOMPARE(qtValue(literal).toString(), text);
}

void TestJsonMembers::editor_data()
{
    QTest::addColumn<QByteArray>("json");
    // Operations: "set key=rawValue" or "remove key", applied in order.
    QTest::addColumn<QByteArrayList>("operations");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("replace keeps other bytes")
        << QByteArray("{ \"model\" : \"a\",\n  \"messages\":[{\"role\":\"user\"}], \"x\":1.50 }")
        << QByteArrayList { "set model=\"gpt-4o\"" }
        << QByteArray(
               "{ \"model\" : \"gpt-4o\",\n  \"messages\":[{\"role\":\"user\"}], \"x\":1.50 }");
    QTest::newRow("append to empty")
        << QByteArray("{}") << QByteArrayList { "set a=1" } << QByteArray("{\"a\":1}");
    QTest::newRow("append to empty with spaces")
        << QByteArray(" { } ") << QByteArrayList { "set a=1" } << QByteArray(" {\"a\":1 } ");
    QTest::newRow("append after one")
        << QByteArray("{\"m\":1}") << QByteArrayList { "set s={\"x\":true}" }
        << QByteArray("{\"m\":1,\"s\":{\"x\":true}}");
    QTest::newRow("append uses the object's separator")
        << QByteArray("{\n  \"a\": 1,\n  \"b\": 2\n}") << QByteArrayList { "set c=3" }
        << QByteArray("{\n  \"a\": 1,\n  \"b\": 2,\n  \"c\":3\n}");
    QTest::newRow("append two in call order")
        << QByteArray("{\"a\":1}") << QByteArrayList { "set z=1", "set b=2" }
        << QByteArray("{\"a\":1,\"z\":1,\"b\":2}");
    QTest::newRow("append key needing escapes")
        << QByteArray("{}") << QByteArrayList { "set a\"b=1" } << QByteArray("{\"a\\\"b\":1}");
    QTest::newRow("remove first") << QByteArray("{\"a\":1, \"b\":2, \"c\":3}")
                                  << QByteArrayList { "remove a" }
                                  << QByteArray("{\"b\":2, \"c\":3}");
    QTest::newRow("remove middle")
        << QByteArray("{\"a\":1, \"b\":2, \"c\":3}") << QByteArrayList { "remove b" }
        << QByteArray("{\"a\":1, \"c\":3}");
    QTest::newRow("remove last") << QByteArray("{\"a\":1, \"b\":2, \"c\":3}")
                                 << QByteArrayList { "remove c" }
                                 << QByteArray("{\"a\":1, \"b\":2}");
    QTest::newRow("remove two adjacent")
        << QByteArray("{\"a\":1, \"b\":2, \"c\":3}") << QByteArrayList { "remove b", "remove c" }
        << QByteArray("{\"a\":1}");
    QTest::newRow("remove all") << QByteArray("{ \"a\":1, \"b\":2 }")
                                << QByteArrayList { "remove a", "remove b" } << QByteArray("{  }");
    QTest::newRow("remove absent")
        << QByteArray("{\"a\":1}") << QByteArrayList { "remove x" } << QByteArray("{\"a\":1}");
    QTest::newRow("set on duplicate drops the later ones")
        << QByteArray("{\"model\":\"a\",\"n\":1,\"model\":\"b\"}")
        << QByteArrayList { "set model=\"c\"" } << QByteArray("{\"model\":\"c\",\"n\":1}");
    QTest::newRow("remove drops all duplicates")
        << QByteArray("{\"a\":1,\"b\":2,\"a\":3}") << QByteArrayList { "remove a" }
        << QByteArray("{\"b\":2}");
    QTest::newRow("later edit wins")
        << QByteArray("{\"a\":1,\"b\":2}") << QByteArrayList { "set a=5", "remove a", "set b=7" }
        << QByteArray("{\"b\":7}");
    QTest::newRow("remove then set appends")
        << QByteArray("{\"a\":1,\"b\":2}") << QByteArrayList { "remove a", "set a=9" }
        << QByteArray("{\"a\":9,\"b\":2}");
    QTest::newRow("replace and append and remove")
        << QByteArray("{\"model\":\"x\",\"stream\":true,\"user\":\"u\"}")
        << QByteArrayList { "set model=\"y\"", "remove user",
                            "set stream_options={\"include_usage\":true}" }
        << QByteArray(
               "{\"model\":\"y\",\"stream\":true,\"stream_options\":{\"include_usage\":true}}");
    QTest::newRow("escaped key matches")
        << QByteArray("{\"\\u006dodel\":\"x\"}") << QByteArrayList { "set model=\"y\"" }
        << QByteArray("{\"\\u006dodel\":\"y\"}");
}

void TestJsonMembers::editor()
{
    QFETCH(QByteArray, json);
    QFETCH(QByteArrayList, operations);
    QFETCH(QByteArray, expected);

    std::optional<JsonMembers> members = JsonScan::topLevelMembers(json);
    QVERIFY(members);
    JsonObjectEditor editor(json, *members);
    for (const QByteArray &op : operations) {
        if (op.startsWith("set ")) {
            const qsizetype eq = op.indexOf('=');
            editor.setMember(QByteArrayView(op).sliced(4, eq - 4),
                             QByteArrayView(op).sliced(eq + 1));
        } else {
            QVERIFY(op.startsWith("remove "));
            editor.removeMember(QByteArrayView(op).sliced(7));
        }
    }
    const QByteArray result = editor.result();
    QCOMPARE(result, expected);
    QVERIFY(JsonScan::topLevelMembers(result));
    QVERIFY(qtAccepts(result));
}

void TestJsonMembers::editorWithoutEdits()
{
    const QByteArray json = "{ \"a\" : 1 }";
    JsonObjectEditor editor(json, *JsonScan::topLevelMembers(json));
    const QByteArray result = editor.result();
    QCOMPARE(result, json);
    QVERIFY(result.constData() == json.constData()); // shared, not copied
}

QTEST_GUILESS_MAIN(TestJsonMembers)
#include "tst_providers_jsonmembers.moc"
