#include "json/jsonscanner.h"

#include <array>

namespace {

bool isWhitespace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// Bytes that need no attention inside a string: printable ASCII except '"' and '\\'.
constexpr std::array<bool, 256> plainStringBytes()
{
    std::array<bool, 256> table {};
    for (int c = 0x20; c < 0x80; ++c)
        table[c] = c != '"' && c != '\\';
    return table;
}
constexpr std::array<bool, 256> PlainStringBytes = plainStringBytes();

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// Reads 4 hex digits at `p` (the caller checked there are 4 bytes); -1 when not hex.
int readHex4(const char *p)
{
    int value = 0;
    for (int i = 0; i < 4; ++i) {
        const int digit = hexValue(p[i]);
        if (digit < 0)
            return -1;
        value = value * 16 + digit;
    }
    return value;
}

void appendUtf8(QByteArray &out, char32_t cp)
{
    if (cp < 0x80) {
        out.append(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.append(static_cast<char>(0xC0 | (cp >> 6)));
        out.append(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.append(static_cast<char>(0xE0 | (cp >> 12)));
        out.append(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.append(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.append(static_cast<char>(0xF0 | (cp >> 18)));
        out.append(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.append(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.append(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

} // namespace

JsonScanner::JsonScanner(QByteArrayView json)
    : m_json(json)
{
}

bool JsonScanner::scanObject(MemberCallback callback, void *context)
{
    return scanDocument(Outer::Object, callback, nullptr, context);
}

bool JsonScanner::scanArray(ElementCallback callback, void *context)
{
    return scanDocument(Outer::Array, nullptr, callback, context);
}

bool JsonScanner::scanValue()
{
    return scanDocument(Outer::Any, nullptr, nullptr, nullptr);
}

bool JsonScanner::scanDocument(Outer outer, MemberCallback memberCallback,
                               ElementCallback elementCallback, void *context)
{
    m_pos = 0;
    m_error.clear();
    m_memberCallback = memberCallback;
    m_elementCallback = elementCallback;
    m_context = context;

    skipWhitespace();
    bool ok = false;
    if (outer == Outer::Any) {
        ok = parseValue(0);
    } else {
        const bool object = outer == Outer::Object;
        if (m_pos >= m_json.size())
            return fail(object ? "expected a JSON object" : "expected a JSON array");
        if (m_json[m_pos] != (object ? '{' : '['))
            return failUnexpected();
        ok = object ? parseObject(1) : parseArray(1);
    }
    if (!ok)
        return false;
    skipWhitespace();
    if (m_pos != m_json.size())
        return failUnexpected();
    return true;
}

void JsonScanner::skipWhitespace()
{
    const qsizetype size = m_json.size();
    const char *data = m_json.data();
    qsizetype pos = m_pos;
    while (pos < size && isWhitespace(data[pos]))
        ++pos;
    m_pos = pos;
}

bool JsonScanner::parseValue(int depth)
{
    if (m_pos >= m_json.size())
        return failUnexpected();
    switch (m_json[m_pos]) {
    case '{':
        return parseObject(depth + 1);
    case '[':
        return parseArray(depth + 1);
    case '"':
        return parseString(nullptr);
    case 't':
        return parseLiteral("true");
    case 'f':
        return parseLiteral("false");
    case 'n':
        return parseLiteral("null");
    default:
        return parseNumber();
    }
}

bool JsonScanner::parseObject(int depth)
{
    if (depth > MaxDepth)
        return fail("nesting deeper than 512 levels");
    // Only the outermost container reports its members; nested ones just validate.
    const MemberCallback callback = depth == 1 ? m_memberCallback : nullptr;
    ++m_pos; // '{'
    skipWhitespace();
    if (m_pos < m_json.size() && m_json[m_pos] == '}') {
        ++m_pos;
        return true;
    }
    for (;;) {
        if (m_pos >= m_json.size() || m_json[m_pos] != '"')
            return failUnexpected();
        const qsizetype keyBegin = m_pos;
        bool hasEscapes = false;
        if (!parseString(&hasEscapes))
            return false;
        const QByteArrayView rawKey = m_json.sliced(keyBegin + 1, m_pos - keyBegin - 2);
        skipWhitespace();
        if (m_pos >= m_json.size() || m_json[m_pos] != ':')
            return failUnexpected();
        ++m_pos;
        skipWhitespace();
        const qsizetype valueBegin = m_pos;
        if (!parseValue(depth))
            return false;
        if (callback) {
            QByteArrayView key = rawKey;
            if (hasEscapes) {
                m_keyScratch.resize(0);
                unescape(rawKey, m_keyScratch);
                key = m_keyScratch;
            }
            callback(m_context, key, valueBegin, m_pos, keyBegin);
        }
        skipWhitespace();
        if (m_pos >= m_json.size())
            return failUnexpected();
        if (m_json[m_pos] == '}') {
            ++m_pos;
            return true;
        }
        if (m_json[m_pos] != ',')
            return failUnexpected();
        ++m_pos;
        skipWhitespace();
    }
}

bool JsonScanner::parseArray(int depth)
{
    if (depth > MaxDepth)
        return fail("nesting deeper than 512 levels");
    const ElementCallback callback = depth == 1 ? m_elementCallback : nullptr;
    ++m_pos; // '['
    skipWhitespace();
    if (m_pos < m_json.size() && m_json[m_pos] == ']') {
        ++m_pos;
        return true;
    }
    for (;;) {
        const qsizetype valueBegin = m_pos;
        if (!parseValue(depth))
            return false;
        if (callback)
            callback(m_context, valueBegin, m_pos);
        skipWhitespace();
        if (m_pos >= m_json.size())
            return failUnexpected();
        if (m_json[m_pos] == ']') {
            ++m_pos;
            return true;
        }
        if (m_json[m_pos] != ',')
            return failUnexpected();
        ++m_pos;
        skipWhitespace();
    }
}

bool JsonScanner::parseString(bool *hasEscapes)
{
    ++m_pos; // opening quote
    const qsizetype size = m_json.size();
    const auto *data = reinterpret_cast<const unsigned char *>(m_json.data());
    while (m_pos < size) {
        // Fast path: a run of printable ASCII without quote or backslash.
        qsizetype pos = m_pos;
        while (pos < size && PlainStringBytes[data[pos]])
            ++pos;
        m_pos = pos;
        if (pos >= size)
            break;
        const unsigned char c = data[pos];
        if (c == '"') {
            ++m_pos;
            return true;
        }
        if (c == '\\') {
            if (hasEscapes)
                *hasEscapes = true;
            if (pos + 1 >= size)
                break;
            const char e = char(data[pos + 1]);
            if (e == 'u') {
                if (pos + 6 > size)
                    break;
                if (readHex4(m_json.data() + pos + 2) < 0)
                    return fail("invalid \\u escape");
                m_pos += 6;
            } else if (e == '"' || e == '\\' || e == '/' || e == 'b' || e == 'f' || e == 'n'
                       || e == 'r' || e == 't') {
                m_pos += 2;
            } else {
                return fail("invalid escape sequence");
            }
        } else if (c < 0x20) {
            return fail("unescaped control character in string");
        } else if (!validateUtf8Sequence()) {
            return false;
        }
    }
    m_pos = size;
    return fail("unterminated string");
}

// Validates one multi-byte UTF-8 sequence at m_pos (RFC 3629: no overlong forms, no
// surrogates, nothing above U+10FFFF) and moves past it.
bool JsonScanner::validateUtf8Sequence()
{
    const auto *p = reinterpret_cast<const unsigned char *>(m_json.data()) + m_pos;
    const qsizetype left = m_json.size() - m_pos;
    const unsigned char b0 = p[0];
    int length = 0;
    unsigned char min1 = 0x80;
    unsigned char max1 = 0xBF;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        length = 2;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        length = 3;
        if (b0 == 0xE0)
            min1 = 0xA0; // overlong
        else if (b0 == 0xED)
            max1 = 0x9F; // surrogates
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        length = 4;
        if (b0 == 0xF0)
            min1 = 0x90; // overlong
        else if (b0 == 0xF4)
            max1 = 0x8F; // above U+10FFFF
    } else {
        return fail("invalid UTF-8");
    }
    if (left < length || p[1] < min1 || p[1] > max1)
        return fail("invalid UTF-8");
    for (int i = 2; i < length; ++i) {
        if ((p[i] & 0xC0) != 0x80)
            return fail("invalid UTF-8");
    }
    m_pos += length;
    return true;
}

bool JsonScanner::parseNumber()
{
    const qsizetype size = m_json.size();
    if (m_pos < size && m_json[m_pos] == '-')
        ++m_pos;
    if (m_pos >= size || !isDigit(m_json[m_pos]))
        return failUnexpected();
    if (m_json[m_pos] == '0') {
        ++m_pos; // no leading zeros: "01" leaves '1' as an unexpected character
    } else {
        while (m_pos < size && isDigit(m_json[m_pos]))
            ++m_pos;
    }
    if (m_pos < size && m_json[m_pos] == '.') {
        ++m_pos;
        if (m_pos >= size || !isDigit(m_json[m_pos]))
            return failUnexpected();
        while (m_pos < size && isDigit(m_json[m_pos]))
            ++m_pos;
    }
    if (m_pos < size && (m_json[m_pos] == 'e' || m_json[m_pos] == 'E')) {
        ++m_pos;
        if (m_pos < size && (m_json[m_pos] == '+' || m_json[m_pos] == '-'))
            ++m_pos;
        if (m_pos >= size || !isDigit(m_json[m_pos]))
            return failUnexpected();
        while (m_pos < size && isDigit(m_json[m_pos]))
            ++m_pos;
    }
    return true;
}

bool JsonScanner::parseLiteral(QByteArrayView literal)
{
    for (qsizetype i = 0; i < literal.size(); ++i, ++m_pos) {
        if (m_pos >= m_json.size() || m_json[m_pos] != literal[i])
            return failUnexpected();
    }
    return true;
}

bool JsonScanner::fail(const char *what)
{
    m_error = QLatin1String(what) + QLatin1String(" at offset ") + QString::number(m_pos);
    return false;
}

bool JsonScanner::failUnexpected()
{
    if (m_pos >= m_json.size())
        return fail("unexpected end of input");
    const auto c = static_cast<unsigned char>(m_json[m_pos]);
    if (c >= 0x20 && c < 0x7F) {
        m_error = QLatin1String("unexpected character '") + QLatin1Char(static_cast<char>(c))
            + QLatin1String("' at offset ") + QString::number(m_pos);
    } else {
        m_error = QLatin1String("unexpected byte 0x")
            + QString::number(c, 16).rightJustified(2, QLatin1Char('0'))
            + QLatin1String(" at offset ") + QString::number(m_pos);
    }
    return false;
}

bool JsonScanner::unescape(QByteArrayView escaped, QByteArray &out)
{
    const char *data = escaped.data();
    const qsizetype size = escaped.size();
    qsizetype pos = 0;
    while (pos < size) {
        const qsizetype backslash = escaped.sliced(pos).indexOf('\\');
        if (backslash < 0) {
            out.append(data + pos, size - pos);
            return true;
        }
        out.append(data + pos, backslash);
        pos += backslash;
        if (pos + 1 >= size)
            return false;
        const char e = data[pos + 1];
        pos += 2;
        switch (e) {
        case '"':
        case '\\':
        case '/':
            out.append(e);
            continue;
        case 'b':
            out.append('\b');
            continue;
        case 'f':
            out.append('\f');
            continue;
        case 'n':
            out.append('\n');
            continue;
        case 'r':
            out.append('\r');
            continue;
        case 't':
            out.append('\t');
            continue;
        case 'u':
            break;
        default:
            return false;
        }
        if (pos + 4 > size)
            return false;
        const int unit = readHex4(data + pos);
        if (unit < 0)
            return false;
        pos += 4;
        char32_t cp = static_cast<char32_t>(unit);
        if (unit >= 0xD800 && unit <= 0xDBFF) {
            // A high surrogate combines with a directly following \uDC00-\uDFFF escape.
            int low = -1;
            if (pos + 6 <= size && data[pos] == '\\' && data[pos + 1] == 'u')
                low = readHex4(data + pos + 2);
            if (low >= 0xDC00 && low <= 0xDFFF) {
                cp = 0x10000 + ((static_cast<char32_t>(unit) - 0xD800) << 10)
                    + (static_cast<char32_t>(low) - 0xDC00);
                pos += 6;
            } else {
                cp = 0xFFFD;
            }
        } else if (unit >= 0xDC00 && unit <= 0xDFFF) {
            cp = 0xFFFD;
        }
        appendUtf8(out, cp);
    }
    return true;
}
