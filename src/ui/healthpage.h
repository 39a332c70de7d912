#pragma once

#include "routing/healthregistry.h"
#include "statslatencyhistory.h"

#include <QList>
#include <QWidget>

#include <memory>

class EngineClient;
class HealthPageModel;
class LogDbThread;
class LogReader;
class QLabel;
class QSortFilterProxyModel;
class QStackedWidget;
class QTableView;
class QTimer;
struct RequestLogRecord;

// The Health page: one row per route with its state badge, success rate, p50 latency with a
// sparkline of the last hour, the last error with its age and the last probe.
//
// Live: the engine's routeStateChanged / attemptRecorded signals (through EngineClient) ask for
// a fresh HealthRegistry snapshot, coalesced so a burst of traffic costs one fetch, and the
// rows update in place. The sparklines are read once from the request log in a worker thread
// and then follow the rows the log writer reports. A slow tick only re-words the ages ("3 min
// ago") and lets open circuits turn half-open in the registry.
class HealthPage final : public QWidget
{
    Q_OBJECT

public:
    // How long signals are gathered before one snapshot is fetched.
    static constexpr int CoalesceMs = 150;

    HealthPage(EngineClient *client, QString databaseUrl, QWidget *parent = nullptr);
    ~HealthPage() override;

    HealthPageModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    // Snapshots fetched so far (for tests of the coalescing).
    int snapshotFetches() const { return m_fetches; }
    // True once the last hour's latencies have been read from the log (sparklines).
    bool isHistoryLoaded() const { return m_historyLoaded; }

    // Asks for a fresh snapshot soon (coalesced with other requests).
    void scheduleRefresh();

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void fetchSnapshot();
    void onSnapshot(const QList<RouteHealthSnapshot> &routes);
    void loadHistory();
    void onHistoryRead(quint64 ticket, const QList<RequestLogRecord> &rows);
    void onRowsLogged(const QList<RequestLogRecord> &rows);
    void updateSparklines();
    void tick();

    EngineClient *m_client;
    LogReader *m_reader = nullptr; // lives in m_readerThread
    std::unique_ptr<LogDbThread> m_readerThread;
    HealthPageModel *m_model = nullptr;
    QSortFilterProxyModel *m_sorted = nullptr;
    QStackedWidget *m_stack = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_empty = nullptr;
    QTimer *m_coalesce = nullptr;
    QTimer *m_tick = nullptr;
    bool m_fetching = false;
    bool m_dirty = false;
    int m_fetches = 0;

    StatsLatencyHistory m_history;
    bool m_historyLoaded = false;
    bool m_historyRequested = false;
    quint64 m_historyTicket = 0;
    QList<RequestLogRecord> m_liveWhileLoading;
};
