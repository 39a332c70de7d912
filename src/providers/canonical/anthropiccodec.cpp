#include "canonical/anthropiccodec.h"

#include "canonical/canonicaljson.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

using Block = CanonicalBlock;
using Type = CanonicalBlock::Type;

namespace {

const QStringList &mappedMembers()
{
    static const QStringList names = {
        QStringLiteral("model"),          QStringLiteral("messages"), QStringLiteral("system"),
        QStringLiteral("max_tokens"),     QStringLiteral("tools"),    QStringLiteral("tool_choice"),
        QStringLiteral("temperature"),    QStringLiteral("top_p"),    QStringLiteral("top_k"),
        QStringLiteral("stream"),         QStringLiteral("metadata"), QStringLiteral("thinking"),
        QStringLiteral("stop_sequences"),
    };
    return names;
}

bool decodeBlocks(const QJsonValue &content, QList<Block> &out, QString *error,
                  bool *hasCacheControl);

bool decodeBlock(const QJsonObject &b, QList<Block> &out, QString *error, bool *hasCacheControl)
{
    if (b.contains(QLatin1String("cache_control")))
        *hasCacheControl = true;
    const QString type = b.value(QLatin1String("type")).toString();
    Block block;
    if (type == QLatin1String("text")) {
        block.text = b.value(QLatin1String("text")).toString();
    } else if (type == QLatin1String("image")) {
        const QJsonObject source = b.value(QLatin1String("source")).toObject();
        block.type = Type::Image;
        if (source.value(QLatin1String("type")).toString() == QLatin1String("url")) {
            block.url = source.value(QLatin1String("url")).toString();
        } else {
            block.mediaType = source.value(QLatin1String("media_type")).toString();
            block.data = source.value(QLatin1String("data")).toString();
        }
    } else if (type == QLatin1String("tool_use")) {
        block.type = Type::ToolUse;
        block.toolUseId = b.value(QLatin1String("id")).toString();
        block.toolName = b.value(QLatin1String("name")).toString();
        block.input = b.value(QLatin1String("input")).toObject();
    } else if (type == QLatin1String("tool_result")) {
        block.type = Type::ToolResult;
        block.toolUseId = b.value(QLatin1String("tool_use_id")).toString();
        block.isError = b.value(QLatin1String("is_error")).toBool();
        if (!decodeBlocks(b.value(QLatin1String("content")), block.content, error, hasCacheControl))
            return false;
    } else if (type == QLatin1String("thinking")) {
        block.type = Type::Thinking;
        block.text = b.value(QLatin1String("thinking")).toString();
        block.signature = b.value(QLatin1String("signature")).toString();
        if (!block.signature.isEmpty())
            block.issuer = WireProtocol::Anthropic;
    } else if (type == QLatin1String("redacted_thinking")) {
        block.type = Type::RedactedThinking;
        block.signature = b.value(QLatin1String("data")).toString();
        block.issuer = WireProtocol::Anthropic;
    } else {
        *error = QStringLiteral("content block type \"%1\" cannot be translated for this "
                                "model's provider")
                     .arg(type);
        return false;
    }
    out.append(block);
    return true;
}

bool decodeBlocks(const QJsonValue &content, QList<Block> &out, QString *error,
                  bool *hasCacheControl)
{
    if (content.isString()) {
        out.append(Block::makeText(content.toString()));
        return true;
    }
    for (const QJsonValue &v : content.toArray()) {
        if (!decodeBlock(v.toObject(), out, error, hasCacheControl))
            return false;
    }
    return true;
}

QJsonObject encodeImage(const Block &b)
{
    QString mediaType = b.mediaType;
    QString data = b.data;
    QJsonObject source;
    if (!b.url.isEmpty() && !CanonicalJson::splitDataUrl(b.url, &mediaType, &data)) {
        source = { { QStringLiteral("type"), QStringLiteral("url") },
                   { QStringLiteral("url"), b.url } };
    } else {
        source = { { QStringLiteral("type"), QStringLiteral("base64") },
                   { QStringLiteral("media_type"), mediaType },
                   { QStringLiteral("data"), data } };
    }
    return { { QStringLiteral("type"), QStringLiteral("image") },
             { QStringLiteral("source"), source } };
}

QJsonArray encodeBlocks(const QList<Block> &blocks, QStringList *dropped)
{
    QJsonArray out;
    for (const Block &b : blocks) {
        switch (b.type) {
        case Type::Text:
            if (!b.text.isEmpty())
                out.append(QJsonObject { { QStringLiteral("type"), QStringLiteral("text") },
                                         { QStringLiteral("text"), b.text } });
            break;
        case Type::Image:
            out.append(encodeImage(b));
            break;
        case Type::ToolUse:
            out.append(QJsonObject { { QStringLiteral("type"), QStringLiteral("tool_use") },
                                     { QStringLiteral("id"), b.toolUseId },
                                     { QStringLiteral("name"), b.toolName },
                                     { QStringLiteral("input"), b.input } });
            break;
        case Type::ToolResult: {
            QJsonObject r { { QStringLiteral("type"), QStringLiteral("tool_result") },
                            { QStringLiteral("tool_use_id"), b.toolUseId },
                            { QStringLiteral("content"), encodeBlocks(b.content, dropped) } };
            if (b.isError)
                r.insert(QStringLiteral("is_error"), true);
            out.append(r);
            break;
        }
        case Type::Thinking:
            if (b.issuer == WireProtocol::Anthropic && !b.signature.isEmpty()) {
                out.append(QJsonObject { { QStringLiteral("type"), QStringLiteral("thinking") },
                                         { QStringLiteral("thinking"), b.text },
                                         { QStringLiteral("signature"), b.signature } });
            } else {
                CanonicalJson::noteDropped(dropped, QStringLiteral("thinking"));
            }
            break;
        case Type::RedactedThinking:
            if (b.issuer == WireProtocol::Anthropic) {
                out.append(
                    QJsonObject { { QStringLiteral("type"), QStringLiteral("redacted_thinking") },
                                  { QStringLiteral("data"), b.signature } });
            } else {
                CanonicalJson::noteDropped(dropped, QStringLiteral("thinking"));
            }
            break;
        }
    }
    return out;
}

// Anthropic's order rules: alternating roles starting with user, tool results first in the
// user turn that answers the calls, no empty turns.
QJsonArray encodeMessages(const CanonicalRequest &request, QStringList *dropped)
{
    QList<CanonicalMessage> merged;
    for (const CanonicalMessage &m : request.messages) {
        if (!merged.isEmpty() && merged.last().role == m.role)
            merged.last().content.append(m.content);
        else
            merged.append(m);
    }
    QJsonArray out;
    for (CanonicalMessage &m : merged) {
        std::stable_partition(m.content.begin(), m.content.end(),
                              [](const Block &b) { return b.type == Type::ToolResult; });
        const QJsonArray content = encodeBlocks(m.content, dropped);
        if (content.isEmpty())
            continue;
        const bool user = m.role == CanonicalMessage::Role::User;
        if (out.isEmpty() && !user) {
            out.append(QJsonObject { { QStringLiteral("role"), QStringLiteral("user") },
                                     { QStringLiteral("content"), QStringLiteral("(continue)") } });
        }
        // Dropping a turn's only blocks can leave two turns of one role next to each other.
        if (!out.isEmpty()) {
            QJsonObject last = out.last().toObject();
            if (last.value(QLatin1String("role")).toString()
                == (user ? QLatin1String("user") : QLatin1String("assistant"))) {
                QJsonArray lastContent = last.value(QLatin1String("content")).toArray();
                for (const QJsonValue &v : content)
                    lastContent.append(v);
                last.insert(QStringLiteral("content"), lastContent);
                out.replace(out.size() - 1, last);
                continue;
            }
        }
        out.append(QJsonObject {
            { QStringLiteral("role"), user ? QStringLiteral("user") : QStringLiteral("assistant") },
            { QStringLiteral("content"), content } });
    }
    return out;
}

qint64 budgetFor(const CanonicalReasoning &reasoning)
{
    if (reasoning.budgetTokens > 0)
        return qMax<qint64>(reasoning.budgetTokens, 1024);
    if (reasoning.effort == QLatin1String("high"))
        return 16384;
    if (reasoning.effort == QLatin1String("medium") || reasoning.effort.isEmpty())
        return 4096;
    return 1024;
}

QString jsonInstruction(const CanonicalResponseFormat &format)
{
    if (format.type == CanonicalResponseFormat::Type::JsonObject)
        return QStringLiteral("Respond with a single valid JSON object and nothing else.");
    return QStringLiteral("Respond with a single valid JSON value that conforms to this JSON "
                          "schema, and nothing else:\n")
        + QString::fromUtf8(QJsonDocument(format.schema).toJson(QJsonDocument::Compact));
}

} // namespace

