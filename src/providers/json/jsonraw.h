#pragma once

#include "json/jsonmembers.h"

#include <QByteArrayView>

// Small DOM-free helpers on raw JSON values located by JsonScan (shared by the wire-format
// modules of every protocol), so nothing is copied or unescaped unless a caller asks for it.
namespace JsonRaw {

inline bool isWhitespace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

inline QByteArrayView trimmed(QByteArrayView v)
{
    while (!v.isEmpty() && isWhitespace(v.front()))
        v = v.sliced(1);
    while (!v.isEmpty() && isWhitespace(v.back()))
        v.chop(1);
    return v;
}

inline QByteArrayView slice(QByteArrayView json, JsonSpan span)
{
    return json.sliced(span.begin, span.end - span.begin);
}

inline bool isObject(QByteArrayView raw)
{
    return !raw.isEmpty() && raw.front() == '{';
}

inline bool isArray(QByteArrayView raw)
{
    return !raw.isEmpty() && raw.front() == '[';
}

inline bool isString(QByteArrayView raw)
{
    return !raw.isEmpty() && raw.front() == '"';
}

// A raw value of a validated scan: a string literal longer than "" is a non-empty string.
inline bool isNonEmptyString(QByteArrayView raw)
{
    return raw.size() > 2 && raw.front() == '"';
}

// True when the raw value is the JSON string `literal` written without escapes, e.g.
// isStringLiteral(raw, "text") for `"text"`. Type tags in the providers' wire formats are
// plain ASCII, so comparing the raw bytes avoids unescaping.
inline bool isStringLiteral(QByteArrayView raw, QByteArrayView literal)
{
    return raw.size() == literal.size() + 2 && raw.front() == '"' && raw.back() == '"'
        && raw.sliced(1, literal.size()) == literal;
}

inline bool isNonEmptyArray(QByteArrayView raw)
{
    if (!isArray(raw))
        return false;
    const QByteArrayView inner = trimmed(raw.sliced(1));
    return !inner.isEmpty() && inner.front() != ']';
}

// The text of a string literal without allocating when it has no escapes (event types and
// item types never do); otherwise unescaped into `scratch`. Empty for a non-string.
inline QByteArrayView stringContent(QByteArrayView raw, QByteArray &scratch)
{
    if (!isString(raw) || raw.size() < 2)
        return {};
    const QByteArrayView inner = raw.sliced(1, raw.size() - 2);
    if (!inner.contains('\\'))
        return inner;
    scratch = JsonScan::utf8StringValue(raw).value_or(QByteArray());
    return scratch;
}

// Remembers the first occurrence of each wanted key of one object (duplicates: first wins,
// as JsonMembers::find()). Use with JsonScan::visitMembers().
template<int N> struct FirstMembers
{
    QByteArrayView names[N];
    JsonSpan spans[N] = {};
    bool found[N] = {};

    void operator()(QByteArrayView key, JsonSpan span)
    {
        for (int i = 0; i < N; ++i) {
            if (!found[i] && key == names[i]) {
                spans[i] = span;
                found[i] = true;
                return;
            }
        }
    }
    // The raw value of names[i] in `json` (the text that was visited), or an empty view.
    QByteArrayView value(QByteArrayView json, int i) const
    {
        return found[i] ? slice(json, spans[i]) : QByteArrayView();
    }
};

} // namespace JsonRaw
