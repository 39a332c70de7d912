#include "anthropic/anthropictokenestimate.h"

#include "anthropic/anthropicimage.h"
#include "json/jsonraw.h"

#include <QByteArrayMatcher>

#include <array>

using namespace JsonRaw;

namespace {

constexpr qint64 RequestOverhead = 1;
constexpr qint64 SystemOverhead = 1;
constexpr qint64 MessageOverhead = 4;
constexpr qint64 ToolPromptAuto = 346;
constexpr qint64 ToolPromptForced = 313;
constexpr qint64 PdfPageTokens = 3000;
constexpr qint64 PdfBytesPerPage = 100 * 1024;

// Quarter tokens per byte of string text: ASCII 1, UTF-8 lead bytes of 2-byte characters 2,
// of 3- and 4-byte characters 4, continuation bytes 0.
constexpr std::array<quint8, 256> makeWeights()
{
    std::array<quint8, 256> weights {};
    for (int b = 0; b < 256; ++b)
        weights[b] = b < 0x80 ? 1 : b < 0xc0 ? 0 : b < 0xe0 ? 2 : 4;
    return weights;
}
constexpr std::array<quint8, 256> Weights = makeWeights();

// Token counts kept in quarter tokens for text (rounded once at the end) and whole tokens for
// fixed costs.
// Thinking text is kept apart: it counts only in a final assistant turn.
struct Count
{
    qint64 quarters = 0;
    qint64 tokens = 0;
    qint64 thinkingQuarters = 0;

