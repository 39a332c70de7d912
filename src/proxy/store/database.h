#pragma once

#include <QString>

// Opening the gateway's SQLite database. QSqlDatabase connections belong to the thread
// that opened them, so every thread that touches the store opens its own connection
// under its own name (e.g. the config service, the log writer and the admin queries).
namespace Database {

// Opens (creating if needed) the database at `url` as the QSqlDatabase connection
// `connectionName` in the calling thread, sets the pragmas (WAL, synchronous=NORMAL,
// foreign keys, a 5 s busy timeout) and runs the schema migrations.
// `url` is a file path, `sqlite:///abs/path` or `sqlite:relative/path`; any other scheme
// is refused with "unsupported database URL ...". The parent directory is created.
// An existing connection of that name is closed and replaced.
// Returns false with a one-line message in *error on failure (the connection is removed).
bool open(const QString &connectionName, const QString &url, QString *error);

// Closes and removes the connection. No QSqlQuery on it may be alive. Safe to call for a
// connection that does not exist.
void close(const QString &connectionName);

// The database used when no --database / LLMO_DATABASE is given: a file in the data dir.
QString defaultUrl(const QString &dataDir);

// The file path a URL names, or an empty string with *error set when the URL is not one
// open() accepts. Exposed for messages ("using database /path/...") and tests.
QString filePathFromUrl(const QString &url, QString *error);

} // namespace Database
