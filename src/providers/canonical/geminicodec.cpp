#include "canonical/geminicodec.h"

#include "canonical/canonicaljson.h"

#include <QHash>
#include <QJsonArray>

using Block = CanonicalBlock;
using Type = CanonicalBlock::Type;

namespace {

const QStringList &mappedMembers()
{
    static const QStringList names = {
        QStringLiteral("contents"),   QStringLiteral("systemInstruction"), QStringLiteral("tools"),
        QStringLiteral("toolConfig"), QStringLiteral("generationConfig"),  QStringLiteral("model"),
    };
    return names;
}

const QStringList &mappedConfig()
{
    static const QStringList names = {
        QStringLiteral("temperature"),
        QStringLiteral("topP"),
        QStringLiteral("topK"),
        QStringLiteral("maxOutputTokens"),
        QStringLiteral("stopSequences"),
        QStringLiteral("candidateCount"),
        QStringLiteral("responseMimeType"),
        QStringLiteral("responseSchema"),
        QStringLiteral("responseJsonSchema"),
        QStringLiteral("thinkingConfig"),
    };
    return names;
}

Block signatureBlock(const QString &signature)
{
    Block b;
    b.type = Type::Thinking;
    b.signature = signature;
    b.issuer = WireProtocol::Gemini;
    return b;
}

// The text a functionResponse.response carries: {"content"|"output"|"result": "<text>"} is
// that text, anything else its compact JSON.
QString responseText(const QJsonObject &response, bool *isError)
{
    *isError = response.contains(QLatin1String("error"));
    if (response.size() == 1) {
        const QJsonValue only = response.begin().value();
        if (only.isString())
            return only.toString();
    }
    return CanonicalJson::argumentsText(response);
}

// Parts of one content -> blocks. `idFor` makes the id of a functionCall without one.
template<typename IdFor>
bool decodeParts(const QJsonArray &parts, QList<Block> &out, IdFor idFor, QString *error)
{
    for (const QJsonValue &v : parts) {
        const QJsonObject p = v.toObject();
        const QString signature = p.value(QLatin1String("thoughtSignature")).toString();
        if (p.value(QLatin1String("thought")).toBool()) {
            Block b = signatureBlock(signature);
            b.text = p.value(QLatin1String("text")).toString();
            if (signature.isEmpty())
                b.issuer.reset();
            out.append(b);
            continue;
        }
        if (!signature.isEmpty())
            out.append(signatureBlock(signature));
        if (p.contains(QLatin1String("text"))) {
            const QString text = p.value(QLatin1String("text")).toString();
            if (!text.isEmpty())
                out.append(Block::makeText(text));
        } else if (p.contains(QLatin1String("inlineData"))) {
            const QJsonObject d = p.value(QLatin1String("inlineData")).toObject();
            Block b;
            b.type = Type::Image;
            b.mediaType = d.value(QLatin1String("mimeType")).toString();
            b.data = d.value(QLatin1String("data")).toString();
            out.append(b);
        } else if (p.contains(QLatin1String("fileData"))) {
            const QJsonObject d = p.value(QLatin1String("fileData")).toObject();
            Block b;
            b.type = Type::Image;
            b.mediaType = d.value(QLatin1String("mimeType")).toString();
            b.url = d.value(QLatin1String("fileUri")).toString();
            out.append(b);
        } else if (p.contains(QLatin1String("functionCall"))) {
            const QJsonObject c = p.value(QLatin1String("functionCall")).toObject();
            Block b;
            b.type = Type::ToolUse;
            b.toolName = c.value(QLatin1String("name")).toString();
            b.toolUseId = c.value(QLatin1String("id")).toString();
            if (b.toolUseId.isEmpty())
                b.toolUseId = idFor(b.toolName);
            b.input = c.value(QLatin1String("args")).toObject();
            out.append(b);
        } else if (p.contains(QLatin1String("functionResponse"))) {
            const QJsonObject r = p.value(QLatin1String("functionResponse")).toObject();
            Block b;
            b.type = Type::ToolResult;
            b.toolName = r.value(QLatin1String("name")).toString();
            b.toolUseId = r.value(QLatin1String("id")).toString();
            b.content.append(Block::makeText(
                responseText(r.value(QLatin1String("response")).toObject(), &b.isError)));
            out.append(b);
        } else if (error) {
            *error = QStringLiteral("part \"%1\" cannot be translated for this model's provider")
                         .arg(p.keys().value(0));
            return false;
        }
    }
    return true;
}

QJsonObject imagePart(const Block &b, QString *refusal)
{
    QString mediaType = b.mediaType;
    QString data = b.data;
    if (!b.url.isEmpty() && !CanonicalJson::splitDataUrl(b.url, &mediaType, &data)) {
        if (b.url.startsWith(QLatin1String("http://"))
            || b.url.startsWith(QLatin1String("https://"))) {
            if (!b.url.startsWith(QLatin1String("https://generativelanguage.googleapis.com/"))) {
                *refusal = QStringLiteral("image URLs cannot be sent to this model's provider "
                                          "(Gemini takes inline base64 data): send the image as "
                                          "base64 data instead of %1")
                               .arg(b.url);
                return {};
            }
        }
        return { { QStringLiteral("fileData"),
                   QJsonObject { { QStringLiteral("mimeType"), b.mediaType },
                                 { QStringLiteral("fileUri"), b.url } } } };
    }
    return { { QStringLiteral("inlineData"),
               QJsonObject { { QStringLiteral("mimeType"), mediaType },
                             { QStringLiteral("data"), data } } } };
}

// Blocks -> parts. A Gemini signature block (empty text) is attached to the next part.
QJsonArray encodeParts(const QList<Block> &blocks, const QHash<QString, QString> &toolNames,
                       QString *refusal, QStringList *dropped)
{
    QJsonArray parts;
    QString pendingSignature;
    auto add = [&](QJsonObject part) {
        if (!pendingSignature.isEmpty()) {
            part.insert(QStringLiteral("thoughtSignature"), pendingSignature);
            pendingSignature.clear();
        }
        parts.append(part);
    };
    for (const Block &b : blocks) {
        switch (b.type) {
        case Type::Text:
            if (!b.text.isEmpty())
                add({ { QStringLiteral("text"), b.text } });
            break;
        case Type::Image: {
            const QJsonObject part = imagePart(b, refusal);
            if (part.isEmpty())
                return {};
            add(part);
            break;
        }
        case Type::ToolUse:
            add({ { QStringLiteral("functionCall"),
                    QJsonObject { { QStringLiteral("id"), b.toolUseId },
                                  { QStringLiteral("name"), b.toolName },
                                  { QStringLiteral("args"), b.input } } } });
            break;
        case Type::ToolResult: {
            const QString text = CanonicalJson::joinedText(b.content, QStringLiteral("\n"));
            for (const Block &c : b.content) {
                if (c.type == Type::Image)
                    CanonicalJson::noteDropped(dropped, QStringLiteral("tool_result_image"));
            }
            const QString name = b.toolName.isEmpty() ? toolNames.value(b.toolUseId) : b.toolName;
            add({ { QStringLiteral("functionResponse"),
                    QJsonObject { { QStringLiteral("id"), b.toolUseId },
                                  { QStringLiteral("name"), name },
                                  { QStringLiteral("response"),
                                    QJsonObject { { b.isError ? QStringLiteral("error")
                                                              : QStringLiteral("content"),
                                                    text } } } } } });
            break;
        }
        case Type::Thinking:
            if (b.issuer != WireProtocol::Gemini) {
                CanonicalJson::noteDropped(dropped, QStringLiteral("thinking"));
            } else if (b.text.isEmpty()) {
                pendingSignature = b.signature;
            } else {
                QJsonObject part { { QStringLiteral("text"), b.text },
                                   { QStringLiteral("thought"), true } };
                if (!b.signature.isEmpty())
                    part.insert(QStringLiteral("thoughtSignature"), b.signature);
                parts.append(part);
            }
            break;
        case Type::RedactedThinking:
            CanonicalJson::noteDropped(dropped, QStringLiteral("thinking"));
            break;
        }
    }
    return parts;
}

qint64 budgetFor(const CanonicalReasoning &reasoning)
{
    if (reasoning.budgetTokens > 0)
        return reasoning.budgetTokens;
    if (reasoning.effort == QLatin1String("high"))
        return 24576;
    if (reasoning.effort == QLatin1String("low") || reasoning.effort == QLatin1String("minimal"))
        return 1024;
    if (reasoning.effort.isEmpty())
        return -1; // dynamic thinking
    return 8192;
}

} // namespace

