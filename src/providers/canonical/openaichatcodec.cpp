#include "canonical/openaichatcodec.h"

#include "canonical/canonicaljson.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>

using Block = CanonicalBlock;
using Type = CanonicalBlock::Type;

namespace {

// Request members whose meaning the canonical model carries; anything else is unmapped.
const QStringList &mappedMembers()
{
    static const QStringList names = {
        QStringLiteral("model"),
        QStringLiteral("messages"),
        QStringLiteral("tools"),
        QStringLiteral("tool_choice"),
        QStringLiteral("parallel_tool_calls"),
        QStringLiteral("temperature"),
        QStringLiteral("top_p"),
        QStringLiteral("stop"),
        QStringLiteral("max_tokens"),
        QStringLiteral("max_completion_tokens"),
        QStringLiteral("response_format"),
        QStringLiteral("stream"),
        QStringLiteral("stream_options"),
        QStringLiteral("user"),
        QStringLiteral("reasoning_effort"),
        QStringLiteral("n"),
    };
    return names;
}

bool decodeContentParts(const QJsonValue &content, QList<Block> &out, QString *error)
{
    if (content.isNull() || content.isUndefined())
        return true;
    if (content.isString()) {
        if (!content.toString().isEmpty())
            out.append(Block::makeText(content.toString()));
        return true;
    }
    if (!content.isArray()) {
        *error = QStringLiteral("message content must be a string or an array of parts");
        return false;
    }
    for (const QJsonValue &partValue : content.toArray()) {
        const QJsonObject part = partValue.toObject();
        const QString type = part.value(QLatin1String("type")).toString();
        if (type == QLatin1String("text")) {
            out.append(Block::makeText(part.value(QLatin1String("text")).toString()));
        } else if (type == QLatin1String("refusal")) {
            out.append(Block::makeText(part.value(QLatin1String("refusal")).toString()));
        } else if (type == QLatin1String("image_url")) {
            const QJsonValue iu = part.value(QLatin1String("image_url"));
            const QString url = iu.isString()
                ? iu.toString()
                : iu.toObject().value(QLatin1String("url")).toString();
            Block image;
            image.type = Type::Image;
            if (!CanonicalJson::splitDataUrl(url, &image.mediaType, &image.data))
                image.url = url;
            out.append(image);
        } else {
            *error = QStringLiteral("content part type \"%1\" cannot be translated for this "
                                    "model's provider")
                         .arg(type);
            return false;
        }
    }
    return true;
}

void appendToRole(CanonicalRequest &request, CanonicalMessage::Role role, QList<Block> blocks)
{
    if (blocks.isEmpty())
        return;
    if (!request.messages.isEmpty() && request.messages.last().role == role) {
        auto &content = request.messages.last().content;
        // Tool results go before any other user content of the merged turn (Anthropic needs
        // them first in the turn that follows the tool calls).
        if (role == CanonicalMessage::Role::User && blocks.first().type == Type::ToolResult) {
            qsizetype at = 0;
            while (at < content.size() && content.at(at).type == Type::ToolResult)
                ++at;
            for (const Block &b : blocks)
                content.insert(at++, b);
        } else {
            content.append(blocks);
        }
        return;
    }
    request.messages.append({ role, std::move(blocks) });
}

bool decodeMessages(const QJsonArray &messages, CanonicalRequest &request, QString *error)
{
    for (const QJsonValue &value : messages) {
        const QJsonObject m = value.toObject();
        const QString role = m.value(QLatin1String("role")).toString();
        const QJsonValue content = m.value(QLatin1String("content"));
        QList<Block> blocks;
        if (role == QLatin1String("system") || role == QLatin1String("developer")) {
            if (!decodeContentParts(content, request.system, error))
                return false;
        } else if (role == QLatin1String("user")) {
            if (!decodeContentParts(content, blocks, error))
                return false;
            appendToRole(request, CanonicalMessage::Role::User, blocks);
        } else if (role == QLatin1String("assistant")) {
            QString reasoning = m.value(QLatin1String("reasoning_content")).toString();
            if (reasoning.isEmpty())
                reasoning = m.value(QLatin1String("reasoning")).toString();
            if (!reasoning.isEmpty()) {
                Block thinking;
                thinking.type = Type::Thinking;
                thinking.text = reasoning;
                blocks.append(thinking);
            }
            if (!decodeContentParts(content, blocks, error))
                return false;
            const QString refusal = m.value(QLatin1String("refusal")).toString();
            if (!refusal.isEmpty())
                blocks.append(Block::makeText(refusal));
            for (const QJsonValue &callValue : m.value(QLatin1String("tool_calls")).toArray()) {
                const QJsonObject call = callValue.toObject();
                const QJsonObject function = call.value(QLatin1String("function")).toObject();
                const auto input = CanonicalJson::parseArguments(
                    function.value(QLatin1String("arguments")).toString());
                if (!input) {
                    *error = QStringLiteral("tool call %1: arguments are not a JSON object")
                                 .arg(call.value(QLatin1String("id")).toString());
                    return false;
                }
                Block use;
                use.type = Type::ToolUse;
                use.toolUseId = call.value(QLatin1String("id")).toString();
                use.toolName = function.value(QLatin1String("name")).toString();
                use.input = *input;
                blocks.append(use);
            }
            appendToRole(request, CanonicalMessage::Role::Assistant, blocks);
        } else if (role == QLatin1String("tool")) {
            Block result;
            result.type = Type::ToolResult;
            result.toolUseId = m.value(QLatin1String("tool_call_id")).toString();
            if (!decodeContentParts(content, result.content, error))
                return false;
            blocks.append(result);
            appendToRole(request, CanonicalMessage::Role::User, blocks);
        } else {
            *error = QStringLiteral("message role \"%1\" cannot be translated").arg(role);
            return false;
        }
    }
    return true;
}

QJsonArray encodeUserParts(const QList<Block> &blocks)
{
    QJsonArray parts;
    for (const Block &b : blocks) {
        if (b.type == Type::Text) {
            parts.append(QJsonObject { { QStringLiteral("type"), QStringLiteral("text") },
                                       { QStringLiteral("text"), b.text } });
        } else if (b.type == Type::Image) {
            const QString url
                = b.url.isEmpty() ? CanonicalJson::dataUrl(b.mediaType, b.data) : b.url;
            parts.append(QJsonObject {
                { QStringLiteral("type"), QStringLiteral("image_url") },
                { QStringLiteral("image_url"), QJsonObject { { QStringLiteral("url"), url } } } });
        }
    }
    return parts;
}

// A user turn's content: a plain string when it is text only (the most compatible form).
QJsonValue userContent(const QList<Block> &blocks)
{
    bool textOnly = true;
    for (const Block &b : blocks)
        textOnly = textOnly && b.type == Type::Text;
    if (textOnly)
        return CanonicalJson::joinedText(blocks, QStringLiteral("\n"));
    return encodeUserParts(blocks);
}

QJsonObject encodeToolChoice(const CanonicalToolChoice &choice)
{
    return QJsonObject { { QStringLiteral("type"), QStringLiteral("function") },
                         { QStringLiteral("function"),
                           QJsonObject { { QStringLiteral("name"), choice.name } } } };
}

QJsonArray encodeToolCalls(const QList<Block> &blocks)
{
    QJsonArray calls;
    for (const Block &b : blocks) {
        if (b.type != Type::ToolUse)
            continue;
        calls.append(QJsonObject { { QStringLiteral("id"), b.toolUseId },
                                   { QStringLiteral("type"), QStringLiteral("function") },
                                   { QStringLiteral("function"),
                                     QJsonObject { { QStringLiteral("name"), b.toolName },
                                                   { QStringLiteral("arguments"),
                                                     CanonicalJson::argumentsText(b.input) } } } });
    }
    return calls;
}

QJsonArray encodeMessages(const CanonicalRequest &request, QStringList *dropped)
{
    QJsonArray out;
    if (!request.system.isEmpty()) {
        out.append(
            QJsonObject { { QStringLiteral("role"), QStringLiteral("system") },
                          { QStringLiteral("content"),
                            CanonicalJson::joinedText(request.system, QStringLiteral("\n\n")) } });
    }
    for (const CanonicalMessage &m : request.messages) {
        if (m.role == CanonicalMessage::Role::Assistant) {
            QJsonObject msg { { QStringLiteral("role"), QStringLiteral("assistant") } };
            const QString text = CanonicalJson::joinedText(m.content);
            msg.insert(QStringLiteral("content"), text.isEmpty() ? QJsonValue() : text);
            const QJsonArray calls = encodeToolCalls(m.content);
            if (!calls.isEmpty())
                msg.insert(QStringLiteral("tool_calls"), calls);
            for (const Block &b : m.content) {
                if (b.type == Type::Thinking || b.type == Type::RedactedThinking)
                    CanonicalJson::noteDropped(dropped, QStringLiteral("thinking"));
            }
            out.append(msg);
            continue;
        }
        QList<Block> rest;
        for (const Block &b : m.content) {
            if (b.type != Type::ToolResult) {
                rest.append(b);
                continue;
            }
            QString text = CanonicalJson::joinedText(b.content, QStringLiteral("\n"));
            if (b.isError)
                text = QStringLiteral("Error: ") + text;
            QList<Block> images;
            for (const Block &c : b.content) {
                if (c.type == Type::Image)
                    images.append(c);
            }
            out.append(QJsonObject { { QStringLiteral("role"), QStringLiteral("tool") },
                                     { QStringLiteral("tool_call_id"), b.toolUseId },
                                     { QStringLiteral("content"), text } });
            // Tool messages take text only: images of a tool result follow as a user turn.
            rest.append(images);
        }
        if (!rest.isEmpty()) {
            out.append(QJsonObject { { QStringLiteral("role"), QStringLiteral("user") },
                                     { QStringLiteral("content"), userContent(rest) } });
        }
    }
    return out;
}

QString effortForBudget(qint64 budget)
{
    if (budget < 0)
        return QStringLiteral("medium");
    if (budget <= 2048)
        return QStringLiteral("low");
    if (budget <= 12288)
        return QStringLiteral("medium");
    return QStringLiteral("high");
}

} // namespace

