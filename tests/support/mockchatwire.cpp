#include "mockchatwire.h"

MockChatWire::MockChatWire(const MockReply &reply, bool includeUsage)
{
    mockopenai::Completion &c = m_completion;
    c.id = QByteArrayLiteral("chatcmpl-mock-") + QByteArray::number(reply.number);
    c.model = reply.model;
    c.systemFingerprint = QStringLiteral("fp_") + reply.provider;
    c.text = reply.text;
    c.toolCallName = reply.toolCallName;
    c.toolCallArguments = reply.toolCallArguments;
    c.promptTokens = reply.promptTokens;
    c.completionTokens = reply.completionTokens;
    c.cachedTokens = reply.cachedTokens;
    c.reasoningTokens = reply.reasoningTokens;
    c.includeUsage = includeUsage;
}

QByteArray MockChatWire::body() const
{
    return mockopenai::completionBody(m_completion);
}

QList<MockWire::Event> MockChatWire::streamEvents() const
{
    // The role chunk, one chunk per piece, then finish, usage and [DONE].
    const QList<QByteArray> bytes = mockopenai::streamEvents(m_completion);
    const qsizetype pieces = m_completion.toolCallArguments.isEmpty()
        ? mockopenai::splitWords(m_completion.text).size()
        : m_completion.toolCallArguments.size();
    QList<Event> events;
    events.reserve(bytes.size());
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const Event::Role role = i == 0 ? Event::Role::Lead
            : i <= pieces               ? Event::Role::Content
                                        : Event::Role::Closing;
        events.append({ bytes.at(i), role });
    }
    return events;
}

QByteArray MockChatWire::errorBody(int status) const
{
    return mockopenai::errorBody(mockopenai::errorFor(status, m_completion.model));
}

QList<QByteArray> MockChatWire::errorEvents(int status, bool) const
{
    return { mockopenai::errorEvent(mockopenai::errorFor(status, m_completion.model)) };
}
