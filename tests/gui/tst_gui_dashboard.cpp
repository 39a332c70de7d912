// Dashboard against a known dataset in a real SQLite file: the chart series (exact points),
// the provider donut and its model legend, today's cards, the range switch from memory, the
// empty state, and the incremental reads of StatsReader.

#include "chartdonut.h"
#include "dashboardcard.h"
#include "dashboardcharts.h"
#include "dashboardpage.h"
#include "statsreader.h"
#include "statsseries.h"
#include "store/database.h"
#include "tst_gui_logsdata.h"

#include <QAreaSeries>
#include <QChart>
#include <QLineSeries>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

class TestGuiDashboard final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void seriesOfKnownDataset();
    void chartsShowTheSeries();
    void donutAndModelLegend();
    void todayCards();
    void rangeSwitchFromMemory();
    void emptyStateWithoutRequests();
    void incrementalReadAddsNewRows();
    void niceCeiling_data();
    void niceCeiling();
    void timeTicks_data();
    void timeTicks();

private:
    QString databasePath() const { return m_dir.filePath(QStringLiteral("stats.sqlite")); }
    static RequestLogRecord row(const QString &trace, qint64 timeMs, int attempt,
                                const QString &status, const QString &provider,
                                const QString &model, double totalMs, double ttftMs, qint64 input,
                                qint64 output, qint64 cached);

    QTemporaryDir m_dir;
    QDateTime m_now;
    StatsRange m_range; // 24 h as of m_now
    int m_b1 = 0; // bucket indexes of the data in m_range
    int m_b2 = 0;
};

RequestLogRecord TestGuiDashboard::row(const QString &trace, qint64 timeMs, int attempt,
                                       const QString &status, const QString &provider,
                                       const QString &model, double totalMs, double ttftMs,
                                       qint64 input, qint64 output, qint64 cached)
{
    RequestLogRecord r;
    r.time = QDateTime::fromMSecsSinceEpoch(timeMs, Qt::UTC);
    r.traceId = trace;
    r.accessKey = QStringLiteral("cli");
    r.protocol = QStringLiteral("openai");
    r.model = model;
    r.provider = provider;
    r.upstreamModel = model;
    r.attempt = attempt;
    r.status = status;
    r.totalMs = totalMs;
    r.ttftMs = ttftMs;
    r.inputTokens = input;
    r.outputTokens = output;
    r.cachedTokens = cached;
    return r;
}

// The dataset, in two hour buckets of the last 24 hours (b1 four hours ago, b2 two hours ago):
//   b1  trace A: attempt 1 503 at p1 (120 ms), attempt 2 200 at p2 (800 ms, TTFT 300,
//                1000 in / 200 out / 50 cached)
//       trace B: attempt 1 200 at p1, model m2 (400 ms, TTFT 100, 500 in / 100 out)
//       trace C: refused before any attempt (503, total 0)
//   b2  trace D: attempt 1 503 and attempt 2 502 at p1 (failed in the end; 150 ms last)
// Requests count traces; errors those whose outcome failed; latency is the outcome's.
void TestGuiDashboard::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_now = QDateTime::currentDateTimeUtc();
    m_range = StatsRange::resolve(StatsRange::Span::Last24Hours, m_now);
    m_b1 = m_range.bucketCount - 5;
    m_b2 = m_range.bucketCount - 3;
    const qint64 t1 = m_range.bucketStartMs(m_b1) + 60000;
    const qint64 t2 = m_range.bucketStartMs(m_b2) + 60000;
    const QString m1 = QStringLiteral("m1");
    const QString p1 = QStringLiteral("p1");
    const QString p2 = QStringLiteral("p2");
    const QList<RequestLogRecord> rows = {
        row(QStringLiteral("A"), t1, 1, QStringLiteral("503"), p1, m1, 120, -1, -1, -1, -1),
        row(QStringLiteral("A"), t1 + 200, 2, QStringLiteral("200"), p2, m1, 800, 300, 1000, 200,
            50),
        row(QStringLiteral("B"), t1 + 1000, 1, QStringLiteral("200"), p1, QStringLiteral("m2"), 400,
            100, 500, 100, 0),
        row(QStringLiteral("C"), t1 + 2000, 0, QStringLiteral("503"), QString(), m1, 0, -1, -1, -1,
            -1),
        row(QStringLiteral("D"), t2, 1, QStringLiteral("503"), p1, m1, 90, -1, -1, -1, -1),
        row(QStringLiteral("D"), t2 + 100, 2, QStringLiteral("502"), p1, m1, 150, -1, -1, -1, -1),
    };
    QString error;
    QVERIFY2(TestLogData::insertRows(databasePath(), rows, &error), qPrintable(error));
}

