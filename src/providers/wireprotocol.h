#pragma once

#include <QString>
#include <QStringView>

#include <optional>

// The four wire protocols the gateway speaks, both towards clients (inbound endpoints)
// and towards providers (a provider's `type` in the config JSON).
enum class WireProtocol {
    OpenAiChat, // config type "openai": POST {base}/chat/completions
    OpenAiResponses, // config type "openai-responses": POST {base}/responses
    Anthropic, // config type "anthropic": POST {base}/v1/messages
    Gemini, // config type "gemini": POST {base}/v1beta/models/{model}:generateContent
};

// The config JSON name of a protocol ("openai", "openai-responses", "anthropic", "gemini").
QString wireProtocolName(WireProtocol protocol);

// Inverse of wireProtocolName(); std::nullopt for an unknown name.
std::optional<WireProtocol> wireProtocolFromName(QStringView name);