namespace OpenAiChatCodec {

std::optional<CanonicalRequest> decodeRequest(QByteArrayView body, QString *error)
{
    QString localError;
    QString *err = error ? error : &localError;
    const auto parsed = CanonicalJson::parseObject(body, err);
    if (!parsed)
        return std::nullopt;
    const QJsonObject &o = *parsed;
    CanonicalRequest r;
    r.model = o.value(QLatin1String("model")).toString();
    if (r.model.isEmpty()) {
        *err = QStringLiteral("model: a non-empty string is required");
        return std::nullopt;
    }
    if (!o.value(QLatin1String("messages")).isArray()) {
        *err = QStringLiteral("messages: an array is required");
        return std::nullopt;
    }
    if (o.value(QLatin1String("n")).toInteger(1) > 1) {
        *err = QStringLiteral("n > 1 is not supported for this model: its provider returns one "
                              "choice per request");
        return std::nullopt;
    }
    for (const char *refused : { "audio", "modalities", "functions", "function_call" }) {
        const QString name = QString::fromLatin1(refused);
        const QJsonValue v = o.value(name);
        if (!v.isUndefined() && !v.isNull()) {
            *err = QStringLiteral("%1 is not supported for this model's provider").arg(name);
            return std::nullopt;
        }
    }
    if (!decodeMessages(o.value(QLatin1String("messages")).toArray(), r, err))
        return std::nullopt;

    for (const QJsonValue &toolValue : o.value(QLatin1String("tools")).toArray()) {
        const QJsonObject tool = toolValue.toObject();
        if (tool.value(QLatin1String("type")).toString() != QLatin1String("function")) {
            *err = QStringLiteral("tools: type \"%1\" cannot be translated for this model's "
                                  "provider (only function tools)")
                       .arg(tool.value(QLatin1String("type")).toString());
            return std::nullopt;
        }
        const QJsonObject f = tool.value(QLatin1String("function")).toObject();
        r.tools.append({ f.value(QLatin1String("name")).toString(),
                         f.value(QLatin1String("description")).toString(),
                         f.value(QLatin1String("parameters")).toObject() });
    }
    const QJsonValue choice = o.value(QLatin1String("tool_choice"));
    if (choice.isString()) {
        const QString c = choice.toString();
        r.toolChoice.mode = c == QLatin1String("none") ? CanonicalToolChoice::Mode::None
            : c == QLatin1String("required")           ? CanonicalToolChoice::Mode::Required
                                                       : CanonicalToolChoice::Mode::Auto;
    } else if (choice.isObject()) {
        r.toolChoice.mode = CanonicalToolChoice::Mode::Specific;
        r.toolChoice.name = choice.toObject()
                                .value(QLatin1String("function"))
                                .toObject()
                                .value(QLatin1String("name"))
                                .toString();
    }
    if (o.value(QLatin1String("parallel_tool_calls")).isBool())
        r.parallelToolCalls = o.value(QLatin1String("parallel_tool_calls")).toBool();
    if (o.value(QLatin1String("temperature")).isDouble())
        r.temperature = o.value(QLatin1String("temperature")).toDouble();
    if (o.value(QLatin1String("top_p")).isDouble())
        r.topP = o.value(QLatin1String("top_p")).toDouble();
    const QJsonValue stop = o.value(QLatin1String("stop"));
    if (stop.isString())
        r.stopSequences.append(stop.toString());
    for (const QJsonValue &s : stop.toArray())
        r.stopSequences.append(s.toString());
    const QJsonValue maxTokens = o.value(QLatin1String("max_completion_tokens")).isDouble()
        ? o.value(QLatin1String("max_completion_tokens"))
        : o.value(QLatin1String("max_tokens"));
    if (maxTokens.isDouble())
        r.maxTokens = maxTokens.toInteger();
    const QJsonObject format = o.value(QLatin1String("response_format")).toObject();
    const QString formatType = format.value(QLatin1String("type")).toString();
    if (formatType == QLatin1String("json_object")) {
        r.responseFormat.type = CanonicalResponseFormat::Type::JsonObject;
    } else if (formatType == QLatin1String("json_schema")) {
        const QJsonObject s = format.value(QLatin1String("json_schema")).toObject();
        r.responseFormat.type = CanonicalResponseFormat::Type::JsonSchema;
        r.responseFormat.name = s.value(QLatin1String("name")).toString();
        r.responseFormat.schema = s.value(QLatin1String("schema")).toObject();
        r.responseFormat.strict = s.value(QLatin1String("strict")).toBool();
    }
    r.stream = o.value(QLatin1String("stream")).toBool();
    r.streamIncludeUsage = o.value(QLatin1String("stream_options"))
                               .toObject()
                               .value(QLatin1String("include_usage"))
                               .toBool();
    r.user = o.value(QLatin1String("user")).toString();
    const QString effort = o.value(QLatin1String("reasoning_effort")).toString();
    if (!effort.isEmpty()) {
        r.reasoning.enabled = effort != QLatin1String("none");
        r.reasoning.effort = effort;
    }
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (!mappedMembers().contains(it.key()) && !it.value().isNull())
            CanonicalJson::addUnmapped(r, it.key(), it.value());
    }
    return r;
}

