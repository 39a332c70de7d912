#include "gemini/geminicontent.h"

#include "json/jsonraw.h"

#include <QUrl>

using JsonRaw::FirstMembers;
using JsonRaw::isArray;
using JsonRaw::isNonEmptyString;
using JsonRaw::isObject;
using JsonRaw::slice;

namespace {

const QLatin1String ModelsPrefix("models/");

QStringView withoutModelsPrefix(QStringView model)
{
    return model.startsWith(ModelsPrefix) ? model.sliced(ModelsPrefix.size()) : model;
}

// Gemini model ids: "gemini-2.5-flash", "gemini-2.0-flash-001", "learnlm-1.5-pro-experimental".
bool isValidModelName(QStringView model)
{
    if (model.isEmpty() || model.size() > 256)
        return false;
    for (const QChar c : model) {
        const char16_t u = c.unicode();
        const bool ok = (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z')
            || (u >= u'0' && u <= u'9') || u == u'-' || u == u'.' || u == u'_';
        if (!ok)
            return false;
    }
    return true;
}

bool queryAsksForSse(QStringView query)
{
    for (const QStringView item : query.split(u'&')) {
        if (item.compare(QLatin1String("alt=sse"), Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

// A count as proto3 JSON writes it: a number, or (for 64-bit fields) a quoted number.
std::optional<qint64> countValue(QByteArrayView raw)
{
    if (raw.isEmpty())
        return std::nullopt;
    if (raw.front() == '"') {
        const std::optional<QByteArray> text = JsonScan::utf8StringValue(raw);
        if (!text)
            return std::nullopt;
        bool ok = false;
        const qint64 value = text->toLongLong(&ok);
        return ok ? std::optional<qint64>(value) : std::nullopt;
    }
    return JsonScan::integerValue(raw);
}

// Parses a usageMetadata object (see usageFromResponse() for the rules).
TokenUsage parseUsageMetadata(QByteArrayView usage)
{
    TokenUsage result;
    FirstMembers<6> f { { "promptTokenCount", "toolUsePromptTokenCount", "candidatesTokenCount",
                          "thoughtsTokenCount", "cachedContentTokenCount", "totalTokenCount" } };
    if (!JsonScan::visitMembers(usage, f))
        return result;
    const std::optional<qint64> prompt = countValue(f.value(usage, 0));
    const std::optional<qint64> toolUse = countValue(f.value(usage, 1));
    const std::optional<qint64> candidates = countValue(f.value(usage, 2));
    const std::optional<qint64> thoughts = countValue(f.value(usage, 3));
    const std::optional<qint64> cached = countValue(f.value(usage, 4));
    const std::optional<qint64> total = countValue(f.value(usage, 5));

    if (prompt || toolUse)
        result.inputTokens = prompt.value_or(0) + toolUse.value_or(0);
    if (candidates || thoughts)
        result.outputTokens = candidates.value_or(0) + thoughts.value_or(0);
    else if (total && result.inputTokens >= 0)
        result.outputTokens = qMax<qint64>(0, *total - result.inputTokens);
    if (cached)
        result.cachedTokens = *cached;
    return result;
}

// True when one element of content.parts carries output: any member other than "thought" with
// a value that is not null and not "".
bool partHasOutput(QByteArrayView part)
{
    bool output = false;
    JsonScan::visitMembers(part, [&output, part](QByteArrayView key, JsonSpan span) {
        if (output || key == QByteArrayView("thought"))
            return;
        const QByteArrayView value = slice(part, span);
        output = !JsonScan::isNull(value) && value != QByteArrayView("\"\"");
    });
    return output;
}

struct CandidateScan
{
    bool output = false;
    bool terminal = false;
};

void scanCandidate(QByteArrayView candidate, CandidateScan &scan)
{
    FirstMembers<2> f { { "content", "finishReason" } };
    if (!JsonScan::visitMembers(candidate, f))
        return;
    const QByteArrayView finishReason = f.value(candidate, 1);
    if (isNonEmptyString(finishReason)
        && finishReason != QByteArrayView("\"FINISH_REASON_UNSPECIFIED\"")) {
        scan.terminal = true;
        scan.output = true;
    }
    const QByteArrayView content = f.value(candidate, 0);
    if (scan.output || !isObject(content))
        return;
    FirstMembers<1> c { { "parts" } };
    if (!JsonScan::visitMembers(content, c))
        return;
    const QByteArrayView parts = c.value(content, 0);
    if (!isArray(parts))
        return;
    JsonScan::visitElements(parts, [&scan, parts](JsonSpan element) {
        const QByteArrayView part = slice(parts, element);
        if (!scan.output && isObject(part))
            scan.output = partHasOutput(part);
    });
}

// promptFeedback.blockReason set: the prompt was refused; that chunk is the whole answer.
bool promptBlocked(QByteArrayView feedback)
{
    if (!isObject(feedback))
        return false;
    FirstMembers<1> f { { "blockReason" } };
    if (!JsonScan::visitMembers(feedback, f))
        return false;
    const QByteArrayView reason = f.value(feedback, 0);
    return isNonEmptyString(reason) && reason != QByteArrayView("\"BLOCK_REASON_UNSPECIFIED\"");
}

} // namespace

namespace GeminiContent {

GeminiPath parsePath(QStringView pathAfterModels, QStringView query)
{
    GeminiPath result;
    QStringView path = pathAfterModels;
    QStringView inlineQuery;
    if (const qsizetype q = path.indexOf(u'?'); q >= 0) {
        inlineQuery = path.sliced(q + 1);
        path = path.first(q);
    }
    // Model ids never contain '%', so decoding an already decoded path changes nothing.
    const QString decoded = QUrl::fromPercentEncoding(path.toUtf8());
    const QStringView name = withoutModelsPrefix(decoded);
    const qsizetype colon = name.lastIndexOf(u':');
    if (colon < 0) {
        result.model = name.toString();
        return result;
    }
    result.model = name.first(colon).toString();
    result.method = name.sliced(colon + 1).toString();
    if (result.method == QLatin1String("generateContent")) {
        result.kind = Method::GenerateContent;
    } else if (result.method == QLatin1String("streamGenerateContent")) {
        result.kind = Method::StreamGenerateContent;
        result.stream = true;
    }
    result.sse = queryAsksForSse(inlineQuery) || queryAsksForSse(query);
    result.ok = result.kind != Method::Other && isValidModelName(result.model);
    return result;
}

std::optional<RequestInfo> inspectRequest(const QByteArray &body, const QString &modelFromPath,
                                          bool streamFromPath, QString *error)
{
    auto fail = [error](const QString &message) -> std::optional<RequestInfo> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    const QStringView model = withoutModelsPrefix(modelFromPath);
    if (model.isEmpty())
        return fail(QStringLiteral("The request path names no model."));

    QString scanError;
    std::optional<JsonMembers> members = JsonScan::topLevelMembers(body, &scanError);
    if (!members)
        return fail(QStringLiteral("Invalid JSON payload received: ") + scanError + u'.');

    const QString notSpecified
        = QStringLiteral("* GenerateContentRequest.contents: contents is not specified");
    const JsonMember *contents = members->find("contents");
    if (!contents)
        return fail(notSpecified);
    const QByteArrayView raw(body.constData() + contents->valueBegin,
                             contents->valueEnd - contents->valueBegin);
    if (JsonScan::isNull(raw))
        return fail(notSpecified);
    if (!isArray(raw))
        return fail(
            QStringLiteral("Invalid value at 'contents': expected an array of Content objects."));
    int count = 0;
    int firstInvalid = -1;
    JsonScan::visitElements(raw, [&count, &firstInvalid, raw](JsonSpan element) {
        if (firstInvalid < 0 && !isObject(slice(raw, element)))
            firstInvalid = count;
        ++count;
    });
    if (count == 0)
        return fail(notSpecified);
    if (firstInvalid >= 0)
        return fail(QStringLiteral("Invalid value at 'contents[%1]': expected a Content object.")
                        .arg(firstInvalid));

    RequestInfo info;
    info.model = model.toString();
    info.stream = streamFromPath;
    info.members = std::move(*members);
    return info;
}

std::optional<RequestInfo> inspectRequest(const QByteArray &body, const GeminiPath &path,
                                          QString *error)
{
    return inspectRequest(body, path.model, path.stream, error);
}

QByteArray upstreamBody(const QByteArray &body, const RequestInfo &info,
                        const QString &upstreamModel)
{
    if (!info.members.find("model"))
        return body;
    JsonObjectEditor editor(body, info.members);
    editor.setMember("model", JsonScan::quoted(ModelsPrefix + withoutModelsPrefix(upstreamModel)));
    return editor.result();
}

QString upstreamPath(const QString &upstreamModel, bool stream, bool sse)
{
    const QByteArray model = QUrl::toPercentEncoding(withoutModelsPrefix(upstreamModel).toString());
    QString path = QStringLiteral("/v1beta/models/") + QString::fromLatin1(model);
    if (!stream)
        return path + QStringLiteral(":generateContent");
    path += QStringLiteral(":streamGenerateContent");
    if (sse)
        path += QStringLiteral("?alt=sse");
    return path;
}

TokenUsage usageFromResponse(QByteArrayView body)
{
    FirstMembers<1> f { { "usageMetadata" } };
    if (!JsonScan::visitMembers(body, f))
        return {};
    const QByteArrayView usage = f.value(body, 0);
    return isObject(usage) ? parseUsageMetadata(usage) : TokenUsage {};
}

StreamEventKind classifyStreamObject(QByteArrayView json, TokenUsage *usage, bool *terminal)
{
    json = JsonRaw::trimmed(json);
    FirstMembers<4> top { { "error", "candidates", "usageMetadata", "promptFeedback" } };
    if (!isObject(json) || !JsonScan::visitMembers(json, top))
        return StreamEventKind::Other;
    const QByteArrayView error = top.value(json, 0);
    if (!error.isEmpty() && !JsonScan::isNull(error))
        return StreamEventKind::Error;

    bool hasUsage = false;
    const QByteArrayView usageJson = top.value(json, 2);
    if (isObject(usageJson)) {
        const TokenUsage parsed = parseUsageMetadata(usageJson);
        hasUsage = parsed.isKnown() || parsed.cachedTokens >= 0;
        if (hasUsage && usage)
            *usage = parsed;
    }

    CandidateScan scan;
    const QByteArrayView candidates = top.value(json, 1);
    if (isArray(candidates)) {
        JsonScan::visitElements(candidates, [&scan, candidates](JsonSpan element) {
            const QByteArrayView candidate = slice(candidates, element);
            if (isObject(candidate) && !(scan.output && scan.terminal))
                scanCandidate(candidate, scan);
        });
    }
    if (promptBlocked(top.value(json, 3))) {
        scan.output = true;
        scan.terminal = true;
    }
    if (scan.terminal && terminal)
        *terminal = true;
    if (scan.output)
        return StreamEventKind::Content;
    return hasUsage ? StreamEventKind::Usage : StreamEventKind::Other;
}

StreamEventKind classifyStreamEvent(const SseEvent &event, TokenUsage *usage, bool *terminal)
{
    if (event.event == QByteArrayView("error"))
        return StreamEventKind::Error;
    return classifyStreamObject(event.data, usage, terminal);
}

bool isTerminal(const SseEvent &event)
{
    bool terminal = false;
    classifyStreamEvent(event, nullptr, &terminal);
    return terminal;
}

} // namespace GeminiContent
