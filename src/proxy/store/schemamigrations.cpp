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
    // Statements SQLite refuses inside a transaction (VACUUM), run before the step's transaction
    // when the database is below `version`. They must be idempotent: two connections migrating
    // at once may both run them, and a crash before the version is raised runs them again.
    QStringList outsideTransaction = {};
};

// The statement that folds one request_log row into its trace's request_traces row. `row`
// names the log row ("NEW" in the trigger, "r" in the backfill); `source` is the FROM clause
// that binds `f` to the trace's first row (its lowest id: the first attempt, logged first),
// looked up through the request_log_trace index. Part of migration step 2: frozen, never edit it
// (a change is a new step).
//
// A trace is keyed by its first row: (start_ms, id) = that row's (time_ms, id), so the table is
// stored in time order and a time range is one sequential read. A row without a trace id is a
// trace of its own. A trace's outcome row is ranked by (2xx status, real attempt, id): its
// successful attempt if it has one, else its last real attempt (attempt >= 1), else its last
// row. A trace fails when its outcome row is not 2xx; its latency and time to first token are
// the outcome row's total_ms and ttft_ms; its provider is the outcome row's; tokens add up over
// all rows.
QString traceUpsert(const QString &row, const QString &source)
{
    const QString newer = QStringLiteral("(excluded.outcome_rank, excluded.outcome_id)"
                                         " > (outcome_rank, outcome_id)");
    return QStringLiteral(
               "INSERT INTO request_traces (start_ms, id, model, provider, access_key,"
               " outcome_rank, outcome_id, latency_ms, ttft_ms, input_tokens, output_tokens,"
               " cached_tokens)"
               " SELECT f.time_ms, f.id, %1.model, %1.provider, %1.access_key,"
               " 2 * ifnull(%1.status GLOB '2[0-9][0-9]', 0) + (ifnull(%1.attempt, 0) > 0),"
               " %1.id, %1.total_ms, %1.ttft_ms, ifnull(%1.input_tokens, 0),"
               " ifnull(%1.output_tokens, 0), ifnull(%1.cached_tokens, 0) ")
               .arg(row)
        + source
        + QStringLiteral(" ON CONFLICT(start_ms, id) DO UPDATE SET"
                         " input_tokens = input_tokens + excluded.input_tokens,"
                         " output_tokens = output_tokens + excluded.output_tokens,"
                         " cached_tokens = cached_tokens + excluded.cached_tokens,"
                         " provider = CASE WHEN %1 THEN excluded.provider ELSE provider END,"
                         " latency_ms = CASE WHEN %1 THEN excluded.latency_ms ELSE latency_ms END,"
                         " ttft_ms = CASE WHEN %1 THEN excluded.ttft_ms ELSE ttft_ms END,"
                         " outcome_id = CASE WHEN %1 THEN excluded.outcome_id ELSE outcome_id END,"
                         " outcome_rank = max(outcome_rank, excluded.outcome_rank)")
              .arg(newer);
}

// The id of the first row of `row`'s trace.
QString firstRowId(const QString &row)
{
    return QStringLiteral("CASE WHEN ifnull(%1.trace_id, '') = '' THEN %1.id ELSE (SELECT min(id)"
                          " FROM request_log WHERE trace_id = %1.trace_id) END")
        .arg(row);
}

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
        // Stats: one row per client request (trace), kept up to date by a trigger as log rows
        // are written, so GET /admin/stats reads one narrow row per request instead of grouping
        // the attempts (docs/benchmarks.md "Stats"). And incremental auto-vacuum, so that the
        // log retention can hand the pages of purged rows back to the file system.
        { 2,
          {
              QStringLiteral("CREATE TABLE request_traces ("
                             " start_ms INTEGER NOT NULL," // time_ms of the trace's first row
                             " id INTEGER NOT NULL," // request_log.id of the trace's first row
                             " model TEXT,"
                             " provider TEXT," // of the outcome row
                             " access_key TEXT,"
                             // 2 * (2xx) + (attempt >= 1) of the outcome row; < 2 is a failure
                             " outcome_rank INTEGER NOT NULL,"
                             " outcome_id INTEGER NOT NULL," // request_log.id of the outcome row
                             " latency_ms REAL," // the outcome row's total_ms
                             " ttft_ms REAL," // the outcome row's ttft_ms
                             " input_tokens INTEGER NOT NULL," // sums over the trace's rows
                             " output_tokens INTEGER NOT NULL,"
                             " cached_tokens INTEGER NOT NULL,"
                             " PRIMARY KEY (start_ms, id)) WITHOUT ROWID"),
              traceUpsert(QStringLiteral("r"),
                          QStringLiteral("FROM request_log AS r JOIN request_log AS f ON f.id = ")
                              + firstRowId(QStringLiteral("r"))
                              + QStringLiteral(" WHERE true ORDER BY r.id")),
              QStringLiteral("CREATE TRIGGER request_log_traces AFTER INSERT ON request_log"
                             " BEGIN ")
                  + traceUpsert(QStringLiteral("NEW"),
                                QStringLiteral("FROM request_log AS f WHERE f.id = ")
                                    + firstRowId(QStringLiteral("NEW")))
                  + QStringLiteral("; END"),
          },
          {
              // Takes effect on a database with tables only through the VACUUM that follows.
              QStringLiteral("PRAGMA auto_vacuum = INCREMENTAL"),
              QStringLiteral("VACUUM"),
          } },
        // Health history: active probe results and circuit state changes per route
        // (HealthHistoryWriter; GET /admin/health shows the recent ones).
        { 3,
          {
              QStringLiteral("CREATE TABLE health_history ("
                             " id INTEGER PRIMARY KEY,"
                             " time_ms INTEGER NOT NULL," // UTC epoch ms
                             " route_key TEXT NOT NULL," // "<model>|<provider>|<upstream model>"
                             " kind TEXT NOT NULL," // "probe" | "state"
                             " ok INTEGER NOT NULL," // probe passed / state is closed
                             " state TEXT NOT NULL," // the route's state after the event
                             " latency_ms INTEGER," // probe round trip; NULL when unknown
                             " error TEXT)"),
              QStringLiteral(
                  "CREATE INDEX health_history_route_time ON health_history(route_key, time_ms)"),
              QStringLiteral("CREATE INDEX health_history_time ON health_history(time_ms)"),
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
        if (!step.outsideTransaction.isEmpty()) {
            const int before = currentVersion(db, error);
            if (before < 0)
                return false;
            if (before < step.version) {
                for (const QString &statement : step.outsideTransaction) {
                    if (!execStatement(db, statement, error))
                        return false;
                }
            }
        }
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
