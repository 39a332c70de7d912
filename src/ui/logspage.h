#pragma once

#include <QList>
#include <QPointer>
#include <QString>
#include <QWidget>

#include <memory>

class EngineClient;
class LogCsvExporter;
class LogDbThread;
class LogDetailPane;
class LogFilterBar;
class LogReader;
class LogTableModel;
class QLabel;
class QPushButton;
class QSplitter;
class QStackedWidget;
class QTableView;
struct RequestLogRecord;

// The Logs page: a filter bar, the request log as a table read page by page on demand, and a
// detail pane with every field of the selected row and the attempts of its trace. Rows logged
// while it is open appear at the top when the filter lets them through. Export writes what the
// filter selects to CSV in a worker thread, page by page.
//
// Reads run in a LogReader thread with its own connection to `databaseUrl`; the engine is
// reached only through `client` (new rows, the configuration's names for the filter lists).
class LogsPage final : public QWidget
{
    Q_OBJECT

public:
    LogsPage(EngineClient *client, QString databaseUrl, QWidget *parent = nullptr);
    ~LogsPage() override;

    // Starts exporting the filtered rows to `filePath` (no dialog); false when an export is
    // already running. exportFinished() tells how it went.
    bool exportCsv(const QString &filePath);
    // Asks for a file name and exports (the Export button).
    void exportWithDialog();

    LogFilterBar *filterBar() const { return m_filterBar; }
    QTableView *table() const { return m_table; }
    LogTableModel *model() const { return m_model; }
    LogDetailPane *detailPane() const { return m_detail; }

Q_SIGNALS:
    void exportFinished(bool ok, qint64 rows, const QString &error);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void applyFilter();
    void updateChoices();
    void onSelectionChanged();
    void onTraceRead(quint64 ticket, const QList<RequestLogRecord> &rows);
    void updateSummary();
    void onExportProgress(qint64 rows);
    void onExportFinished(bool ok, qint64 rows, const QString &error);

    EngineClient *m_client;
    const QString m_databaseUrl;
    LogReader *m_reader = nullptr; // lives in m_readerThread
    std::unique_ptr<LogDbThread> m_readerThread;
    LogTableModel *m_model = nullptr;
    LogFilterBar *m_filterBar = nullptr;
    QLabel *m_summary = nullptr;
    QPushButton *m_export = nullptr;
    QSplitter *m_splitter = nullptr;
    QStackedWidget *m_tableStack = nullptr;
    QLabel *m_empty = nullptr;
    QTableView *m_table = nullptr;
    LogDetailPane *m_detail = nullptr;
    quint64 m_traceTicket = 0;
    qint64 m_selectedId = 0;
    bool m_loadedOnce = false;

    LogCsvExporter *m_exporter = nullptr; // lives in m_exportThread while exporting
    std::unique_ptr<LogDbThread> m_exportThread;
    QString m_exportPath;
};
