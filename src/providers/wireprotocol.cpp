#include "wireprotocol.h"

QString wireProtocolName(WireProtocol protocol)
{
    switch (protocol) {
    case WireProtocol::OpenAiChat:
        return QStringLiteral("openai");
    case WireProtocol::OpenAiResponses:
        return QStringLiteral("openai-responses");
    case WireProtocol::Anthropic:
        return QStringLiteral("anthropic");
    case WireProtocol::Gemini:
        return QStringLiteral("gemini");
    }
    return {};
}

std::optional<WireProtocol> wireProtocolFromName(QStringView name)
{
    for (auto protocol : { WireProtocol::OpenAiChat, WireProtocol::OpenAiResponses,
                           WireProtocol::Anthropic, WireProtocol::Gemini }) {
        if (name == wireProtocolName(protocol))
            return protocol;
    }
    return std::nullopt;
}
