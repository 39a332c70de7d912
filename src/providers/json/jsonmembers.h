#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

#include <optional>
#include <type_traits>

// Top-level members of a JSON object located without building a DOM, so that the gateway can
// forward a request body byte for byte and splice only the members it changes (e.g. "model").

// One member: its unescaped key (UTF-8) and where its value and key sit in the scanned text.
// [valueBegin, valueEnd) is the exact raw value; keyBegin is the offset of the key's opening quote.
struct JsonMember
{
    QByteArray key;
    qsizetype valueBegin = 0;
    qsizetype valueEnd = 0;
    qsizetype keyBegin = -1;
};

struct JsonMembers
{
    QList<JsonMember> members; // in document order, duplicates included

    // The first member named `key` (first wins for duplicate keys), or nullptr.
    const JsonMember *find(QByteArrayView key) const;
};

// A [begin, end) byte range of a raw JSON value.
struct JsonSpan
{
    qsizetype begin = 0;
    qsizetype end = 0;
};

namespace JsonScan {

// Validates that `json` is exactly one JSON object (RFC 8259: strings with escapes incl. \uXXXX
// and valid UTF-8, numbers, literals, nested arrays/objects up to depth 512, surrounding
// whitespace, nothing after it) and returns its top-level members. On invalid input returns
// std::nullopt and sets *error to a short message with the byte offset, e.g.
// "unexpected character '}' at offset 17".
std::optional<JsonMembers> topLevelMembers(QByteArrayView json, QString *error = nullptr);

namespace detail {
using MemberFn = void (*)(void *, QByteArrayView, qsizetype, qsizetype, qsizetype);
using ElementFn = void (*)(void *, qsizetype, qsizetype);
bool visitMembers(QByteArrayView json, MemberFn fn, void *context, QString *error);
bool visitElements(QByteArrayView json, ElementFn fn, void *context, QString *error);
} // namespace detail

// Allocation-free variant of topLevelMembers() for hot paths: validates `json` as one object
// and calls visit(QByteArrayView key, JsonSpan value) for each top-level member in order
// (duplicates included; the key view is only valid during the call). Returns false (and sets
// *error) on invalid input; members before the error may already have been visited.
template<typename Visitor>
bool visitMembers(QByteArrayView json, Visitor &&visit, QString *error = nullptr)
{
    using V = std::remove_reference_t<Visitor>;
    return detail::visitMembers(
        json,
        [](void *context, QByteArrayView key, qsizetype begin, qsizetype end, qsizetype) {
            (*static_cast<V *>(context))(key, JsonSpan { begin, end });
        },
        const_cast<void *>(static_cast<const void *>(&visit)), error);
}

// The same for a JSON array: calls visit(JsonSpan element) for each element.
template<typename Visitor>
bool visitElements(QByteArrayView json, Visitor &&visit, QString *error = nullptr)
{
    using V = std::remove_reference_t<Visitor>;
    return detail::visitElements(
        json,
        [](void *context, qsizetype begin, qsizetype end) {
            (*static_cast<V *>(context))(JsonSpan { begin, end });
        },
        const_cast<void *>(static_cast<const void *>(&visit)), error);
}

// Helpers on a member's raw value text (leading/trailing whitespace is tolerated):
// a JSON string -> its unescaped text, else nullopt.
std::optional<QString> stringValue(QByteArrayView rawValue);
// The same as UTF-8 bytes (no QString conversion).
std::optional<QByteArray> utf8StringValue(QByteArrayView rawValue);
// true / false, else nullopt.
std::optional<bool> boolValue(QByteArrayView rawValue);
// A JSON number that is an integer within qint64 (no fraction, no exponent), else nullopt.
std::optional<qint64> integerValue(QByteArrayView rawValue);
// True for the literal null.
bool isNull(QByteArrayView rawValue);
// QString -> JSON string literal with quotes; escapes '"', '\\' and control characters,
// keeps other characters as UTF-8.
QByteArray quoted(const QString &s);
// The same for UTF-8 bytes.
QByteArray quotedUtf8(QByteArrayView utf8);

} // namespace JsonScan

// The splice editor for objects scanned above (kept in its own file, included here for
// convenience).
#include "json/jsonobjecteditor.h"
