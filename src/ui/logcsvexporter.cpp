#include "logcsvexporter.h"

#include "logpagequery.h"
#include "store/database.h"

#include <QSaveFile>

namespace {

QByteArray field(const QString &text)
{
    QByteArray bytes = text.toUtf8();
    if (bytes.contains(',') || bytes.contains('"') || bytes.contains('\n')
        || bytes.contains('\r')) {
        bytes.replace('"', QByteArrayLiteral("\"\""));
        bytes = '"' + bytes + '"';
    }
    return bytes;
}

QByteArray number(qint64 value)
{
    return value < 0 ? QByteArray() : QByteArray::number(value);
}

QByteArray number(double value)
{
    if (value < 0)
        return {};
    // Milliseconds with up to three decimals, no exponent, no trailing zeros.
    QByteArray text = QByteArray::number(value, 'f', 3);
    while (text.endsWith('0'))
        text.chop(1);
    if (text.endsWith('.'))
        text.chop(1);
    return text;
}

} // namespace

LogCsvExporter::LogCsvExporter(QString databaseUrl, QString connectionName)
    : m_databaseUrl(std::move(databaseUrl))
    , m_connectionName(std::move(connectionName))
{
}

LogCsvExporter::~LogCsvExporter()
{
    if (m_open)
        Database::close(m_connectionName);
}

QByteArray LogCsvExporter::headerLine()
{
    // The field names of GET /admin/logs (DESIGN.md "Admin REST API").
    return QByteArrayLiteral(
        "id,time,trace_id,access_key,protocol,model,provider,upstream_model,attempt,status,"
        "error,stream,header_ms,ttft_ms,total_ms,input_tokens,output_tokens,cached_tokens,"
        "bytes_in,bytes_out,user_agent\r\n");
}

QByteArray LogCsvExporter::recordLine(const RequestLogRecord &r)
{
    const QList<QByteArray> fields = {
        QByteArray::number(r.id),
        r.time.toUTC().toString(Qt::ISODateWithMs).toLatin1(),
        field(r.traceId),
        field(r.accessKey),
        field(r.protocol),
        field(r.model),
        field(r.provider),
        field(r.upstreamModel),
        number(qint64(r.attempt)),
        field(r.status),
        field(r.error),
        r.stream ? QByteArrayLiteral("true") : QByteArrayLiteral("false"),
        number(r.headerMs),
        number(r.ttftMs),
        number(r.totalMs),
        number(r.inputTokens),
        number(r.outputTokens),
        number(r.cachedTokens),
        number(r.bytesIn),
        number(r.bytesOut),
        field(r.userAgent),
    };
    QByteArray line = fields.join(',');
    line += "\r\n";
    return line;
}

void LogCsvExporter::exportTo(const QString &filePath, const LogViewFilter &filter)
{
    qint64 written = 0;
    QString error;
    if (!m_open) {
        m_open = Database::open(m_connectionName, m_databaseUrl, &error);
        if (!m_open) {
            Q_EMIT finished(false, 0, error);
            return;
        }
    }
    QSaveFile file(filePath);
    if (!file.open(QIODevice::WriteOnly)) {
        Q_EMIT finished(false, 0, file.errorString());
        return;
    }
    if (!writeAll(&file, filter, &written, &error)) {
        file.cancelWriting();
        Q_EMIT finished(false, written, error);
        return;
    }
    if (!file.commit()) {
        Q_EMIT finished(false, written, file.errorString());
        return;
    }
    Q_EMIT finished(true, written, {});
}

bool LogCsvExporter::writeAll(QIODevice *out, const LogViewFilter &filter, qint64 *written,
                              QString *error)
{
    if (out->write(headerLine()) < 0) {
        *error = out->errorString();
        return false;
    }
    const LogPageQuery query(m_connectionName);
    LogCursor cursor;
    for (;;) {
        if (m_cancelled) {
            *error = QStringLiteral("cancelled");
            return false;
        }
        const auto rows = query.page(filter, cursor, PageSize, error);
        if (!rows)
            return false;
        QByteArray chunk;
        for (const RequestLogRecord &record : *rows)
            chunk += recordLine(record);
        if (out->write(chunk) != chunk.size()) {
            *error = out->errorString();
            return false;
        }
        *written += rows->size();
        Q_EMIT progress(*written);
        if (rows->size() < PageSize)
            return true;
        const RequestLogRecord &last = rows->constLast();
        cursor = { last.time.toMSecsSinceEpoch(), last.id, true };
    }
}
