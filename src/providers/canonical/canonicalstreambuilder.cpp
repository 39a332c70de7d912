#include "canonical/canonicalstreambuilder.h"

using Event = CanonicalStreamEvent;

void CanonicalStreamBuilder::start(const QString &id, const QString &model,
                                   const CanonicalUsage &usage, QList<Event> &out)
{
    if (m_started)
        return;
    m_started = true;
    Event e;
    e.type = Event::Type::MessageStart;
    e.id = id;
    e.model = model;
    e.usage = usage;
    out.append(e);
}

int CanonicalStreamBuilder::openBlock(CanonicalBlock::Type type, QList<Event> &out,
                                      const QString &toolUseId, const QString &toolName)
{
    closeBlock(out);
    Event e;
    e.type = Event::Type::BlockStart;
    e.index = m_nextIndex++;
    e.blockType = type;
    e.toolUseId = toolUseId;
    e.toolName = toolName;
    out.append(e);
    m_openIndex = e.index;
    m_openType = type;
    return e.index;
}

int CanonicalStreamBuilder::ensureBlock(CanonicalBlock::Type type, QList<Event> &out)
{
    if (m_openIndex >= 0 && m_openType == type)
        return m_openIndex;
    return openBlock(type, out);
}

void CanonicalStreamBuilder::delta(int index, CanonicalBlock::Type type, const QString &text,
                                   QList<Event> &out, const QString &signature,
                                   std::optional<WireProtocol> issuer)
{
    Event e;
    e.type = Event::Type::BlockDelta;
    e.index = index;
    e.blockType = type;
    e.text = text;
    e.signature = signature;
    e.issuer = issuer;
    out.append(e);
}

void CanonicalStreamBuilder::closeBlock(QList<Event> &out)
{
    if (m_openIndex < 0)
        return;
    Event e;
    e.type = Event::Type::BlockStop;
    e.index = m_openIndex;
    e.blockType = m_openType;
    out.append(e);
    m_openIndex = -1;
}

void CanonicalStreamBuilder::finish(CanonicalStopReason reason, const QString &stopSequence,
                                    const CanonicalUsage &usage, QList<Event> &out)
{
    if (m_ended)
        return;
    closeBlock(out);
    Event delta;
    delta.type = Event::Type::MessageDelta;
    delta.stopReason = reason;
    delta.stopSequence = stopSequence;
    delta.usage = usage;
    out.append(delta);
    Event end;
    end.type = Event::Type::End;
    out.append(end);
    m_ended = true;
}

void CanonicalStreamBuilder::fail(int status, const QString &message, const QString &type,
                                  QList<Event> &out)
{
    if (m_ended)
        return;
    Event e;
    e.type = Event::Type::Error;
    e.errorStatus = status;
    e.errorMessage = message;
    e.errorType = type;
    out.append(e);
    Event end;
    end.type = Event::Type::End;
    out.append(end);
    m_ended = true;
}
