#include "canonical/openaichatstreamdecoder.h"

#include "canonical/canonicaljson.h"
#include "canonical/openaichatcodec.h"

#include <QJsonArray>

using Type = CanonicalBlock::Type;

namespace {

int statusForError(const QJsonObject &error)
{
    const QJsonValue code = error.value(QLatin1String("code"));
    if (code.isDouble() && code.toInt() >= 400)
        return code.toInt();
    const QString type = error.value(QLatin1String("type")).toString();
    if (type.contains(QLatin1String("rate_limit")))
        return 429;
    if (type == QLatin1String("invalid_request_error"))
        return 400;
    return 500;
}

} // namespace

void OpenAiChatStreamDecoder::feed(const SseEvent &event, QList<CanonicalStreamEvent> &out)
{
    if (m_builder.hasEnded())
        return;
    if (event.data.trimmed() == QByteArrayLiteral("[DONE]")) {
        m_builder.start(QString(), QString(), {}, out);
        m_builder.finish(m_stopReason, QString(), m_usage, out);
        return;
    }
    const auto parsed = CanonicalJson::parseObject(event.data, nullptr);
    if (!parsed)
        return;
    const QJsonObject &chunk = *parsed;
    const QJsonValue errorValue = chunk.value(QLatin1String("error"));
    if (errorValue.isObject() || event.event == QByteArrayLiteral("error")) {
        const QJsonObject error = errorValue.toObject();
        m_builder.fail(statusForError(error), error.value(QLatin1String("message")).toString(),
                       error.value(QLatin1String("type")).toString(), out);
        return;
    }
    m_builder.start(chunk.value(QLatin1String("id")).toString(),
                    chunk.value(QLatin1String("model")).toString(), {}, out);
    if (chunk.value(QLatin1String("usage")).isObject())
        m_usage = OpenAiChatCodec::usageFromJson(chunk.value(QLatin1String("usage")).toObject());

    const QJsonArray choices = chunk.value(QLatin1String("choices")).toArray();
    if (choices.isEmpty())
        return;
    const QJsonObject choice = choices.first().toObject();
    const QJsonObject delta = choice.value(QLatin1String("delta")).toObject();

    QString reasoning = delta.value(QLatin1String("reasoning_content")).toString();
    if (reasoning.isEmpty())
        reasoning = delta.value(QLatin1String("reasoning")).toString();
    if (!reasoning.isEmpty()) {
        const int index = m_builder.ensureBlock(Type::Thinking, out);
        m_builder.delta(index, Type::Thinking, reasoning, out);
    }
    for (const char *member : { "content", "refusal" }) {
        const QString text = delta.value(QLatin1String(member)).toString();
        if (!text.isEmpty()) {
            const int index = m_builder.ensureBlock(Type::Text, out);
            m_builder.delta(index, Type::Text, text, out);
        }
    }
    for (const QJsonValue &callValue : delta.value(QLatin1String("tool_calls")).toArray()) {
        const QJsonObject call = callValue.toObject();
        const int callIndex = call.value(QLatin1String("index")).toInt();
        const QJsonObject function = call.value(QLatin1String("function")).toObject();
        auto it = m_toolBlocks.find(callIndex);
        if (it == m_toolBlocks.end()) {
            QString id = call.value(QLatin1String("id")).toString();
            if (id.isEmpty())
                id = CanonicalJson::newId(u"call_");
            const int index = m_builder.openBlock(Type::ToolUse, out, id,
                                                  function.value(QLatin1String("name")).toString());
            it = m_toolBlocks.insert(callIndex, index);
        }
        const QString arguments = function.value(QLatin1String("arguments")).toString();
        if (!arguments.isEmpty())
            m_builder.delta(*it, Type::ToolUse, arguments, out);
    }
    const QString finish = choice.value(QLatin1String("finish_reason")).toString();
    if (!finish.isEmpty()) {
        m_finished = true;
        m_stopReason = OpenAiChatCodec::stopReasonFromFinish(finish);
        m_builder.closeBlock(out);
    }
}

void OpenAiChatStreamDecoder::finish(QList<CanonicalStreamEvent> &out)
{
    if (m_finished && !m_builder.hasEnded())
        m_builder.finish(m_stopReason, QString(), m_usage, out);
}
