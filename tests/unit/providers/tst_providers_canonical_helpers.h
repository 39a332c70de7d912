#pragma once

// Shared by the tst_providers_canonical* tests: fixtures, stream transcoding and a JSON view
// of canonical values for readable comparisons.

#include "canonical/canonicalrequest.h"
#include "canonical/canonicalstreamdecoder.h"
#include "canonical/canonicalstreamencoder.h"
#include "sse/sseparser.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

namespace CanonicalTest {

inline QByteArray fixture(const QString &relativePath)
{
    QFile file(qEnvironmentVariable("LLMO_TEST_DATA") + u'/' + relativePath);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(relativePath));
    return file.readAll();
}

inline QJsonObject object(const QByteArray &json)
{
    return QJsonDocument::fromJson(json).object();
}

// SSE bytes -> [{"event": name (if any), "data": parsed JSON, or the raw text}], for
// comparing streams independently of key order and whitespace.
inline QJsonArray sseEvents(const QByteArray &bytes)
{
    SseParser parser;
    QList<SseEvent> events;
    parser.feed(bytes, events);
    QJsonArray out;
    for (const SseEvent &e : events) {
        QJsonObject o;
        if (!e.event.isEmpty())
            o.insert(QStringLiteral("event"), QString::fromUtf8(e.event));
        const QJsonDocument doc = QJsonDocument::fromJson(e.data);
        if (doc.isObject())
            o.insert(QStringLiteral("data"), doc.object());
        else
            o.insert(QStringLiteral("data"), QString::fromUtf8(e.data));
        out.append(o);
    }
    return out;
}

// Feeds `sse` to the decoder in chunks of `chunkSize` bytes (split anywhere) and returns the
// canonical events.
inline QList<CanonicalStreamEvent> decodeStream(CanonicalStreamDecoder &decoder,
                                                const QByteArray &sse, int chunkSize = 7)
{
    SseParser parser;
    QList<CanonicalStreamEvent> out;
    for (qsizetype at = 0; at < sse.size(); at += chunkSize) {
        QList<SseEvent> events;
        parser.feed(QByteArrayView(sse).sliced(at, qMin<qsizetype>(chunkSize, sse.size() - at)),
                    events);
        for (const SseEvent &e : events)
            decoder.feed(e, out);
    }
    decoder.finish(out);
    return out;
}

inline QByteArray encodeStream(CanonicalStreamEncoder &encoder,
                               const QList<CanonicalStreamEvent> &events)
{
    QByteArray out;
    for (const CanonicalStreamEvent &e : events)
        out += encoder.encode(e);
    return out;
}

inline QJsonValue blockJson(const CanonicalBlock &b)
{
    QJsonObject o { { QStringLiteral("type"), int(b.type) } };
    auto put = [&o](const char *name, const QString &v) {
        if (!v.isEmpty())
            o.insert(QString::fromLatin1(name), v);
    };
    put("text", b.text);
    put("mediaType", b.mediaType);
    put("data", b.data);
    put("url", b.url);
    put("toolUseId", b.toolUseId);
    put("toolName", b.toolName);
    put("signature", b.signature);
    if (!b.input.isEmpty())
        o.insert(QStringLiteral("input"), b.input);
    if (b.isError)
        o.insert(QStringLiteral("isError"), true);
    if (b.issuer)
        o.insert(QStringLiteral("issuer"), int(*b.issuer));
    QJsonArray content;
    for (const CanonicalBlock &c : b.content)
        content.append(blockJson(c));
    if (!content.isEmpty())
        o.insert(QStringLiteral("content"), content);
    return o;
}

inline QJsonArray blocksJson(const QList<CanonicalBlock> &blocks)
{
    QJsonArray out;
    for (const CanonicalBlock &b : blocks)
        out.append(blockJson(b));
    return out;
}

// Everything a request carries except `model` and `unmapped`, as JSON.
inline QJsonObject requestJson(const CanonicalRequest &r)
{
    QJsonArray messages;
    for (const CanonicalMessage &m : r.messages)
        messages.append(QJsonObject { { QStringLiteral("role"), int(m.role) },
                                      { QStringLiteral("content"), blocksJson(m.content) } });
    QJsonArray tools;
    for (const CanonicalTool &t : r.tools)
        tools.append(QJsonObject { { QStringLiteral("name"), t.name },
                                   { QStringLiteral("description"), t.description },
                                   { QStringLiteral("schema"), t.inputSchema } });
    return {
        { QStringLiteral("system"), blocksJson(r.system) },
        { QStringLiteral("messages"), messages },
        { QStringLiteral("tools"), tools },
        { QStringLiteral("toolChoice"), int(r.toolChoice.mode) },
        { QStringLiteral("toolChoiceName"), r.toolChoice.name },
        { QStringLiteral("parallel"), r.parallelToolCalls ? int(*r.parallelToolCalls) : -1 },
        { QStringLiteral("temperature"), r.temperature ? *r.temperature : -1.0 },
        { QStringLiteral("topP"), r.topP ? *r.topP : -1.0 },
        { QStringLiteral("topK"), r.topK ? *r.topK : -1 },
        { QStringLiteral("stop"), QJsonArray::fromStringList(r.stopSequences) },
        { QStringLiteral("maxTokens"), r.maxTokens },
        { QStringLiteral("format"), int(r.responseFormat.type) },
        { QStringLiteral("formatSchema"), r.responseFormat.schema },
        { QStringLiteral("reasoning"), r.reasoning.enabled },
        { QStringLiteral("budget"), r.reasoning.budgetTokens },
        { QStringLiteral("effort"), r.reasoning.effort },
        { QStringLiteral("stream"), r.stream },
        { QStringLiteral("user"), r.user },
    };
}

// QCOMPARE for JSON with both sides printed on failure.
#define LLMO_COMPARE_JSON(actual, expected)                                                        \
    do {                                                                                           \
        const auto a_ = (actual);                                                                  \
        const auto e_ = (expected);                                                                \
        if (a_ != e_) {                                                                            \
            qWarning().noquote() << "actual:  " << QJsonDocument(a_).toJson();                     \
            qWarning().noquote() << "expected:" << QJsonDocument(e_).toJson();                     \
        }                                                                                          \
        QVERIFY(a_ == e_);                                                                         \
    } while (false)

} // namespace CanonicalTest