namespace AnthropicCodec {

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
        *err = QStringLiteral("model: Field required");
        return std::nullopt;
    }
    if (!o.value(QLatin1String("messages")).isArray()) {
        *err = QStringLiteral("messages: Field required");
        return std::nullopt;
    }
    bool cacheControl = false;
    if (!decodeBlocks(o.value(QLatin1String("system")), r.system, err, &cacheControl))
        return std::nullopt;
    for (const QJsonValue &v : o.value(QLatin1String("messages")).toArray()) {
        const QJsonObject m = v.toObject();
        const QString role = m.value(QLatin1String("role")).toString();
        CanonicalMessage message;
        if (role == QLatin1String("assistant")) {
            message.role = CanonicalMessage::Role::Assistant;
        } else if (role != QLatin1String("user")) {
            *err = QStringLiteral("messages: role \"%1\" is not user or assistant").arg(role);
            return std::nullopt;
        }
        if (!decodeBlocks(m.value(QLatin1String("content")), message.content, err, &cacheControl))
            return std::nullopt;
        r.messages.append(message);
    }
    for (const QJsonValue &v : o.value(QLatin1String("tools")).toArray()) {
        const QJsonObject t = v.toObject();
        const QString type = t.value(QLatin1String("type")).toString();
        if (!type.isEmpty() && type != QLatin1String("custom")) {
            *err = QStringLiteral("tools: the server tool \"%1\" cannot be translated for this "
                                  "model's provider")
                       .arg(type);
            return std::nullopt;
        }
        if (t.contains(QLatin1String("cache_control")))
            cacheControl = true;
        r.tools.append({ t.value(QLatin1String("name")).toString(),
                         t.value(QLatin1String("description")).toString(),
                         t.value(QLatin1String("input_schema")).toObject() });
    }
    const QJsonObject choice = o.value(QLatin1String("tool_choice")).toObject();
    const QString choiceType = choice.value(QLatin1String("type")).toString();
    if (choiceType == QLatin1String("auto"))
        r.toolChoice.mode = CanonicalToolChoice::Mode::Auto;
    else if (choiceType == QLatin1String("any"))
        r.toolChoice.mode = CanonicalToolChoice::Mode::Required;
    else if (choiceType == QLatin1String("none"))
        r.toolChoice.mode = CanonicalToolChoice::Mode::None;
    else if (choiceType == QLatin1String("tool"))
        r.toolChoice = { CanonicalToolChoice::Mode::Specific,
                         choice.value(QLatin1String("name")).toString() };
    if (choice.value(QLatin1String("disable_parallel_tool_use")).isBool())
        r.parallelToolCalls = !choice.value(QLatin1String("disable_parallel_tool_use")).toBool();
    if (o.value(QLatin1String("temperature")).isDouble())
        r.temperature = o.value(QLatin1String("temperature")).toDouble();
    if (o.value(QLatin1String("top_p")).isDouble())
        r.topP = o.value(QLatin1String("top_p")).toDouble();
    if (o.value(QLatin1String("top_k")).isDouble())
        r.topK = o.value(QLatin1String("top_k")).toInteger();
    for (const QJsonValue &s : o.value(QLatin1String("stop_sequences")).toArray())
        r.stopSequences.append(s.toString());
    r.maxTokens = o.value(QLatin1String("max_tokens")).toInteger(-1);
    r.stream = o.value(QLatin1String("stream")).toBool();
    r.user
        = o.value(QLatin1String("metadata")).toObject().value(QLatin1String("user_id")).toString();
    const QJsonObject thinking = o.value(QLatin1String("thinking")).toObject();
    const QString thinkingType = thinking.value(QLatin1String("type")).toString();
    if (thinkingType == QLatin1String("enabled") || thinkingType == QLatin1String("adaptive")) {
        r.reasoning.enabled = true;
        r.reasoning.budgetTokens = thinking.value(QLatin1String("budget_tokens")).toInteger(-1);
    }
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (!mappedMembers().contains(it.key()) && !it.value().isNull())
            CanonicalJson::addUnmapped(r, it.key(), it.value());
    }
    if (cacheControl)
        CanonicalJson::addUnmapped(r, QStringLiteral("cache_control"), true);
    return r;
}

