#pragma once

#include "statspoint.h"
#include "statsrange.h"

#include <QElapsedTimer>
#include <QHash>
#include <QWidget>

#include <memory>

class DashboardCard;
class DashboardCharts;
class EngineClient;
class LogDbThread;
class QButtonGroup;
class QLabel;
class QStackedWidget;
class QTimer;
class StatsReader;

// The Dashboard page: figure cards for today (requests, success rate, tokens in / out, p50
// latency, p50 time to first token), a range switch (1 h · 24 h · 7 d · 30 d) and four charts
// (DashboardCharts), or a friendly empty state when the range has no requests.
//
// Statistics are read by a StatsReader in a worker thread. Each range's last snapshot is kept,
// and the other ranges are read in the background once the first one is shown, so a switch
// redraws from memory at once and refreshes behind it. New log rows (EngineClient::rowsLogged)
// refresh the shown range, at most every few seconds, and while visible the range moves on
// with the clock once a minute.
class DashboardPage final : public QWidget
{
    Q_OBJECT

public:
    DashboardPage(EngineClient *client, QString databaseUrl, QWidget *parent = nullptr);
    ~DashboardPage() override;

    void setSpan(StatsRange::Span span);
    StatsRange::Span span() const { return m_span; }
    // Reads the shown range again now.
    void refresh();

    const StatsSnapshot *snapshot(StatsRange::Span span) const;
    DashboardCharts *charts() const { return m_charts; }
    QList<DashboardCard *> cards() const { return m_cards; }
    bool isShowingEmptyState() const;
    // How long the last range switch took until its charts were drawn from data (ms), and
    // whether that data was already in memory.
    qint64 lastSwitchMs() const { return m_lastSwitchMs; }

Q_SIGNALS:
    void connectToolRequested();
    // A snapshot of `span` was shown (after a switch or a refresh).
    void snapshotShown(StatsRange::Span span);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void request(StatsRange::Span span);
    void onSnapshot(quint64 ticket, const StatsSnapshot &snapshot);
    void display(const StatsSnapshot &snapshot);
    void showCards(const StatsPoint &today);
    void scheduleRefresh();
    static QString spanText(StatsRange::Span span);

    EngineClient *m_client;
    StatsReader *m_reader = nullptr; // lives in m_readerThread
    std::unique_ptr<LogDbThread> m_readerThread;
    StatsRange::Span m_span = StatsRange::Span::Last24Hours;
    QHash<int, StatsSnapshot> m_snapshots; // by span
    QHash<quint64, StatsRange::Span> m_pending; // ticket -> span
    quint64 m_nextTicket = 0;
    bool m_started = false;
    bool m_prefetched = false;
    QElapsedTimer m_switchTimer;
    bool m_switching = false;
    qint64 m_lastSwitchMs = -1;

    QList<DashboardCard *> m_cards;
    QButtonGroup *m_rangeButtons = nullptr;
    QLabel *m_rangeNote = nullptr;
    QStackedWidget *m_stack = nullptr;
    DashboardCharts *m_charts = nullptr;
    QLabel *m_empty = nullptr;
    QTimer *m_refreshTimer = nullptr;
    QTimer *m_slideTimer = nullptr; // moves the window on while visible, traffic or not
};
