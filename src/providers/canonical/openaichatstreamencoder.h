#pragma once

#include "canonical/canonicalstreamencoder.h"

#include <QHash>
#include <QJsonObject>

// Canonical events -> a Chat Completions stream: "data: {chunk}\n\n" events and "data: [DONE]".
// - MessageStart -> the role chunk (delta {"role":"assistant","content":""}); id and model
//   are repeated on every chunk, as OpenAI does (a missing id gets a "chatcmpl-" one).
// - Text deltas -> delta.content; Thinking deltas -> delta.reasoning_content (the field
//   DeepSeek and most OpenAI-compatible servers and clients use); signatures are dropped.
// - ToolUse: BlockStart -> tool_calls[{index, id, type, function {name, arguments ""}}],
//   argument deltas -> tool_calls[{index, function {arguments}}]; indices count the message's
//   tool calls from 0.
// - MessageDelta -> a chunk with finish_reason, then, if `includeUsage`, the usage chunk with
//   "choices": [] (left out when the upstream reported no usage at all); End -> "data: [DONE]".
//   Error -> an OpenAI error object event.
class OpenAiChatStreamEncoder final : public CanonicalStreamEncoder
{
public:
    // includeUsage: the client asked for stream_options.include_usage. created: the chunks'
    // "created" (seconds since the epoch; 0: now).
    explicit OpenAiChatStreamEncoder(bool includeUsage, qint64 created = 0);

    QByteArray encode(const CanonicalStreamEvent &event) override;

private:
    QByteArray chunk(const QJsonObject &delta, const QJsonValue &finishReason) const;

    bool m_includeUsage;
    qint64 m_created;
    QString m_id;
    QString m_model;
    QHash<int, int> m_toolIndex; // canonical block index -> tool_calls index
};