QByteArray encodeRequest(const CanonicalRequest &request, const QString &upstreamModel,
                         QString *refusal, QStringList *dropped, qint64 defaultMaxTokens)
{
    if (!request.previousResponseId.isEmpty()) {
        if (refusal)
            *refusal = QStringLiteral("previous_response_id needs an OpenAI Responses provider; "
                                      "this model's provider speaks Anthropic Messages");
        return {};
    }
    CanonicalJson::noteUnmapped(request, dropped);
    QJsonObject o;
    o.insert(QStringLiteral("model"), upstreamModel);
    qint64 maxTokens = request.maxTokens > 0 ? request.maxTokens : defaultMaxTokens;
    if (request.reasoning.enabled) {
        const qint64 budget = budgetFor(request.reasoning);
        if (maxTokens <= budget)
            maxTokens = budget + 1024;
        o.insert(QStringLiteral("thinking"),
                 QJsonObject { { QStringLiteral("type"), QStringLiteral("enabled") },
                               { QStringLiteral("budget_tokens"), budget } });
    }
    o.insert(QStringLiteral("max_tokens"), maxTokens);

    QList<Block> system = request.system;
    if (request.responseFormat.type != CanonicalResponseFormat::Type::Text)
        system.append(Block::makeText(jsonInstruction(request.responseFormat)));
    const QJsonArray systemBlocks = encodeBlocks(system, dropped);
    if (!systemBlocks.isEmpty())
        o.insert(QStringLiteral("system"), systemBlocks);
    o.insert(QStringLiteral("messages"), encodeMessages(request, dropped));

    if (!request.tools.isEmpty()) {
        QJsonArray tools;
        for (const CanonicalTool &t : request.tools) {
            QJsonObject tool {
                { QStringLiteral("name"), t.name },
                { QStringLiteral("input_schema"),
                  t.inputSchema.isEmpty()
                      ? QJsonObject { { QStringLiteral("type"), QStringLiteral("object") } }
                      : t.inputSchema }
            };
            if (!t.description.isEmpty())
                tool.insert(QStringLiteral("description"), t.description);
            tools.append(tool);
        }
        o.insert(QStringLiteral("tools"), tools);
    }
    QJsonObject choice;
    switch (request.toolChoice.mode) {
    case CanonicalToolChoice::Mode::Unset:
        break;
    case CanonicalToolChoice::Mode::Auto:
        choice.insert(QStringLiteral("type"), QStringLiteral("auto"));
        break;
    case CanonicalToolChoice::Mode::None:
        choice.insert(QStringLiteral("type"), QStringLiteral("none"));
        break;
    case CanonicalToolChoice::Mode::Required:
        choice.insert(QStringLiteral("type"), QStringLiteral("any"));
        break;
    case CanonicalToolChoice::Mode::Specific:
        choice.insert(QStringLiteral("type"), QStringLiteral("tool"));
        choice.insert(QStringLiteral("name"), request.toolChoice.name);
        break;
    }
    if (request.parallelToolCalls == false && !request.tools.isEmpty()
        && request.toolChoice.mode != CanonicalToolChoice::Mode::None) {
        if (choice.isEmpty())
            choice.insert(QStringLiteral("type"), QStringLiteral("auto"));
        choice.insert(QStringLiteral("disable_parallel_tool_use"), true);
    }
    if (!choice.isEmpty())
        o.insert(QStringLiteral("tool_choice"), choice);
    if (request.temperature)
        o.insert(QStringLiteral("temperature"), *request.temperature);
    if (request.topP)
        o.insert(QStringLiteral("top_p"), *request.topP);
    if (request.topK)
        o.insert(QStringLiteral("top_k"), *request.topK);
    if (!request.stopSequences.isEmpty())
        o.insert(QStringLiteral("stop_sequences"),
                 QJsonArray::fromStringList(request.stopSequences));
    if (request.stream)
        o.insert(QStringLiteral("stream"), true);
    if (!request.user.isEmpty())
        o.insert(QStringLiteral("metadata"),
                 QJsonObject { { QStringLiteral("user_id"), request.user } });
    return CanonicalJson::compact(o);
}

