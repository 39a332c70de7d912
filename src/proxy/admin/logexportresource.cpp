#include "admin/logexportresource.h"

#include "admin/logexportstream.h"
#include "admin/logresource.h"
#include "http/clientresponse.h"

#include <QDateTime>
#include <QTcpSocket>

LogExportResource::LogExportResource(QString databaseUrl, QObject *parent)
    : QObject(parent)
    , m_connection(std::move(databaseUrl), QStringLiteral("log-export"))
{
}

// Streams still running are children and go first, before the connection they read.
LogExportResource::~LogExportResource()
{
    qDeleteAll(findChildren<LogExportStream *>(Qt::FindDirectChildrenOnly));
}

int LogExportResource::activeCount() const
{
    return int(findChildren<LogExportStream *>(Qt::FindDirectChildrenOnly).size());
}

std::optional<LogFilter> LogExportResource::parseRequest(const QUrlQuery &query,
                                                         LogExportFormat *format, AdminReply *error)
{
    // The filters are those of GET /admin/logs; format is ours, limit and offset make no sense.
    std::optional<LogExportFormat> chosen;
    const QList<QPair<QString, QString>> items = query.queryItems(QUrl::FullyDecoded);
    for (const auto &[key, value] : items) {
        if (key == QLatin1String("format")) {
            chosen = LogExport::formatFromName(value);
            if (!chosen) {
                *error
                    = AdminReply::badRequest(key, QStringLiteral("format: must be csv or jsonl"));
                return std::nullopt;
            }
        } else if (key == QLatin1String("limit") || key == QLatin1String("offset")) {
            *error = AdminReply::badRequest(
                key,
                QStringLiteral("%1: not supported by the export, which has every matching row")
                    .arg(key));
            return std::nullopt;
        }
    }
    if (!chosen) {
        *error = AdminReply::badRequest(QStringLiteral("format"),
                                        QStringLiteral("format: required, csv or jsonl"));
        return std::nullopt;
    }
    QUrlQuery filters = query; // keeps the encoding of the values as they came
    filters.removeAllQueryItems(QStringLiteral("format"));
    std::optional<LogFilter> filter = LogResource::parseFilter(filters, error);
    if (filter)
        *format = *chosen;
    return filter;
}

std::optional<AdminReply> LogExportResource::start(const AdminRequest &request, QTcpSocket *socket,
                                                   bool closeAfterResponse)
{
    if (request.method != QHttpServerRequest::Method::Get)
        return AdminReply::methodNotAllowed(QByteArrayLiteral("GET"));
    LogExportFormat format = LogExportFormat::Csv;
    AdminReply error;
    const std::optional<LogFilter> filter = parseRequest(request.query, &format, &error);
    if (!filter)
        return error;

    QString dbError;
    if (!m_connection.ensureOpen(&dbError)) {
        return AdminReply::error(500, QStringLiteral("server_error"),
                                 QStringLiteral("Cannot open the request log: %1").arg(dbError));
    }
    // The first page is read before any byte is sent, so that a database error is still an
    // ordinary error answer.
    LogExport exporter(m_connection.name(), *filter, format);
    const std::optional<QByteArray> firstPage = exporter.nextPage(&dbError);
    if (!firstPage) {
        return AdminReply::error(500, QStringLiteral("server_error"),
                                 QStringLiteral("Cannot read the request log: %1").arg(dbError));
    }

    const QByteArray fileName = "llmo-requests-"
        + QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss")).toLatin1()
        + '.' + LogExport::fileExtension(format);
    ClientResponse response(socket, closeAfterResponse);
    response.beginStream(
        200, LogExport::contentType(format),
        {
            { QByteArrayLiteral("Content-Disposition"),
              "attachment; filename=\"" + fileName + '"' },
            { QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store") },
            { QByteArrayLiteral("X-Content-Type-Options"), QByteArrayLiteral("nosniff") },
        });
    response.writeChunk(exporter.header() + *firstPage);
    new LogExportStream(std::move(response), std::move(exporter), this);
    return std::nullopt;
}