    void add(const Count &other)
    {
        quarters += other.quarters;
        tokens += other.tokens;
        thinkingQuarters += other.thinkingQuarters;
    }
    qint64 total() const { return tokens + (quarters + 3) / 4; }
};

// The text of any raw JSON value: string contents weighted by Weights, the punctuation of the
// structure 1/4 token each, whitespace between tokens nothing.
qint64 jsonQuarters(QByteArrayView raw)
{
    qint64 quarters = 0;
    const char *p = raw.constData();
    const char *const end = p + raw.size();
    bool inString = false;
    while (p < end) {
        const auto c = static_cast<quint8>(*p++);
        if (inString) {
            if (c == '"') {
                inString = false;
            } else if (c == '\\') {
                ++quarters;
                if (p < end)
                    ++p; // the escaped character is part of the escape just counted
            } else {
                quarters += Weights[c];
            }
        } else if (c == '"') {
            inString = true;
        } else if (!isWhitespace(char(c))) {
            ++quarters;
        }
    }
    return quarters;
}

// The raw contents of a string value without its quotes (escapes kept), else empty.
QByteArrayView stringContents(QByteArrayView raw)
{
    return isString(raw) && raw.size() >= 2 ? raw.sliced(1, raw.size() - 2) : QByteArrayView();
}

// The base64 text of a JSON string (unescaped only if the encoder escaped '/' as "\/").
QByteArray base64Text(QByteArrayView raw)
{
    const QByteArrayView contents = stringContents(raw);
    if (!contents.contains('\\'))
        return QByteArray::fromRawData(contents.constData(), contents.size());
    return JsonScan::utf8StringValue(raw).value_or(QByteArray());
}

qint64 imageTokens(QByteArrayView source)
{
    FirstMembers<2> fields { { "type", "data" } };
    if (!isObject(source) || !JsonScan::visitMembers(source, fields))
        return AnthropicImage::UnknownImageTokens;
    if (!isStringLiteral(fields.value(source, 0), "base64"))
        return AnthropicImage::UnknownImageTokens;
    return AnthropicImage::tokensForBase64(base64Text(fields.value(source, 1)));
}

bool isAsciiAlnum(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Pages of a PDF: "/Type /Page" objects (not "/Pages"), else one page per PdfBytesPerPage.
qint64 pdfPages(const QByteArray &pdf)
{
    static const QByteArrayMatcher typeMatcher(QByteArrayLiteral("/Type"));
    qint64 pages = 0;
    qsizetype from = 0;
    while ((from = typeMatcher.indexIn(pdf, from)) >= 0) {
        qsizetype i = from + 5;
        while (i < pdf.size() && isWhitespace(pdf[i]))
            ++i;
        if (QByteArrayView(pdf).sliced(i).startsWith(QByteArrayView("/Page"))
            && (i + 5 >= pdf.size() || !isAsciiAlnum(pdf[i + 5])))
            ++pages;
        from = i;
    }
    if (pages > 0)
        return pages;
    return qMax<qint64>(1, (pdf.size() + PdfBytesPerPage - 1) / PdfBytesPerPage);
}

Count countBlocks(QByteArrayView raw);

Count documentTokens(QByteArrayView source)
{
    Count count;
    FirstMembers<3> fields { { "type", "data", "content" } };
    if (!isObject(source) || !JsonScan::visitMembers(source, fields)) {
        count.tokens = PdfPageTokens;
        return count;
    }
    const QByteArrayView type = fields.value(source, 0);
    if (isStringLiteral(type, "text")) {
        count.quarters = jsonQuarters(fields.value(source, 1));
    } else if (isStringLiteral(type, "content")) {
        count = countBlocks(fields.value(source, 2));
    } else if (isStringLiteral(type, "base64")) {
        count.tokens
            = PdfPageTokens * pdfPages(QByteArray::fromBase64(base64Text(fields.value(source, 1))));
    } else {
        count.tokens = PdfPageTokens; // url / file: the content is not here
    }
    return count;
}

// One content block of a message, system prompt or tool result.
Count countBlock(QByteArrayView block)
{
    Count count;
    enum { Type, Text, Source, Input, Name, Content, Thinking, Id, ToolUseId, Data, N };
    FirstMembers<N> f { { "type", "text", "source", "input", "name", "content", "thinking", "id",
                          "tool_use_id", "data" } };
    if (!isObject(block) || !JsonScan::visitMembers(block, f)) {
        count.quarters = jsonQuarters(block);
        return count;
    }
    const QByteArrayView type = f.value(block, Type);
    if (isStringLiteral(type, "text")) {
        count.quarters = jsonQuarters(f.value(block, Text));
    } else if (isStringLiteral(type, "image")) {
        count.tokens = imageTokens(f.value(block, Source));
    } else if (isStringLiteral(type, "tool_use") || isStringLiteral(type, "server_tool_use")) {
        count.quarters = jsonQuarters(f.value(block, Id)) + jsonQuarters(f.value(block, Name))
            + jsonQuarters(f.value(block, Input));
    } else if (isStringLiteral(type, "tool_result")) {
        count = countBlocks(f.value(block, Content));
        count.quarters += jsonQuarters(f.value(block, ToolUseId));
    } else if (isStringLiteral(type, "document")) {
        count = documentTokens(f.value(block, Source));
    } else if (isStringLiteral(type, "thinking")) {
        count.thinkingQuarters = jsonQuarters(f.value(block, Thinking));
    } else if (isStringLiteral(type, "redacted_thinking")) {
        count.thinkingQuarters = jsonQuarters(f.value(block, Data));
    } else {
        count.quarters = jsonQuarters(block);
    }
    return count;
}

// A content value: a string, or an array of blocks.
Count countBlocks(QByteArrayView raw)
{
    Count count;
    if (isArray(raw)) {
        JsonScan::visitElements(
            raw, [&](JsonSpan element) { count.add(countBlock(slice(raw, element))); });
    } else {
        count.quarters = jsonQuarters(raw);
    }
    return count;
}

Count countMessages(QByteArrayView messages)
{
    Count count;
    if (!isArray(messages))
        return count;
    // Thinking counts only in a final assistant turn: each message's thinking is held back
    // until it is known to be the last one.
    qint64 lastThinking = 0;
    bool lastIsAssistant = false;
    JsonScan::visitElements(messages, [&](JsonSpan element) {
        const QByteArrayView message = slice(messages, element);
        lastIsAssistant = false;
        lastThinking = 0;
        count.tokens += MessageOverhead;
        FirstMembers<2> fields { { "role", "content" } };
        if (!JsonScan::visitMembers(message, fields))
            return;
        lastIsAssistant = isStringLiteral(fields.value(message, 0), "assistant");
        const Count content = countBlocks(fields.value(message, 1));
        count.quarters += content.quarters;
        count.tokens += content.tokens;
        lastThinking = content.thinkingQuarters;
    });
    if (lastIsAssistant)
        count.quarters += lastThinking;
    return count;
}

Count countTools(QByteArrayView tools, QByteArrayView toolChoice)
{
    Count count;
    if (!isArray(tools))
        return count;
    bool any = false;
    JsonScan::visitElements(tools, [&](JsonSpan element) {
        any = true;
        const QByteArrayView tool = slice(tools, element);
        FirstMembers<3> fields { { "name", "description", "input_schema" } };
        if (JsonScan::visitMembers(tool, fields) && !fields.value(tool, 2).isEmpty()) {
            count.quarters += jsonQuarters(fields.value(tool, 0))
                + jsonQuarters(fields.value(tool, 1)) + jsonQuarters(fields.value(tool, 2));
        } else {
            count.quarters += jsonQuarters(tool);
        }
    });
    if (any) {
        FirstMembers<1> choice { { "type" } };
        const bool forced = isObject(toolChoice) && JsonScan::visitMembers(toolChoice, choice)
            && (isStringLiteral(choice.value(toolChoice, 0), "any")
                || isStringLiteral(choice.value(toolChoice, 0), "tool"));
        count.tokens += forced ? ToolPromptForced : ToolPromptAuto;
    }
    return count;
}

} // namespace

namespace AnthropicMessages {

QByteArray countTokensPath()
{
    return QByteArrayLiteral("/v1/messages/count_tokens");
}

qint64 estimateInputTokens(const QByteArray &body)
{
    FirstMembers<4> top { { "system", "messages", "tools", "tool_choice" } };
    if (!JsonScan::visitMembers(body, top))
        return -1;
    Count count;
    count.tokens = RequestOverhead;
    if (const QByteArrayView system = top.value(body, 0); !system.isEmpty()) {
        const Count text = countBlocks(system);
        count.quarters += text.quarters;
        count.tokens += text.tokens + SystemOverhead;
    }
    count.add(countMessages(top.value(body, 1)));
    count.add(countTools(top.value(body, 2), top.value(body, 3)));
    return count.total();
}

QByteArray countTokensResponse(qint64 tokens)
{
    return QByteArrayLiteral("{\"input_tokens\":") + QByteArray::number(tokens) + '}';
}

} // namespace AnthropicMessages
