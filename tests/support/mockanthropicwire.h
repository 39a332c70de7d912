#pragma once

#include "mockreply.h"
#include "mockwire.h"

#include <QStringList>

// Anthropic Messages (POST {root}/v1/messages) as a MockWire, in the shapes of Anthropic's API
// reference ("Messages", "Streaming Messages", "Errors"), written compact as api.anthropic.com
// sends them:
// - body: {"id":"msg_<provider>_<n>","type":"message","role":"assistant","content":[...],
//   "model","stop_reason":"end_turn"|"tool_use","stop_sequence":null,"usage":{...}}; content
//   is a thinking block (with `thinking`), then a text block or a tool_use block whose input
//   is the joined arguments (which must form a JSON object);
// - usage: input_tokens = promptTokens - cachedTokens, cache_creation_input_tokens 0,
//   cache_read_input_tokens = cachedTokens, output_tokens = completionTokens (Anthropic counts
//   cached input apart; the total input stays promptTokens);
// - stream: message_start (usage with output_tokens 1), per block content_block_start, deltas
//   (thinking_delta words and one signature_delta; text_delta words; input_json_delta per
//   argument piece) and content_block_stop, a ping after the first block start, message_delta
//   (stop_reason, output_tokens), message_stop;
// - errors {"type":"error","error":{"type","message"}}; inside a stream every 5xx is reported
//   as overloaded_error, the error Anthropic sends mid-stream.
class MockAnthropicWire final : public MockWire
{
public:
    explicit MockAnthropicWire(const MockReply &reply);

    QByteArray body() const override;
    QList<Event> streamEvents() const override;
    QByteArray errorBody(int status) const override;
    QList<QByteArray> errorEvents(int status, bool afterContent) const override;

    // POST /v1/messages/count_tokens: {"input_tokens":N}.
    static QByteArray countTokensBody(int inputTokens);
    // GET /v1/models (with anthropic-version): {"data":[{"type":"model","id",
    // "display_name","created_at"}...],"has_more":false,"first_id","last_id"}.
    static QByteArray modelsBody(const QStringList &ids);
    // {"type":"error","error":{"type":type,"message":message}}
    static QByteArray errorBody(const QString &type, const QString &message);
    // The reference's error type and a message for an HTTP status (529 overloaded_error, ...).
    static QString errorType(int status);
    static QString errorMessage(int status);

private:
    QByteArray messageId() const;

    MockReply m_reply;
};
