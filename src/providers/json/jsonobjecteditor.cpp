#include "json/jsonobjecteditor.h"

namespace {

bool isWhitespace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

} // namespace

JsonObjectEditor::JsonObjectEditor(QByteArray json, JsonMembers members)
    : m_json(std::move(json))
    , m_members(std::move(members))
{
}

JsonObjectEditor::Edit &JsonObjectEditor::editFor(QByteArrayView key)
{
    for (Edit &edit : m_edits) {
        if (QByteArrayView(edit.key) == key)
            return edit;
    }
    m_edits.append(Edit { key.toByteArray(), {}, false });
    return m_edits.last();
}

const JsonObjectEditor::Edit *JsonObjectEditor::findEdit(QByteArrayView key) const
{
    for (const Edit &edit : m_edits) {
        if (QByteArrayView(edit.key) == key)
            return &edit;
    }
    return nullptr;
}

void JsonObjectEditor::setMember(QByteArrayView key, QByteArrayView rawJsonValue)
{
    Edit &edit = editFor(key);
    edit.value = rawJsonValue.toByteArray();
    edit.remove = false;
}

void JsonObjectEditor::removeMember(QByteArrayView key)
{
    Edit &edit = editFor(key);
    edit.value.clear();
    edit.remove = true;
}

// The object is rebuilt as: the text before the first member, the kept members each preceded
// by the original separator in front of it, appended members, and the text from the end of the
// last original member's value to the end of the input (closing brace, whitespace).
QByteArray JsonObjectEditor::result() const
{
    if (m_edits.isEmpty())
        return m_json;

    const QList<JsonMember> &members = m_members.members;
    const char *data = m_json.constData();

    // Where the first member starts (or, for an empty object, just after the '{'), and where
    // the text after the last member starts.
    qsizetype head = 0;
    qsizetype tail = 0;
    if (members.isEmpty()) {
        while (head < m_json.size() && isWhitespace(data[head]))
            ++head;
        ++head; // past '{'
        tail = head;
    } else {
        head = members.first().keyBegin;
        tail = members.last().valueEnd;
    }
    // The separator for appended members: the object's own first one (e.g. ",\n  ").
    QByteArrayView separator(",");
    if (members.size() >= 2)
        separator
            = QByteArrayView(data + members[0].valueEnd, members[1].keyBegin - members[0].valueEnd);

    qsizetype capacity = m_json.size();
    for (const Edit &edit : m_edits)
        capacity += edit.key.size() + edit.value.size() + separator.size() + 16;
    QByteArray out;
    out.reserve(capacity);
    out.append(data, head);

    QList<bool> written(m_edits.size(), false); // set edits already applied to a member
    bool first = true;
    for (qsizetype i = 0; i < members.size(); ++i) {
        const JsonMember &member = members[i];
        const Edit *edit = findEdit(member.key);
        const qsizetype editIndex = edit ? edit - m_edits.constData() : -1;
        if (edit && (edit->remove || written[editIndex]))
            continue; // removed, or a later duplicate of an edited key
        if (!first) {
            // The original separator in front of this member (a comma and whitespace).
            const qsizetype previousEnd = members[i - 1].valueEnd;
            out.append(data + previousEnd, member.keyBegin - previousEnd);
        }
        first = false;
        if (edit) {
            out.append(data + member.keyBegin, member.valueBegin - member.keyBegin);
            out.append(edit->value);
            written[editIndex] = true;
        } else {
            out.append(data + member.keyBegin, member.valueEnd - member.keyBegin);
        }
    }
    for (qsizetype e = 0; e < m_edits.size(); ++e) {
        const Edit &edit = m_edits[e];
        if (edit.remove || written[e])
            continue;
        if (!first)
            out.append(separator);
        first = false;
        out.append(JsonScan::quotedUtf8(edit.key)).append(':').append(edit.value);
    }
    out.append(data + tail, m_json.size() - tail);
    return out;
}