void TestGuiDashboard::seriesOfKnownDataset()
{
    const QString connection = QStringLiteral("test-stats");
    QString error;
    QVERIFY2(Database::open(connection, databasePath(), &error), qPrintable(error));
    const auto snapshot
        = StatsReader::readSnapshot(connection, StatsRange::Span::Last24Hours, m_now, &error);
    Database::close(connection);
    QVERIFY2(snapshot.has_value(), qPrintable(error));
    QCOMPARE(snapshot->range.fromMs, m_range.fromMs);
    QCOMPARE(snapshot->buckets.size(), 2);

    const StatsSeries s = StatsSeries::build(snapshot->range, snapshot->buckets);
    QCOMPARE(s.succeeded.size(), m_range.bucketCount);
    for (int i = 0; i < m_range.bucketCount; ++i) {
        const qreal x = StatsSeries::xOf(m_range, i);
        QCOMPARE(s.succeeded.at(i).x(), x);
        QCOMPARE(s.succeeded.at(i).y(), i == m_b1 ? 2.0 : 0.0);
        QCOMPARE(s.errors.at(i).y(), i == m_b1 || i == m_b2 ? 1.0 : 0.0);
        QCOMPARE(s.inputTokens.at(i).y(), i == m_b1 ? 1500.0 : 0.0);
        QCOMPARE(s.outputTokens.at(i).y(), i == m_b1 ? 300.0 : 0.0);
        QCOMPARE(s.cachedTokens.at(i).y(), i == m_b1 ? 50.0 : 0.0);
    }
    // Latencies of the outcomes: b1 {0, 400, 800}, b2 {150}; TTFT b1 {100, 300}.
    const qreal x1 = StatsSeries::xOf(m_range, m_b1);
    const qreal x2 = StatsSeries::xOf(m_range, m_b2);
    QCOMPARE(s.latencyP50, (QList<QPointF> { { x1, 400 }, { x2, 150 } }));
    QCOMPARE(s.latencyP95, (QList<QPointF> { { x1, 760 }, { x2, 150 } }));
    QCOMPARE(s.ttftP50, (QList<QPointF> { { x1, 200 } }));
}

void TestGuiDashboard::chartsShowTheSeries()
{
    DashboardPage page(nullptr, databasePath());
    page.resize(1200, 800);
    page.show();
    QTRY_VERIFY(page.snapshot(StatsRange::Span::Last24Hours) != nullptr);
    QVERIFY(!page.isShowingEmptyState());
    const StatsRange range = page.snapshot(StatsRange::Span::Last24Hours)->range;
    if (range.fromMs != m_range.fromMs)
        QSKIP("the hour turned while the test ran");

    // The requests chart stacks failed on succeeded: its upper edges are the running sums.
    const auto areas = page.charts()->requestsChart()->series();
    QCOMPARE(areas.size(), 2);
    const QList<QPointF> succeeded
        = static_cast<QAreaSeries *>(areas.at(0))->upperSeries()->points();
    const QList<QPointF> total = static_cast<QAreaSeries *>(areas.at(1))->upperSeries()->points();
    QCOMPARE(succeeded.size(), m_range.bucketCount);
    QCOMPARE(succeeded.at(m_b1), QPointF(StatsSeries::xOf(m_range, m_b1), 2));
    QCOMPARE(total.at(m_b1), QPointF(StatsSeries::xOf(m_range, m_b1), 3));
    QCOMPARE(total.at(m_b2), QPointF(StatsSeries::xOf(m_range, m_b2), 1));
    QCOMPARE(total.at(0).y(), 0.0);

    const auto lines = page.charts()->latencyChart()->series();
    QCOMPARE(lines.size(), 3);
    QCOMPARE(static_cast<QLineSeries *>(lines.at(0))->points(),
             (QList<QPointF> { { StatsSeries::xOf(m_range, m_b1), 400 },
                               { StatsSeries::xOf(m_range, m_b2), 150 } }));
}

void TestGuiDashboard::donutAndModelLegend()
{
    DashboardPage page(nullptr, databasePath());
    page.show();
    QTRY_VERIFY(page.snapshot(StatsRange::Span::Last24Hours) != nullptr);
    ChartDonut *donut = page.charts()->donut();
    // Outcome providers: p1 answered B and D, p2 answered A; C had no provider.
    QCOMPARE(donut->legendLines(),
             (QStringList { QStringLiteral("p1 66.7 %"), QStringLiteral("p2 33.3 %") }));
    donut->highlight(0);
    QCOMPARE(donut->legendLines(),
             (QStringList { QStringLiteral("m1 50.0 %"), QStringLiteral("m2 50.0 %") }));
    donut->highlight(-1);
    QCOMPARE(donut->legendLines().size(), 2);
}

