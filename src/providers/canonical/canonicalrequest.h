#pragma once

#include "canonical/canonicalblock.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// The canonical request every protocol decodes into and encodes from (issue 6). Only what has
// a meaning in at least two of the four protocols lives here; a parameter one protocol alone
// understands is kept in `unmapped` so that an encoder for another protocol can name it in the
// list of dropped parameters (the gateway sends that list in a response header).

struct CanonicalMessage
{
    // Canonical roles are the two sides of the conversation. Tool results travel in User
    // messages as ToolResult blocks (Anthropic's model); system prompts are in
    // CanonicalRequest::system, never in messages.
    enum class Role { User, Assistant };
    Role role = Role::User;
    QList<CanonicalBlock> content;
};

struct CanonicalTool
{
    QString name;
    QString description;
    QJsonObject inputSchema; // JSON Schema of the arguments object
};

struct CanonicalToolChoice
{
    enum class Mode {
        Unset, // the request did not say: the target's default (auto when tools are given)
        Auto,
        None, // tools given but must not be called
        Required, // some tool must be called (OpenAI "required", Anthropic "any", Gemini ANY)
        Specific, // the tool named `name` must be called
    };
    Mode mode = Mode::Unset;
    QString name;
};

struct CanonicalResponseFormat
{
    enum class Type { Text, JsonObject, JsonSchema };
    Type type = Type::Text;
    QString name; // json_schema name
    QJsonObject schema;
    bool strict = false;
};

// Reasoning / extended thinking asked for by the caller. Anthropic and Gemini speak of a token
// budget, OpenAI of an effort; each encoder converts (see docs/translation.md).
struct CanonicalReasoning
{
    bool enabled = false;
    qint64 budgetTokens = -1; // -1: not given
    QString effort; // "minimal" | "low" | "medium" | "high" | empty
};

struct CanonicalRequest
{
    QString model; // as the client sent it (the encoder writes the upstream model)
    // The system prompt as text blocks, in order (several OpenAI system/developer messages or
    // Anthropic system blocks stay separate blocks).
    QList<CanonicalBlock> system;
    QList<CanonicalMessage> messages;

    QList<CanonicalTool> tools;
    CanonicalToolChoice toolChoice;
    std::optional<bool> parallelToolCalls; // nullopt: the target's default (parallel allowed)

    std::optional<double> temperature;
    std::optional<double> topP;
    std::optional<qint64> topK;
    QStringList stopSequences;
    qint64 maxTokens = -1; // -1: not given
    CanonicalResponseFormat responseFormat;
    CanonicalReasoning reasoning;
    bool stream = false;
    // OpenAI stream_options.include_usage (other protocols always report usage in streams).
    bool streamIncludeUsage = false;
    // An end-user id (OpenAI "user", Anthropic metadata.user_id).
    QString user;
    // Responses previous_response_id: only a Responses upstream can serve it; every other
    // encoder refuses the request.
    QString previousResponseId;

    // Parameters of the inbound protocol that have no canonical counterpart, by their name in
    // that protocol (e.g. "logprobs", "service_tier"). Encoders to another protocol report them
    // as dropped.
    struct Unmapped
    {
        QString name;
        QJsonValue value;
    };
    QList<Unmapped> unmapped;
};