namespace GeminiCodec {

std::optional<CanonicalRequest> decodeRequest(QByteArrayView body, const QString &model,
                                              bool stream, QString *error)
{
    QString localError;
    QString *err = error ? error : &localError;
    const auto parsed = CanonicalJson::parseObject(body, err);
    if (!parsed)
        return std::nullopt;
    const QJsonObject &o = *parsed;
    CanonicalRequest r;
    r.model = model;
    r.stream = stream;
    const QJsonObject config = o.value(QLatin1String("generationConfig")).toObject();
    if (config.value(QLatin1String("candidateCount")).toInteger(1) > 1) {
        *err = QStringLiteral("candidateCount > 1 is not supported for this model: its provider "
                              "returns one candidate per request");
        return std::nullopt;
    }
    if (!decodeParts(
            o.value(QLatin1String("systemInstruction"))
                .toObject()
                .value(QLatin1String("parts"))
                .toArray(),
            r.system, [](const QString &) { return QString(); }, err))
        return std::nullopt;

    int calls = 0;
    QList<QPair<QString, QString>> unanswered; // (name, id) of calls without a result yet
    for (const QJsonValue &v : o.value(QLatin1String("contents")).toArray()) {
        const QJsonObject c = v.toObject();
        const auto role = c.value(QLatin1String("role")).toString() == QLatin1String("model")
            ? CanonicalMessage::Role::Assistant
            : CanonicalMessage::Role::User;
        QList<Block> blocks;
        if (!decodeParts(
                c.value(QLatin1String("parts")).toArray(), blocks,
                [&calls](const QString &) { return QStringLiteral("call_%1").arg(calls++); }, err))
            return std::nullopt;
        for (Block &b : blocks) {
            if (b.type == Type::ToolUse) {
                unanswered.append({ b.toolName, b.toolUseId });
            } else if (b.type == Type::ToolResult) {
                for (qsizetype i = 0; i < unanswered.size(); ++i) {
                    const bool match = b.toolUseId.isEmpty()
                        ? unanswered.at(i).first == b.toolName
                        : unanswered.at(i).second == b.toolUseId;
                    if (match) {
                        b.toolUseId = unanswered.takeAt(i).second;
                        break;
                    }
                }
            }
        }
        if (!r.messages.isEmpty() && r.messages.last().role == role)
            r.messages.last().content.append(blocks);
        else
            r.messages.append({ role, blocks });
    }

    for (const QJsonValue &v : o.value(QLatin1String("tools")).toArray()) {
        const QJsonObject tool = v.toObject();
        for (auto it = tool.begin(); it != tool.end(); ++it) {
            if (it.key() != QLatin1String("functionDeclarations")) {
                *err = QStringLiteral("tools: \"%1\" cannot be translated for this model's "
                                      "provider (only functionDeclarations)")
                           .arg(it.key());
                return std::nullopt;
            }
        }
        for (const QJsonValue &d : tool.value(QLatin1String("functionDeclarations")).toArray()) {
            const QJsonObject f = d.toObject();
            QJsonObject schema = f.value(QLatin1String("parametersJsonSchema")).toObject();
            if (schema.isEmpty())
                schema = f.value(QLatin1String("parameters")).toObject();
            r.tools.append({ f.value(QLatin1String("name")).toString(),
                             f.value(QLatin1String("description")).toString(), schema });
        }
    }
    const QJsonObject calling = o.value(QLatin1String("toolConfig"))
                                    .toObject()
                                    .value(QLatin1String("functionCallingConfig"))
                                    .toObject();
    const QString mode = calling.value(QLatin1String("mode")).toString();
    const QJsonArray allowed = calling.value(QLatin1String("allowedFunctionNames")).toArray();
    if (mode == QLatin1String("AUTO") || mode == QLatin1String("VALIDATED"))
        r.toolChoice.mode = CanonicalToolChoice::Mode::Auto;
    else if (mode == QLatin1String("NONE"))
        r.toolChoice.mode = CanonicalToolChoice::Mode::None;
    else if (mode == QLatin1String("ANY") && allowed.size() == 1)
        r.toolChoice = { CanonicalToolChoice::Mode::Specific, allowed.at(0).toString() };
    else if (mode == QLatin1String("ANY"))
        r.toolChoice.mode = CanonicalToolChoice::Mode::Required;

    if (config.value(QLatin1String("temperature")).isDouble())
        r.temperature = config.value(QLatin1String("temperature")).toDouble();
    if (config.value(QLatin1String("topP")).isDouble())
        r.topP = config.value(QLatin1String("topP")).toDouble();
    if (config.value(QLatin1String("topK")).isDouble())
        r.topK = config.value(QLatin1String("topK")).toInteger();
    r.maxTokens = config.value(QLatin1String("maxOutputTokens")).toInteger(-1);
    for (const QJsonValue &s : config.value(QLatin1String("stopSequences")).toArray())
        r.stopSequences.append(s.toString());
    if (config.value(QLatin1String("responseMimeType")).toString()
        == QLatin1String("application/json")) {
        QJsonObject schema = config.value(QLatin1String("responseJsonSchema")).toObject();
        if (schema.isEmpty())
            schema = config.value(QLatin1String("responseSchema")).toObject();
        r.responseFormat.type = schema.isEmpty() ? CanonicalResponseFormat::Type::JsonObject
                                                 : CanonicalResponseFormat::Type::JsonSchema;
        r.responseFormat.schema = schema;
    }
    const QJsonObject thinking = config.value(QLatin1String("thinkingConfig")).toObject();
    if (!thinking.isEmpty()) {
        const qint64 budget = thinking.value(QLatin1String("thinkingBudget")).toInteger(-1);
        r.reasoning.enabled = budget != 0;
        r.reasoning.budgetTokens = budget;
        r.reasoning.effort = thinking.value(QLatin1String("thinkingLevel")).toString().toLower();
    }
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (!mappedMembers().contains(it.key()))
            CanonicalJson::addUnmapped(r, it.key(), it.value());
    }
    for (auto it = config.begin(); it != config.end(); ++it) {
        if (!mappedConfig().contains(it.key()))
            CanonicalJson::addUnmapped(r, it.key(), it.value());
    }
    return r;
}