void TestGuiDashboard::todayCards()
{
    DashboardPage page(nullptr, databasePath());
    page.show();
    QTRY_VERIFY(page.snapshot(StatsRange::Span::Last24Hours) != nullptr);
    // Today runs from local midnight; count the traces of the dataset that started since.
    const qint64 midnight = QDateTime(m_now.toLocalTime().date(), QTime(0, 0)).toMSecsSinceEpoch();
    const qint64 t1 = m_range.bucketStartMs(m_b1) + 60000;
    const qint64 t2 = m_range.bucketStartMs(m_b2) + 60000;
    const int requests = (t1 >= midnight ? 3 : 0) + (t2 >= midnight ? 1 : 0);
    const int failed = (t1 >= midnight ? 1 : 0) + (t2 >= midnight ? 1 : 0);
    const QList<DashboardCard *> cards = page.cards();
    QCOMPARE(cards.size(), 5);
    QCOMPARE(cards.at(0)->value(), QString::number(requests));
    if (requests > 0) {
        QCOMPARE(cards.at(0)->detail(), QStringLiteral("%1 failed").arg(failed));
        if (t1 >= midnight && t2 >= midnight) {
            QCOMPARE(cards.at(1)->value(), QStringLiteral("50.0 %"));
            // Latencies {0, 400, 800, 150}: p50 275.
            QCOMPARE(cards.at(3)->value(), QStringLiteral("275 ms"));
            QCOMPARE(cards.at(4)->value(), QStringLiteral("200 ms"));
        }
    } else {
        QCOMPARE(cards.at(1)->value(), QStringLiteral("—"));
    }
}

void TestGuiDashboard::rangeSwitchFromMemory()
{
    DashboardPage page(nullptr, databasePath());
    page.show();
    QTRY_VERIFY(page.snapshot(StatsRange::Span::Last24Hours) != nullptr);
    // The other ranges are read in the background once the first is shown.
    QTRY_VERIFY(page.snapshot(StatsRange::Span::Last30Days) != nullptr);
    QTRY_VERIFY(page.snapshot(StatsRange::Span::LastHour) != nullptr);
    QTRY_VERIFY(page.snapshot(StatsRange::Span::Last7Days) != nullptr);

    // The 30 d button, as a user clicks it: the charts redraw from memory at once.
    QToolButton *thirtyDays = nullptr;
    for (QToolButton *button : page.findChildren<QToolButton *>()) {
        if (button->text() == QStringLiteral("30 d"))
            thirtyDays = button;
    }
    QVERIFY(thirtyDays);
    QTest::mouseClick(thirtyDays, Qt::LeftButton);
    QCOMPARE(page.span(), StatsRange::Span::Last30Days);
    QVERIFY(page.lastSwitchMs() >= 0);
    QVERIFY2(page.lastSwitchMs() < 1000, qPrintable(QString::number(page.lastSwitchMs())));
    // The day buckets hold all four requests.
    const StatsSeries &s = page.charts()->series();
    double requests = 0;
    for (int i = 0; i < s.succeeded.size(); ++i)
        requests += s.succeeded.at(i).y() + s.errors.at(i).y();
    QCOMPARE(requests, 4.0);
    QCOMPARE(s.succeeded.size(), 30);

    // The last hour has no requests: the friendly empty state, not blank axes.
    QTest::mouseClick(page.findChildren<QToolButton *>().constFirst(), Qt::LeftButton);
    QCOMPARE(page.span(), StatsRange::Span::LastHour);
    QVERIFY(page.isShowingEmptyState());
}

void TestGuiDashboard::emptyStateWithoutRequests()
{
    QTemporaryDir dir;
    DashboardPage page(nullptr, dir.filePath(QStringLiteral("empty.sqlite")));
    page.show();
    QTRY_VERIFY(page.snapshot(StatsRange::Span::Last24Hours) != nullptr);
    QVERIFY(page.isShowingEmptyState());
    QCOMPARE(page.cards().at(0)->value(), QStringLiteral("0"));
    QCOMPARE(page.cards().at(1)->value(), QStringLiteral("—"));
}

