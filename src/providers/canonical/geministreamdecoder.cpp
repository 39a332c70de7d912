#include "canonical/geministreamdecoder.h"

#include "canonical/canonicaljson.h"
#include "canonical/geminicodec.h"

#include <QJsonArray>

using Type = CanonicalBlock::Type;

void GeminiStreamDecoder::feed(const SseEvent &event, QList<CanonicalStreamEvent> &out)
{
    if (m_builder.hasEnded())
        return;
    const auto parsed = CanonicalJson::parseObject(event.data, nullptr);
    if (!parsed)
        return;
    const QJsonObject &chunk = *parsed;
    if (chunk.value(QLatin1String("error")).isObject()) {
        const QJsonObject error = chunk.value(QLatin1String("error")).toObject();
        m_builder.fail(error.value(QLatin1String("code")).toInt(500),
                       error.value(QLatin1String("message")).toString(),
                       error.value(QLatin1String("status")).toString(), out);
        return;
    }
    if (chunk.value(QLatin1String("usageMetadata")).isObject()) {
        const CanonicalUsage usage
            = GeminiCodec::usageFromJson(chunk.value(QLatin1String("usageMetadata")).toObject());
        if (usage.isKnown())
            m_usage = usage;
    }
    if (!m_builder.hasStarted()) {
        const QString id = chunk.value(QLatin1String("responseId")).toString();
        m_idPrefix = id.isEmpty() ? CanonicalJson::newId(u"call_") : QStringLiteral("call_") + id;
        m_builder.start(id, chunk.value(QLatin1String("modelVersion")).toString(), m_usage, out);
    }
    if (!chunk.value(QLatin1String("promptFeedback"))
             .toObject()
             .value(QLatin1String("blockReason"))
             .toString()
             .isEmpty()) {
        m_terminal = true;
        m_finishReason = QStringLiteral("SAFETY");
    }
    const QJsonObject candidate
        = chunk.value(QLatin1String("candidates")).toArray().at(0).toObject();
    const QJsonArray parts = candidate.value(QLatin1String("content"))
                                 .toObject()
                                 .value(QLatin1String("parts"))
                                 .toArray();
    for (const QJsonValue &v : parts) {
        const QJsonObject p = v.toObject();
        const QString signature = p.value(QLatin1String("thoughtSignature")).toString();
        int index = -1;
        Type type = Type::Text;
        if (p.contains(QLatin1String("functionCall"))) {
            const QJsonObject call = p.value(QLatin1String("functionCall")).toObject();
            QString id = call.value(QLatin1String("id")).toString();
            if (id.isEmpty())
                id = m_idPrefix + u'_' + QString::number(m_calls);
            ++m_calls;
            m_called = true;
            type = Type::ToolUse;
            index
                = m_builder.openBlock(type, out, id, call.value(QLatin1String("name")).toString());
            m_builder.delta(
                index, type,
                CanonicalJson::argumentsText(call.value(QLatin1String("args")).toObject()), out);
        } else if (p.contains(QLatin1String("text"))) {
            type = p.value(QLatin1String("thought")).toBool() ? Type::Thinking : Type::Text;
            const QString text = p.value(QLatin1String("text")).toString();
            if (!text.isEmpty() || !signature.isEmpty()) {
                index = m_builder.hasOpenBlock() && signature.size() && text.isEmpty()
                    ? m_builder.openIndex()
                    : m_builder.ensureBlock(type, out);
                type = m_builder.openType();
                if (!text.isEmpty())
                    m_builder.delta(index, type, text, out);
            }
        }
        if (!signature.isEmpty() && index >= 0)
            m_builder.delta(index, type, QString(), out, signature, WireProtocol::Gemini);
        if (type == Type::ToolUse)
            m_builder.closeBlock(out);
    }
    const QString finish = candidate.value(QLatin1String("finishReason")).toString();
    if (!finish.isEmpty()) {
        m_terminal = true;
        m_finishReason = finish;
        m_builder.closeBlock(out);
    }
}

void GeminiStreamDecoder::finish(QList<CanonicalStreamEvent> &out)
{
    if (!m_terminal || m_builder.hasEnded())
        return;
    m_builder.start(QString(), QString(), {}, out);
    m_builder.finish(GeminiCodec::stopReasonFromJson(m_finishReason, m_called), QString(), m_usage,
                     out);
}
