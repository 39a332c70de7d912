#pragma once

#include <QString>

class QSqlDatabase;

// The versioned schema of the store. A `schema_version` table holds one number; each
// migration step raises it by one inside its own write transaction (BEGIN IMMEDIATE, so
// two connections opening a fresh file at once cannot both run the same step).
// A database written by a newer program (a higher version than latestVersion()) is refused
// rather than modified.
namespace SchemaMigrations {

// The schema version this program writes.
int latestVersion();

// The version stored in the database; 0 for a database without a schema_version table.
// -1 with *error set when it cannot be read.
int currentVersion(const QSqlDatabase &db, QString *error);

// Brings the database to latestVersion(). A no-op when it is already there.
bool migrate(const QSqlDatabase &db, QString *error);

} // namespace SchemaMigrations
