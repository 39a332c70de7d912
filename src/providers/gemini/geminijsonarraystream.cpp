#include "gemini/geminijsonarraystream.h"

#include "gemini/geminicontent.h"
#include "json/jsonraw.h"

void GeminiJsonArrayStream::feed(QByteArrayView chunk, QList<QByteArray> &objects)
{
    const char *data = chunk.data();
    const qsizetype size = chunk.size();
    qsizetype i = 0;
    auto failAt = [this, &i](const char *what, char c) {
        m_offset += i;
        i = -1;
        fail(what, c);
    };

    while (i >= 0 && i < size) {
        switch (m_state) {
        case State::Failed:
            return;
        case State::Done:
            if (!JsonRaw::isWhitespace(data[i])) {
                failAt("unexpected data after the end", data[i]);
                return;
            }
            ++i;
            break;
        case State::BeforeArray:
            if (JsonRaw::isWhitespace(data[i])) {
                ++i;
            } else if (data[i] == '[') {
                m_state = State::BeforeElement;
                m_emptyAllowed = true;
                ++i;
            } else if (data[i] == '{') {
                // One bare object (an error answer that is not wrapped in an array).
                m_bareObject = true;
                m_state = State::InElement;
            } else {
                failAt("expected '['", data[i]);
                return;
            }
            break;
        case State::BeforeElement:
            if (JsonRaw::isWhitespace(data[i])) {
                ++i;
            } else if (data[i] == '{' || data[i] == '[') {
                m_state = State::InElement;
            } else if (data[i] == ']' && m_emptyAllowed) {
                m_state = State::Done;
                ++i;
            } else {
                failAt("expected an object", data[i]);
                return;
            }
            break;
        case State::AfterElement:
            if (JsonRaw::isWhitespace(data[i])) {
                ++i;
            } else if (data[i] == ',') {
                m_state = State::BeforeElement;
                m_emptyAllowed = false;
                ++i;
            } else if (data[i] == ']') {
                m_state = State::Done;
                ++i;
            } else {
                failAt("expected ',' or ']'", data[i]);
                return;
            }
            break;
        case State::InElement: {
            // Scan to the end of the element or of the chunk; append the bytes in one piece.
            const qsizetype start = i;
            bool complete = false;
            for (; i < size; ++i) {
                const char c = data[i];
                if (m_inString) {
                    if (m_escape)
                        m_escape = false;
                    else if (c == '\\')
                        m_escape = true;
                    else if (c == '"')
                        m_inString = false;
                } else if (c == '"') {
                    m_inString = true;
                } else if (c == '{' || c == '[') {
                    ++m_depth;
                } else if (c == '}' || c == ']') {
                    if (--m_depth == 0) {
                        ++i;
                        complete = true;
                        break;
                    }
                }
            }
            m_element.append(data + start, i - start);
            if (complete)
                endElement(objects);
            break;
        }
        }
    }
    if (i >= 0)
        m_offset += size;
}

void GeminiJsonArrayStream::endElement(QList<QByteArray> &objects)
{
    objects.append(m_element);
    m_element.clear();
    ++m_elements;
    m_state = m_bareObject ? State::Done : State::AfterElement;
}

void GeminiJsonArrayStream::fail(const char *what, char c)
{
    m_state = State::Failed;
    m_element.clear();
    const QString shown = (c >= 0x20 && c < 0x7f)
        ? QString(QLatin1Char(c))
        : QStringLiteral("\\x%1").arg(static_cast<unsigned char>(c), 2, 16, QLatin1Char('0'));
    m_error = QString::fromLatin1(what) + QStringLiteral(", got '") + shown
        + QStringLiteral("' at offset ") + QString::number(m_offset);
}

QByteArray GeminiJsonArrayStream::errorTail(int httpStatus, const QString &message) const
{
    const QByteArray error = GeminiContent::errorBody(httpStatus, message);
    switch (m_state) {
    case State::BeforeArray:
        return '[' + error + ']';
    case State::BeforeElement:
        return error + ']';
    case State::AfterElement:
        return QByteArrayLiteral(",\r\n") + error + QByteArrayLiteral("\n]");
    case State::InElement:
    case State::Done:
    case State::Failed:
        break;
    }
    return {};
}
