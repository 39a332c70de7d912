#include "logspage.h"

#include "engineclient.h"
#include "logcsvexporter.h"
#include "logdbthread.h"
#include "logdetailpane.h"
#include "logfilterbar.h"
#include "logformat.h"
#include "logreader.h"
#include "logtablemodel.h"
#include "pageheader.h"

#include <QAtomicInteger>
#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTableView>
#include <QVBoxLayout>

namespace {

// Every reader and exporter gets a connection name of its own.
QString connectionName(const char *prefix)
{
    static QAtomicInteger<quint32> counter;
    return QStringLiteral("ui-%1-%2").arg(QLatin1String(prefix)).arg(++counter);
}

} // namespace

LogsPage::LogsPage(EngineClient *client, QString databaseUrl, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_databaseUrl(std::move(databaseUrl))
{
    m_reader = new LogReader(m_databaseUrl, connectionName("logs"));
    m_readerThread = std::make_unique<LogDbThread>(m_reader, QStringLiteral("log reader"));
    m_model = new LogTableModel(m_reader, this);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 16, 24, 16);
    layout->setSpacing(8);

    auto *header = new PageHeader(tr("Logs"), tr("Every request and each of its attempts."), this);
    m_summary = new QLabel(this);
    m_summary->setForegroundRole(QPalette::PlaceholderText);
    header->addWidget(m_summary);
    m_export = header->addButton(tr("Export CSV…"));
    m_export->setToolTip(tr("Save the rows the filters select as a CSV file"));
    layout->addWidget(header);

    m_filterBar = new LogFilterBar(this);
    layout->addWidget(m_filterBar);

    m_table = new QTableView(this);
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->verticalHeader()->hide();
    // Uniform rows: the view need not measure a million of them.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 10);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->horizontalHeader()->setSectionResizeMode(LogTableModel::ModelColumn,
                                                      QHeaderView::Stretch);
    const QFontMetrics metrics = m_table->fontMetrics();
    const auto widthFor
        = [&](const QString &sample) { return metrics.horizontalAdvance(sample) + 32; };
    m_table->setColumnWidth(LogTableModel::TimeColumn,
                            widthFor(QStringLiteral("2026-11-26 20:11:19")));
    m_table->setColumnWidth(LogTableModel::ProviderColumn,
                            widthFor(QStringLiteral("openrouter-x")));
    m_table->setColumnWidth(LogTableModel::StatusColumn,
                            widthFor(QStringLiteral("503 · attempt 2")) + 16);
    m_table->setColumnWidth(LogTableModel::TokensColumn,
                            widthFor(QStringLiteral("123,456 → 12,345")));
    m_table->setColumnWidth(LogTableModel::TtftColumn, widthFor(QStringLiteral("1,234 ms")));
    m_table->setColumnWidth(LogTableModel::TotalColumn, widthFor(QStringLiteral("12.34 s")));

    m_empty = new QLabel(this);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    m_empty->setMargin(24);
    m_tableStack = new QStackedWidget(this);
    m_tableStack->addWidget(m_table);
    m_tableStack->addWidget(m_empty);

    m_detail = new LogDetailPane(this);
    m_splitter = new QSplitter(Qt::Vertical, this);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(m_tableStack);
    m_splitter->addWidget(m_detail);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setSizes({ 420, 260 });
    layout->addWidget(m_splitter, 1);

    // The main window keeps the state of named splitters and headers.
    m_splitter->setObjectName(QStringLiteral("logsSplitter"));
    m_table->horizontalHeader()->setObjectName(QStringLiteral("logsColumns"));

    auto *find = new QShortcut(QKeySequence::Find, this);
    // Anywhere in the window while the page is shown (a hidden page's shortcut is inactive),
    // e.g. with the focus still in the navigation list.
    find->setContext(Qt::WindowShortcut);
    connect(find, &QShortcut::activated, m_filterBar, &LogFilterBar::focusSearch);

    connect(m_filterBar, &LogFilterBar::filterChanged, this, &LogsPage::applyFilter);
    connect(m_export, &QPushButton::clicked, this, [this] {
        if (m_exporter)
            m_exporter->cancel();
        else
            exportWithDialog();
    });
    connect(m_model, &LogTableModel::totalCountChanged, this, &LogsPage::updateSummary);
    connect(m_model, &LogTableModel::loadingChanged, this, &LogsPage::updateSummary);
    connect(m_model, &LogTableModel::readFailed, this, [this](const QString &error) {
        m_summary->setText(tr("Cannot read the log: %1").arg(error));
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, &LogsPage::onSelectionChanged);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &LogsPage::onSelectionChanged);
    connect(m_reader, &LogReader::traceRead, this, &LogsPage::onTraceRead);
    if (m_client) {
        connect(m_client, &EngineClient::rowsLogged, m_model, &LogTableModel::addLiveRows);
        connect(m_client, &EngineClient::configChanged, this, &LogsPage::updateChoices);
    }
    updateChoices();
    updateSummary();
}