CanonicalStopReason stopReasonFromJson(const QString &stopReason)
{
    if (stopReason == QLatin1String("max_tokens")
        || stopReason == QLatin1String("model_context_window_exceeded"))
        return CanonicalStopReason::MaxTokens;
    if (stopReason == QLatin1String("tool_use"))
        return CanonicalStopReason::ToolUse;
    if (stopReason == QLatin1String("stop_sequence"))
        return CanonicalStopReason::StopSequence;
    if (stopReason == QLatin1String("refusal"))
        return CanonicalStopReason::ContentFilter;
    return CanonicalStopReason::EndTurn;
}

QString stopReasonName(CanonicalStopReason reason)
{
    switch (reason) {
    case CanonicalStopReason::MaxTokens:
        return QStringLiteral("max_tokens");
    case CanonicalStopReason::ToolUse:
        return QStringLiteral("tool_use");
    case CanonicalStopReason::StopSequence:
        return QStringLiteral("stop_sequence");
    case CanonicalStopReason::ContentFilter:
        return QStringLiteral("refusal");
    case CanonicalStopReason::EndTurn:
    case CanonicalStopReason::Error:
        break;
    }
    return QStringLiteral("end_turn");
}

CanonicalUsage usageFromJson(const QJsonObject &usage)
{
    CanonicalUsage u;
    if (usage.isEmpty())
        return u;
    const qint64 input = usage.value(QLatin1String("input_tokens")).toInteger(-1);
    const qint64 read = usage.value(QLatin1String("cache_read_input_tokens")).toInteger(-1);
    const qint64 write = usage.value(QLatin1String("cache_creation_input_tokens")).toInteger(-1);
    if (input >= 0)
        u.inputTokens = input + qMax<qint64>(read, 0) + qMax<qint64>(write, 0);
    u.cachedTokens = read;
    u.cacheCreationTokens = write;
    u.outputTokens = usage.value(QLatin1String("output_tokens")).toInteger(-1);
    return u;
}