QByteArray encodeRequest(const CanonicalRequest &request, const QString &upstreamModel,
                         QString *refusal, QStringList *dropped)
{
    if (!request.previousResponseId.isEmpty()) {
        if (refusal)
            *refusal = QStringLiteral("previous_response_id needs an OpenAI Responses provider; "
                                      "this model's provider speaks Chat Completions");
        return {};
    }
    CanonicalJson::noteUnmapped(request, dropped);
    QJsonObject o;
    o.insert(QStringLiteral("model"), upstreamModel);
    o.insert(QStringLiteral("messages"), encodeMessages(request, dropped));
    if (!request.tools.isEmpty()) {
        QJsonArray tools;
        for (const CanonicalTool &t : request.tools) {
            QJsonObject f { { QStringLiteral("name"), t.name },
                            { QStringLiteral("parameters"), t.inputSchema } };
            if (!t.description.isEmpty())
                f.insert(QStringLiteral("description"), t.description);
            tools.append(QJsonObject { { QStringLiteral("type"), QStringLiteral("function") },
                                       { QStringLiteral("function"), f } });
        }
        o.insert(QStringLiteral("tools"), tools);
        if (request.parallelToolCalls)
            o.insert(QStringLiteral("parallel_tool_calls"), *request.parallelToolCalls);
    }
    switch (request.toolChoice.mode) {
    case CanonicalToolChoice::Mode::Unset:
        break;
    case CanonicalToolChoice::Mode::Auto:
        o.insert(QStringLiteral("tool_choice"), QStringLiteral("auto"));
        break;
    case CanonicalToolChoice::Mode::None:
        o.insert(QStringLiteral("tool_choice"), QStringLiteral("none"));
        break;
    case CanonicalToolChoice::Mode::Required:
        o.insert(QStringLiteral("tool_choice"), QStringLiteral("required"));
        break;
    case CanonicalToolChoice::Mode::Specific:
        o.insert(QStringLiteral("tool_choice"), encodeToolChoice(request.toolChoice));
        break;
    }
    if (request.temperature)
        o.insert(QStringLiteral("temperature"), *request.temperature);
    if (request.topP)
        o.insert(QStringLiteral("top_p"), *request.topP);
    if (request.topK)
        CanonicalJson::noteDropped(dropped, QStringLiteral("top_k"));
    if (!request.stopSequences.isEmpty())
        o.insert(QStringLiteral("stop"), QJsonArray::fromStringList(request.stopSequences));
    if (request.maxTokens >= 0)
        o.insert(QStringLiteral("max_tokens"), request.maxTokens);
    if (request.responseFormat.type == CanonicalResponseFormat::Type::JsonObject) {
        o.insert(QStringLiteral("response_format"),
                 QJsonObject { { QStringLiteral("type"), QStringLiteral("json_object") } });
    } else if (request.responseFormat.type == CanonicalResponseFormat::Type::JsonSchema) {
        QJsonObject schema { { QStringLiteral("name"),
                               request.responseFormat.name.isEmpty()
                                   ? QStringLiteral("response")
                                   : request.responseFormat.name },
                             { QStringLiteral("schema"), request.responseFormat.schema } };
        if (request.responseFormat.strict)
            schema.insert(QStringLiteral("strict"), true);
        o.insert(QStringLiteral("response_format"),
                 QJsonObject { { QStringLiteral("type"), QStringLiteral("json_schema") },
                               { QStringLiteral("json_schema"), schema } });
    }
    if (request.reasoning.enabled) {
        o.insert(QStringLiteral("reasoning_effort"),
                 request.reasoning.effort.isEmpty()
                     ? effortForBudget(request.reasoning.budgetTokens)
                     : request.reasoning.effort);
    }
    if (request.stream) {
        o.insert(QStringLiteral("stream"), true);
        o.insert(QStringLiteral("stream_options"),
                 QJsonObject { { QStringLiteral("include_usage"), true } });
    }
    if (!request.user.isEmpty())
        o.insert(QStringLiteral("user"), request.user);
    return CanonicalJson::compact(o);
}

