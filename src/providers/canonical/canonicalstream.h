#pragma once

#include "canonical/canonicalresponse.h"

#include <QString>

// One event of a canonical stream. Decoders produce, encoders consume, in this order:
//   MessageStart, then for each content block BlockStart, BlockDelta*, BlockStop, then one
//   MessageDelta (stop reason and final usage), then End. Error may replace the tail at any
//   point (after it only End may follow).
// Block indices count from 0 in order of BlockStart within the message. Decoders emit blocks
// one after another (a block is stopped before the next starts), which is what Anthropic and
// Gemini need; OpenAI parallel tool calls arrive in that order too.
struct CanonicalStreamEvent
{
    enum class Type { MessageStart, BlockStart, BlockDelta, BlockStop, MessageDelta, Error, End };
    Type type = Type::End;

    // MessageStart: the message id and model; usage may hold the input side already.
    QString id;
    QString model;

    // BlockStart / BlockDelta / BlockStop.
    int index = -1;
    CanonicalBlock::Type blockType = CanonicalBlock::Type::Text;
    // BlockStart of ToolUse: the call id and function name (id and name of the block).
    QString toolUseId;
    QString toolName;
    // BlockDelta: the next piece of text (Text), of the arguments' JSON text (ToolUse) or of the
    // reasoning (Thinking). `signature` carries a Thinking signature (a delta of its own in
    // Anthropic; whole in Gemini and Responses) with its issuer. Gemini attaches its
    // thoughtSignature to the part it belongs to, so a signature may also come on a Text or
    // ToolUse delta (with empty text); encoders of other protocols ignore it there.
    QString text;
    QString signature;
    std::optional<WireProtocol> issuer;

    // MessageDelta.
    CanonicalStopReason stopReason = CanonicalStopReason::EndTurn;
    QString stopSequence;
    CanonicalUsage usage; // MessageStart (input side) and MessageDelta (final, cumulative)

    // Error: an HTTP-like status for the error shape (e.g. 529 overloaded, 500), the message
    // and the upstream's own error type if it named one.
    int errorStatus = 500;
    QString errorMessage;
    QString errorType;
};
