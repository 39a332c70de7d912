// Not a correctness test: how long the dashboard and the log view take on a big request log.
// Point LLMO_BENCH_DATABASE at a database, e.g. one made with
//   llm-orchestrator --headless --data-dir DIR --demo-data --demo-rows 1000000
// (then DIR/llm-orchestrator.sqlite); without it the benchmark is skipped. The numbers go to
// the test output; LLMO_BENCH_SHOTS=DIR also saves the dashboard of each range there.

#include "dashboardpage.h"
#include "logpagequery.h"
#include "statsreader.h"
#include "store/database.h"

#include <QElapsedTimer>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>
#include <QToolButton>

class BenchGuiDashboard final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void statsReads();
    void rangeSwitches();
    void logPages();

private:
    QString m_path;
    const QString m_connection = QStringLiteral("bench");
};

namespace {

const StatsRange::Span spans[] = { StatsRange::Span::LastHour, StatsRange::Span::Last24Hours,
                                   StatsRange::Span::Last7Days, StatsRange::Span::Last30Days };
const char *const spanNames[] = { "1 h", "24 h", "7 d", "30 d" };

} // namespace

void BenchGuiDashboard::initTestCase()
{
    m_path = qEnvironmentVariable("LLMO_BENCH_DATABASE");
    if (m_path.isEmpty())
        QSKIP("set LLMO_BENCH_DATABASE to a big database to measure");
    QString error;
    QVERIFY2(Database::open(m_connection, m_path, &error), qPrintable(error));
    QSqlQuery count(QSqlDatabase::database(m_connection));
    QVERIFY(count.exec(QStringLiteral(
        "SELECT (SELECT count(*) FROM request_log), (SELECT count(*) FROM request_traces)")));
    QVERIFY(count.next());
    qInfo("%lld log rows, %lld requests", count.value(0).toLongLong(), count.value(1).toLongLong());
}

void BenchGuiDashboard::cleanupTestCase()
{
    Database::close(m_connection);
}

void BenchGuiDashboard::statsReads()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (int i = 0; i < 4; ++i) {
        QString error;
        QElapsedTimer timer;
        timer.start();
        const auto snapshot = StatsReader::readSnapshot(m_connection, spans[i], now, &error);
        QVERIFY2(snapshot.has_value(), qPrintable(error));
        const qint64 cold = timer.elapsed();
        qint64 requests = 0;
        for (const StatsPoint &point : snapshot->buckets)
            requests += point.requests;

        // A refresh of a range read before: only its newest buckets again.
        StatsReader reader(m_path, QStringLiteral("bench-reader"));
        qint64 warm = -1;
        connect(&reader, &StatsReader::snapshotRead, this,
                [&warm](quint64 ticket, const StatsSnapshot &s) {
                    if (ticket == 2)
                        warm = s.elapsedMs;
                });
        reader.read(1, spans[i], now);
        reader.read(2, spans[i], now);
        qInfo("%s: %lld requests; whole read %lld ms, refresh %lld ms", spanNames[i], requests,
              cold, warm);
    }
}

void BenchGuiDashboard::rangeSwitches()
{
    DashboardPage page(nullptr, m_path);
    page.resize(1280, 800);
    QElapsedTimer first;
    first.start();
    page.show();
    QTRY_VERIFY_WITH_TIMEOUT(page.snapshot(StatsRange::Span::Last24Hours) != nullptr, 30000);
    qInfo("first range on screen after %lld ms", first.elapsed());
    for (StatsRange::Span span : spans)
        QTRY_VERIFY_WITH_TIMEOUT(page.snapshot(span) != nullptr, 30000);
    qInfo("all four ranges read after %lld ms", first.elapsed());
    const QList<QToolButton *> buttons = page.findChildren<QToolButton *>();
    QCOMPARE(buttons.size(), 4);
    for (int i : { 3, 2, 0, 1 }) {
        QElapsedTimer timer;
        timer.start();
        QTest::mouseClick(buttons.at(i), Qt::LeftButton);
        const qint64 data = page.lastSwitchMs();
        const QPixmap drawn = page.grab(); // paints every chart once: the redraw the user sees
        const QString shots = qEnvironmentVariable("LLMO_BENCH_SHOTS");
        if (!shots.isEmpty())
            drawn.save(shots + QStringLiteral("/dashboard-%1.png").arg(i));
        qInfo("switch to %s: charts updated in %lld ms, drawn after %lld ms", spanNames[i], data,
              timer.elapsed());
        QVERIFY(timer.elapsed() < 1000);
    }
}

void BenchGuiDashboard::logPages()
{
    const LogPageQuery query(m_connection);
    QString error;
    QElapsedTimer timer;
    timer.start();
    auto page = query.page({}, {}, 500, &error);
    QVERIFY2(page.has_value(), qPrintable(error));
    qInfo("log: first page of 500 in %lld ms", timer.restart());
    const auto total = query.count({}, &error);
    QVERIFY(total.has_value());
    qInfo("log: count of %lld rows in %lld ms", *total, timer.restart());

    // The page after the middle row, found by its key (what scrolling there costs).
    QSqlQuery middle(QSqlDatabase::database(m_connection));
    QVERIFY(middle.exec(QStringLiteral("SELECT time_ms, id FROM request_log ORDER BY time_ms DESC,"
                                       " id DESC LIMIT 1 OFFSET %1")
                            .arg(*total / 2)));
    QVERIFY(middle.next());
    const LogCursor cursor { middle.value(0).toLongLong(), middle.value(1).toLongLong(), true };
    timer.restart();
    page = query.page({}, cursor, 500, &error);
    QVERIFY(page.has_value() && page->size() == 500);
    qInfo("log: page of 500 after row %lld in %lld ms", *total / 2, timer.restart());

    LogViewFilter filter;
    filter.model = QStringLiteral("claude-sonnet-4");
    page = query.page(filter, {}, 500, &error);
    qInfo("log: first page for one model in %lld ms", timer.restart());
    filter = {};
    filter.text = QStringLiteral("rate limit");
    page = query.page(filter, {}, 500, &error);
    QVERIFY(page.has_value());
    qInfo("log: first page of a text search (%lld rows) in %lld ms", qint64(page->size()),
          timer.restart());
    const auto matches = query.count(filter, &error);
    qInfo("log: count of a text search (%lld) in %lld ms", matches.value_or(-1), timer.restart());
}

QTEST_MAIN(BenchGuiDashboard)
#include "tst_gui_dashboard_bench.moc"
