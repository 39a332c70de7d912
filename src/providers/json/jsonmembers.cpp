#include "json/jsonmembers.h"

#include "json/jsonscanner.h"

#include <limits>

namespace {

bool isWhitespace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

QByteArrayView trimmed(QByteArrayView v)
{
    while (!v.isEmpty() && isWhitespace(v.front()))
        v = v.sliced(1);
    while (!v.isEmpty() && isWhitespace(v.back()))
        v.chop(1);
    return v;
}

// The body of a string literal (between the quotes) after validating it as one JSON string.
std::optional<QByteArrayView> stringBody(QByteArrayView rawValue)
{
    const QByteArrayView v = trimmed(rawValue);
    if (v.size() < 2 || v.front() != '"')
        return std::nullopt;
    JsonScanner scanner(v);
    if (!scanner.scanValue())
        return std::nullopt;
    return v.sliced(1, v.size() - 2);
}

} // namespace

const JsonMember *JsonMembers::find(QByteArrayView key) const
{
    for (const JsonMember &member : members) {
        if (QByteArrayView(member.key) == key)
            return &member;
    }
    return nullptr;
}

namespace JsonScan {

std::optional<JsonMembers> topLevelMembers(QByteArrayView json, QString *error)
{
    JsonMembers result;
    const bool ok = detail::visitMembers(
        json,
        [](void *context, QByteArrayView key, qsizetype begin, qsizetype end, qsizetype keyBegin) {
            static_cast<JsonMembers *>(context)->members.append(
                JsonMember { key.toByteArray(), begin, end, keyBegin });
        },
        &result, error);
    if (!ok)
        return std::nullopt;
    return result;
}

namespace detail {

bool visitMembers(QByteArrayView json, MemberFn fn, void *context, QString *error)
{
    JsonScanner scanner(json);
    if (scanner.scanObject(fn, context))
        return true;
    if (error)
        *error = scanner.errorString();
    return false;
}

bool visitElements(QByteArrayView json, ElementFn fn, void *context, QString *error)
{
    JsonScanner scanner(json);
    if (scanner.scanArray(fn, context))
        return true;
    if (error)
        *error = scanner.errorString();
    return false;
}

} // namespace detail

std::optional<QByteArray> utf8StringValue(QByteArrayView rawValue)
{
    const std::optional<QByteArrayView> body = stringBody(rawValue);
    if (!body)
        return std::nullopt;
    if (!body->contains('\\'))
        return body->toByteArray();
    QByteArray out;
    out.reserve(body->size());
    if (!JsonScanner::unescape(*body, out))
        return std::nullopt;
    return out;
}

std::optional<QString> stringValue(QByteArrayView rawValue)
{
    const std::optional<QByteArray> utf8 = utf8StringValue(rawValue);
    if (!utf8)
        return std::nullopt;
    return QString::fromUtf8(*utf8);
}

std::optional<bool> boolValue(QByteArrayView rawValue)
{
    const QByteArrayView v = trimmed(rawValue);
    if (v == QByteArrayView("true"))
        return true;
    if (v == QByteArrayView("false"))
        return false;
    return std::nullopt;
}

std::optional<qint64> integerValue(QByteArrayView rawValue)
{
    const QByteArrayView v = trimmed(rawValue);
    qsizetype pos = 0;
    const bool negative = !v.isEmpty() && v.front() == '-';
    if (negative)
        ++pos;
    if (pos >= v.size() || (v[pos] == '0' && v.size() > pos + 1))
        return std::nullopt;
    // Accumulate negatively so that the full qint64 range incl. its minimum fits.
    qint64 value = 0;
    for (; pos < v.size(); ++pos) {
        const char c = v[pos];
        if (c < '0' || c > '9')
            return std::nullopt;
        const int digit = c - '0';
        if (value < (std::numeric_limits<qint64>::min() + digit) / 10)
            return std::nullopt;
        value = value * 10 - digit;
    }
    if (!negative) {
        if (value == std::numeric_limits<qint64>::min())
            return std::nullopt;
        value = -value;
    }
    return value;
}

bool isNull(QByteArrayView rawValue)
{
    return trimmed(rawValue) == QByteArrayView("null");
}

QByteArray quotedUtf8(QByteArrayView utf8)
{
    static const char hex[] = "0123456789abcdef";
    QByteArray out;
    out.reserve(utf8.size() + 2);
    out.append('"');
    qsizetype runStart = 0;
    for (qsizetype i = 0; i < utf8.size(); ++i) {
        const auto c = static_cast<unsigned char>(utf8[i]);
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        out.append(utf8.data() + runStart, i - runStart);
        runStart = i + 1;
        out.append('\\');
        switch (c) {
        case '"':
            out.append('"');
            break;
        case '\\':
            out.append('\\');
            break;
        case '\b':
            out.append('b');
            break;
        case '\f':
            out.append('f');
            break;
        case '\n':
            out.append('n');
            break;
        case '\r':
            out.append('r');
            break;
        case '\t':
            out.append('t');
            break;
        default:
            out.append("u00", 3).append(hex[c >> 4]).append(hex[c & 0xF]);
            break;
        }
    }
    out.append(utf8.data() + runStart, utf8.size() - runStart);
    out.append('"');
    return out;
}

QByteArray quoted(const QString &s)
{
    return quotedUtf8(s.toUtf8());
}

} // namespace JsonScan