CanonicalStopReason stopReasonFromFinish(const QString &finishReason)
{
    if (finishReason == QLatin1String("length"))
        return CanonicalStopReason::MaxTokens;
    if (finishReason == QLatin1String("tool_calls")
        || finishReason == QLatin1String("function_call"))
        return CanonicalStopReason::ToolUse;
    if (finishReason == QLatin1String("content_filter"))
        return CanonicalStopReason::ContentFilter;
    return CanonicalStopReason::EndTurn;
}

QString finishReason(CanonicalStopReason reason)
{
    switch (reason) {
    case CanonicalStopReason::MaxTokens:
        return QStringLiteral("length");
    case CanonicalStopReason::ToolUse:
        return QStringLiteral("tool_calls");
    case CanonicalStopReason::ContentFilter:
        return QStringLiteral("content_filter");
    case CanonicalStopReason::EndTurn:
    case CanonicalStopReason::StopSequence:
    case CanonicalStopReason::Error:
        break;
    }
    return QStringLiteral("stop");
}

CanonicalUsage usageFromJson(const QJsonObject &usage)
{
    CanonicalUsage u;
    if (usage.isEmpty())
        return u;
    u.inputTokens = usage.value(QLatin1String("prompt_tokens")).toInteger(-1);
    u.outputTokens = usage.value(QLatin1String("completion_tokens")).toInteger(-1);
    const QJsonObject in = usage.value(QLatin1String("prompt_tokens_details")).toObject();
    u.cachedTokens = in.value(QLatin1String("cached_tokens")).toInteger(-1);
    // DeepSeek reports cache hits at the top level.
    if (u.cachedTokens < 0)
        u.cachedTokens = usage.value(QLatin1String("prompt_cache_hit_tokens")).toInteger(-1);
    const QJsonObject out = usage.value(QLatin1String("completion_tokens_details")).toObject();
    u.reasoningTokens = out.value(QLatin1String("reasoning_tokens")).toInteger(-1);
    return u;
}

