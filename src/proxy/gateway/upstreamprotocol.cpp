#include "upstreamprotocol.h"

#include "openaichatupstream.h"

const UpstreamProtocol *UpstreamProtocol::forType(WireProtocol protocol)
{
    static const OpenAiChatUpstream openAiChat;
    switch (protocol) {
    case WireProtocol::OpenAiChat:
        return &openAiChat;
    case WireProtocol::OpenAiResponses:
    case WireProtocol::Anthropic:
    case WireProtocol::Gemini:
        break; // served once their endpoints exist
    }
    return nullptr;
}
