#pragma once

#include "mockreply.h"
#include "mockwire.h"

class MockJson;

// OpenAI Responses (POST {base}/responses) as a MockWire, in the shapes of the API reference
// ("Create a model response", the Response object, "Streaming events"):
// - body: the Response object pretty-printed with two spaces, members in the reference's
//   order; id "resp_<provider>_<n>"; output one message item "msg_<provider>_<n>" with an
//   output_text part, or one function_call item "fc_<provider>_<n>" (call_id "call_<n>");
//   usage input_tokens (cached included), input_tokens_details.cached_tokens, output_tokens,
//   output_tokens_details.reasoning_tokens, total_tokens;
// - stream: "event: <type>\ndata: <compact json>\n\n" with sequence_number right after type:
//   response.created, response.in_progress, response.output_item.added, then for text
//   response.content_part.added, one response.output_text.delta per word,
//   response.output_text.done, response.content_part.done; for a tool call one
//   response.function_call_arguments.delta per piece and response.function_call_arguments.done;
//   then response.output_item.done and response.completed (with usage);
// - errors in OpenAI's shape (mockopenaiwire.h). In a stream, before content: created,
//   in_progress and an "error" event; after content: an "error" event and response.failed.
class MockResponsesWire final : public MockWire
{
public:
    explicit MockResponsesWire(const MockReply &reply);

    QByteArray body() const override;
    QList<Event> streamEvents() const override;
    QByteArray errorBody(int status) const override;
    QList<QByteArray> errorEvents(int status, bool afterContent) const override;

private:
    // The Response object with `status`, `output` (array), `usage` and `error` (null or
    // {"code","message"}).
    MockJson response(const char *status, const MockJson &output, const MockJson &usage,
                      const MockJson &error) const;
    MockJson outputItem(bool done) const;
    MockJson usage() const;
    QString itemId() const;

    MockReply m_reply;
};
