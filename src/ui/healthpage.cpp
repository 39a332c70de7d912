#include "healthpage.h"

#include "engineclient.h"
#include "healthpagedelegate.h"
#include "healthpagemodel.h"
#include "logdbthread.h"
#include "logreader.h"
#include "pageheader.h"

#include <QAtomicInteger>
#include <QDateTime>
#include <QHeaderView>
#include <QLabel>
#include <QPointer>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace {

QString connectionName()
{
    static QAtomicInteger<quint32> counter;
    return QStringLiteral("ui-health-%1").arg(++counter);
}

// Ages and half-open transitions are re-read at this pace while the page is visible.
constexpr int tickMs = 15000;

} // namespace

HealthPage::HealthPage(EngineClient *client, QString databaseUrl, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
{
    m_reader = new LogReader(std::move(databaseUrl), connectionName());
    m_readerThread = std::make_unique<LogDbThread>(m_reader, QStringLiteral("health reader"));
    m_model = new HealthPageModel(this);
    m_sorted = new QSortFilterProxyModel(this);
    m_sorted->setSourceModel(m_model);
    m_sorted->setSortRole(HealthPageModel::SortRole);
    m_sorted->setDynamicSortFilter(true);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 16, 24, 16);
    layout->setSpacing(8);
    layout->addWidget(new PageHeader(
        tr("Health"), tr("Every route's circuit, success rate and latency, as traffic flows."),
        this));

    m_table = new QTableView(this);
    m_table->setModel(m_sorted);
    m_table->setItemDelegate(new HealthPageDelegate(m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(-1, Qt::AscendingOrder); // configuration order until a header is clicked
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 14);
    QHeaderView *header = m_table->horizontalHeader();
    header->setObjectName(QStringLiteral("healthColumns"));
    header->setHighlightSections(false);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(HealthPageModel::LastErrorColumn, QHeaderView::Stretch);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    const QFontMetrics metrics = m_table->fontMetrics();
    const auto widthFor
        = [&](const QString &sample) { return metrics.horizontalAdvance(sample) + 32; };
    // The name columns fit the configured names (the window may then restore the user's
    // widths); the last error takes what is left.
    QString longest[3];
    if (m_client) {
        for (const ModelConfig &model : m_client->config()->models) {
            for (const RouteConfig &route : model.routes) {
                const QString names[3] = { model.name, route.provider, route.upstreamModel };
                for (int i = 0; i < 3; ++i) {
                    if (metrics.horizontalAdvance(names[i]) > metrics.horizontalAdvance(longest[i]))
                        longest[i] = names[i];
                }
            }
        }
    }
    const int nameColumns[3] = { HealthPageModel::ModelColumn, HealthPageModel::ProviderColumn,
                                 HealthPageModel::UpstreamColumn };
    const QString headers[3] = { tr("Model"), tr("Provider"), tr("Upstream model") };
    for (int i = 0; i < 3; ++i)
        m_table->setColumnWidth(nameColumns[i],
                                qBound(widthFor(headers[i]), widthFor(longest[i]) - 12, 220));
    m_table->setColumnWidth(HealthPageModel::StateColumn, widthFor(tr("Cooling down")) + 16);
    m_table->setColumnWidth(HealthPageModel::SuccessColumn, widthFor(tr("no traffic")) - 8);
    m_table->setColumnWidth(HealthPageModel::LatencyColumn,
                            widthFor(QStringLiteral("12.3 s")) + 76);
    m_table->setColumnWidth(HealthPageModel::LastProbeColumn,
                            widthFor(QStringLiteral("failed · 59 min ago")));

    m_empty = new QLabel(tr("No routes yet.\nAdd a provider and a model, and the health of each "
                            "route shows here as traffic flows."),
                         this);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_table);
    m_stack->addWidget(m_empty);
    m_stack->setCurrentWidget(m_empty);
    layout->addWidget(m_stack, 1);

    auto *note = new QLabel(tr("Success rate and p50 latency cover each route's last %1 "
                               "attempts; the line beside the latency shows the last hour.")
                                .arg(HealthRegistry::WindowSize),
                            this);
    note->setForegroundRole(QPalette::PlaceholderText);
    note->setWordWrap(true);
    layout->addWidget(note);

    m_coalesce = new QTimer(this);
    m_coalesce->setSingleShot(true);
    m_coalesce->setInterval(CoalesceMs);
    connect(m_coalesce, &QTimer::timeout, this, &HealthPage::fetchSnapshot);
    m_tick = new QTimer(this);
    m_tick->setInterval(tickMs);
    connect(m_tick, &QTimer::timeout, this, &HealthPage::tick);

    connect(m_reader, &LogReader::latencySamplesRead, this, &HealthPage::onHistoryRead);
    if (m_client) {
        connect(m_client, &EngineClient::routeStateChanged, this, &HealthPage::scheduleRefresh);
        connect(m_client, &EngineClient::attemptRecorded, this, &HealthPage::scheduleRefresh);
        connect(m_client, &EngineClient::configChanged, this, &HealthPage::scheduleRefresh);
        connect(m_client, &EngineClient::rowsLogged, this, &HealthPage::onRowsLogged);
    }
    fetchSnapshot();
}

