#include "mockjson.h"

namespace {
// Recursive descent over JSON text. Strings are decoded (escapes, surrogate pairs), numbers are
// checked for JSON's grammar and kept as text.
class Parser final
{
public:
    explicit Parser(QByteArrayView text)
        : m_text(text)
    {
    }

    std::optional<MockJson> document()
    {
        std::optional<MockJson> value = parseValue(0);
        skipSpace();
        if (!value || m_pos != m_text.size())
            return std::nullopt;
        return value;
    }

private:
    static constexpr int kMaxDepth = 64;

    void skipSpace()
    {
        while (m_pos < m_text.size()
               && (m_text[m_pos] == ' ' || m_text[m_pos] == '\n' || m_text[m_pos] == '\r'
                   || m_text[m_pos] == '\t'))
            ++m_pos;
    }

    bool consume(QByteArrayView word)
    {
        if (m_text.sliced(m_pos).startsWith(word)) {
            m_pos += word.size();
            return true;
        }
        return false;
    }

    std::optional<MockJson> parseValue(int depth)
    {
        skipSpace();
        if (m_pos >= m_text.size() || depth > kMaxDepth)
            return std::nullopt;
        const char c = m_text[m_pos];
        if (c == '{')
            return parseObject(depth);
        if (c == '[')
            return parseArray(depth);
        if (c == '"') {
            std::optional<QString> s = parseString();
            return s ? std::optional<MockJson>(MockJson::string(*s)) : std::nullopt;
        }
        if (consume("true"))
            return MockJson::boolean(true);
        if (consume("false"))
            return MockJson::boolean(false);
        if (consume("null"))
            return MockJson::null();
        return parseNumber();
    }

    std::optional<MockJson> parseObject(int depth)
    {
        ++m_pos; // '{'
        MockJson object = MockJson::object();
        skipSpace();
        if (consume("}"))
            return object;
        for (;;) {
            skipSpace();
            if (m_pos >= m_text.size() || m_text[m_pos] != '"')
                return std::nullopt;
            const std::optional<QString> key = parseString();
            skipSpace();
            if (!key || !consume(":"))
                return std::nullopt;
            std::optional<MockJson> value = parseValue(depth + 1);
            if (!value)
                return std::nullopt;
            object.add(key->toUtf8(), *value);
            skipSpace();
            if (consume("}"))
                return object;
            if (!consume(","))
                return std::nullopt;
        }
    }

    std::optional<MockJson> parseArray(int depth)
    {
        ++m_pos; // '['
        MockJson array = MockJson::array();
        skipSpace();
        if (consume("]"))
            return array;
        for (;;) {
            std::optional<MockJson> item = parseValue(depth + 1);
            if (!item)
                return std::nullopt;
            array.append(*item);
            skipSpace();
            if (consume("]"))
                return array;
            if (!consume(","))
                return std::nullopt;
        }
    }

    std::optional<uint> hex4()
    {
        if (m_pos + 4 > m_text.size())
            return std::nullopt;
        bool ok = false;
        const uint value = m_text.sliced(m_pos, 4).toByteArray().toUInt(&ok, 16);
        m_pos += 4;
        return ok ? std::optional<uint>(value) : std::nullopt;
    }

    std::optional<QString> parseString()
    {
        ++m_pos; // '"'
        QByteArray utf8;
        while (m_pos < m_text.size()) {
            const char c = m_text[m_pos++];
            if (c == '"')
                return QString::fromUtf8(utf8);
            if (static_cast<unsigned char>(c) < 0x20)
                return std::nullopt;
            if (c != '\\') {
                utf8.append(c);
                continue;
            }
            if (m_pos >= m_text.size())
                return std::nullopt;
            const char e = m_text[m_pos++];
            switch (e) {
            case '"':
            case '\\':
            case '/':
                utf8.append(e);
                break;
            case 'b':
                utf8.append('\b');
                break;
            case 'f':
                utf8.append('\f');
                break;
            case 'n':
                utf8.append('\n');
                break;
            case 'r':
                utf8.append('\r');
                break;
            case 't':
                utf8.append('\t');
                break;
            case 'u': {
                std::optional<uint> unit = hex4();
                if (!unit)
                    return std::nullopt;
                char32_t code = *unit;
                if (QChar::isHighSurrogate(code) && consume("\\u")) {
                    const std::optional<uint> low = hex4();
                    if (!low || !QChar::isLowSurrogate(*low))
                        return std::nullopt;
                    code = QChar::surrogateToUcs4(char16_t(code), char16_t(*low));
                }
                utf8.append(QString::fromUcs4(&code, 1).toUtf8());
                break;
            }
            default:
                return std::nullopt;
            }
        }
        return std::nullopt;
    }

