#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

// Validating single-pass JSON scanner behind JsonScan (jsonmembers.h); use that API instead.
//
// Checks RFC 8259 syntax without building a DOM: strings (escapes, \uXXXX, UTF-8 validity),
// numbers, literals, nested arrays/objects up to a depth of 512, surrounding whitespace, no
// trailing bytes. While scanning it reports the members of the outermost object (or the
// elements of the outermost array) through a plain function pointer, so callers allocate
// nothing per member unless they want to.
class JsonScanner final
{
public:
    // key: the member's unescaped key (a view valid during the call only).
    using MemberCallback = void (*)(void *context, QByteArrayView key, qsizetype valueBegin,
                                    qsizetype valueEnd, qsizetype keyBegin);
    using ElementCallback = void (*)(void *context, qsizetype valueBegin, qsizetype valueEnd);

    static constexpr int MaxDepth = 512;

    explicit JsonScanner(QByteArrayView json);

    // The input must be exactly one object; calls `callback` for each top-level member.
    bool scanObject(MemberCallback callback, void *context);
    // The input must be exactly one array; calls `callback` for each element.
    bool scanArray(ElementCallback callback, void *context);
    // The input must be exactly one JSON value of any type.
    bool scanValue();

    // After a failed scan: "unexpected character '}' at offset 17" and the like.
    QString errorString() const { return m_error; }

    // Appends the UTF-8 text of the JSON string literal body `escaped` (between the quotes,
    // already validated or not) to `out`. Returns false on a malformed escape. A lone
    // surrogate escape becomes U+FFFD.
    static bool unescape(QByteArrayView escaped, QByteArray &out);

private:
    enum class Outer { Object, Array, Any };

    bool scanDocument(Outer outer, MemberCallback memberCallback, ElementCallback elementCallback,
                      void *context);
    bool parseValue(int depth);
    bool parseObject(int depth);
    bool parseArray(int depth);
    bool parseString(bool *hasEscapes);
    bool parseNumber();
    bool parseLiteral(QByteArrayView literal);
    bool validateUtf8Sequence();
    void skipWhitespace();

    bool fail(const char *what);
    bool failUnexpected();

    QByteArrayView m_json;
    qsizetype m_pos = 0;
    QString m_error;
    // Set only while scanning the outermost container.
    MemberCallback m_memberCallback = nullptr;
    ElementCallback m_elementCallback = nullptr;
    void *m_context = nullptr;
    QByteArray m_keyScratch; // unescaped key when it contains escapes
};