LogsPage::~LogsPage()
{
    if (m_exporter)
        m_exporter->cancel();
    // The threads stop (and wait) before the model the reader's signals go to is deleted.
    m_exportThread.reset();
    m_readerThread.reset();
}

void LogsPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    // The first read waits until the page is looked at.
    if (!m_loadedOnce) {
        m_loadedOnce = true;
        applyFilter();
    }
}

void LogsPage::applyFilter()
{
    m_loadedOnce = true;
    m_model->setFilter(m_filterBar->filter());
    updateSummary();
}

void LogsPage::updateChoices()
{
    if (!m_client)
        return;
    const std::shared_ptr<const GatewayConfig> config = m_client->config();
    QStringList models;
    for (const ModelConfig &model : config->models)
        models.append(model.name);
    QStringList providers;
    for (const ProviderConfig &provider : config->providers)
        providers.append(provider.name);
    QStringList keys;
    for (const AccessKeyConfig &key : config->accessKeys)
        keys.append(key.name);
    m_filterBar->setChoices(models, providers, keys);
}

void LogsPage::updateSummary()
{
    if (m_exporter)
        return; // the export's progress has the label
    const qint64 total = m_model->totalCount();
    const bool loaded = m_loadedOnce && total >= 0;
    if (!loaded)
        m_summary->setText(m_model->isLoading() ? tr("Loading…") : QString());
    else
        m_summary->setText(tr("%1 log entries").arg(LogFormat::count(total)));
    const bool empty = loaded && total == 0 && m_model->rowCount() == 0;
    if (empty) {
        m_empty->setText(m_model->filter().isEmpty()
                             ? tr("No requests yet.\nPoint a tool at the gateway and its requests "
                                  "appear here as they happen.")
                             : tr("No requests match these filters."));
    }
    m_tableStack->setCurrentWidget(empty ? static_cast<QWidget *>(m_empty) : m_table);
    m_export->setEnabled(m_exporter || !empty);
}

void LogsPage::onSelectionChanged()
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    if (!current.isValid()) {
        m_selectedId = 0;
        ++m_traceTicket;
        m_detail->showNothing();
        return;
    }
    const qint64 id = current.data(LogTableModel::IdRole).toLongLong();
    if (id == m_selectedId)
        return;
    m_selectedId = id;
    const quint64 ticket = ++m_traceTicket;
    const QString traceId = current.data(LogTableModel::TraceIdRole).toString();
    LogReader *reader = m_reader;
    QMetaObject::invokeMethod(
        reader, [reader, ticket, traceId, id] { reader->readTrace(ticket, traceId, id); });
}

void LogsPage::onTraceRead(quint64 ticket, const QList<RequestLogRecord> &rows)
{
    if (ticket == m_traceTicket)
        m_detail->showTrace(rows, m_selectedId);
}

void LogsPage::exportWithDialog()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString name
        = QStringLiteral("llm-orchestrator-log-%1.csv")
              .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmm")));
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export request log"), QDir(folder).filePath(name), tr("CSV files (*.csv)"));
    if (!path.isEmpty())
        exportCsv(path);
}

bool LogsPage::exportCsv(const QString &filePath)
{
    if (m_exporter)
        return false;
    m_exportPath = filePath;
    m_exporter = new LogCsvExporter(m_databaseUrl, connectionName("export"));
    connect(m_exporter, &LogCsvExporter::progress, this, &LogsPage::onExportProgress);
    connect(m_exporter, &LogCsvExporter::finished, this, &LogsPage::onExportFinished);
    m_exportThread = std::make_unique<LogDbThread>(m_exporter, QStringLiteral("log export"));
    const LogViewFilter filter = m_model->filter();
    LogCsvExporter *exporter = m_exporter;
    QMetaObject::invokeMethod(
        exporter, [exporter, filePath, filter] { exporter->exportTo(filePath, filter); });
    m_export->setText(tr("Cancel export"));
    m_summary->setText(tr("Exporting…"));
    return true;
}

void LogsPage::onExportProgress(qint64 rows)
{
    m_summary->setText(tr("Exporting… %1 rows").arg(QLocale().toString(rows)));
}

void LogsPage::onExportFinished(bool ok, qint64 rows, const QString &error)
{
    m_exporter = nullptr;
    m_exportThread.reset(); // the worker is done: quits and joins at once
    m_export->setText(tr("Export CSV…"));
    updateSummary();
    if (ok)
        m_summary->setText(
            tr("Exported %1 rows to %2")
                .arg(QLocale().toString(rows), QDir::toNativeSeparators(m_exportPath)));
    else if (error == QLatin1String("cancelled"))
        m_summary->setText(tr("Export cancelled"));
    else
        m_summary->setText(tr("Export failed: %1").arg(error));
    Q_EMIT exportFinished(ok, rows, error);
}