QByteArray encodeRequest(const CanonicalRequest &request, const QString &upstreamModel,
                         QString *refusal, QStringList *dropped)
{
    Q_UNUSED(upstreamModel); // travels in the path
    QString localRefusal;
    QString *ref = refusal ? refusal : &localRefusal;
    if (!request.previousResponseId.isEmpty()) {
        *ref = QStringLiteral("previous_response_id needs an OpenAI Responses provider; this "
                              "model's provider speaks Gemini");
        return {};
    }
    CanonicalJson::noteUnmapped(request, dropped);
    QHash<QString, QString> toolNames; // id -> name, for functionResponse.name
    for (const CanonicalMessage &m : request.messages) {
        for (const Block &b : m.content) {
            if (b.type == Type::ToolUse)
                toolNames.insert(b.toolUseId, b.toolName);
        }
    }
    QJsonObject o;
    QJsonArray contents;
    for (const CanonicalMessage &m : request.messages) {
        const QJsonArray parts = encodeParts(m.content, toolNames, ref, dropped);
        if (!ref->isEmpty())
            return {};
        if (parts.isEmpty())
            continue;
        const QString role = m.role == CanonicalMessage::Role::Assistant ? QStringLiteral("model")
                                                                         : QStringLiteral("user");
        if (!contents.isEmpty()
            && contents.last().toObject().value(QLatin1String("role")).toString() == role) {
            QJsonObject last = contents.last().toObject();
            QJsonArray merged = last.value(QLatin1String("parts")).toArray();
            for (const QJsonValue &p : parts)
                merged.append(p);
            last.insert(QStringLiteral("parts"), merged);
            contents.replace(contents.size() - 1, last);
        } else {
            contents.append(QJsonObject { { QStringLiteral("role"), role },
                                          { QStringLiteral("parts"), parts } });
        }
    }
    o.insert(QStringLiteral("contents"), contents);
    if (!request.system.isEmpty()) {
        o.insert(QStringLiteral("systemInstruction"),
                 QJsonObject { { QStringLiteral("parts"),
                                 encodeParts(request.system, toolNames, ref, dropped) } });
    }
    if (!request.tools.isEmpty()) {
        QJsonArray declarations;
        for (const CanonicalTool &t : request.tools) {
            QJsonObject f { { QStringLiteral("name"), t.name } };
            if (!t.description.isEmpty())
                f.insert(QStringLiteral("description"), t.description);
            if (!t.inputSchema.isEmpty())
                f.insert(QStringLiteral("parametersJsonSchema"), t.inputSchema);
            declarations.append(f);
        }
        o.insert(QStringLiteral("tools"),
                 QJsonArray {
                     QJsonObject { { QStringLiteral("functionDeclarations"), declarations } } });
        if (request.parallelToolCalls == false)
            CanonicalJson::noteDropped(dropped, QStringLiteral("parallel_tool_calls"));
    }
    QJsonObject calling;
    switch (request.toolChoice.mode) {
    case CanonicalToolChoice::Mode::Unset:
        break;
    case CanonicalToolChoice::Mode::Auto:
        calling.insert(QStringLiteral("mode"), QStringLiteral("AUTO"));
        break;
    case CanonicalToolChoice::Mode::None:
        calling.insert(QStringLiteral("mode"), QStringLiteral("NONE"));
        break;
    case CanonicalToolChoice::Mode::Required:
        calling.insert(QStringLiteral("mode"), QStringLiteral("ANY"));
        break;
    case CanonicalToolChoice::Mode::Specific:
        calling.insert(QStringLiteral("mode"), QStringLiteral("ANY"));
        calling.insert(QStringLiteral("allowedFunctionNames"),
                       QJsonArray { request.toolChoice.name });
        break;
    }
    if (!calling.isEmpty())
        o.insert(QStringLiteral("toolConfig"),
                 QJsonObject { { QStringLiteral("functionCallingConfig"), calling } });

    QJsonObject config;
    if (request.temperature)
        config.insert(QStringLiteral("temperature"), *request.temperature);
    if (request.topP)
        config.insert(QStringLiteral("topP"), *request.topP);
    if (request.topK)
        config.insert(QStringLiteral("topK"), *request.topK);
    if (request.maxTokens > 0)
        config.insert(QStringLiteral("maxOutputTokens"), request.maxTokens);
    if (!request.stopSequences.isEmpty())
        config.insert(QStringLiteral("stopSequences"),
                      QJsonArray::fromStringList(request.stopSequences));
    if (request.responseFormat.type != CanonicalResponseFormat::Type::Text)
        config.insert(QStringLiteral("responseMimeType"), QStringLiteral("application/json"));
    if (request.responseFormat.type == CanonicalResponseFormat::Type::JsonSchema)
        config.insert(QStringLiteral("responseJsonSchema"), request.responseFormat.schema);
    if (request.reasoning.enabled) {
        QJsonObject thinking { { QStringLiteral("includeThoughts"), true } };
        const qint64 budget = budgetFor(request.reasoning);
        if (budget > 0)
            thinking.insert(QStringLiteral("thinkingBudget"), budget);
        config.insert(QStringLiteral("thinkingConfig"), thinking);
    }
    if (!config.isEmpty())
        o.insert(QStringLiteral("generationConfig"), config);
    if (!request.user.isEmpty())
        CanonicalJson::noteDropped(dropped, QStringLiteral("user"));
    return CanonicalJson::compact(o);
}

