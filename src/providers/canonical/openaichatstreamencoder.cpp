#include "canonical/openaichatstreamencoder.h"

#include "canonical/canonicaljson.h"
#include "canonical/openaichatcodec.h"
#include "openai/openaichat.h"

#include <QDateTime>
#include <QJsonArray>

using Event = CanonicalStreamEvent;
using Type = CanonicalBlock::Type;

OpenAiChatStreamEncoder::OpenAiChatStreamEncoder(bool includeUsage, qint64 created)
    : m_includeUsage(includeUsage)
    , m_created(created > 0 ? created : QDateTime::currentSecsSinceEpoch())
{
}

QByteArray OpenAiChatStreamEncoder::chunk(const QJsonObject &delta,
                                          const QJsonValue &finishReason) const
{
    const QJsonObject choice { { QStringLiteral("index"), 0 },
                               { QStringLiteral("delta"), delta },
                               { QStringLiteral("logprobs"), QJsonValue() },
                               { QStringLiteral("finish_reason"), finishReason } };
    return CanonicalJson::dataEvent(
        { { QStringLiteral("id"), m_id },
          { QStringLiteral("object"), QStringLiteral("chat.completion.chunk") },
          { QStringLiteral("created"), m_created },
          { QStringLiteral("model"), m_model },
          { QStringLiteral("choices"), QJsonArray { choice } } });
}

QByteArray OpenAiChatStreamEncoder::encode(const Event &event)
{
    switch (event.type) {
    case Event::Type::MessageStart:
        m_id = event.id.isEmpty() ? CanonicalJson::newId(u"chatcmpl-") : event.id;
        m_model = event.model;
        return chunk({ { QStringLiteral("role"), QStringLiteral("assistant") },
                       { QStringLiteral("content"), QString() } },
                     QJsonValue());
    case Event::Type::BlockStart:
        if (event.blockType == Type::ToolUse) {
            const int index = int(m_toolIndex.size());
            m_toolIndex.insert(event.index, index);
            const QJsonObject call { { QStringLiteral("index"), index },
                                     { QStringLiteral("id"), event.toolUseId },
                                     { QStringLiteral("type"), QStringLiteral("function") },
                                     { QStringLiteral("function"),
                                       QJsonObject {
                                           { QStringLiteral("name"), event.toolName },
                                           { QStringLiteral("arguments"), QString() } } } };
            return chunk({ { QStringLiteral("tool_calls"), QJsonArray { call } } }, QJsonValue());
        }
        return {};
    case Event::Type::BlockDelta:
        if (event.text.isEmpty())
            return {};
        if (event.blockType == Type::Text)
            return chunk({ { QStringLiteral("content"), event.text } }, QJsonValue());
        if (event.blockType == Type::Thinking)
            return chunk({ { QStringLiteral("reasoning_content"), event.text } }, QJsonValue());
        if (event.blockType == Type::ToolUse) {
            const QJsonObject call { { QStringLiteral("index"), m_toolIndex.value(event.index) },
                                     { QStringLiteral("function"),
                                       QJsonObject {
                                           { QStringLiteral("arguments"), event.text } } } };
            return chunk({ { QStringLiteral("tool_calls"), QJsonArray { call } } }, QJsonValue());
        }
        return {};
    case Event::Type::BlockStop:
        return {};
    case Event::Type::MessageDelta: {
        QByteArray bytes = chunk({}, OpenAiChatCodec::finishReason(event.stopReason));
        if (m_includeUsage && event.usage.isKnown()) {
            bytes += CanonicalJson::dataEvent(
                { { QStringLiteral("id"), m_id },
                  { QStringLiteral("object"), QStringLiteral("chat.completion.chunk") },
                  { QStringLiteral("created"), m_created },
                  { QStringLiteral("model"), m_model },
                  { QStringLiteral("choices"), QJsonArray() },
                  { QStringLiteral("usage"), OpenAiChatCodec::usageToJson(event.usage) } });
        }
        return bytes;
    }
    case Event::Type::Error:
        return OpenAiChat::errorEvent(event.errorMessage,
                                      OpenAiChatCodec::errorTypeForStatus(event.errorStatus));
    case Event::Type::End:
        return QByteArrayLiteral("data: [DONE]\n\n");
    }
    return {};
}