QJsonObject usageToJson(const CanonicalUsage &usage)
{
    const qint64 in = qMax<qint64>(usage.inputTokens, 0);
    const qint64 out = qMax<qint64>(usage.outputTokens, 0);
    QJsonObject o { { QStringLiteral("prompt_tokens"), in },
                    { QStringLiteral("completion_tokens"), out },
                    { QStringLiteral("total_tokens"), in + out } };
    if (usage.cachedTokens >= 0)
        o.insert(QStringLiteral("prompt_tokens_details"),
                 QJsonObject { { QStringLiteral("cached_tokens"), usage.cachedTokens } });
    if (usage.reasoningTokens >= 0)
        o.insert(QStringLiteral("completion_tokens_details"),
                 QJsonObject { { QStringLiteral("reasoning_tokens"), usage.reasoningTokens } });
    return o;
}

std::optional<CanonicalResponse> decodeResponse(QByteArrayView body, QString *error)
{
    const auto parsed = CanonicalJson::parseObject(body, error);
    if (!parsed)
        return std::nullopt;
    const QJsonObject &o = *parsed;
    const QJsonObject choice = o.value(QLatin1String("choices")).toArray().at(0).toObject();
    if (choice.isEmpty()) {
        if (error)
            *error = QStringLiteral("the response has no choices");
        return std::nullopt;
    }
    CanonicalResponse r;
    r.id = o.value(QLatin1String("id")).toString();
    r.model = o.value(QLatin1String("model")).toString();
    const QJsonObject m = choice.value(QLatin1String("message")).toObject();
    QString reasoning = m.value(QLatin1String("reasoning_content")).toString();
    if (reasoning.isEmpty())
        reasoning = m.value(QLatin1String("reasoning")).toString();
    if (!reasoning.isEmpty()) {
        Block thinking;
        thinking.type = Type::Thinking;
        thinking.text = reasoning;
        r.content.append(thinking);
    }
    const QString text = m.value(QLatin1String("content")).toString();
    if (!text.isEmpty())
        r.content.append(Block::makeText(text));
    const QString refusal = m.value(QLatin1String("refusal")).toString();
    if (!refusal.isEmpty())
        r.content.append(Block::makeText(refusal));
    for (const QJsonValue &callValue : m.value(QLatin1String("tool_calls")).toArray()) {
        const QJsonObject call = callValue.toObject();
        const QJsonObject f = call.value(QLatin1String("function")).toObject();
        Block use;
        use.type = Type::ToolUse;
        use.toolUseId = call.value(QLatin1String("id")).toString();
        use.toolName = f.value(QLatin1String("name")).toString();
        // A model may emit broken arguments: keep what can be read rather than fail the answer.
        use.input = CanonicalJson::parseArguments(f.value(QLatin1String("arguments")).toString())
                        .value_or(QJsonObject());
        r.content.append(use);
    }
    r.stopReason = stopReasonFromFinish(choice.value(QLatin1String("finish_reason")).toString());
    if (!refusal.isEmpty())
        r.stopReason = CanonicalStopReason::ContentFilter;
    r.usage = usageFromJson(o.value(QLatin1String("usage")).toObject());
    return r;
}

