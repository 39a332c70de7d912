#include "canonical/anthropicstreamdecoder.h"

#include "canonical/anthropiccodec.h"
#include "canonical/canonicaljson.h"

using Type = CanonicalBlock::Type;

namespace {

int statusForErrorType(const QString &type)
{
    if (type == QLatin1String("overloaded_error"))
        return 529;
    if (type == QLatin1String("rate_limit_error"))
        return 429;
    if (type == QLatin1String("invalid_request_error"))
        return 400;
    if (type == QLatin1String("authentication_error"))
        return 401;
    if (type == QLatin1String("permission_error"))
        return 403;
    if (type == QLatin1String("not_found_error"))
        return 404;
    if (type == QLatin1String("request_too_large"))
        return 413;
    if (type == QLatin1String("timeout_error"))
        return 504;
    return 500;
}

void mergeUsage(CanonicalUsage &into, const CanonicalUsage &from)
{
    if (from.inputTokens >= 0)
        into.inputTokens = from.inputTokens;
    if (from.outputTokens >= 0)
        into.outputTokens = from.outputTokens;
    if (from.cachedTokens >= 0)
        into.cachedTokens = from.cachedTokens;
    if (from.cacheCreationTokens >= 0)
        into.cacheCreationTokens = from.cacheCreationTokens;
}

} // namespace

void AnthropicStreamDecoder::feed(const SseEvent &event, QList<CanonicalStreamEvent> &out)
{
    if (m_builder.hasEnded())
        return;
    const auto parsed = CanonicalJson::parseObject(event.data, nullptr);
    if (!parsed)
        return;
    const QJsonObject &data = *parsed;
    QString type = data.value(QLatin1String("type")).toString();
    if (type.isEmpty())
        type = QString::fromUtf8(event.event);

    if (type == QLatin1String("message_start")) {
        const QJsonObject message = data.value(QLatin1String("message")).toObject();
        m_usage = AnthropicCodec::usageFromJson(message.value(QLatin1String("usage")).toObject());
        m_builder.start(message.value(QLatin1String("id")).toString(),
                        message.value(QLatin1String("model")).toString(), m_usage, out);
    } else if (type == QLatin1String("content_block_start")) {
        m_builder.start(QString(), QString(), {}, out);
        const int index = data.value(QLatin1String("index")).toInt();
        const QJsonObject block = data.value(QLatin1String("content_block")).toObject();
        const QString blockType = block.value(QLatin1String("type")).toString();
        if (blockType == QLatin1String("text")) {
            const int i = m_builder.openBlock(Type::Text, out);
            m_blocks.insert(index, i);
            const QString text = block.value(QLatin1String("text")).toString();
            if (!text.isEmpty())
                m_builder.delta(i, Type::Text, text, out);
        } else if (blockType == QLatin1String("tool_use")) {
            const int i = m_builder.openBlock(Type::ToolUse, out,
                                              block.value(QLatin1String("id")).toString(),
                                              block.value(QLatin1String("name")).toString());
            m_blocks.insert(index, i);
            const QJsonObject input = block.value(QLatin1String("input")).toObject();
            if (!input.isEmpty())
                m_builder.delta(i, Type::ToolUse, CanonicalJson::argumentsText(input), out);
        } else if (blockType == QLatin1String("thinking")) {
            const int i = m_builder.openBlock(Type::Thinking, out);
            m_blocks.insert(index, i);
            const QString text = block.value(QLatin1String("thinking")).toString();
            if (!text.isEmpty())
                m_builder.delta(i, Type::Thinking, text, out);
        } else if (blockType == QLatin1String("redacted_thinking")) {
            const int i = m_builder.openBlock(Type::RedactedThinking, out);
            m_blocks.insert(index, i);
            m_builder.delta(i, Type::RedactedThinking, QString(), out,
                            block.value(QLatin1String("data")).toString(), WireProtocol::Anthropic);
        }
    } else if (type == QLatin1String("content_block_delta")) {
        const auto it = m_blocks.constFind(data.value(QLatin1String("index")).toInt());
        if (it == m_blocks.constEnd())
            return;
        const QJsonObject delta = data.value(QLatin1String("delta")).toObject();
        const QString deltaType = delta.value(QLatin1String("type")).toString();
        if (deltaType == QLatin1String("text_delta"))
            m_builder.delta(*it, Type::Text, delta.value(QLatin1String("text")).toString(), out);
        else if (deltaType == QLatin1String("input_json_delta"))
            m_builder.delta(*it, Type::ToolUse,
                            delta.value(QLatin1String("partial_json")).toString(), out);
        else if (deltaType == QLatin1String("thinking_delta"))
            m_builder.delta(*it, Type::Thinking, delta.value(QLatin1String("thinking")).toString(),
                            out);
        else if (deltaType == QLatin1String("signature_delta"))
            m_builder.delta(*it, Type::Thinking, QString(), out,
                            delta.value(QLatin1String("signature")).toString(),
                            WireProtocol::Anthropic);
    } else if (type == QLatin1String("content_block_stop")) {
        if (m_blocks.contains(data.value(QLatin1String("index")).toInt()))
            m_builder.closeBlock(out);
    } else if (type == QLatin1String("message_delta")) {
        const QJsonObject delta = data.value(QLatin1String("delta")).toObject();
        m_stopReason = AnthropicCodec::stopReasonFromJson(
            delta.value(QLatin1String("stop_reason")).toString());
        m_stopSequence = delta.value(QLatin1String("stop_sequence")).toString();
        const QJsonObject usage = data.value(QLatin1String("usage")).toObject();
        // message_delta reports input counts only sometimes: keep message_start's otherwise.
        CanonicalUsage update = AnthropicCodec::usageFromJson(usage);
        if (!usage.contains(QLatin1String("input_tokens"))
            || !usage.contains(QLatin1String("cache_read_input_tokens"))
            || !usage.contains(QLatin1String("cache_creation_input_tokens"))) {
            // Without all three input counts the sum would be lower than message_start's.
            update.inputTokens = -1;
        }
        mergeUsage(m_usage, update);
        m_deltaSeen = true;
    } else if (type == QLatin1String("message_stop")) {
        m_builder.start(QString(), QString(), {}, out);
        m_builder.finish(m_stopReason, m_stopSequence, m_usage, out);
    } else if (type == QLatin1String("error")) {
        const QJsonObject error = data.value(QLatin1String("error")).toObject();
        const QString errorType = error.value(QLatin1String("type")).toString();
        m_builder.fail(statusForErrorType(errorType),
                       error.value(QLatin1String("message")).toString(), errorType, out);
    }
}

void AnthropicStreamDecoder::finish(QList<CanonicalStreamEvent> &out)
{
    // A message_delta without the message_stop after it still said how the message ended.
    if (m_deltaSeen && !m_builder.hasEnded())
        m_builder.finish(m_stopReason, m_stopSequence, m_usage, out);
}
