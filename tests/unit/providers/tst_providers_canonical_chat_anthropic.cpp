// Translation between OpenAI Chat Completions and Anthropic Messages through the canonical
// model: golden tests per direction (requests, responses, streams) from fixtures that follow
// the API references, round trips, refusals and dropped parameters.

#include "canonical/anthropiccodec.h"
#include "canonical/anthropicstreamdecoder.h"
#include "canonical/anthropicstreamencoder.h"
#include "canonical/openaichatcodec.h"
#include "canonical/openaichatstreamdecoder.h"
#include "canonical/openaichatstreamencoder.h"
#include "tst_providers_canonical_helpers.h"

#include <QTest>

using namespace CanonicalTest;
using Block = CanonicalBlock;
using Event = CanonicalStreamEvent;

namespace {

// Where LLMO_GOLDEN_DUMP is set, actual outputs are also written to that folder, to review
// a new golden file by hand; the tests never write into tests/data.
void dump(const QString &name, const QByteArray &bytes)
{
    const QString dir = qEnvironmentVariable("LLMO_GOLDEN_DUMP");
    if (dir.isEmpty())
        return;
    QFile f(dir + u'/' + name);
    if (f.open(QIODevice::WriteOnly))
        f.write(bytes);
}

QByteArray anthropicToOpenAiStream(const QByteArray &sse, bool includeUsage = true)
{
    AnthropicStreamDecoder decoder;
    OpenAiChatStreamEncoder encoder(includeUsage, 1735689600);
    return encodeStream(encoder, decodeStream(decoder, sse));
}

QByteArray openAiToAnthropicStream(const QByteArray &sse)
{
    OpenAiChatStreamDecoder decoder;
    AnthropicStreamEncoder encoder;
    return encodeStream(encoder, decodeStream(decoder, sse));
}

} // namespace