QByteArray encodeResponse(const CanonicalResponse &response, qint64 created)
{
    QJsonObject message { { QStringLiteral("role"), QStringLiteral("assistant") } };
    const QString text = CanonicalJson::joinedText(response.content);
    message.insert(QStringLiteral("content"), text.isEmpty() ? QJsonValue() : text);
    QString reasoning;
    for (const Block &b : response.content) {
        if (b.type == Type::Thinking)
            reasoning += b.text;
    }
    if (!reasoning.isEmpty())
        message.insert(QStringLiteral("reasoning_content"), reasoning);
    const QJsonArray calls = encodeToolCalls(response.content);
    if (!calls.isEmpty())
        message.insert(QStringLiteral("tool_calls"), calls);
    const QJsonObject choice { { QStringLiteral("index"), 0 },
                               { QStringLiteral("message"), message },
                               { QStringLiteral("logprobs"), QJsonValue() },
                               { QStringLiteral("finish_reason"),
                                 finishReason(response.stopReason) } };
    QJsonObject o {
        { QStringLiteral("id"),
          response.id.isEmpty() ? CanonicalJson::newId(u"chatcmpl-") : response.id },
        { QStringLiteral("object"), QStringLiteral("chat.completion") },
        { QStringLiteral("created"), created > 0 ? created : QDateTime::currentSecsSinceEpoch() },
        { QStringLiteral("model"), response.model },
        { QStringLiteral("choices"), QJsonArray { choice } },
    };
    if (response.usage.isKnown())
        o.insert(QStringLiteral("usage"), usageToJson(response.usage));
    return CanonicalJson::compact(o);
}

QString errorTypeForStatus(int httpStatus)
{
    switch (httpStatus) {
    case 401:
        return QStringLiteral("authentication_error");
    case 403:
        return QStringLiteral("permission_error");
    case 404:
        return QStringLiteral("not_found_error");
    case 429:
        return QStringLiteral("rate_limit_error");
    default:
        break;
    }
    return httpStatus >= 500 ? QStringLiteral("server_error")
                             : QStringLiteral("invalid_request_error");
}

} // namespace OpenAiChatCodec