CanonicalStopReason stopReasonFromJson(const QString &finishReason, bool calledFunction)
{
    if (finishReason == QLatin1String("MAX_TOKENS"))
        return CanonicalStopReason::MaxTokens;
    static const QStringList filtered = {
        QStringLiteral("SAFETY"),    QStringLiteral("RECITATION"),
        QStringLiteral("BLOCKLIST"), QStringLiteral("PROHIBITED_CONTENT"),
        QStringLiteral("SPII"),      QStringLiteral("IMAGE_SAFETY"),
        QStringLiteral("LANGUAGE"),
    };
    if (filtered.contains(finishReason))
        return CanonicalStopReason::ContentFilter;
    if (finishReason == QLatin1String("MALFORMED_FUNCTION_CALL"))
        return CanonicalStopReason::Error;
    return calledFunction ? CanonicalStopReason::ToolUse : CanonicalStopReason::EndTurn;
}

QString finishReasonName(CanonicalStopReason reason)
{
    switch (reason) {
    case CanonicalStopReason::MaxTokens:
        return QStringLiteral("MAX_TOKENS");
    case CanonicalStopReason::ContentFilter:
        return QStringLiteral("SAFETY");
    case CanonicalStopReason::Error:
        return QStringLiteral("OTHER");
    case CanonicalStopReason::EndTurn:
    case CanonicalStopReason::ToolUse:
    case CanonicalStopReason::StopSequence:
        break;
    }
    return QStringLiteral("STOP");
}

