#include "store/database.h"

#include "store/schemamigrations.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QThread>

namespace {

const QString sqliteDriver = QStringLiteral("QSQLITE");

bool setPragmas(const QSqlDatabase &db, QString *error)
{
    // busy_timeout first: the others may already have to wait for another connection.
    const QStringList pragmas = {
        QStringLiteral("PRAGMA busy_timeout = 5000"),
        QStringLiteral("PRAGMA journal_mode = WAL"),
        QStringLiteral("PRAGMA synchronous = NORMAL"),
        QStringLiteral("PRAGMA foreign_keys = ON"),
    };
    for (const QString &pragma : pragmas) {
        QSqlQuery query(db);
        // Switching a fresh file to WAL needs an exclusive lock, and SQLite answers "database
        // is locked" at once (without its busy handler) while another connection of this
        // process migrates the same file at start. Only this one-time step is retried.
        QDeadlineTimer deadline(5000);
        bool ok = query.exec(pragma);
        while (!ok && query.lastError().text().contains(QLatin1String("locked"))
               && !deadline.hasExpired()) {
            QThread::msleep(10);
            ok = query.exec(pragma);
        }
        if (!ok) {
            if (error)
                *error = pragma + QStringLiteral(": ") + query.lastError().text();
            return false;
        }
    }
    return true;
}

} // namespace

namespace Database {

QString filePathFromUrl(const QString &url, QString *error)
{
    auto fail = [&](const QString &message) {
        if (error)
            *error = message;
        return QString();
    };
    if (url.trimmed().isEmpty())
        return fail(QStringLiteral("empty database URL"));

    if (url.startsWith(QLatin1String("sqlite:"), Qt::CaseInsensitive)) {
        const QString rest = url.mid(QLatin1String("sqlite:").size());
        if (rest.startsWith(QLatin1String("//"))) {
            // sqlite:///abs/path: an empty authority followed by an absolute path.
            const QString path = rest.mid(2);
            if (!path.startsWith(QLatin1Char('/')))
                return fail(
                    QStringLiteral("unsupported database URL \"%1\": use sqlite:///abs/path "
                                   "or sqlite:relative/path")
                        .arg(url));
            return path;
        }
        if (rest.isEmpty())
            return fail(QStringLiteral("database URL \"%1\" names no file").arg(url));
        return rest;
    }

    // Any other scheme (postgres://, mysql:, file:...) is refused. A single letter before the
    // colon is a Windows drive ("C:\data\llmo.sqlite"), not a scheme.
    static const QRegularExpression scheme(QStringLiteral("^[A-Za-z][A-Za-z0-9+.-]+:"));
    if (scheme.match(url).hasMatch())
        return fail(QStringLiteral("unsupported database URL \"%1\": only SQLite is supported "
                                   "(a file path, sqlite:///abs/path or sqlite:relative/path)")
                        .arg(url));
    return url;
}

bool open(const QString &connectionName, const QString &url, QString *error)
{
    const QString path = filePathFromUrl(url, error);
    if (path.isEmpty())
        return false;

    if (!QSqlDatabase::isDriverAvailable(sqliteDriver)) {
        if (error)
            *error = QStringLiteral("the Qt SQLite driver (QSQLITE) is not installed");
        return false;
    }

    if (path != QLatin1String(":memory:")) {
        const QFileInfo info(path);
        if (!QDir().mkpath(info.absolutePath())) {
            if (error)
                *error = QStringLiteral("cannot create the directory %1").arg(info.absolutePath());
            return false;
        }
    }

    close(connectionName);
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(sqliteDriver, connectionName);
        db.setDatabaseName(path);
        if (!db.open()) {
            if (error)
                *error = QStringLiteral("cannot open the database %1: %2")
                             .arg(path, db.lastError().text());
        } else if (setPragmas(db, error)) {
            QString migrationError;
            ok = SchemaMigrations::migrate(db, &migrationError);
            if (!ok && error)
                *error = QStringLiteral("database %1: %2").arg(path, migrationError);
        } else if (error) {
            *error = QStringLiteral("database %1: %2").arg(path, *error);
        }
    }
    if (!ok)
        close(connectionName);
    return ok;
}

void close(const QString &connectionName)
{
    if (!QSqlDatabase::contains(connectionName))
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(connectionName, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(connectionName);
}

QString defaultUrl(const QString &dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("llm-orchestrator.sqlite"));
}

} // namespace Database
