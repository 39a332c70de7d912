#pragma once

#include "canonical/canonicalstreamencoder.h"

#include <QHash>
#include <QJsonObject>

// Canonical events -> a Gemini streamGenerateContent?alt=sse stream, each event
// "data: {GenerateContentResponse}\r\n\r\n" as Google frames it. Text and thinking deltas are
// sent as they come (thinking as {"text", "thought": true}); a ToolUse block is held until its
// BlockStop and sent as one whole functionCall part {id, name, args} assembled from the
// argument deltas (Gemini has no partial calls); a Gemini signature is written as that part's
// thoughtSignature (signatures of other issuers are dropped). MessageDelta -> a last chunk with
// finishReason and usageMetadata; End writes nothing (Gemini has no terminal event); Error ->
// an {"error":{code,message,status}} event.
class GeminiStreamEncoder final : public CanonicalStreamEncoder
{
public:
    QByteArray encode(const CanonicalStreamEvent &event) override;

private:
    struct PendingCall
    {
        QString id;
        QString name;
        QString arguments;
        QString signature;
    };
    QByteArray chunk(const QJsonObject &part, const QJsonObject &extra = {}) const;

    QString m_id;
    QString m_model;
    QHash<int, PendingCall> m_calls; // canonical block index -> call being assembled
    bool m_errored = false;
};