CanonicalUsage usageFromJson(const QJsonObject &m)
{
    CanonicalUsage u;
    if (m.isEmpty())
        return u;
    const qint64 prompt = m.value(QLatin1String("promptTokenCount")).toInteger(-1);
    const qint64 toolPrompt = m.value(QLatin1String("toolUsePromptTokenCount")).toInteger(0);
    const qint64 candidates = m.value(QLatin1String("candidatesTokenCount")).toInteger(-1);
    const qint64 thoughts = m.value(QLatin1String("thoughtsTokenCount")).toInteger(-1);
    if (prompt >= 0)
        u.inputTokens = prompt + toolPrompt;
    if (candidates >= 0 || thoughts >= 0)
        u.outputTokens = qMax<qint64>(candidates, 0) + qMax<qint64>(thoughts, 0);
    u.reasoningTokens = thoughts;
    u.cachedTokens = m.value(QLatin1String("cachedContentTokenCount")).toInteger(-1);
    return u;
}

QJsonObject usageToJson(const CanonicalUsage &usage)
{
    const qint64 in = qMax<qint64>(usage.inputTokens, 0);
    const qint64 out = qMax<qint64>(usage.outputTokens, 0);
    const qint64 thoughts = qMax<qint64>(usage.reasoningTokens, 0);
    QJsonObject o { { QStringLiteral("promptTokenCount"), in },
                    { QStringLiteral("candidatesTokenCount"), out - thoughts },
                    { QStringLiteral("totalTokenCount"), in + out } };
    if (thoughts > 0)
        o.insert(QStringLiteral("thoughtsTokenCount"), thoughts);
    if (usage.cachedTokens > 0)
        o.insert(QStringLiteral("cachedContentTokenCount"), usage.cachedTokens);
    return o;
}

