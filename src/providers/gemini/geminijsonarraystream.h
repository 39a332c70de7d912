#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

// Incremental splitter for Gemini's non-SSE stream: streamGenerateContent without alt=sse
// answers one JSON array of GenerateContentResponse objects, written piece by piece
// ("[{\n  \"candidates\": ...\n}\n,\r\n{...}\n]"). The gateway passes those bytes through
// unchanged and feeds the same bytes here to get each complete element for classification
// (GeminiContent::classifyStreamObject) and usage.
//
// Bytes may be split anywhere, including inside strings and escapes. Elements must be objects
// or arrays; the splitter tracks nesting and strings but leaves full validation to JsonScan.
// A body that is one bare object instead of an array (some error answers) yields that object
// and counts as finished. Not thread-safe; one instance per stream.
class GeminiJsonArrayStream final
{
public:
    // Feeds the next bytes and appends every element completed by them to `objects`, each
    // exactly as it appeared (no surrounding whitespace or commas). After an error, or after
    // the closing ']', further input is only checked for trailing non-whitespace (an error).
    void feed(QByteArrayView chunk, QList<QByteArray> &objects);

    // The closing ']' (or the end of a bare object) has been seen.
    bool isFinished() const { return m_state == State::Done; }
    // The input is not a JSON array of objects; errorString() says where.
    bool hasError() const { return m_state == State::Failed; }
    QString errorString() const { return m_error; }

    // Elements emitted so far.
    int elementCount() const { return m_elements; }
    // Bytes of the unfinished element held (callers bound this against a limit).
    qsizetype pendingBytes() const { return m_element.size(); }
    // At end of stream: true when the array was not closed (a truncated stream).
    bool isTruncated() const { return m_state != State::Done; }

    // The bytes that, appended to everything fed so far, end the client's array with one error
    // element {"error":{...}} (GeminiContent::errorBody) and keep it valid JSON:
    //   nothing fed yet       -> "[{error}]"
    //   after '[' or ','      -> "{error}]"
    //   after an element      -> ",\r\n{error}\n]"
    // Empty when that is impossible: inside an element (the client already holds half an
    // object), after the end, or after an error.
    QByteArray errorTail(int httpStatus, const QString &message) const;

private:
    enum class State {
        BeforeArray, // whitespace, then '[' (or '{' for a bare object)
        BeforeElement, // after '[' or ',': whitespace, then '{' / '[' (or ']' right after '[')
        InElement,
        AfterElement, // whitespace, then ',' or ']'
        Done,
        Failed,
    };

    void fail(const char *what, char c);
    void endElement(QList<QByteArray> &objects);

    State m_state = State::BeforeArray;
    QByteArray m_element; // bytes of the element being read
    QString m_error;
    qsizetype m_offset = 0; // bytes consumed so far, for error messages
    int m_depth = 0; // nesting inside the current element
    int m_elements = 0;
    bool m_bareObject = false; // the body is one object, not an array
    bool m_emptyAllowed = false; // ']' may close the array here (right after '[')
    bool m_inString = false;
    bool m_escape = false;
};
