#include "routing/apikeyrotator.h"

#include <QTest>

class TestApiKeyRotator final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundRobin_data();
    void roundRobin();
    void noKeys();
    void providersAreIndependent();
    void setAsideSkipsKey();
    void allSetAside();
    void setAsideExpires();
    void resetForgetsState();
    void keyCountShrinks();
};

void TestApiKeyRotator::roundRobin_data()
{
    QTest::addColumn<int>("keyCount");
    QTest::addColumn<QList<int>>("expected");
    QTest::newRow("one key") << 1 << QList<int> { 0, 0, 0 };
    QTest::newRow("two keys") << 2 << QList<int> { 0, 1, 0, 1 };
    QTest::newRow("three keys") << 3 << QList<int> { 0, 1, 2, 0, 1, 2, 0 };
}

void TestApiKeyRotator::roundRobin()
{
    QFETCH(int, keyCount);
    QFETCH(QList<int>, expected);
    ManualClock clock;
    ApiKeyRotator rotator(clock);
    QList<int> got;
    for (qsizetype i = 0; i < expected.size(); ++i)
        got.append(rotator.nextKey(QStringLiteral("p"), keyCount));
    QCOMPARE(got, expected);
}

void TestApiKeyRotator::noKeys()
{
    ManualClock clock;
    ApiKeyRotator rotator(clock);
    QCOMPARE(rotator.nextKey(QStringLiteral("p"), 0), -1);
    QCOMPARE(rotator.nextKey(QStringLiteral("p"), -3), -1);
}

void TestApiKeyRotator::providersAreIndependent()
{
    ManualClock clock;
    ApiKeyRotator rotator(clock);
    QCOMPARE(rotator.nextKey(QStringLiteral("a"), 3), 0);
    QCOMPARE(rotator.nextKey(QStringLiteral("a"), 3), 1);
    QCOMPARE(rotator.nextKey(QStringLiteral("b"), 3), 0);
    rotator.setAside(QStringLiteral("b"), 2);
    QCOMPARE(rotator.nextKey(QStringLiteral("a"), 3), 2);
    QVERIFY(!rotator.isSetAside(QStringLiteral("a"), 2));
    QVERIFY(rotator.isSetAside(QStringLiteral("b"), 2));
}

void TestApiKeyRotator::setAsideSkipsKey()
{
    ManualClock clock;
    ApiKeyRotator rotator(clock);
    const QString p = QStringLiteral("p");
    QCOMPARE(rotator.nextKey(p, 3), 0);
    rotator.setAside(p, 1); // key 1 answered 401
    QCOMPARE(rotator.nextKey(p, 3), 2);
    QCOMPARE(rotator.nextKey(p, 3), 0);
    QCOMPARE(rotator.nextKey(p, 3), 2);
    QCOMPARE(rotator.nextKey(p, 3), 0);
}

void TestApiKeyRotator::allSetAside()
{
    ManualClock clock;
    ApiKeyRotator rotator(clock);
    const QString p = QStringLiteral("p");
    rotator.setAside(p, 0);
    rotator.setAside(p, 1);
    QCOMPARE(rotator.nextKey(p, 2), -1);
    QCOMPARE(rotator.nextKey(p, 3), 2); // a third key appeared
}

void TestApiKeyRotator::setAsideExpires()
{
    ManualClock clock(10);
    ApiKeyRotator rotator(clock, 5000);
    const QString p = QStringLiteral("p");
    rotator.setAside(p, 0);
    QCOMPARE(rotator.nextKey(p, 1), -1);
    clock.advanceMs(4999);
    QVERIFY(rotator.isSetAside(p, 0));
    QCOMPARE(rotator.nextKey(p, 1), -1);
    clock.advanceMs(1);
    QVERIFY(!rotator.isSetAside(p, 0));
    QCOMPARE(rotator.nextKey(p, 1), 0);

    // Default set-aside: ten minutes.
    ApiKeyRotator defaults(clock);
    defaults.setAside(p, 0);
    clock.advanceMs(599999);
    QCOMPARE(defaults.nextKey(p, 1), -1);
    clock.advanceMs(1);
    QCOMPARE(defaults.nextKey(p, 1), 0);
}

void TestApiKeyRotator::resetForgetsState()
{
    ManualClock clock;
    ApiKeyRotator rotator(clock);
    const QString p = QStringLiteral("p");
    QCOMPARE(rotator.nextKey(p, 3), 0);
    rotator.setAside(p, 1);
    rotator.reset(p);
    QVERIFY(!rotator.isSetAside(p, 1));
    QCOMPARE(rotator.nextKey(p, 3), 0);
    QCOMPARE(rotator.nextKey(p, 3), 1);
}

void TestApiKeyRotator::keyCountShrinks()
{
    ManualClock clock;
    ApiKeyRotator rotator(clock);
    const QString p = QStringLiteral("p");
    QCOMPARE(rotator.nextKey(p, 4), 0);
    QCOMPARE(rotator.nextKey(p, 4), 1);
    QCOMPARE(rotator.nextKey(p, 4), 2);
    // Without a reset, a smaller count still yields valid indexes only.
    for (int i = 0; i < 10; ++i) {
        const int index = rotator.nextKey(p, 2);
        QVERIFY(index >= 0 && index < 2);
    }
}

QTEST_GUILESS_MAIN(TestApiKeyRotator)
#include "tst_routing_apikeyrotator.moc"
