#pragma once

#include "admin/adminreply.h"
#include "admin/adminrequest.h"
#include "store/logexport.h"
#include "store/storeconnection.h"

#include <QObject>
#include <QString>
#include <QUrlQuery>

#include <optional>

class QTcpSocket;

// GET /admin/logs/export?format=csv|jsonl&model=&provider=&status=&from=&to=&trace_id=
// &access_key=&q= streams the request log rows matching the filters of GET /admin/logs (parsed
// by the same LogResource::parseFilter(); `limit` and `offset` are refused: an export has every
// row) as a chunked download, oldest first, in the format LogExport describes. `format` is
// required. The answer carries Content-Disposition: attachment with a file name such as
// llmo-requests-20300101-120000.csv.
//
// Reads in the engine thread on its own connection, a page (LogExport::defaultPageRows rows)
// per event-loop turn, paced by the client (LogExportStream). Bad parameters and an unreadable
// database are answered as errors before the first byte of the file.
class LogExportResource final : public QObject
{
    Q_OBJECT

public:
    explicit LogExportResource(QString databaseUrl, QObject *parent = nullptr);
    ~LogExportResource() override;

    // Takes the socket over and streams the export (nullopt), or returns the error to answer.
    std::optional<AdminReply> start(const AdminRequest &request, QTcpSocket *socket,
                                    bool closeAfterResponse);

    // Exports in progress.
    int activeCount() const;

    // The filter and the format a query string asks for; nullopt and *error (400 naming the
    // parameter) when a value is bad or a parameter is unknown.
    static std::optional<LogFilter> parseRequest(const QUrlQuery &query, LogExportFormat *format,
                                                 AdminReply *error);

private:
    StoreConnection m_connection;
};
