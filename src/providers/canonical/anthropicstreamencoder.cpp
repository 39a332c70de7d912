#include "canonical/anthropicstreamencoder.h"

#include "anthropic/anthropicmessages.h"
#include "canonical/anthropiccodec.h"
#include "canonical/canonicaljson.h"

#include <QJsonArray>

using Event = CanonicalStreamEvent;
using Type = CanonicalBlock::Type;

namespace {

QByteArray blockDelta(int index, const QJsonObject &delta)
{
    return CanonicalJson::namedEvent(
        "content_block_delta",
        { { QStringLiteral("type"), QStringLiteral("content_block_delta") },
          { QStringLiteral("index"), index },
          { QStringLiteral("delta"), delta } });
}

QByteArray blockStart(int index, const QJsonObject &block)
{
    return CanonicalJson::namedEvent(
        "content_block_start",
        { { QStringLiteral("type"), QStringLiteral("content_block_start") },
          { QStringLiteral("index"), index },
          { QStringLiteral("content_block"), block } });
}

} // namespace

QByteArray AnthropicStreamEncoder::encode(const Event &event)
{
    if (m_errored && event.type != Event::Type::End)
        return {};
    switch (event.type) {
    case Event::Type::MessageStart: {
        CanonicalUsage usage = event.usage;
        m_inputReported = usage.inputTokens >= 0;
        if (usage.outputTokens < 0)
            usage.outputTokens = 0;
        const QJsonObject message {
            { QStringLiteral("id"), event.id.isEmpty() ? CanonicalJson::newId(u"msg_") : event.id },
            { QStringLiteral("type"), QStringLiteral("message") },
            { QStringLiteral("role"), QStringLiteral("assistant") },
            { QStringLiteral("model"), event.model },
            { QStringLiteral("content"), QJsonArray() },
            { QStringLiteral("stop_reason"), QJsonValue() },
            { QStringLiteral("stop_sequence"), QJsonValue() },
            { QStringLiteral("usage"), AnthropicCodec::usageToJson(usage) },
        };
        return CanonicalJson::namedEvent(
            "message_start",
            { { QStringLiteral("type"), QStringLiteral("message_start") },
              { QStringLiteral("message"), message } });
    }
    case Event::Type::BlockStart: {
        const int index = int(m_indices.size());
        m_indices.insert(event.index, index);
        switch (event.blockType) {
        case Type::ToolUse:
            return blockStart(index,
                              { { QStringLiteral("type"), QStringLiteral("tool_use") },
                                { QStringLiteral("id"), event.toolUseId },
                                { QStringLiteral("name"), event.toolName },
                                { QStringLiteral("input"), QJsonObject() } });
        case Type::Thinking:
            return blockStart(index,
                              { { QStringLiteral("type"), QStringLiteral("thinking") },
                                { QStringLiteral("thinking"), QString() } });
        case Type::RedactedThinking:
            m_redactedStarted.insert(event.index, false);
            return {};
        case Type::Text:
        case Type::Image:
        case Type::ToolResult:
            break;
        }
        return blockStart(index,
                          { { QStringLiteral("type"), QStringLiteral("text") },
                            { QStringLiteral("text"), QString() } });
    }
    case Event::Type::BlockDelta: {
        const int index = m_indices.value(event.index, -1);
        if (index < 0)
            return {};
        switch (event.blockType) {
        case Type::Text:
            if (event.text.isEmpty())
                return {};
            return blockDelta(index,
                              { { QStringLiteral("type"), QStringLiteral("text_delta") },
                                { QStringLiteral("text"), event.text } });
        case Type::ToolUse:
            if (event.text.isEmpty() && !event.signature.isEmpty())
                return {}; // a Gemini thoughtSignature on a function call
            return blockDelta(index,
                              { { QStringLiteral("type"), QStringLiteral("input_json_delta") },
                                { QStringLiteral("partial_json"), event.text } });
        case Type::Thinking: {
            QByteArray bytes;
            if (!event.text.isEmpty())
                bytes += blockDelta(index,
                                    { { QStringLiteral("type"), QStringLiteral("thinking_delta") },
                                      { QStringLiteral("thinking"), event.text } });
            if (!event.signature.isEmpty() && event.issuer == WireProtocol::Anthropic)
                bytes += blockDelta(index,
                                    { { QStringLiteral("type"), QStringLiteral("signature_delta") },
                                      { QStringLiteral("signature"), event.signature } });
            return bytes;
        }
        case Type::RedactedThinking:
            if (event.issuer != WireProtocol::Anthropic || m_redactedStarted.value(event.index))
                return {};
            m_redactedStarted.insert(event.index, true);
            return blockStart(index,
                              { { QStringLiteral("type"), QStringLiteral("redacted_thinking") },
                                { QStringLiteral("data"), event.signature } });
        case Type::Image:
        case Type::ToolResult:
            break;
        }
        return {};
    }
    case Event::Type::BlockStop: {
        const int index = m_indices.value(event.index, -1);
        if (index < 0)
            return {};
        if (m_redactedStarted.contains(event.index) && !m_redactedStarted.value(event.index)) {
            // A redacted block whose data never came (or came from another issuer): Anthropic
            // has no empty form of it, so it turns into an empty text block.
            return blockStart(index,
                              { { QStringLiteral("type"), QStringLiteral("text") },
                                { QStringLiteral("text"), QString() } })
                + CanonicalJson::namedEvent(
                       "content_block_stop",
                       { { QStringLiteral("type"), QStringLiteral("content_block_stop") },
                         { QStringLiteral("index"), index } });
        }
        return CanonicalJson::namedEvent(
            "content_block_stop",
            { { QStringLiteral("type"), QStringLiteral("content_block_stop") },
              { QStringLiteral("index"), index } });
    }
    case Event::Type::MessageDelta: {
        const QJsonObject delta {
            { QStringLiteral("stop_reason"), AnthropicCodec::stopReasonName(event.stopReason) },
            { QStringLiteral("stop_sequence"),
              event.stopSequence.isEmpty() ? QJsonValue() : QJsonValue(event.stopSequence) }
        };
        // As Anthropic does: the input side was in message_start when known there; otherwise
        // (an upstream that reports usage only at the end) it comes here, in the cumulative usage.
        QJsonObject usage = AnthropicCodec::usageToJson(event.usage);
        if (m_inputReported)
            usage = { { QStringLiteral("output_tokens"),
                        qMax<qint64>(event.usage.outputTokens, 0) } };
        return CanonicalJson::namedEvent(
            "message_delta",
            { { QStringLiteral("type"), QStringLiteral("message_delta") },
              { QStringLiteral("delta"), delta },
              { QStringLiteral("usage"), usage } });
    }
    case Event::Type::Error:
        m_errored = true;
        return AnthropicMessages::errorEvent(event.errorStatus, event.errorMessage);
    case Event::Type::End:
        if (m_errored)
            return {};
        return CanonicalJson::namedEvent(
            "message_stop", { { QStringLiteral("type"), QStringLiteral("message_stop") } });
    }
    return {};
}
