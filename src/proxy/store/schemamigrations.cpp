#include "store/schemamigrations.h"

#include "store/sqltransaction.h"

#include <QList>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

namespace {

// One step of the schema history. Steps are never edited once released: a change to the
// schema is a new step appended to the list, so every existing database can follow.
struct MigrationStep
{
    int version;
    QStringList statements;
};

const QList<MigrationStep> &migrationSteps()
{
    static const QList<MigrationStep> steps = {
        { 1,
          {
              QStringLiteral("CREATE TABLE providers ("
                             " id INTEGER PRIMARY KEY,"
                             " name TEXT NOT NULL UNIQUE,"
                             " type TEXT NOT NULL,"
                             " base_url TEXT NOT NULL,"
                             " api_keys TEXT NOT NULL DEFAULT '[]',"
                             " headers TEXT NOT NULL DEFAULT '{}',"
                             " timeout_ms INTEGER NOT NULL,"
                             " enabled INTEGER NOT NULL,"
                             " probe_interval_s INTEGER NOT NULL,"
                             " probe_kind TEXT NOT NULL,"
                             " probe_model TEXT NOT NULL,"
                             " position INTEGER NOT NULL)"),
              QStringLiteral("CREATE TABLE models ("
                             " id INTEGER PRIMARY KEY,"
                             " name TEXT NOT NULL UNIQUE,"
                             " max_attempts INTEGER NOT NULL,"
                             " position INTEGER NOT NULL)"),
              QStringLiteral("CREATE TABLE routes ("
                             " id INTEGER PRIMARY KEY,"
                             " model_id INTEGER NOT NULL REFERENCES models(id) ON DELETE CASCADE,"
                             " provider_id INTEGER NOT NULL REFERENCES providers(id),"
                             " upstream_model TEXT NOT NULL,"
                             " weight INTEGER NOT NULL,"
                             " priority INTEGER NOT NULL,"
                             " enabled INTEGER NOT NULL,"
                             " position INTEGER NOT NULL)"),
              QStringLiteral("CREATE INDEX routes_model ON routes(model_id)"),
              QStringLiteral("CREATE INDEX routes_provider ON routes(provider_id)"),
              QStringLiteral("CREATE TABLE access_keys ("
                             " id INTEGER PRIMARY KEY,"
                             " name TEXT NOT NULL UNIQUE,"
                             " key_hash TEXT NOT NULL UNIQUE,"
                             " prefix TEXT NOT NULL,"
                             " created_at INTEGER)"), // UTC epoch ms
              QStringLiteral("CREATE TABLE request_log ("
                             " id INTEGER PRIMARY KEY,"
                             " time_ms INTEGER NOT NULL," // UTC epoch ms
                             " trace_id TEXT,"
                             " access_key TEXT,"
                             " protocol TEXT,"
                             " model TEXT,"
                             " provider TEXT,"
                             " upstream_model TEXT,"
                             " attempt INTEGER,"
                             " status TEXT,"
                             " error TEXT,"
                             " stream INTEGER,"
                             " header_ms REAL,"
                             " ttft_ms REAL,"
                             " total_ms REAL,"
                             " input_tokens INTEGER,"
                             " output_tokens INTEGER,"
                             " cached_tokens INTEGER,"
                             " bytes_in INTEGER,"
                             " bytes_out INTEGER,"
                             " user_agent TEXT)"),
              QStringLiteral("CREATE INDEX request_log_time ON request_log(time_ms)"),
              QStringLiteral("CREATE INDEX request_log_trace ON request_log(trace_id)"),
              QStringLiteral("CREATE INDEX request_log_model_time ON request_log(model, time_ms)"),
              QStringLiteral(
                  "CREATE INDEX request_log_provider_time ON request_log(provider, time_ms)"),
          } },
    };
    return steps;
}

bool execStatement(const QSqlDatabase &db, const QString &statement, QString *error)
{
    QSqlQuery query(db);
    if (query.exec(statement))
        return true;
    if (error)
        *error = query.lastError().text() + QStringLiteral(" (in: ") + statement.left(80)
            + QStringLiteral(")");
    return false;
}

QString newerVersionMessage(int version)
{
    return QStringLiteral("the database has schema version %1, newer than this program "
                          "supports (%2); use a newer LLM Orchestrator or another database")
        .arg(version)
        .arg(SchemaMigrations::latestVersion());
}

} // namespace

namespace SchemaMigrations {

int latestVersion()
{
    return migrationSteps().constLast().version;
}

int currentVersion(const QSqlDatabase &db, QString *error)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'"))
        || !query.next()) {
        if (error)
            *error = QStringLiteral("cannot read the schema version: ") + query.lastError().text();
        return -1;
    }
    if (query.value(0).toInt() == 0)
        return 0;
    if (!query.exec(QStringLiteral("SELECT max(version) FROM schema_version")) || !query.next()) {
        if (error)
            *error = QStringLiteral("cannot read the schema version: ") + query.lastError().text();
        return -1;
    }
    return query.value(0).toInt(); // NULL (empty table) reads as 0
}

bool migrate(const QSqlDatabase &db, QString *error)
{
    for (const MigrationStep &step : migrationSteps()) {
        SqlTransaction transaction(db);
        if (!transaction.begin(error))
            return false;
        // Read the version inside the write transaction: another connection may have
        // migrated since we last looked.
        if (!execStatement(db,
                           QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version ("
                                          "version INTEGER NOT NULL)"),
                           error))
            return false;
        const int version = currentVersion(db, error);
        if (version < 0)
            return false;
        if (version > latestVersion()) {
            if (error)
                *error = newerVersionMessage(version);
            return false;
        }
        if (version >= step.version) {
            if (!transaction.commit(error))
                return false;
            continue;
        }
        if (version != step.version - 1) {
            if (error)
                *error = QStringLiteral("schema version %1 has no migration path").arg(version);
            return false;
        }
        for (const QString &statement : step.statements) {
            if (!execStatement(db, statement, error))
                return false;
        }
        if (!execStatement(db, QStringLiteral("DELETE FROM schema_version"), error))
            return false;
        QSqlQuery insert(db);
        insert.prepare(QStringLiteral("INSERT INTO schema_version (version) VALUES (?)"));
        insert.addBindValue(step.version);
        if (!insert.exec()) {
            if (error)
                *error = insert.lastError().text();
            return false;
        }
        if (!transaction.commit(error))
            return false;
    }
    return true;
}

} // namespace SchemaMigrations