    std::optional<MockJson> parseNumber()
    {
        const qsizetype start = m_pos;
        const auto digits = [this] {
            const qsizetype from = m_pos;
            while (m_pos < m_text.size() && m_text[m_pos] >= '0' && m_text[m_pos] <= '9')
                ++m_pos;
            return m_pos > from;
        };
        consume("-");
        if (!consume("0") && !digits())
            return std::nullopt;
        if (consume(".") && !digits())
            return std::nullopt;
        if (consume("e") || consume("E")) {
            if (!consume("+"))
                consume("-");
            if (!digits())
                return std::nullopt;
        }
        return MockJson::numberText(m_text.sliced(start, m_pos - start).toByteArray());
    }

    QByteArrayView m_text;
    qsizetype m_pos = 0;
};

void newline(QByteArray &out, int indent, int depth)
{
    out.append('\n');
    out.append(QByteArray(indent * depth, ' '));
}

int indentOf(MockJson::Format format)
{
    switch (format) {
    case MockJson::Format::Indent2:
        return 2;
    case MockJson::Format::Indent4:
        return 4;
    default:
        return 0;
    }
}
} // namespace

MockJson MockJson::boolean(bool value)
{
    MockJson v;
    v.m_type = Type::Bool;
    v.m_bool = value;
    return v;
}

MockJson MockJson::number(qint64 value)
{
    return numberText(QByteArray::number(value));
}

MockJson MockJson::numberText(const QByteArray &text)
{
    MockJson v;
    v.m_type = Type::Number;
    v.m_text = text;
    return v;
}

MockJson MockJson::string(const QString &text)
{
    MockJson v;
    v.m_type = Type::String;
    v.m_string = text;
    return v;
}

MockJson MockJson::array(const QList<MockJson> &items)
{
    MockJson v;
    v.m_type = Type::Array;
    v.m_items = items;
    return v;
}

MockJson MockJson::object(std::initializer_list<Member> members)
{
    MockJson v;
    v.m_type = Type::Object;
    v.m_members = QList<Member>(members);
    return v;
}

std::optional<MockJson> MockJson::parse(QByteArrayView text)
{
    return Parser(text).document();
}

MockJson &MockJson::add(const QByteArray &key, const MockJson &value)
{
    Q_ASSERT(m_type == Type::Object);
    m_members.append({ key, value });
    return *this;
}

MockJson &MockJson::append(const MockJson &item)
{
    Q_ASSERT(m_type == Type::Array);
    m_items.append(item);
    return *this;
}

QByteArray MockJson::write(Format format) const
{
    QByteArray out;
    writeTo(out, format, 0);
    return out;
}

void MockJson::writeTo(QByteArray &out, Format format, int depth) const
{
    const int indent = indentOf(format);
    const char *colon = format == Format::Compact ? ":" : ": ";
    switch (m_type) {
    case Type::Null:
        out.append("null");
        return;
    case Type::Bool:
        out.append(m_bool ? "true" : "false");
        return;
    case Type::Number:
        out.append(m_text);
        return;
    case Type::String:
        out.append(quote(m_string));
        return;
    case Type::Array:
        if (m_items.isEmpty()) {
            out.append("[]");
            return;
        }
        out.append('[');
        for (qsizetype i = 0; i < m_items.size(); ++i) {
            if (i > 0)
                out.append(',');
            if (indent > 0)
                newline(out, indent, depth + 1);
            m_items.at(i).writeTo(out, format, depth + 1);
        }
        if (indent > 0)
            newline(out, indent, depth);
        out.append(']');
        return;
    case Type::Object:
        if (m_members.isEmpty()) {
            out.append("{}");
            return;
        }
        out.append('{');
        for (qsizetype i = 0; i < m_members.size(); ++i) {
            if (i > 0)
                out.append(',');
            if (indent > 0)
                newline(out, indent, depth + 1);
            out.append(quote(QString::fromUtf8(m_members.at(i).first)));
            out.append(colon);
            m_members.at(i).second.writeTo(out, format, depth + 1);
        }
        if (indent > 0)
            newline(out, indent, depth);
        out.append('}');
        return;
    }
}

QByteArray MockJson::quote(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    QByteArray out;
    out.reserve(utf8.size() + 2);
    out.append('"');
    for (const char ch : utf8) {
        switch (ch) {
        case '"':
            out.append("\\\"");
            break;
        case '\\':
            out.append("\\\\");
            break;
        case '\n':
            out.append("\\n");
            break;
        case '\r':
            out.append("\\r");
            break;
        case '\t':
            out.append("\\t");
            break;
        case '\b':
            out.append("\\b");
            break;
        case '\f':
            out.append("\\f");
            break;
        default:
            if (static_cast<unsigned char>(ch) < 0x20) {
                out.append("\\u00");
                out.append(
                    QByteArray::number(static_cast<unsigned char>(ch), 16).rightJustified(2, '0'));
            } else {
                out.append(ch);
            }
        }
    }
    out.append('"');
    return out;
}