QJsonObject usageToJson(const CanonicalUsage &usage)
{
    const qint64 read = qMax<qint64>(usage.cachedTokens, 0);
    const qint64 write = qMax<qint64>(usage.cacheCreationTokens, 0);
    QJsonObject o {
        { QStringLiteral("input_tokens"), qMax<qint64>(usage.inputTokens - read - write, 0) },
        { QStringLiteral("output_tokens"), qMax<qint64>(usage.outputTokens, 0) },
    };
    if (usage.cachedTokens >= 0)
        o.insert(QStringLiteral("cache_read_input_tokens"), usage.cachedTokens);
    if (usage.cacheCreationTokens >= 0)
        o.insert(QStringLiteral("cache_creation_input_tokens"), usage.cacheCreationTokens);
    return o;
}

std::optional<CanonicalResponse> decodeResponse(QByteArrayView body, QString *error)
{
    QString localError;
    QString *err = error ? error : &localError;
    const auto parsed = CanonicalJson::parseObject(body, err);
    if (!parsed)
        return std::nullopt;
    const QJsonObject &o = *parsed;
    if (o.value(QLatin1String("type")).toString() != QLatin1String("message")) {
        *err = QStringLiteral("the response is not a message");
        return std::nullopt;
    }
    CanonicalResponse r;
    r.id = o.value(QLatin1String("id")).toString();
    r.model = o.value(QLatin1String("model")).toString();
    bool cacheControl = false;
    for (const QJsonValue &v : o.value(QLatin1String("content")).toArray()) {
        // Server tool blocks (web search results ...) have no counterpart: skip them.
        QString ignored;
        decodeBlock(v.toObject(), r.content, &ignored, &cacheControl);
    }
    r.stopReason = stopReasonFromJson(o.value(QLatin1String("stop_reason")).toString());
    r.stopSequence = o.value(QLatin1String("stop_sequence")).toString();
    r.usage = usageFromJson(o.value(QLatin1String("usage")).toObject());
    return r;
}

QByteArray encodeResponse(const CanonicalResponse &response)
{
    QJsonArray content;
    for (const Block &b : response.content) {
        // A response's thinking is shown to the client even when another provider issued it;
        // only its signature is withheld (it would be replayed to Anthropic later).
        if (b.type == Type::Thinking && b.issuer != WireProtocol::Anthropic) {
            if (b.text.isEmpty())
                continue; // a bare signature of another provider
            content.append(QJsonObject { { QStringLiteral("type"), QStringLiteral("thinking") },
                                         { QStringLiteral("thinking"), b.text },
                                         { QStringLiteral("signature"), QString() } });
            continue;
        }
        const QJsonArray one = encodeBlocks({ b }, nullptr);
        for (const QJsonValue &v : one)
            content.append(v);
    }
    QJsonObject o {
        { QStringLiteral("id"),
          response.id.isEmpty() ? CanonicalJson::newId(u"msg_") : response.id },
        { QStringLiteral("type"), QStringLiteral("message") },
        { QStringLiteral("role"), QStringLiteral("assistant") },
        { QStringLiteral("model"), response.model },
        { QStringLiteral("content"), content },
        { QStringLiteral("stop_reason"), stopReasonName(response.stopReason) },
        { QStringLiteral("stop_sequence"),
          response.stopSequence.isEmpty() ? QJsonValue() : QJsonValue(response.stopSequence) },
        { QStringLiteral("usage"), usageToJson(response.usage) },
    };
    return CanonicalJson::compact(o);
}

} // namespace AnthropicCodec