void TestGuiDashboard::incrementalReadAddsNewRows()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("live.sqlite"));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const StatsRange range = StatsRange::resolve(StatsRange::Span::Last24Hours, now);
    const qint64 old = range.bucketStartMs(2) + 1000;
    QString error;
    QVERIFY(
        TestLogData::insertRows(path,
                                { row(QStringLiteral("old"), old, 1, QStringLiteral("200"),
                                      QStringLiteral("p"), QStringLiteral("m"), 100, -1, 1, 1, 0) },
                                &error));

    StatsReader reader(path, QStringLiteral("test-incremental"));
    QList<StatsSnapshot> answers;
    connect(&reader, &StatsReader::snapshotRead, this,
            [&answers](quint64, const StatsSnapshot &snapshot) { answers.append(snapshot); });
    reader.read(1, StatsRange::Span::Last24Hours, now);
    QCOMPARE(answers.size(), 1);
    QCOMPARE(answers.at(0).buckets.size(), 1);

    // A request in the newest bucket: the second read takes only the newest buckets again and
    // keeps the old one from memory.
    QVERIFY(TestLogData::insertRows(
        path,
        { row(QStringLiteral("new"), now.toMSecsSinceEpoch() - 10, 1, QStringLiteral("200"),
              QStringLiteral("q"), QStringLiteral("m"), 300, -1, 1, 1, 0) },
        &error));
    reader.read(2, StatsRange::Span::Last24Hours, now);
    QCOMPARE(answers.size(), 2);
    const QList<StatsPoint> &buckets = answers.at(1).buckets;
    QCOMPARE(buckets.size(), 2);
    QCOMPARE(buckets.at(0).startMs, range.bucketStartMs(2));
    QCOMPARE(buckets.at(1).startMs, range.bucketStartMs(range.bucketCount - 1));
    QCOMPARE(buckets.at(1).latencyP50Ms, 300.0);
    QCOMPARE(answers.at(1).providers.size(), 2);
}

void TestGuiDashboard::niceCeiling_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<double>("ceiling");
    QTest::newRow("zero") << 0.0 << 1.0;
    QTest::newRow("exact") << 200.0 << 200.0;
    QTest::newRow("just above") << 201.0 << 250.0;
    QTest::newRow("to five") << 3.2 << 5.0;
    QTest::newRow("to ten") << 7.0 << 10.0;
    QTest::newRow("fraction") << 0.013 << 0.02;
}

void TestGuiDashboard::niceCeiling()
{
    QFETCH(double, value);
    QFETCH(double, ceiling);
    QCOMPARE(StatsSeries::niceCeiling(value), ceiling);
}

void TestGuiDashboard::timeTicks_data()
{
    QTest::addColumn<int>("span");
    QTest::addColumn<qint64>("stepMs"); // between ticks, in local time without DST changes
    QTest::addColumn<int>("minTicks");
    QTest::newRow("1 h") << int(StatsRange::Span::LastHour) << qint64(600000) << 6;
    QTest::newRow("24 h") << int(StatsRange::Span::Last24Hours) << qint64(4 * 3600000) << 6;
    QTest::newRow("7 d") << int(StatsRange::Span::Last7Days) << qint64(24 * 3600000) << 7;
    QTest::newRow("30 d") << int(StatsRange::Span::Last30Days) << qint64(7 * 24 * 3600000) << 4;
}

void TestGuiDashboard::timeTicks()
{
    QFETCH(int, span);
    QFETCH(qint64, stepMs);
    QFETCH(int, minTicks);
    // A moment well away from DST changes, so local steps are fixed lengths.
    const QDateTime now(QDate(2026, 11, 26), QTime(14, 37, 12), Qt::UTC);
    const StatsRange range = StatsRange::resolve(StatsRange::Span(span), now);
    const QList<StatsSeries::Tick> ticks = StatsSeries::timeTicks(range);
    QVERIFY(ticks.size() >= minTicks);
    for (int i = 0; i < ticks.size(); ++i) {
        QVERIFY(ticks.at(i).ms >= range.fromMs && ticks.at(i).ms < range.toMs);
        if (i > 0)
            QCOMPARE(ticks.at(i).ms - ticks.at(i - 1).ms, stepMs);
        // On round local times: whole 10 minutes, hours divisible by 4, midnights, Mondays.
        const QDateTime local = QDateTime::fromMSecsSinceEpoch(ticks.at(i).ms).toLocalTime();
        QCOMPARE(local.time().second(), 0);
        QCOMPARE(local.time().minute() % 10, 0);
        if (StatsRange::Span(span) == StatsRange::Span::Last24Hours)
            QCOMPARE(local.time().hour() % 4, 0);
        if (StatsRange::Span(span) >= StatsRange::Span::Last7Days)
            QCOMPARE(local.time(), QTime(0, 0));
        if (StatsRange::Span(span) == StatsRange::Span::Last30Days)
            QCOMPARE(local.date().dayOfWeek(), 1);
        QVERIFY(!ticks.at(i).label.isEmpty());
    }
    // The ticks' labels are distinct (a category axis needs that).
    QSet<QString> labels;
    for (const StatsSeries::Tick &tick : ticks)
        labels.insert(tick.label);
    QCOMPARE(labels.size(), ticks.size());
}

QTEST_MAIN(TestGuiDashboard)
#include "tst_gui_dashboard.moc"
