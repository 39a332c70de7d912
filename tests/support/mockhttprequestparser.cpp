#include "mockhttprequestparser.h"

namespace mockhttp {
QByteArray headerValue(const QList<QPair<QByteArray, QByteArray>> &headers, const QByteArray &name)
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}
} // namespace mockhttp

namespace {
bool hasToken(const QByteArray &value, const QByteArray &token)
{
    const QList<QByteArray> parts = value.split(',');
    for (const QByteArray &part : parts) {
        if (part.trimmed().compare(token, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}
} // namespace

QByteArray MockHttpRequestParser::Request::header(const QByteArray &name) const
{
    return mockhttp::headerValue(headers, name);
}

bool MockHttpRequestParser::Request::keepAlive() const
{
    const QByteArray connection = header(QByteArrayLiteral("Connection"));
    if (version == "HTTP/1.0")
        return hasToken(connection, QByteArrayLiteral("keep-alive"));
    return !hasToken(connection, QByteArrayLiteral("close"));
}

QByteArray MockHttpRequestParser::Request::path() const
{
    const qsizetype q = target.indexOf('?');
    return q < 0 ? target : target.left(q);
}

void MockHttpRequestParser::feed(const QByteArray &data)
{
    if (m_state != State::Error)
        m_buffer.append(data);
}

bool MockHttpRequestParser::takeContinueRequest()
{
    const bool requested = m_continueRequested;
    m_continueRequested = false;
    return requested;
}

MockHttpRequestParser::Status MockHttpRequestParser::next(Request *out)
{
    if (m_state == State::Error)
        return Status::Error;
    if (m_state == State::Head) {
        const Status s = parseHead();
        if (s != Status::Complete)
            return s;
        if (m_state == State::Head) // no body
            return complete(out);
    }
    if (m_state == State::FixedBody) {
        if (m_buffer.size() - m_pos < m_remaining)
            return Status::NeedMore;
        m_current.body = m_buffer.mid(m_pos, m_remaining);
        m_pos += m_remaining;
        return complete(out);
    }
    const Status s = parseChunked();
    return s == Status::Complete ? complete(out) : s;
}

// Parses the request line and headers; leaves m_state at the body state the headers ask for
// (Head again when there is no body).
MockHttpRequestParser::Status MockHttpRequestParser::parseHead()
{
    // A client may send stray CRLFs between requests (RFC 9112 2.2): skip them.
    while (m_buffer.size() - m_pos >= 2 && m_buffer.at(m_pos) == '\r'
           && m_buffer.at(m_pos + 1) == '\n')
        m_pos += 2;
    const qsizetype end = m_buffer.indexOf("\r\n\r\n", m_pos);
    if (end < 0) {
        if (m_buffer.size() - m_pos > kMaxHeadBytes)
            return fail("request head too large");
        return Status::NeedMore;
    }
    const QList<QByteArray> lines = m_buffer.mid(m_pos, end - m_pos).split('\n');
    m_pos = end + 4;
    m_current = Request();

    const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
    if (requestLine.size() != 3 || requestLine.at(0).isEmpty() || requestLine.at(1).isEmpty()
        || !requestLine.at(2).startsWith("HTTP/1."))
        return fail("malformed request line");
    m_current.method = requestLine.at(0);
    m_current.target = requestLine.at(1);
    m_current.version = requestLine.at(2);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        QByteArray line = lines.at(i);
        if (line.endsWith('\r'))
            line.chop(1);
        const qsizetype colon = line.indexOf(':');
        // Obsolete line folding (a line starting with whitespace) is refused, as RFC 9112 allows.
        if (colon <= 0 || line.startsWith(' ') || line.startsWith('\t'))
            return fail("malformed header line");
        m_current.headers.append({ line.left(colon), line.mid(colon + 1).trimmed() });
    }

    const QByteArray transferEncoding = m_current.header(QByteArrayLiteral("Transfer-Encoding"));
    const QByteArray contentLength = m_current.header(QByteArrayLiteral("Content-Length"));
    if (!transferEncoding.isEmpty()) {
        // Chunked must be the final coding; other codings are not supported by the mock.
        if (transferEncoding.trimmed().toLower() != "chunked")
            return fail("unsupported transfer coding");
        m_state = State::ChunkSize;
    } else if (!contentLength.isEmpty()) {
        bool ok = false;
        m_remaining = contentLength.toLongLong(&ok);
        if (!ok || m_remaining < 0)
            return fail("bad Content-Length");
        if (m_remaining > kMaxBodyBytes)
            return fail("body too large");
        m_state = m_remaining > 0 ? State::FixedBody : State::Head;
    } else {
        m_state = State::Head;
    }
    m_continueRequested = m_state != State::Head
        && m_current.header(QByteArrayLiteral("Expect")).toLower() == "100-continue";
    return Status::Complete;
}

MockHttpRequestParser::Status MockHttpRequestParser::parseChunked()
{
    for (;;) {
        switch (m_state) {
        case State::ChunkSize: {
            const qsizetype eol = m_buffer.indexOf("\r\n", m_pos);
            if (eol < 0)
                return m_buffer.size() - m_pos > 1024 ? fail("chunk size line too long")
                                                      : Status::NeedMore;
            QByteArray sizeText = m_buffer.mid(m_pos, eol - m_pos);
            const qsizetype semicolon = sizeText.indexOf(';'); // chunk extensions are ignored
            if (semicolon >= 0)
                sizeText.truncate(semicolon);
            bool ok = false;
            m_remaining = sizeText.trimmed().toLongLong(&ok, 16);
            if (!ok || m_remaining < 0)
                return fail("bad chunk size");
            if (m_current.body.size() + m_remaining > kMaxBodyBytes)
                return fail("body too large");
            m_pos = eol + 2;
            m_state = m_remaining == 0 ? State::ChunkTrailer : State::ChunkData;
            break;
        }
        case State::ChunkData:
            if (m_buffer.size() - m_pos < m_remaining + 2)
                return Status::NeedMore;
            if (m_buffer.at(m_pos + m_remaining) != '\r'
                || m_buffer.at(m_pos + m_remaining + 1) != '\n')
                return fail("chunk data not followed by CRLF");
            m_current.body.append(m_buffer.constData() + m_pos, m_remaining);
            m_pos += m_remaining + 2;
            m_state = State::ChunkSize;
            break;
        case State::ChunkTrailer: {
            // Trailer fields are read and dropped; an empty line ends the message.
            const qsizetype eol = m_buffer.indexOf("\r\n", m_pos);
            if (eol < 0)
                return Status::NeedMore;
            const bool last = eol == m_pos;
            m_pos = eol + 2;
            if (last) {
                m_state = State::Head;
                return Status::Complete;
            }
            break;
        }
        default:
            return fail("parser in unexpected state");
        }
    }
}

MockHttpRequestParser::Status MockHttpRequestParser::fail(const char *why)
{
    m_state = State::Error;
    m_error = QByteArray(why);
    m_buffer.clear();
    m_pos = 0;
    return Status::Error;
}

MockHttpRequestParser::Status MockHttpRequestParser::complete(Request *out)
{
    m_state = State::Head;
    *out = std::move(m_current);
    m_current = Request();
    m_buffer.remove(0, m_pos);
    m_pos = 0;
    return Status::Complete;
}
