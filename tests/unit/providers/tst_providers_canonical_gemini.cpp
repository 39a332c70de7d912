// Translation between Gemini generateContent and the other protocols through the canonical
// model: golden requests and streams, round trips, made-up tool-call ids, thought signatures,
// refusals.

#include "canonical/anthropiccodec.h"
#include "canonical/anthropicstreamencoder.h"
#include "canonical/geminicodec.h"
#include "canonical/geministreamdecoder.h"
#include "canonical/geministreamencoder.h"
#include "canonical/openaichatcodec.h"
#include "canonical/openaichatstreamdecoder.h"
#include "canonical/openaichatstreamencoder.h"
#include "tst_providers_canonical_helpers.h"

#include <QTest>

using namespace CanonicalTest;
using Block = CanonicalBlock;

namespace {

void dump(const QString &name, const QByteArray &bytes)
{
    const QString dir = qEnvironmentVariable("LLMO_GOLDEN_DUMP");
    if (dir.isEmpty())
        return;
    QFile f(dir + u'/' + name);
    if (f.open(QIODevice::WriteOnly))
        f.write(bytes);
}

} // namespace

class TestCanonicalGemini final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void requestAnthropicToGemini()
    {
        QString error;
        const auto r = AnthropicCodec::decodeRequest(
            fixture(QStringLiteral("translation/anthropic-request-from-openai-tools.json")),
            &error);
        QVERIFY2(r, qPrintable(error));
        QString refusal;
        QStringList dropped;
        const QByteArray body = GeminiCodec::encodeRequest(*r, QStringLiteral("gemini-2.5-flash"),
                                                           &refusal, &dropped);
        QVERIFY2(refusal.isEmpty(), qPrintable(refusal));
        dump(QStringLiteral("gemini-request-from-anthropic-tools.json"), body);
        LLMO_COMPARE_JSON(object(body),
                          object(fixture(QStringLiteral(
                              "translation/gemini-request-from-anthropic-tools.json"))));
        dropped.sort();
        QCOMPARE(dropped,
                 QStringList({ QStringLiteral("parallel_tool_calls"), QStringLiteral("user") }));
    }

    void requestGeminiToOpenAi()
    {
        QString error;
        const auto r = GeminiCodec::decodeRequest(
            fixture(QStringLiteral("gemini/request-function-calling.json")),
            QStringLiteral("gemini-2.5-flash"), true, &error);
        QVERIFY2(r, qPrintable(error));
        QString refusal;
        const QJsonObject body
            = object(OpenAiChatCodec::encodeRequest(*r, QStringLiteral("gpt-4o"), &refusal));
        const QJsonArray messages = body.value(QLatin1String("messages")).toArray();
        QCOMPARE(messages.at(0).toObject().value(QLatin1String("content")).toString(),
                 QStringLiteral("You are a scheduling assistant."));
        QCOMPARE(messages.at(1).toObject().value(QLatin1String("role")).toString(),
                 QStringLiteral("user"));
        const QJsonObject function = body.value(QLatin1String("tools"))
                                         .toArray()
                                         .at(0)
                                         .toObject()
                                         .value(QLatin1String("function"))
                                         .toObject();
        QCOMPARE(function.value(QLatin1String("name")).toString(),
                 QStringLiteral("schedule_meeting"));
        QCOMPARE(function.value(QLatin1String("parameters"))
                     .toObject()
                     .value(QLatin1String("required"))
                     .toArray()
                     .size(),
                 4);
        QCOMPARE(body.value(QLatin1String("temperature")).toDouble(), 0.2);
        // includeThoughts without a budget: reasoning on, at the default effort.
        QCOMPARE(body.value(QLatin1String("reasoning_effort")).toString(),
                 QStringLiteral("medium"));
        QCOMPARE(body.value(QLatin1String("stream")).toBool(), true);
    }

    void requestRoundTrip_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("function calling") << QStringLiteral("gemini/request-function-calling.json");
        QTest::newRow("text") << QStringLiteral("gemini/request-text.json");
        QTest::newRow("translated")
            << QStringLiteral("translation/gemini-request-from-anthropic-tools.json");
    }
    void requestRoundTrip()
    {
        QFETCH(QString, file);
        QString error;
        QString refusal;
        const auto first
            = GeminiCodec::decodeRequest(fixture(file), QStringLiteral("g"), false, &error);
        QVERIFY2(first, qPrintable(error));
        const QByteArray encoded
            = GeminiCodec::encodeRequest(*first, QStringLiteral("g"), &refusal);
        const auto second = GeminiCodec::decodeRequest(encoded, QStringLiteral("g"), false, &error);
        QVERIFY2(second, qPrintable(error));
        LLMO_COMPARE_JSON(requestJson(*second), requestJson(*first));
    }

    // functionCall parts without ids get stable ids; a functionResponse without id answers the
    // earliest unanswered call of that name, and the ids survive into Anthropic.
    void madeUpToolIds()
    {
        const QByteArray gemini = R"({"contents":[
            {"role":"user","parts":[{"text":"weather?"}]},
            {"role":"model","parts":[{"functionCall":{"name":"w","args":{"c":"Paris"}}},
                                     {"functionCall":{"name":"w","args":{"c":"Tokyo"}}}]},
            {"role":"user","parts":[{"functionResponse":{"name":"w","response":{"content":"18"}}},
                                    {"functionResponse":{"name":"w","response":{"error":"down"}}}]}]})";
        QString error;
        const auto r = GeminiCodec::decodeRequest(gemini, QStringLiteral("g"), false, &error);
        QVERIFY2(r, qPrintable(error));
        QString refusal;
        const QJsonArray messages
            = object(AnthropicCodec::encodeRequest(*r, QStringLiteral("c"), &refusal))
                  .value(QLatin1String("messages"))
                  .toArray();
        const QJsonArray expected = object(R"({"m":[
            {"role":"user","content":[{"type":"text","text":"weather?"}]},
            {"role":"assistant","content":[
                {"type":"tool_use","id":"call_0","name":"w","input":{"c":"Paris"}},
                {"type":"tool_use","id":"call_1","name":"w","input":{"c":"Tokyo"}}]},
            {"role":"user","content":[
                {"type":"tool_result","tool_use_id":"call_0","content":[{"type":"text","text":"18"}]},
                {"type":"tool_result","tool_use_id":"call_1","is_error":true,
                 "content":[{"type":"text","text":"down"}]}]}]})")
                                        .value(QLatin1String("m"))
                                        .toArray();
        LLMO_COMPARE_JSON(messages, expected);
    }

    void responseGeminiToAnthropic()
    {
        QString error;
        const auto r = GeminiCodec::decodeResponse(
            fixture(QStringLiteral("gemini/response-function-call.json")), &error);
        QVERIFY2(r, qPrintable(error));
        const QJsonObject body = object(AnthropicCodec::encodeResponse(*r));
        const QJsonObject expected = object(R"({"id":"nMQmaJLqIvLJkdUPnfmCsAQ","type":"message",
            "role":"assistant","model":"gemini-2.5-flash",
            "content":[{"type":"tool_use","id":"call_nMQmaJLqIvLJkdUPnfmCsAQ_0",
                "name":"schedule_meeting","input":{"attendees":["Bob","Alice"],
                "date":"2025-03-27","time":"10:00","topic":"Q3 planning"}}],
            "stop_reason":"tool_use","stop_sequence":null,
            "usage":{"input_tokens":143,"output_tokens":130}})");
        LLMO_COMPARE_JSON(body, expected);
        // Back to Gemini: the signature goes back on the function call part.
        const QJsonObject part = object(GeminiCodec::encodeResponse(*r))
                                     .value(QLatin1String("candidates"))
                                     .toArray()
                                     .at(0)
                                     .toObject()
                                     .value(QLatin1String("content"))
                                     .toObject()
                                     .value(QLatin1String("parts"))
                                     .toArray()
                                     .at(0)
                                     .toObject();
        QVERIFY(part.value(QLatin1String("thoughtSignature"))
                    .toString()
                    .startsWith(QLatin1String("CiIBVKhc7oDP")));
        QVERIFY(part.contains(QLatin1String("functionCall")));
    }

    void usage()
    {
        QString error;
        const auto r = GeminiCodec::decodeResponse(
            fixture(QStringLiteral("gemini/response-cached.json")), &error);
        QVERIFY2(r, qPrintable(error));
        QVERIFY(r->usage.cachedTokens > 0);
        const QJsonObject openai = object(OpenAiChatCodec::encodeResponse(*r, 1))
                                       .value(QLatin1String("usage"))
                                       .toObject();
        QCOMPARE(openai.value(QLatin1String("prompt_tokens_details"))
                     .toObject()
                     .value(QLatin1String("cached_tokens"))
                     .toInteger(),
                 r->usage.cachedTokens);
        QCOMPARE(openai.value(QLatin1String("prompt_tokens")).toInteger(), r->usage.inputTokens);
    }

    void streamGolden_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        QTest::newRow("gemini function call -> anthropic")
            << QStringLiteral("gemini/stream-function-call.sse")
            << QStringLiteral("anthropic-stream-from-gemini-function-call.sse");
        QTest::newRow("gemini thinking -> openai")
            << QStringLiteral("gemini/stream-thinking.sse")
            << QStringLiteral("openai-stream-from-gemini-thinking.sse");
        QTest::newRow("openai parallel tools -> gemini")
            << QStringLiteral("translation/openai-stream-parallel-tools.sse")
            << QStringLiteral("gemini-stream-from-openai-parallel-tools.sse");
    }
    void streamGolden()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        QByteArray out;
        if (input.startsWith(QLatin1String("gemini/"))) {
            GeminiStreamDecoder decoder;
            const auto events = decodeStream(decoder, fixture(input));
            QVERIFY(decoder.isFinished());
            if (expected.startsWith(QLatin1String("anthropic"))) {
                AnthropicStreamEncoder encoder;
                out = encodeStream(encoder, events);
            } else {
                OpenAiChatStreamEncoder encoder(true, 1735689600);
                out = encodeStream(encoder, events);
            }
        } else {
            OpenAiChatStreamDecoder decoder;
            GeminiStreamEncoder encoder;
            out = encodeStream(encoder, decodeStream(decoder, fixture(input)));
        }
        dump(expected, out);
        LLMO_COMPARE_JSON(sseEvents(out),
                          sseEvents(fixture(QStringLiteral("translation/") + expected)));
    }

    // Gemini -> canonical -> Gemini keeps text, thoughts, whole function calls with their
    // signatures, the finish reason and usage.
    void streamRoundTrip_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("function call") << QStringLiteral("gemini/stream-function-call.sse");
        QTest::newRow("thought signature") << QStringLiteral("gemini/stream-thought-signature.sse");
        QTest::newRow("thinking") << QStringLiteral("gemini/stream-thinking.sse");
    }
    void streamRoundTrip()
    {
        QFETCH(QString, file);
        const QByteArray in = fixture(file);
        GeminiStreamDecoder decoder;
        GeminiStreamEncoder encoder;
        const QByteArray out = encodeStream(encoder, decodeStream(decoder, in));
        // Compare what a client accumulates: the parts' text by kind, calls, signatures,
        // finish reason and the last usage.
        auto summary = [](const QJsonArray &events) {
            QString text, thoughts, finish;
            QJsonArray calls, signatures;
            QJsonObject usage;
            for (const QJsonValue &e : events) {
                const QJsonObject data = e.toObject().value(QLatin1String("data")).toObject();
                const QJsonObject candidate
                    = data.value(QLatin1String("candidates")).toArray().at(0).toObject();
                for (const QJsonValue &p : candidate.value(QLatin1String("content"))
                                               .toObject()
                                               .value(QLatin1String("parts"))
                                               .toArray()) {
                    const QJsonObject part = p.toObject();
                    if (part.value(QLatin1String("thought")).toBool())
                        thoughts += part.value(QLatin1String("text")).toString();
                    else
                        text += part.value(QLatin1String("text")).toString();
                    if (part.contains(QLatin1String("functionCall"))) {
                        QJsonObject call = part.value(QLatin1String("functionCall")).toObject();
                        call.remove(QStringLiteral("id"));
                        calls.append(call);
                    }
                    if (part.contains(QLatin1String("thoughtSignature")))
                        signatures.append(part.value(QLatin1String("thoughtSignature")));
                }
                if (candidate.contains(QLatin1String("finishReason")))
                    finish = candidate.value(QLatin1String("finishReason")).toString();
                if (data.contains(QLatin1String("usageMetadata")))
                    usage = data.value(QLatin1String("usageMetadata")).toObject();
            }
            const auto usageOf = [&usage](const char *name) {
                return usage.value(QLatin1String(name)).toInteger(0);
            };
            return QJsonObject { { QStringLiteral("text"), text },
                                 { QStringLiteral("thoughts"), thoughts },
                                 { QStringLiteral("calls"), calls },
                                 { QStringLiteral("signatures"), signatures },
                                 { QStringLiteral("finish"), finish },
                                 { QStringLiteral("prompt"), usageOf("promptTokenCount") },
                                 { QStringLiteral("candidates"), usageOf("candidatesTokenCount") },
                                 { QStringLiteral("thoughtsTokens"),
                                   usageOf("thoughtsTokenCount") } };
        };
        LLMO_COMPARE_JSON(summary(sseEvents(out)), summary(sseEvents(in)));
    }

    void truncatedStream()
    {
        const QByteArray in = fixture(QStringLiteral("gemini/stream-thinking.sse"));
        GeminiStreamDecoder decoder;
        const auto events = decodeStream(decoder, in.left(in.indexOf("finishReason")));
        QVERIFY(!decoder.isFinished());
        QVERIFY(events.last().type != CanonicalStreamEvent::Type::End);
    }

    void refusals()
    {
        QString error;
        QVERIFY(!GeminiCodec::decodeRequest(
            R"({"contents":[],"generationConfig":{"candidateCount":2}})", QStringLiteral("g"),
            false, &error));
        QVERIFY2(error.contains(QLatin1String("candidateCount")), qPrintable(error));
        QVERIFY(!GeminiCodec::decodeRequest(R"({"contents":[],"tools":[{"googleSearch":{}}]})",
                                            QStringLiteral("g"), false, &error));
        QVERIFY2(error.contains(QLatin1String("googleSearch")), qPrintable(error));

        // An http image URL cannot reach Gemini (no fetching here): a clear refusal.
        const auto r = OpenAiChatCodec::decodeRequest(
            R"({"model":"m","messages":[{"role":"user","content":[{"type":"image_url","image_url":{"url":"https:\/\/example.com\/a.png"}}]}]})",
            &error);
        QVERIFY2(r, qPrintable(error));
        QString refusal;
        QVERIFY(GeminiCodec::encodeRequest(*r, QStringLiteral("g"), &refusal).isEmpty());
        QVERIFY2(refusal.contains(QLatin1String("base64")), qPrintable(refusal));

        CanonicalRequest previous;
        previous.previousResponseId = QStringLiteral("resp_1");
        refusal.clear();
        QVERIFY(GeminiCodec::encodeRequest(previous, QStringLiteral("g"), &refusal).isEmpty());
        QVERIFY(refusal.contains(QLatin1String("previous_response_id")));
    }

    void stopReasons_data()
    {
        QTest::addColumn<QString>("gemini");
        QTest::addColumn<bool>("called");
        QTest::addColumn<QString>("openai");
        QTest::newRow("STOP") << "STOP" << false << "stop";
        QTest::newRow("STOP with call") << "STOP" << true << "tool_calls";
        QTest::newRow("MAX_TOKENS") << "MAX_TOKENS" << false << "length";
        QTest::newRow("SAFETY") << "SAFETY" << false << "content_filter";
        QTest::newRow("RECITATION") << "RECITATION" << false << "content_filter";
    }
    void stopReasons()
    {
        QFETCH(QString, gemini);
        QFETCH(bool, called);
        QFETCH(QString, openai);
        QCOMPARE(OpenAiChatCodec::finishReason(GeminiCodec::stopReasonFromJson(gemini, called)),
                 openai);
    }
};

QTEST_GUILESS_MAIN(TestCanonicalGemini)
#include "tst_providers_canonical_gemini.moc"
