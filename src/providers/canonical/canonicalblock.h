#pragma once

#include "wireprotocol.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

// One ordered content block of a canonical message or response: the common ground of OpenAI
// Chat content parts / tool_calls / tool messages, Responses input and output items, Anthropic
// content blocks and Gemini parts. A plain value; which members are meaningful depends on type.
struct CanonicalBlock
{
    enum class Type {
        Text,
        Image,
        ToolUse, // the model calls a tool (OpenAI tool_calls, Anthropic tool_use, functionCall)
        ToolResult, // the caller answers a tool call (OpenAI role "tool", tool_result, ...)
        Thinking, // reasoning text and/or an opaque signature
        RedactedThinking, // Anthropic redacted_thinking: opaque `data` in signature
    };
    Type type = Type::Text;

    // Text, Thinking (the reasoning text; may be empty when only a signature is known).
    QString text;

    // Image: either base64 `data` with `mediaType`, or a `url` (http(s) or data: URL).
    QString mediaType;
    QString data; // base64 text, never decoded here
    QString url;

    // ToolUse: the call id (kept as the issuer wrote it, made up stably where none exists),
    // the function name and its arguments as a JSON object.
    // ToolResult: toolUseId names the call answered; `content` holds Text and Image blocks.
    QString toolUseId;
    QString toolName;
    QJsonObject input;
    QList<CanonicalBlock> content;
    bool isError = false;

    // Thinking / RedactedThinking: the provider's opaque signature (Anthropic signature,
    // Gemini thoughtSignature, Responses encrypted_content) and which protocol issued it.
    // A signature is only ever sent back to the protocol named in `issuer`.
    QString signature;
    std::optional<WireProtocol> issuer;

    static CanonicalBlock makeText(const QString &text)
    {
        CanonicalBlock b;
        b.text = text;
        return b;
    }
};