HealthPage::~HealthPage()
{
    m_readerThread.reset(); // joins the reader before the objects its answers go to
}

void HealthPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_historyRequested)
        loadHistory();
    m_tick->start();
    tick();
}

void HealthPage::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_tick->stop();
}

void HealthPage::scheduleRefresh()
{
    if (m_fetching) {
        m_dirty = true; // fetch again once the snapshot on its way has arrived
        return;
    }
    if (!m_coalesce->isActive())
        m_coalesce->start();
}

void HealthPage::fetchSnapshot()
{
    if (!m_client)
        return;
    m_fetching = true;
    m_dirty = false;
    ++m_fetches;
    QPointer<HealthPage> self(this);
    m_client->withHealth<QList<RouteHealthSnapshot>>(
        [](HealthRegistry &health) {
            // Open circuits turn half-open by time alone; this reports such changes.
            health.refreshStates();
            return health.snapshot();
        },
        [self](QList<RouteHealthSnapshot> routes) {
            if (self)
                self->onSnapshot(routes);
        });
}

void HealthPage::onSnapshot(const QList<RouteHealthSnapshot> &routes)
{
    m_fetching = false;
    m_model->setSnapshots(routes);
    m_stack->setCurrentWidget(routes.isEmpty() ? static_cast<QWidget *>(m_empty) : m_table);
    if (m_dirty)
        scheduleRefresh();
}

void HealthPage::loadHistory()
{
    m_historyRequested = true;
    const quint64 ticket = ++m_historyTicket;
    const qint64 sinceMs = QDateTime::currentMSecsSinceEpoch()
        - StatsLatencyHistory::BucketMs * StatsLatencyHistory::BucketCount;
    LogReader *reader = m_reader;
    QMetaObject::invokeMethod(
        reader, [reader, ticket, sinceMs] { reader->readLatencySamples(ticket, sinceMs); });
}

void HealthPage::onHistoryRead(quint64 ticket, const QList<RequestLogRecord> &rows)
{
    if (ticket != m_historyTicket)
        return;
    m_history.clear();
    for (const RequestLogRecord &row : rows)
        m_history.add(row);
    // Rows reported while the read ran: those it already had are skipped by id.
    for (const RequestLogRecord &row : std::as_const(m_liveWhileLoading))
        m_history.add(row);
    m_liveWhileLoading.clear();
    m_historyLoaded = true;
    updateSparklines();
}

void HealthPage::onRowsLogged(const QList<RequestLogRecord> &rows)
{
    if (!m_historyLoaded) {
        if (m_historyRequested)
            m_liveWhileLoading.append(rows);
        return;
    }
    for (const RequestLogRecord &row : rows)
        m_history.add(row);
    updateSparklines();
}

void HealthPage::updateSparklines()
{
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    m_history.prune(nowMs);
    QHash<QString, QList<double>> lines;
    for (const QString &key : m_history.routeKeys())
        lines.insert(key, m_history.series(key, nowMs));
    m_model->setSparklines(lines);
}

void HealthPage::tick()
{
    m_model->refreshAges();
    if (m_historyLoaded)
        updateSparklines();
    scheduleRefresh();
}
