#pragma once

#include "mockopenaiwire.h"
#include "mockreply.h"
#include "mockwire.h"

// OpenAI Chat Completions (POST {base}/chat/completions) as a MockWire: the bytes of
// mockopenaiwire.h. `includeUsage` is the request's stream_options.include_usage.
class MockChatWire final : public MockWire
{
public:
    MockChatWire(const MockReply &reply, bool includeUsage);

    QByteArray body() const override;
    QList<Event> streamEvents() const override;
    QByteArray errorBody(int status) const override;
    QList<QByteArray> errorEvents(int status, bool afterContent) const override;

private:
    mockopenai::Completion m_completion;
};
