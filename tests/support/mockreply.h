#pragma once

#include <QList>
#include <QString>

// What one reply of the mock provider says, whatever the wire format: filled from the request
// (model, number) and the Behavior (text, tool call, token counts), written by a MockWire.
struct MockReply
{
    int number = 1; // the request's number since start or reset(): part of every id
    QString provider = QStringLiteral("mock"); // the mock's name, part of the ids
    QString model; // echoed from the request (body or, for Gemini, path)
    QString text; // streamed word by word (see splitWords())
    // Non-empty: a reasoning block before the answer (Anthropic thinking block with a
    // signature, Gemini thought parts), streamed word by word.
    QString thinking;
    QString toolCallName = QStringLiteral("get_weather");
    QList<QString> toolCallArguments; // non-empty: the reply is one tool call and no text
    int promptTokens = 0; // all input tokens, cached ones included (as OpenAI counts them)
    int completionTokens = 0; // all output tokens, reasoning included
    int cachedTokens = 0; // part of promptTokens
    int reasoningTokens = 0; // part of completionTokens

    bool isToolCall() const { return !toolCallArguments.isEmpty(); }
    // The tool call's arguments as one JSON text.
    QString joinedArguments() const { return toolCallArguments.join(QString()); }
};
