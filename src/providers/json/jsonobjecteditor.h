#pragma once

#include "json/jsonmembers.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

// Splices edits into a JSON object that JsonScan::topLevelMembers() validated, keeping every
// byte that no edit touches (key order, whitespace, number spelling, escapes).
//
// Duplicate keys: JsonMembers::find() sees the first occurrence, but many upstream parsers
// keep the last one. So an edited key never survives twice: setMember() rewrites the first
// occurrence and drops the later ones, removeMember() drops them all. Otherwise a client could
// smuggle a second "model" past the gateway's rewrite.
class JsonObjectEditor final
{
public:
    // `members` must come from scanning exactly `json`.
    explicit JsonObjectEditor(QByteArray json, JsonMembers members);

    // Replaces the value of `key` with `rawJsonValue` (inserted verbatim: it must be valid
    // JSON), or appends the member before the closing '}' when absent. `key` is unescaped.
    // A later edit of the same key replaces an earlier one.
    void setMember(QByteArrayView key, QByteArrayView rawJsonValue);
    void removeMember(QByteArrayView key);

    // The edited object, built in one pass into one allocation. Without edits, the input.
    QByteArray result() const;

private:
    struct Edit
    {
        QByteArray key;
        QByteArray value;
        bool remove = false;
    };

    Edit &editFor(QByteArrayView key);
    const Edit *findEdit(QByteArrayView key) const;

    QByteArray m_json;
    JsonMembers m_members;
    QList<Edit> m_edits;
};
