#pragma once

#include "json/jsonmembers.h"

#include <QByteArray>
#include <QByteArrayView>

// Small read-only helpers over raw JSON values of an already validated scan, shared by the
// Responses adapter's files. Internal to src/providers/responses/.
namespace ResponsesJson {

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

inline bool isString(QByteArrayView raw)
{
    return !raw.isEmpty() && raw.front() == '"';
}

inline bool isArray(QByteArrayView raw)
{
    return !raw.isEmpty() && raw.front() == '[';
}

// A string literal longer than "" is a non-empty string.
inline bool isNonEmptyString(QByteArrayView raw)
{
    return raw.size() > 2 && raw.front() == '"';
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

// Remembers the first occurrence of each wanted key (duplicates: first wins, as find()).
template<int N> struct FirstMembers
{
    QByteArrayView names[N];
    JsonSpan spans[N];
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
    QByteArrayView value(QByteArrayView json, int i) const
    {
        return found[i] ? slice(json, spans[i]) : QByteArrayView();
    }
};

} // namespace ResponsesJson
