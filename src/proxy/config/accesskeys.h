#pragma once

#include <QString>

// Client access keys: how they are generated, hashed and shown. Only the hash and a short
// prefix are stored; the plaintext is shown once, when the key is created.
namespace AccessKeys {

// Lower-case hex SHA-256 of the key's UTF-8 bytes.
QString hash(const QString &plaintext);

// The first characters of the key, for display: at most 12 and never more than half of
// the key ("sk-llmo-ab12" for a generated key).
QString prefix(const QString &plaintext);

// "sk-llmo-" followed by 40 random [A-Za-z0-9] from the system's secure random source.
QString generate();

// True for 64 hex digits (either case), the form of hash().
bool isHash(const QString &text);

} // namespace AccessKeys
