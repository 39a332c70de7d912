// MockJson, the ordered JSON writer of the mock provider: parse and write keep member order
// and number text, and each Format writes what Python's json.dumps(..., ensure_ascii=False)
// writes with the matching separators and indent (the expected strings below are its output),
// which is what the fixture generator make_mock_fixtures.py relies on.
#include "mockjson.h"

#include <QtTest>

namespace {
// (Not a raw string literal: moc's lexer loses track in this one.)
const QByteArray kDocument
    = QByteArrayLiteral("{\"b\":1,\"a\":[true,null,\"x\\u00e9\\n\\u0001\\\"\\\\\\/\"],"
                        "\"c\":{},\"d\":[],\"e\":-1.5,\"f\":{\"g\":[{\"h\":0}]}}");
} // namespace

class TestMockJson final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void formats_data();
    void formats();
    void keepsNumberText();
    void builds();
    void decodesEscapes();
    void rejects_data();
    void rejects();
};

void TestMockJson::formats_data()
{
    QTest::addColumn<int>("format");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("compact") << int(MockJson::Format::Compact)
                             << QByteArray(R"({"b":1,"a":[true,null,"xé\n\u0001\"\\/"],"c":{},)"
                                           R"("d":[],"e":-1.5,"f":{"g":[{"h":0}]}})");
    QTest::newRow("spaced colon")
        << int(MockJson::Format::SpacedColon)
        << QByteArray(R"({"b": 1,"a": [true,null,"xé\n\u0001\"\\/"],"c": {},"d": [],"e": -1.5,)"
                      R"("f": {"g": [{"h": 0}]}})");
    QTest::newRow("indent 2") << int(MockJson::Format::Indent2)
                              << QByteArray("{\n  \"b\": 1,\n  \"a\": [\n    true,\n    null,\n"
                                            "    \"xé\\n\\u0001\\\"\\\\/\"\n  ],\n  \"c\": {},\n"
                                            "  \"d\": [],\n  \"e\": -1.5,\n  \"f\": {\n"
                                            "    \"g\": [\n      {\n        \"h\": 0\n      }\n"
                                            "    ]\n  }\n}");
    QTest::newRow("indent 4") << int(MockJson::Format::Indent4)
                              << QByteArray("{\n    \"b\": 1,\n    \"a\": [\n        true,\n"
                                            "        null,\n        \"xé\\n\\u0001\\\"\\\\/\"\n"
                                            "    ],\n    \"c\": {},\n    \"d\": [],\n"
                                            "    \"e\": -1.5,\n    \"f\": {\n        \"g\": [\n"
                                            "            {\n                \"h\": 0\n"
                                            "            }\n        ]\n    }\n}");
}

void TestMockJson::formats()
{
    QFETCH(int, format);
    QFETCH(QByteArray, expected);
    const std::optional<MockJson> json = MockJson::parse(kDocument);
    QVERIFY(json.has_value());
    QCOMPARE(json->type(), MockJson::Type::Object);
    QCOMPARE(json->write(MockJson::Format(format)), expected);
}

void TestMockJson::keepsNumberText()
{
    const std::optional<MockJson> json = MockJson::parse(" [1.0, -0, 2E+10, 3e-2] ");
    QVERIFY(json.has_value());
    QCOMPARE(json->write(MockJson::Format::Compact), QByteArray("[1.0,-0,2E+10,3e-2]"));
}

void TestMockJson::builds()
{
    MockJson object = MockJson::object({ { "z", MockJson::number(1) } });
    object.add("a", MockJson::array({ MockJson::string(QStringLiteral("t\tab")) }))
        .add("n", MockJson::numberText("1.0"))
        .add("b", MockJson::boolean(false))
        .add("o", MockJson::object());
    QCOMPARE(object.write(MockJson::Format::Compact),
             QByteArray(R"({"z":1,"a":["t\tab"],"n":1.0,"b":false,"o":{}})"));
    QCOMPARE(MockJson::quote(QStringLiteral("\b\f\r\x1f\x7f")),
             QByteArray("\"\\b\\f\\r\\u001f\x7f\""));
}

void TestMockJson::decodesEscapes()
{
    const std::optional<MockJson> json = MockJson::parse(R"(["\ud83d\ude00","\u00e9"])");
    QVERIFY(json.has_value());
    QCOMPARE(json->write(MockJson::Format::Compact),
             QString::fromUtf8("[\"\U0001F600\",\"é\"]").toUtf8());
}

void TestMockJson::rejects_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("two values") << QByteArray("1 2");
    QTest::newRow("trailing comma") << QByteArray("[1,]");
    QTest::newRow("missing colon") << QByteArray(R"({"a" 1})");
    QTest::newRow("bare word") << QByteArray("nul");
    QTest::newRow("control char in string") << QByteArray("\"a\nb\"");
    QTest::newRow("bad escape") << QByteArray(R"("\x")");
    QTest::newRow("unterminated") << QByteArray(R"({"a":"b)");
    QTest::newRow("leading zero dot") << QByteArray("1.");
    QTest::newRow("too deep") << QByteArray(QByteArray(100, '[') + QByteArray(100, ']'));
}

void TestMockJson::rejects()
{
    QFETCH(QByteArray, text);
    QVERIFY(!MockJson::parse(text).has_value());
}

QTEST_GUILESS_MAIN(TestMockJson)
#include "tst_support_mockjson.moc"
