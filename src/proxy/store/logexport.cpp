#include "store/logexport.h"

#include "store/logfiltersql.h"
#include "store/requestlogsql.h"

#include <QJsonDocument>
#include <QLocale>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>

namespace {

void appendCsvField(QByteArray &line, const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    bool quote = false;
    for (const char c : utf8) {
        if (c == ',' || c == '"' || c == '\r' || c == '\n') {
            quote = true;
            break;
        }
    }
    if (!quote) {
        line += utf8;
        return;
    }
    line += '"';
    for (const char c : utf8) {
        if (c == '"')
            line += '"';
        line += c;
    }
    line += '"';
}

void appendCsvNumber(QByteArray &line, qint64 value)
{
    if (value >= 0)
        line += QByteArray::number(value);
}

void appendCsvNumber(QByteArray &line, double value)
{
    if (value >= 0)
        line += QByteArray::number(value, 'g', QLocale::FloatingPointShortest);
}

} // namespace

LogExport::LogExport(QString connectionName, LogFilter filter, LogExportFormat format, int pageRows)
    : m_connectionName(std::move(connectionName))
    , m_filter(std::move(filter))
    , m_format(format)
    , m_pageRows(std::max(1, pageRows))
{
}

std::optional<LogExportFormat> LogExport::formatFromName(const QString &name)
{
    if (name == QLatin1String("csv"))
        return LogExportFormat::Csv;
    if (name == QLatin1String("jsonl"))
        return LogExportFormat::Jsonl;
    return std::nullopt;
}

QByteArray LogExport::contentType(LogExportFormat format)
{
    return format == LogExportFormat::Csv ? QByteArrayLiteral("text/csv; charset=utf-8")
                                          : QByteArrayLiteral("application/x-ndjson");
}

QByteArray LogExport::fileExtension(LogExportFormat format)
{
    return format == LogExportFormat::Csv ? QByteArrayLiteral("csv") : QByteArrayLiteral("jsonl");
}

QByteArray LogExport::header() const
{
    return m_format == LogExportFormat::Csv ? csvHeader() : QByteArray();
}

QByteArray LogExport::csvHeader()
{
    return QByteArrayLiteral(
        "id,time,trace_id,access_key,protocol,model,provider,upstream_model,attempt,status,"
        "error,stream,header_ms,ttft_ms,total_ms,input_tokens,output_tokens,cached_tokens,"
        "bytes_in,bytes_out,user_agent\r\n");
}

QByteArray LogExport::csvLine(const RequestLogRecord &r)
{
    QByteArray line;
    line.reserve(256);
    line += QByteArray::number(r.id);
    line += ',';
    if (r.time.isValid())
        line += r.time.toUTC().toString(Qt::ISODateWithMs).toLatin1();
    for (const QString *text :
         { &r.traceId, &r.accessKey, &r.protocol, &r.model, &r.provider, &r.upstreamModel }) {
        line += ',';
        appendCsvField(line, *text);
    }
    line += ',';
    appendCsvNumber(line, qint64(r.attempt));
    line += ',';
    appendCsvField(line, r.status);
    line += ',';
    appendCsvField(line, r.error);
    line += r.stream ? ",true," : ",false,";
    appendCsvNumber(line, r.headerMs);
    line += ',';
    appendCsvNumber(line, r.ttftMs);
    line += ',';
    appendCsvNumber(line, r.totalMs);
    for (const qint64 value :
         { r.inputTokens, r.outputTokens, r.cachedTokens, r.bytesIn, r.bytesOut }) {
        line += ',';
        appendCsvNumber(line, value);
    }
    line += ',';
    appendCsvField(line, r.userAgent);
    line += "\r\n";
    return line;
}

QByteArray LogExport::jsonLine(const RequestLogRecord &record)
{
    QByteArray line = QJsonDocument(logRecordToJson(record)).toJson(QJsonDocument::Compact);
    line += '\n';
    return line;
}

bool LogExport::readSnapshot(QString *error)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    if (!query.exec(QStringLiteral("SELECT ifnull(max(id), 0) FROM request_log"))
        || !query.next()) {
        if (error)
            *error = QStringLiteral("cannot read the request log: ") + query.lastError().text();
        return false;
    }
    m_maxId = query.value(0).toLongLong();
    return true;
}

std::optional<QByteArray> LogExport::nextPage(QString *error)
{
    if (m_atEnd)
        return QByteArray();
    const QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    if (!db.isOpen()) {
        if (error)
            *error = QStringLiteral("database connection %1 is not open").arg(m_connectionName);
        return std::nullopt;
    }
    if (!m_started) {
        if (!readSnapshot(error))
            return std::nullopt;
        m_started = true;
    }

    QVariantList values;
    QStringList conditions = LogFilterSql::conditions(m_filter, &values);
    conditions.append(QStringLiteral("id <= ?"));
    values.append(m_maxId);
    if (m_haveCursor) {
        // A row value comparison: SQLite seeks the (time_ms, rowid) order of the time index.
        conditions.append(QStringLiteral("(time_ms, id) > (?, ?)"));
        values.append(m_lastTimeMs);
        values.append(m_lastId);
    }
    QSqlQuery query(db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT ") + RequestLogSql::selectColumns()
                  + QStringLiteral(" FROM request_log") + LogFilterSql::whereClause(conditions)
                  + QStringLiteral(" ORDER BY time_ms, id LIMIT ?"));
    for (const QVariant &value : values)
        query.addBindValue(value);
    query.addBindValue(m_pageRows);
    if (!query.exec()) {
        if (error)
            *error = QStringLiteral("cannot read the request log: ") + query.lastError().text();
        return std::nullopt;
    }

    QByteArray page;
    int rows = 0;
    while (query.next()) {
        const RequestLogRecord record = RequestLogSql::recordFromQuery(query);
        page += m_format == LogExportFormat::Csv ? csvLine(record) : jsonLine(record);
        m_lastTimeMs = record.time.toMSecsSinceEpoch();
        m_lastId = record.id;
        m_haveCursor = true;
        ++rows;
    }
    if (query.lastError().isValid()) {
        if (error)
            *error = QStringLiteral("cannot read the request log: ") + query.lastError().text();
        return std::nullopt;
    }
    m_rowCount += rows;
    if (rows < m_pageRows)
        m_atEnd = true;
    return page;
}
