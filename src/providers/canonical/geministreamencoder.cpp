#include "canonical/geministreamencoder.h"

#include "canonical/canonicaljson.h"
#include "canonical/geminicodec.h"
#include "gemini/geminicontent.h"

#include <QJsonArray>

using Event = CanonicalStreamEvent;
using Type = CanonicalBlock::Type;

QByteArray GeminiStreamEncoder::chunk(const QJsonObject &part, const QJsonObject &extra) const
{
    QJsonObject candidate {
        { QStringLiteral("content"),
          QJsonObject { { QStringLiteral("role"), QStringLiteral("model") },
                        { QStringLiteral("parts"), QJsonArray { part } } } },
        { QStringLiteral("index"), 0 },
    };
    for (auto it = extra.begin(); it != extra.end(); ++it) {
        if (it.key() == QLatin1String("finishReason"))
            candidate.insert(it.key(), it.value());
    }
    QJsonObject o { { QStringLiteral("candidates"), QJsonArray { candidate } },
                    { QStringLiteral("modelVersion"), m_model } };
    if (!m_id.isEmpty())
        o.insert(QStringLiteral("responseId"), m_id);
    if (extra.contains(QLatin1String("usageMetadata")))
        o.insert(QStringLiteral("usageMetadata"), extra.value(QLatin1String("usageMetadata")));
    return QByteArrayLiteral("data: ") + CanonicalJson::compact(o) + QByteArrayLiteral("\r\n\r\n");
}

QByteArray GeminiStreamEncoder::encode(const Event &event)
{
    if (m_errored)
        return {};
    switch (event.type) {
    case Event::Type::MessageStart:
        m_id = event.id;
        m_model = event.model;
        return {};
    case Event::Type::BlockStart:
        if (event.blockType == Type::ToolUse)
            m_calls.insert(event.index, { event.toolUseId, event.toolName, QString(), QString() });
        return {};
    case Event::Type::BlockDelta: {
        const QString signature
            = event.issuer == WireProtocol::Gemini ? event.signature : QString();
        if (event.blockType == Type::ToolUse) {
            auto it = m_calls.find(event.index);
            if (it != m_calls.end()) {
                it->arguments += event.text;
                if (!signature.isEmpty())
                    it->signature = signature;
            }
            return {};
        }
        if (event.text.isEmpty() && signature.isEmpty())
            return {};
        if (event.blockType != Type::Text && event.blockType != Type::Thinking)
            return {};
        QJsonObject part { { QStringLiteral("text"), event.text } };
        if (event.blockType == Type::Thinking)
            part.insert(QStringLiteral("thought"), true);
        if (!signature.isEmpty())
            part.insert(QStringLiteral("thoughtSignature"), signature);
        return chunk(part);
    }
    case Event::Type::BlockStop: {
        const auto it = m_calls.constFind(event.index);
        if (it == m_calls.constEnd())
            return {};
        QJsonObject call {
            { QStringLiteral("name"), it->name },
            { QStringLiteral("args"),
              CanonicalJson::parseArguments(it->arguments).value_or(QJsonObject()) }
        };
        if (!it->id.isEmpty())
            call.insert(QStringLiteral("id"), it->id);
        QJsonObject part { { QStringLiteral("functionCall"), call } };
        if (!it->signature.isEmpty())
            part.insert(QStringLiteral("thoughtSignature"), it->signature);
        return chunk(part);
    }
    case Event::Type::MessageDelta:
        return chunk(
            { { QStringLiteral("text"), QString() } },
            { { QStringLiteral("finishReason"), GeminiCodec::finishReasonName(event.stopReason) },
              { QStringLiteral("usageMetadata"), GeminiCodec::usageToJson(event.usage) } });
    case Event::Type::Error:
        m_errored = true;
        return GeminiContent::errorEvent(event.errorStatus, event.errorMessage);
    case Event::Type::End:
        return {};
    }
    return {};
}