std::optional<CanonicalResponse> decodeResponse(QByteArrayView body, QString *error)
{
    const auto parsed = CanonicalJson::parseObject(body, error);
    if (!parsed)
        return std::nullopt;
    const QJsonObject &o = *parsed;
    CanonicalResponse r;
    r.id = o.value(QLatin1String("responseId")).toString();
    r.model = o.value(QLatin1String("modelVersion")).toString();
    r.usage = usageFromJson(o.value(QLatin1String("usageMetadata")).toObject());
    const QJsonObject candidate = o.value(QLatin1String("candidates")).toArray().at(0).toObject();
    if (candidate.isEmpty()) {
        // A refused prompt (promptFeedback.blockReason) has no candidate.
        r.stopReason = CanonicalStopReason::ContentFilter;
        return r;
    }
    int calls = 0;
    const QString prefix
        = r.id.isEmpty() ? CanonicalJson::newId(u"call_") : QStringLiteral("call_") + r.id;
    decodeParts(
        candidate.value(QLatin1String("content"))
            .toObject()
            .value(QLatin1String("parts"))
            .toArray(),
        r.content,
        [&](const QString &) -> QString { return prefix + u'_' + QString::number(calls++); },
        nullptr);
    bool called = false;
    for (const Block &b : r.content)
        called = called || b.type == Type::ToolUse;
    r.stopReason
        = stopReasonFromJson(candidate.value(QLatin1String("finishReason")).toString(), called);
    return r;
}

QByteArray encodeResponse(const CanonicalResponse &response)
{
    // Thinking of another provider is shown as thought text, without its signature.
    QList<Block> content;
    for (Block b : response.content) {
        if (b.type == Type::Thinking && b.issuer != WireProtocol::Gemini) {
            if (b.text.isEmpty())
                continue;
            b.issuer = WireProtocol::Gemini;
            b.signature.clear();
        }
        content.append(b);
    }
    QString refusal;
    const QJsonArray parts = encodeParts(content, {}, &refusal, nullptr);
    QJsonObject candidate {
        { QStringLiteral("content"),
          QJsonObject { { QStringLiteral("role"), QStringLiteral("model") },
                        { QStringLiteral("parts"), parts } } },
        { QStringLiteral("finishReason"), finishReasonName(response.stopReason) },
        { QStringLiteral("index"), 0 },
    };
    QJsonObject o { { QStringLiteral("candidates"), QJsonArray { candidate } },
                    { QStringLiteral("modelVersion"), response.model } };
    if (!response.id.isEmpty())
        o.insert(QStringLiteral("responseId"), response.id);
    if (response.usage.isKnown())
        o.insert(QStringLiteral("usageMetadata"), usageToJson(response.usage));
    return CanonicalJson::compact(o);
}

} // namespace GeminiCodec
