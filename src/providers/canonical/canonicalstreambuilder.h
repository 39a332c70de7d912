#pragma once

#include "canonical/canonicalstream.h"

#include <QList>

// Keeps the per-stream state all decoders need to emit a well-formed canonical stream: the
// message start (once), the one open block and its index, and the end. Used by the stream
// decoders; not part of the codec API.
class CanonicalStreamBuilder final
{
public:
    bool hasStarted() const { return m_started; }
    bool hasEnded() const { return m_ended; }
    bool hasOpenBlock() const { return m_openIndex >= 0; }
    int openIndex() const { return m_openIndex; }
    CanonicalBlock::Type openType() const { return m_openType; }
    int blockCount() const { return m_nextIndex; }

    // Emits MessageStart unless done already.
    void start(const QString &id, const QString &model, const CanonicalUsage &usage,
               QList<CanonicalStreamEvent> &out);
    // Stops the open block (if any) and starts a new one; returns its index.
    int openBlock(CanonicalBlock::Type type, QList<CanonicalStreamEvent> &out,
                  const QString &toolUseId = {}, const QString &toolName = {});
    // Ensures a block of `type` is open (starts one when another type or none is open).
    int ensureBlock(CanonicalBlock::Type type, QList<CanonicalStreamEvent> &out);
    // A delta for block `index` (normally the open one).
    void delta(int index, CanonicalBlock::Type type, const QString &text,
               QList<CanonicalStreamEvent> &out, const QString &signature = {},
               std::optional<WireProtocol> issuer = std::nullopt);
    void closeBlock(QList<CanonicalStreamEvent> &out);
    // Closes the open block, emits MessageDelta and End.
    void finish(CanonicalStopReason reason, const QString &stopSequence,
                const CanonicalUsage &usage, QList<CanonicalStreamEvent> &out);
    // Emits Error then End.
    void fail(int status, const QString &message, const QString &type,
              QList<CanonicalStreamEvent> &out);

private:
    bool m_started = false;
    bool m_ended = false;
    int m_openIndex = -1;
    CanonicalBlock::Type m_openType = CanonicalBlock::Type::Text;
    int m_nextIndex = 0;
};