class TestCanonicalChatAnthropic final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void requestOpenAiToAnthropic()
    {
        QString error;
        const auto canonical = OpenAiChatCodec::decodeRequest(
            fixture(QStringLiteral("translation/openai-request-tools.json")), &error);
        QVERIFY2(canonical, qPrintable(error));
        QStringList dropped;
        QString refusal;
        const QByteArray body = AnthropicCodec::encodeRequest(
            *canonical, QStringLiteral("claude-sonnet-4-5"), &refusal, &dropped);
        QVERIFY(refusal.isEmpty());
        dump(QStringLiteral("anthropic-request-from-openai-tools.json"), body);
        LLMO_COMPARE_JSON(object(body),
                          object(fixture(QStringLiteral(
                              "translation/anthropic-request-from-openai-tools.json"))));
        // logprobs and seed have no Anthropic counterpart; include_usage is implicit there.
        dropped.sort();
        QCOMPARE(dropped, QStringList({ QStringLiteral("logprobs"), QStringLiteral("seed") }));
    }

    void requestAnthropicToOpenAi()
    {
        QString error;
        const auto canonical = AnthropicCodec::decodeRequest(
            fixture(QStringLiteral("translation/anthropic-request-claude-code.json")), &error);
        QVERIFY2(canonical, qPrintable(error));
        QStringList dropped;
        QString refusal;
        const QByteArray body = OpenAiChatCodec::encodeRequest(
            *canonical, QStringLiteral("deepseek-chat"), &refusal, &dropped);
        QVERIFY(refusal.isEmpty());
        dump(QStringLiteral("openai-request-from-anthropic-claude-code.json"), body);
        LLMO_COMPARE_JSON(object(body),
                          object(fixture(QStringLiteral(
                              "translation/openai-request-from-anthropic-claude-code.json"))));
        // The signed thinking block is not replayed to OpenAI; top_k and cache_control have no
        // OpenAI counterpart.
        dropped.sort();
        QCOMPARE(dropped,
                 QStringList({ QStringLiteral("cache_control"), QStringLiteral("thinking"),
                               QStringLiteral("top_k") }));
    }

    // protocol -> canonical -> same protocol -> canonical keeps every canonical field, for the
    // reference's own requests and the translation fixtures.
    void requestRoundTrip_data()
    {
        QTest::addColumn<bool>("anthropic");
        QTest::addColumn<QString>("file");
        QTest::newRow("openai tools")
            << false << QStringLiteral("translation/openai-request-tools.json");
        QTest::newRow("openai from claude code")
            << false
            << QStringLiteral("translation/openai-request-from-anthropic-claude-code.json");
        QTest::newRow("anthropic claude code")
            << true << QStringLiteral("translation/anthropic-request-claude-code.json");
        QTest::newRow("anthropic from openai")
            << true << QStringLiteral("translation/anthropic-request-from-openai-tools.json");
        QTest::newRow("anthropic multi-turn")
            << true << QStringLiteral("anthropic/request-multi-turn.json");
        QTest::newRow("anthropic tool use")
            << true << QStringLiteral("anthropic/request-tool-use-stream.json");
        QTest::newRow("anthropic thinking")
            << true << QStringLiteral("anthropic/request-thinking-stream.json");
    }
    void requestRoundTrip()
    {
        QFETCH(bool, anthropic);
        QFETCH(QString, file);
        const QByteArray original = fixture(file);
        QString error;
        QString refusal;
        const auto decode = [&](const QByteArray &body) {
            return anthropic ? AnthropicCodec::decodeRequest(body, &error)
                             : OpenAiChatCodec::decodeRequest(body, &error);
        };
        const auto first = decode(original);
        QVERIFY2(first, qPrintable(error));
        const QByteArray encoded = anthropic
            ? AnthropicCodec::encodeRequest(*first, first->model, &refusal)
            : OpenAiChatCodec::encodeRequest(*first, first->model, &refusal);
        const auto second = decode(encoded);
        QVERIFY2(second, qPrintable(error));
        LLMO_COMPARE_JSON(requestJson(*second), requestJson(*first));
        QCOMPARE(second->model, first->model);
    }

    // The translation fixtures were written in each protocol's plain form: encoding their
    // canonical form gives back the same JSON, member for member.
    void requestRoundTripExact_data()
    {
        QTest::addColumn<bool>("anthropic");
        QTest::addColumn<QString>("file");
        QTest::newRow("openai")
            << false
            << QStringLiteral("translation/openai-request-from-anthropic-claude-code.json");
        QTest::newRow("anthropic")
            << true << QStringLiteral("translation/anthropic-request-from-openai-tools.json");
    }
    void requestRoundTripExact()
    {
        QFETCH(bool, anthropic);
        QFETCH(QString, file);
        const QByteArray original = fixture(file);
        QString error;
        QString refusal;
        QStringList dropped;
        QByteArray encoded;
        if (anthropic) {
            const auto r = AnthropicCodec::decodeRequest(original, &error);
            QVERIFY2(r, qPrintable(error));
            encoded = AnthropicCodec::encodeRequest(*r, r->model, &refusal, &dropped);
        } else {
            const auto r = OpenAiChatCodec::decodeRequest(original, &error);
            QVERIFY2(r, qPrintable(error));
            encoded = OpenAiChatCodec::encodeRequest(*r, r->model, &refusal, &dropped);
        }
        LLMO_COMPARE_JSON(object(encoded), object(original));
        QVERIFY(dropped.isEmpty());
    }

    void responseAnthropicToOpenAi()
    {
        QString error;
        const auto r = AnthropicCodec::decodeResponse(
            fixture(QStringLiteral("anthropic/response-cache-read.json")), &error);
        QVERIFY2(r, qPrintable(error));
        const QJsonObject body = object(OpenAiChatCodec::encodeResponse(*r, 1735689600));
        const QJsonObject expected {
            { QStringLiteral("id"), QStringLiteral("msg_01XFDUDYJgAACzvnptvVoYEL") },
            { QStringLiteral("object"), QStringLiteral("chat.completion") },
            { QStringLiteral("created"), 1735689600 },
            { QStringLiteral("model"), QStringLiteral("claude-3-7-sonnet-20250219") },
            { QStringLiteral("choices"),
              QJsonArray { QJsonObject {
                  { QStringLiteral("index"), 0 },
                  { QStringLiteral("message"),
                    QJsonObject { { QStringLiteral("role"), QStringLiteral("assistant") },
                                  { QStringLiteral("content"), QStringLiteral("Hello!") } } },
                  { QStringLiteral("logprobs"), QJsonValue() },
                  { QStringLiteral("finish_reason"), QStringLiteral("stop") } } } },
            // Anthropic's input_tokens exclude cache reads: OpenAI's prompt_tokens include them.
            { QStringLiteral("usage"),
              QJsonObject { { QStringLiteral("prompt_tokens"), 21 + 188086 },
                            { QStringLiteral("completion_tokens"), 393 },
                            { QStringLiteral("total_tokens"), 21 + 188086 + 393 },
                            { QStringLiteral("prompt_tokens_details"),
                              QJsonObject { { QStringLiteral("cached_tokens"), 188086 } } } } },
        };
        LLMO_COMPARE_JSON(body, expected);
    }

    void responseOpenAiToAnthropic()
    {
        QString error;
        const auto r = OpenAiChatCodec::decodeResponse(
            fixture(QStringLiteral("openai/mock-chat-completion.json")), &error);
        QVERIFY2(r, qPrintable(error));
        const QJsonObject body = object(AnthropicCodec::encodeResponse(*r));
        const QJsonObject expected = object(R"({"id":"chatcmpl-mock-1","type":"message",
            "role":"assistant","model":"gpt-4o-mini",
            "content":[{"type":"text","text":"Hello from the mock provider."}],
            "stop_reason":"end_turn","stop_sequence":null,
            "usage":{"input_tokens":8,"output_tokens":7,"cache_read_input_tokens":3}})");
        LLMO_COMPARE_JSON(body, expected);
    }

    void responseToolCalls()
    {
        // An Anthropic tool_use answer becomes OpenAI tool_calls and back, ids kept.
        const QByteArray anthropic = R"({"id":"msg_1","type":"message","role":"assistant",
            "model":"claude","content":[{"type":"thinking","thinking":"hmm","signature":"sig"},
            {"type":"text","text":"Checking."},
            {"type":"tool_use","id":"toolu_1","name":"get_weather","input":{"location":"Paris"}}],
            "stop_reason":"tool_use","stop_sequence":null,
            "usage":{"input_tokens":10,"output_tokens":5}})";
        QString error;
        const auto r = AnthropicCodec::decodeResponse(anthropic, &error);
        QVERIFY2(r, qPrintable(error));
        const QJsonObject openai = object(OpenAiChatCodec::encodeResponse(*r, 1));
        const QJsonObject choice
            = openai.value(QLatin1String("choices")).toArray().at(0).toObject();
        QCOMPARE(choice.value(QLatin1String("finish_reason")).toString(),
                 QStringLiteral("tool_calls"));
        const QJsonObject message = choice.value(QLatin1String("message")).toObject();
        QCOMPARE(message.value(QLatin1String("content")).toString(), QStringLiteral("Checking."));
        QCOMPARE(message.value(QLatin1String("reasoning_content")).toString(),
                 QStringLiteral("hmm"));
        const QJsonObject call
            = message.value(QLatin1String("tool_calls")).toArray().at(0).toObject();
        QCOMPARE(call.value(QLatin1String("id")).toString(), QStringLiteral("toolu_1"));
        QCOMPARE(call.value(QLatin1String("function"))
                     .toObject()
                     .value(QLatin1String("arguments"))
                     .toString(),
                 QStringLiteral(R"({"location":"Paris"})"));

        const auto back
            = OpenAiChatCodec::decodeResponse(OpenAiChatCodec::encodeResponse(*r, 1), &error);
        QVERIFY2(back, qPrintable(error));
        const QJsonObject again = object(AnthropicCodec::encodeResponse(*back));
        // Thinking from OpenAI has no signature: it is shown, with an empty signature.
        const QJsonObject expected = object(R"({"id":"msg_1","type":"message","role":"assistant",
            "model":"claude","content":[{"type":"thinking","thinking":"hmm","signature":""},
            {"type":"text","text":"Checking."},
            {"type":"tool_use","id":"toolu_1","name":"get_weather","input":{"location":"Paris"}}],
            "stop_reason":"tool_use","stop_sequence":null,
            "usage":{"input_tokens":10,"output_tokens":5}})");
        LLMO_COMPARE_JSON(again, expected);
    }

    void stopReasons_data()
    {
        QTest::addColumn<QString>("anthropic");
        QTest::addColumn<QString>("openai");
        QTest::addColumn<QString>("anthropicAgain");
        QTest::newRow("end_turn") << "end_turn"
                                  << "stop"
                                  << "end_turn";
        QTest::newRow("max_tokens") << "max_tokens"
                                    << "length"
                                    << "max_tokens";
        QTest::newRow("tool_use") << "tool_use"
                                  << "tool_calls"
                                  << "tool_use";
        // OpenAI does not tell a stop sequence from a natural end.
        QTest::newRow("stop_sequence") << "stop_sequence"
                                       << "stop"
                                       << "end_turn";
        QTest::newRow("refusal") << "refusal"
                                 << "content_filter"
                                 << "refusal";
        QTest::newRow("pause_turn") << "pause_turn"
                                    << "stop"
                                    << "end_turn";
    }
    void stopReasons()
    {
        QFETCH(QString, anthropic);
        QFETCH(QString, openai);
        QFETCH(QString, anthropicAgain);
        const CanonicalStopReason reason = AnthropicCodec::stopReasonFromJson(anthropic);
        QCOMPARE(OpenAiChatCodec::finishReason(reason), openai);
        QCOMPARE(AnthropicCodec::stopReasonName(OpenAiChatCodec::stopReasonFromFinish(openai)),
                 anthropicAgain);
    }

    void streamGolden_data()
    {
        QTest::addColumn<bool>("fromAnthropic");
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        QTest::newRow("anthropic tool use -> openai")
            << true << QStringLiteral("anthropic/stream-tool-use.sse")
            << QStringLiteral("openai-stream-from-anthropic-tool-use.sse");
        QTest::newRow("anthropic thinking -> openai")
            << true << QStringLiteral("anthropic/stream-thinking.sse")
            << QStringLiteral("openai-stream-from-anthropic-thinking.sse");
        QTest::newRow("anthropic overloaded -> openai")
            << true << QStringLiteral("anthropic/stream-error-overloaded.sse")
            << QStringLiteral("openai-stream-from-anthropic-error.sse");
        QTest::newRow("openai parallel tools -> anthropic")
            << false << QStringLiteral("translation/openai-stream-parallel-tools.sse")
            << QStringLiteral("anthropic-stream-from-openai-parallel-tools.sse");
        QTest::newRow("openai reasoning -> anthropic")
            << false << QStringLiteral("translation/openai-stream-reasoning.sse")
            << QStringLiteral("anthropic-stream-from-openai-reasoning.sse");
    }
    void streamGolden()
    {
        QFETCH(bool, fromAnthropic);
        QFETCH(QString, input);
        QFETCH(QString, expected);
        const QByteArray in = fixture(input);
        const QByteArray out
            = fromAnthropic ? anthropicToOpenAiStream(in) : openAiToAnthropicStream(in);
        dump(expected, out);
        LLMO_COMPARE_JSON(sseEvents(out),
                          sseEvents(fixture(QStringLiteral("translation/") + expected)));
    }

    // Anthropic -> canonical -> Anthropic gives the reference's stream back, event for event
    // (pings aside: they carry nothing).
    void streamRoundTripAnthropic_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("basic") << QStringLiteral("anthropic/stream-basic.sse");
        QTest::newRow("tool use") << QStringLiteral("anthropic/stream-tool-use.sse");
        QTest::newRow("thinking") << QStringLiteral("anthropic/stream-thinking.sse");
    }
    void streamRoundTripAnthropic()
    {
        QFETCH(QString, file);
        const QByteArray in = fixture(file);
        AnthropicStreamDecoder decoder;
        AnthropicStreamEncoder encoder;
        const QByteArray out = encodeStream(encoder, decodeStream(decoder, in));
        QJsonArray expected;
        for (const QJsonValue &v : sseEvents(in)) {
            if (v.toObject().value(QLatin1String("event")).toString() != QLatin1String("ping"))
                expected.append(v);
        }
        // The thinking example shows no usage at all; the encoder always reports it.
        QJsonArray actual = sseEvents(out);
        if (file.contains(QLatin1String("thinking"))) {
            for (int i = 0; i < actual.size(); ++i) {
                QJsonObject e = actual.at(i).toObject();
                QJsonObject data = e.value(QLatin1String("data")).toObject();
                if (data.contains(QLatin1String("usage"))) {
                    data.remove(QStringLiteral("usage"));
                } else if (data.contains(QLatin1String("message"))) {
                    QJsonObject m = data.value(QLatin1String("message")).toObject();
                    m.remove(QStringLiteral("usage"));
                    data.insert(QStringLiteral("message"), m);
                }
                e.insert(QStringLiteral("data"), data);
                actual.replace(i, e);
            }
        }
        LLMO_COMPARE_JSON(actual, expected);
    }

    // OpenAI -> canonical -> OpenAI keeps content, reasoning, every tool call delta, the
    // finish reason and usage.
    void streamRoundTripOpenAi()
    {
        const QByteArray in
            = fixture(QStringLiteral("translation/openai-stream-parallel-tools.sse"));
        OpenAiChatStreamDecoder decoder;
        OpenAiChatStreamEncoder encoder(true, 1735689600);
        const QJsonArray out = sseEvents(encodeStream(encoder, decodeStream(decoder, in)));
        QStringList arguments;
        QStringList ids;
        QString finish;
        QJsonObject usage;
        for (const QJsonValue &v : out) {
            if (!v.toObject().value(QLatin1String("data")).isObject())
                continue; // [DONE]
            const QJsonObject data = v.toObject().value(QLatin1String("data")).toObject();
            QCOMPARE(data.value(QLatin1String("id")).toString(), QStringLiteral("chatcmpl-par"));
            if (data.contains(QLatin1String("usage")))
                usage = data.value(QLatin1String("usage")).toObject();
            const QJsonObject choice
                = data.value(QLatin1String("choices")).toArray().at(0).toObject();
            if (choice.value(QLatin1String("finish_reason")).isString())
                finish = choice.value(QLatin1String("finish_reason")).toString();
            for (const QJsonValue &c : choice.value(QLatin1String("delta"))
                                           .toObject()
                                           .value(QLatin1String("tool_calls"))
                                           .toArray()) {
                const QJsonObject call = c.toObject();
                const int i = call.value(QLatin1String("index")).toInt();
                while (arguments.size() <= i) {
                    arguments.append(QString());
                    ids.append(QString());
                }
                if (call.contains(QLatin1String("id")))
                    ids[i] = call.value(QLatin1String("id")).toString();
                arguments[i] += call.value(QLatin1String("function"))
                                    .toObject()
                                    .value(QLatin1String("arguments"))
                                    .toString();
            }
        }
        QCOMPARE(ids, QStringList({ QStringLiteral("call_paris"), QStringLiteral("call_tokyo") }));
        QCOMPARE(arguments,
                 QStringList({ QStringLiteral(R"({"location": "Paris"})"),
                               QStringLiteral(R"({"location": "Tokyo"})") }));
        QCOMPARE(finish, QStringLiteral("tool_calls"));
        QCOMPARE(usage.value(QLatin1String("prompt_tokens")).toInt(), 82);
        QCOMPARE(usage.value(QLatin1String("prompt_tokens_details"))
                     .toObject()
                     .value(QLatin1String("cached_tokens"))
                     .toInt(),
                 64);
        QCOMPARE(out.last().toObject().value(QLatin1String("data")).toString(),
                 QStringLiteral("[DONE]"));
    }

    // message_delta's usage is cumulative; an input count without the cache counts must not
    // lower the total that message_start reported.
    void streamUsageMerge()
    {
        const QByteArray sse
            = "event: message_start\n"
              "data: {\"type\":\"message_start\",\"message\":{\"id\":\"m\","
              "\"model\":\"c\",\"usage\":{\"input_tokens\":10,"
              "\"cache_read_input_tokens\":100,\"cache_creation_input_tokens\":0,"
              "\"output_tokens\":1}}}\n\n"
              "event: message_delta\n"
              "data: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":"
              "\"end_turn\"},\"usage\":{\"input_tokens\":10,\"output_tokens\":5}}\n\n"
              "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n";
        AnthropicStreamDecoder decoder;
        const QList<Event> events = decodeStream(decoder, sse);
        QVERIFY(decoder.isFinished());
        const Event &delta = events.at(events.size() - 2);
        QCOMPARE(delta.type, Event::Type::MessageDelta);
        QCOMPARE(delta.usage.inputTokens, qint64(110));
        QCOMPARE(delta.usage.cachedTokens, qint64(100));
        QCOMPARE(delta.usage.outputTokens, qint64(5));
        // To OpenAI: prompt_tokens include the cache read.
        OpenAiChatStreamEncoder encoder(true, 1);
        const QJsonArray out = sseEvents(encodeStream(encoder, events));
        const QJsonObject usage = out.at(out.size() - 2)
                                      .toObject()
                                      .value(QLatin1String("data"))
                                      .toObject()
                                      .value(QLatin1String("usage"))
                                      .toObject();
        QCOMPARE(usage.value(QLatin1String("prompt_tokens")).toInteger(), 110);
        QCOMPARE(usage.value(QLatin1String("completion_tokens")).toInteger(), 5);
    }

    void streamTermination()
    {
        // Cut before any finish_reason: not finished, nothing made up.
        OpenAiChatStreamDecoder cut;
        const QByteArray full
            = fixture(QStringLiteral("translation/openai-stream-parallel-tools.sse"));
        const QList<Event> cutEvents = decodeStream(
            cut,
            full.left(full.indexOf("finish_reason\":\"tool_calls"))
                .left(full.lastIndexOf("\n\ndata:", full.indexOf("finish_reason\":\"tool_calls"))
                      + 2));
        QVERIFY(!cut.isFinished());
        QVERIFY(cutEvents.last().type != Event::Type::End);

        // A finish chunk without "[DONE]" (some compatible servers): finished at close.
        OpenAiChatStreamDecoder noDone;
        decodeStream(noDone, full.left(full.indexOf("data: [DONE]")));
        QVERIFY(noDone.isFinished());

        // Anthropic without message_stop after message_delta: finished at close; without
        // message_delta: truncated.
        const QByteArray anthropic = fixture(QStringLiteral("anthropic/stream-basic.sse"));
        AnthropicStreamDecoder noStop;
        decodeStream(noStop, anthropic.left(anthropic.indexOf("event: message_stop")));
        QVERIFY(noStop.isFinished());
        AnthropicStreamDecoder truncated;
        decodeStream(truncated, anthropic.left(anthropic.indexOf("event: message_delta")));
        QVERIFY(!truncated.isFinished());
    }

    void refusals_data()
    {
        QTest::addColumn<bool>("anthropic");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("expected");
        QTest::newRow("n > 1")
            << false
            << QByteArray(R"({"model":"m","n":2,"messages":[{"role":"user","content":"hi"}]})")
            << QStringLiteral("n > 1");
        QTest::newRow("audio") << false
                               << QByteArray(
                                      R"({"model":"m","audio":{"voice":"alloy"},"messages":[]})")
                               << QStringLiteral("audio");
        QTest::newRow("custom tool")
            << false
            << QByteArray(
                   R"({"model":"m","messages":[],"tools":[{"type":"custom","custom":{"name":"x"}}]})")
            << QStringLiteral("custom");
        QTest::newRow("input_audio part")
            << false
            << QByteArray(
                   R"({"model":"m","messages":[{"role":"user","content":[{"type":"input_audio"}]}]})")
            << QStringLiteral("input_audio");
        QTest::newRow("not json") << false << QByteArray("{") << QStringLiteral("invalid JSON");
        QTest::newRow("no model") << true << QByteArray(R"({"messages":[]})")
                                  << QStringLiteral("model");
        QTest::newRow("server tool")
            << true
            << QByteArray(
                   R"({"model":"m","max_tokens":5,"messages":[],"tools":[{"type":"web_search_20250305","name":"web_search"}]})")
            << QStringLiteral("web_search_20250305");
        QTest::newRow("document")
            << true
            << QByteArray(
                   R"({"model":"m","max_tokens":5,"messages":[{"role":"user","content":[{"type":"document","source":{}}]}]})")
            << QStringLiteral("document");
    }
    void refusals()
    {
        QFETCH(bool, anthropic);
        QFETCH(QByteArray, body);
        QFETCH(QString, expected);
        QString error;
        const auto r = anthropic ? AnthropicCodec::decodeRequest(body, &error)
                                 : OpenAiChatCodec::decodeRequest(body, &error);
        QVERIFY(!r);
        QVERIFY2(error.contains(expected), qPrintable(error));
    }

    void previousResponseIdRefused()
    {
        CanonicalRequest r;
        r.model = QStringLiteral("m");
        r.previousResponseId = QStringLiteral("resp_1");
        QString refusal;
        QVERIFY(OpenAiChatCodec::encodeRequest(r, QStringLiteral("x"), &refusal).isEmpty());
        QVERIFY(refusal.contains(QLatin1String("previous_response_id")));
        refusal.clear();
        QVERIFY(AnthropicCodec::encodeRequest(r, QStringLiteral("x"), &refusal).isEmpty());
        QVERIFY(refusal.contains(QLatin1String("previous_response_id")));
    }

    void maxTokensDefault_data()
    {
        QTest::addColumn<QByteArray>("openai");
        QTest::addColumn<qint64>("defaultMax");
        QTest::addColumn<qint64>("maxTokens");
        QTest::addColumn<qint64>("budget");
        const QByteArray plain = R"({"model":"m","messages":[{"role":"user","content":"hi"}]})";
        QTest::newRow("documented default")
            << plain << AnthropicCodec::kDefaultMaxTokens << qint64(4096) << qint64(-1);
        QTest::newRow("caller's default") << plain << qint64(8192) << qint64(8192) << qint64(-1);
        QTest::newRow("request's value")
            << QByteArray(R"({"model":"m","max_tokens":100,"messages":[]})") << qint64(8192)
            << qint64(100) << qint64(-1);
        // reasoning_effort high: budget 16384 >= max_tokens 4096 -> max_tokens raised above it.
        QTest::newRow("raised for thinking")
            << QByteArray(R"({"model":"m","reasoning_effort":"high","messages":[]})")
            << qint64(4096) << qint64(16384 + 1024) << qint64(16384);
        QTest::newRow("low effort") << QByteArray(
            R"({"model":"m","reasoning_effort":"low","max_tokens":2000,"messages":[]})")
                                    << qint64(4096) << qint64(2000) << qint64(1024);
    }
    void maxTokensDefault()
    {
        QFETCH(QByteArray, openai);
        QFETCH(qint64, defaultMax);
        QFETCH(qint64, maxTokens);
        QFETCH(qint64, budget);
        QString error;
        const auto r = OpenAiChatCodec::decodeRequest(openai, &error);
        QVERIFY2(r, qPrintable(error));
        QString refusal;
        const QJsonObject body = object(
            AnthropicCodec::encodeRequest(*r, QStringLiteral("c"), &refusal, nullptr, defaultMax));
        QCOMPARE(body.value(QLatin1String("max_tokens")).toInteger(), maxTokens);
        QCOMPARE(body.value(QLatin1String("thinking"))
                     .toObject()
                     .value(QLatin1String("budget_tokens"))
                     .toInteger(-1),
                 budget);
    }

    // Signatures are never replayed to a provider that did not issue them.
    void thinkingSignatures()
    {
        CanonicalRequest r;
        r.model = QStringLiteral("m");
        Block own;
        own.type = Block::Type::Thinking;
        own.text = QStringLiteral("mine");
        own.signature = QStringLiteral("sig-anthropic");
        own.issuer = WireProtocol::Anthropic;
        Block foreign = own;
        foreign.text = QStringLiteral("gemini's");
        foreign.signature = QStringLiteral("sig-gemini");
        foreign.issuer = WireProtocol::Gemini;
        r.messages
            = { { CanonicalMessage::Role::User, { Block::makeText(QStringLiteral("q")) } },
                { CanonicalMessage::Role::Assistant,
                  { own, foreign, Block::makeText(QStringLiteral("a")) } },
                { CanonicalMessage::Role::User, { Block::makeText(QStringLiteral("q2")) } } };
        QString refusal;
        QStringList dropped;
        const QJsonObject body
            = object(AnthropicCodec::encodeRequest(r, QStringLiteral("c"), &refusal, &dropped));
        const QJsonArray content = body.value(QLatin1String("messages"))
                                       .toArray()
                                       .at(1)
                                       .toObject()
                                       .value(QLatin1String("content"))
                                       .toArray();
        QCOMPARE(content.size(), 2);
        QCOMPARE(content.at(0).toObject().value(QLatin1String("signature")).toString(),
                 QStringLiteral("sig-anthropic"));
        QCOMPARE(content.at(1).toObject().value(QLatin1String("text")).toString(),
                 QStringLiteral("a"));
        QCOMPARE(dropped, QStringList { QStringLiteral("thinking") });
        QVERIFY(!OpenAiChatCodec::encodeRequest(r, QStringLiteral("o"), &refusal).contains("sig-"));

        // In a stream: a signature from another issuer is not written as signature_delta.
        AnthropicStreamEncoder encoder;
        Event start;
        start.type = Event::Type::BlockStart;
        start.index = 0;
        start.blockType = Block::Type::Thinking;
        Event delta = start;
        delta.type = Event::Type::BlockDelta;
        delta.text = QStringLiteral("t");
        delta.signature = QStringLiteral("sig-gemini");
        delta.issuer = WireProtocol::Gemini;
        QByteArray bytes = encoder.encode(start);
        bytes += encoder.encode(delta);
        QVERIFY(!bytes.contains("signature_delta"));
        QVERIFY(bytes.contains("thinking_delta"));
    }

    // Anthropic's order rules from an OpenAI conversation: merged turns, tool results first,
    // a leading assistant turn gets a user turn before it.
    void anthropicMessageOrder()
    {
        const QByteArray openai = R"({"model":"m","messages":[
            {"role":"assistant","content":"Hi, how can I help?"},
            {"role":"user","content":"first"},{"role":"user","content":"second"},
            {"role":"assistant","content":"","tool_calls":[{"id":"c1","type":"function","function":{"name":"f","arguments":""}}]},
            {"role":"user","content":"not yet"},
            {"role":"tool","tool_call_id":"c1","content":"done"}]})";
        QString error;
        const auto r = OpenAiChatCodec::decodeRequest(openai, &error);
        QVERIFY2(r, qPrintable(error));
        QString refusal;
        const QJsonObject body
            = object(AnthropicCodec::encodeRequest(*r, QStringLiteral("c"), &refusal));
        const QJsonArray expected = object(R"j({"m":[
            {"role":"user","content":"(continue)"},
            {"role":"assistant","content":[{"type":"text","text":"Hi, how can I help?"}]},
            {"role":"user","content":[{"type":"text","text":"first"},{"type":"text","text":"second"}]},
            {"role":"assistant","content":[{"type":"tool_use","id":"c1","name":"f","input":{}}]},
            {"role":"user","content":[{"type":"tool_result","tool_use_id":"c1","content":[{"type":"text","text":"done"}]},
                                      {"type":"text","text":"not yet"}]}]})j")
                                        .value(QLatin1String("m"))
                                        .toArray();
        LLMO_COMPARE_JSON(body.value(QLatin1String("messages")).toArray(), expected);
    }

    void images_data()
    {
        QTest::addColumn<QByteArray>("openaiPart");
        QTest::addColumn<QByteArray>("anthropicBlock");
        QTest::newRow("base64")
            << QByteArray(
                   R"({"type":"image_url","image_url":{"url":"data:image/jpeg;base64,iVBORw0K"}})")
            << QByteArray(
                   R"({"type":"image","source":{"type":"base64","media_type":"image/jpeg","data":"iVBORw0K"}})");
        QTest::newRow("url")
            << QByteArray(
                   R"({"type":"image_url","image_url":{"url":"https:\/\/example.com/cat.png"}})")
            << QByteArray(
                   R"({"type":"image","source":{"type":"url","url":"https:\/\/example.com/cat.png"}})");
    }
    void images()
    {
        QFETCH(QByteArray, openaiPart);
        QFETCH(QByteArray, anthropicBlock);
        QString error;
        QString refusal;
        const auto fromOpenAi = OpenAiChatCodec::decodeRequest(
            QByteArray(R"({"model":"m","messages":[{"role":"user","content":[)" + openaiPart
                       + "]}]}"),
            &error);
        QVERIFY2(fromOpenAi, qPrintable(error));
        const QJsonObject a
            = object(AnthropicCodec::encodeRequest(*fromOpenAi, QStringLiteral("c"), &refusal));
        LLMO_COMPARE_JSON(a.value(QLatin1String("messages"))
                              .toArray()
                              .at(0)
                              .toObject()
                              .value(QLatin1String("content"))
                              .toArray()
                              .at(0)
                              .toObject(),
                          object(anthropicBlock));
        const auto fromAnthropic = AnthropicCodec::decodeRequest(
            QByteArray(R"({"model":"m","max_tokens":1,"messages":[{"role":"user","content":[)"
                       + anthropicBlock + "]}]}"),
            &error);
        QVERIFY2(fromAnthropic, qPrintable(error));
        const QJsonObject o
            = object(OpenAiChatCodec::encodeRequest(*fromAnthropic, QStringLiteral("o"), &refusal));
        LLMO_COMPARE_JSON(o.value(QLatin1String("messages"))
                              .toArray()
                              .at(0)
                              .toObject()
                              .value(QLatin1String("content"))
                              .toArray()
                              .at(0)
                              .toObject(),
                          object(openaiPart));
    }

    void responseFormatToAnthropic()
    {
        const QByteArray openai = R"({"model":"m","messages":[{"role":"user","content":"x"}],
            "response_format":{"type":"json_schema","json_schema":{"name":"p","schema":{"type":"object"}}}})";
        QString error;
        const auto r = OpenAiChatCodec::decodeRequest(openai, &error);
        QVERIFY2(r, qPrintable(error));
        QString refusal;
        const QJsonObject body
            = object(AnthropicCodec::encodeRequest(*r, QStringLiteral("c"), &refusal));
        const QString system = body.value(QLatin1String("system"))
                                   .toArray()
                                   .last()
                                   .toObject()
                                   .value(QLatin1String("text"))
                                   .toString();
        QVERIFY2(system.contains(QLatin1String(R"({"type":"object"})")), qPrintable(system));
    }
};

QTEST_GUILESS_MAIN(TestCanonicalChatAnthropic)
#include "tst_providers_canonical_chat_anthropic.moc"
