#include "routing/circuitbreaker.h"
#include "routing/clock.h"

#include <QTest>

class TestCircuitBreaker final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void stateNames_data();
    void stateNames();
    void opensAfterThreshold_data();
    void opensAfterThreshold();
    void successResetsStreak();
    void halfOpenAfterDuration();
    void halfOpenAdmitsOneTrialAtATime();
    void halfOpenClosesOnSuccess();
    void halfOpenNeedsConfiguredSuccesses();
    void halfOpenReopensOnFailure();
    void abandonFreesTrialSlot();
    void cooldown();
    void lateVerdictsWhileOpenAreIgnored();
    void forceOpenAndClose();
    void settingsApplyToNextDecision();
};

void TestCircuitBreaker::stateNames_data()
{
    QTest::addColumn<CircuitState>("state");
    QTest::addColumn<QString>("name");
    QTest::newRow("closed") << CircuitState::Closed << QStringLiteral("closed");
    QTest::newRow("open") << CircuitState::Open << QStringLiteral("open");
    QTest::newRow("half open") << CircuitState::HalfOpen << QStringLiteral("half_open");
}

void TestCircuitBreaker::stateNames()
{
    QFETCH(CircuitState, state);
    QFETCH(QString, name);
    QCOMPARE(circuitStateName(state), name);
}

void TestCircuitBreaker::opensAfterThreshold_data()
{
    QTest::addColumn<int>("threshold");
    QTest::newRow("1") << 1;
    QTest::newRow("3") << 3;
    QTest::newRow("5 (default)") << 5;
}

void TestCircuitBreaker::opensAfterThreshold()
{
    QFETCH(int, threshold);
    ManualClock clock(1000);
    CircuitBreaker breaker({ threshold, 30000, 1 });

    for (int i = 0; i < threshold - 1; ++i) {
        QVERIFY(breaker.tryAcquire(clock.nowMs()));
        breaker.recordFailure(clock.nowMs());
        QCOMPARE(breaker.state(clock.nowMs()), CircuitState::Closed);
    }
    QVERIFY(breaker.tryAcquire(clock.nowMs()));
    breaker.recordFailure(clock.nowMs());
    QCOMPARE(breaker.state(clock.nowMs()), CircuitState::Open);
    QVERIFY(!breaker.isAvailable(clock.nowMs()));
    QVERIFY(!breaker.tryAcquire(clock.nowMs()));
}

void TestCircuitBreaker::successResetsStreak()
{
    ManualClock clock;
    CircuitBreaker breaker({ 3, 30000, 1 });
    breaker.recordFailure(clock.nowMs());
    breaker.recordFailure(clock.nowMs());
    breaker.recordSuccess(clock.nowMs());
    QCOMPARE(breaker.consecutiveFailures(), 0);
    breaker.recordFailure(clock.nowMs());
    breaker.recordFailure(clock.nowMs());
    QCOMPARE(breaker.state(clock.nowMs()), CircuitState::Closed);
    breaker.recordFailure(clock.nowMs());
    QCOMPARE(breaker.state(clock.nowMs()), CircuitState::Open);
}

void TestCircuitBreaker::halfOpenAfterDuration()
{
    ManualClock clock(500);
    CircuitBreaker breaker({ 1, 10000, 1 });
    breaker.recordFailure(clock.nowMs());
    QCOMPARE(breaker.state(clock.nowMs()), CircuitState::Open);

    clock.advanceMs(9999);
    QCOMPARE(breaker.state(clock.nowMs()), CircuitState::Open);
    QVERIFY(!breaker.isAvailable(clock.nowMs()));
    QVERIFY(!breaker.tryAcquire(clock.nowMs()));

    clock.advanceMs(1);
    QCOMPARE(breaker.state(clock.nowMs()), CircuitState::HalfOpen);
    QVERIFY(breaker.isAvailable(clock.nowMs()));
}

void TestCircuitBreaker::halfOpenAdmitsOneTrialAtATime()
{
    ManualClock clock;
    CircuitBreaker breaker({ 1, 1000, 1 });
    breaker.recordFailure(clock.nowMs());
    clock.advanceMs(1000);

    QVERIFY(breaker.tryAcquire(clock.nowMs()));
    QCOMPARE(breaker.state(clock.nowMs()), CircuitState::HalfOpen);
    // The trial is under way: nobody else gets in, and isAvailable says so too.
    QVERIFY(!breaker.isAvailable(clock.nowMs()));
    QVERIFY(!breaker.tryAcquire(clock.nowMs()));
    clock.advanceMs(60000); // time alone does not free the slot
    QVERIFY(!breaker.tryAcquire(clock.nowMs()));
}

void TestCircuitBreaker::halfOpenClosesOnSuccess()
{
    ManualClock clock;
    CircuitBreaker breaker({ 2, 1000, 1 });
    breaker.recordFailure(clock.nowMs());
    breaker.recordFailure(clock.nowMs());
    clock.advanceMs(1000);
    QVERIFY(breaker.tryAcquire(clock.nowMs()));
    breaker.recordSuccess(clock.nowMs());
    QCOMPARE(breaker.state(clock.nowMs()), CircuitState::Closed);
    QCOMPARE(breaker.consecutiveFailures(), 0);
    // Closed again: concurrent requests go, and it takes a full streak to open it again.
    QVERIFY(breaker.tryAcquire(clock.nowMs()));
    QVERIFY(breaker.tryAcquire(clock.nowMs()));
    breaker.recordFailure(clock.nowMs());
    QCOMPARE(breaker.state(clock.nowMs()), CircuitState::Closed);
}

void TestCircuitBreaker::halfOpenNeedsConfiguredSuccesses()
{
    ManualClock clock;
    CircuitBreaker breaker({ 1, 1000, 3 });
    breaker.recordFailure(clock.nowMs());
    clock.advanceMs(1000);
    for (int i = 0; i < 2; ++i) {
        QVERIFY(breaker.tryAcquire(clock.nowMs()));
        breaker.recordSuccess(clock.nowMs());
        QCOMPARE(breaker.state(clock.nowMs()), CircuitState::HalfOpen);
    }
    QVERIFY(breaker.tryAcquire(clock.nowMs()));
    breaker.recordSuccess(clock.nowMs());
    QCOMPARE(breaker.state(clock.nowMs()), CircuitState::Closed);
}

void TestCircuitBreaker::halfOpenReopensOnFailure()
{
    ManualClock clock;
    CircuitBreaker breaker({ 1, 1000, 1 });
    breaker.recordFailure(clock.nowMs());
    clock.advanceMs(1500);
    QVERIFY(breaker.tryAcquire(clock.nowMs()));
    breaker.recordFailure(clock.nowMs());
    QCOMPARE(breaker.state(clock.nowMs()), CircuitState::Open);
    QVERIFY(!breaker.tryAcquire(clock.nowMs()));
    // A fresh open period counts from the failed trial.
    clock.advanceMs(999);
    QCOMPARE(breaker.state(clock.nowMs()), CircuitState::Open);
    clock.advanceMs(1);
    QCOMPARE(breaker.state(clock.nowMs()), CircuitState::HalfOpen);
    QVERIFY(breaker.tryAcquire(clock.nowMs()));
}

void TestCircuitBreaker::abandonFreesTrialSlot()
{
    ManualClock clock;
    CircuitBreaker breaker({ 1, 1000, 1 });
    breaker.recordFailure(clock.nowMs());
    clock.advanceMs(1000);
    QVERIFY(breaker.tryAcquire(clock.nowMs()));
    QVERIFY(!breaker.tryAcquire(clock.nowMs()));
    breaker.abandon();
    QCOMPARE(breaker.state(clock.nowMs()), CircuitState::HalfOpen);
    QVERIFY(breaker.isAvailable(clock.nowMs()));
    QVERIFY(breaker.tryAcquire(clock.nowMs()));

    // Abandon on a closed circuit changes nothing.
    CircuitBreaker closed;
    closed.abandon();
    QCOMPARE(closed.state(0), CircuitState::Closed);
    QVERIFY(closed.tryAcquire(0));
}

void TestCircuitBreaker::cooldown()
{
    ManualClock clock(100);
    CircuitBreaker breaker;
    breaker.recordFailure(clock.nowMs()); // the 429 itself, as one ordinary failure
    breaker.coolDown(clock.nowMs() + 2000);
    QCOMPARE(breaker.state(clock.nowMs()), CircuitState::Closed); // the state does not change
    QVERIFY(!breaker.isAvailable(clock.nowMs()));
    QVERIFY(!breaker.tryAcquire(clock.nowMs()));
    QCOMPARE(breaker.consecutiveFailures(), 1);

    // An earlier cooldown does not shorten a later one.
    breaker.coolDown(clock.nowMs() + 500);
    clock.advanceMs(1999);
    QVERIFY(!breaker.tryAcquire(clock.nowMs()));
    clock.advanceMs(1);
    QVERIFY(breaker.isAvailable(clock.nowMs()));
    QVERIFY(breaker.tryAcquire(clock.nowMs()));

    // A cooldown also holds back the half-open trial, and forceClose keeps it.
    CircuitBreaker halfOpen({ 1, 1000, 1 });
    halfOpen.recordFailure(clock.nowMs());
    halfOpen.coolDown(clock.nowMs() + 5000);
    clock.advanceMs(1000);
    QCOMPARE(halfOpen.state(clock.nowMs()), CircuitState::HalfOpen);
    QVERIFY(!halfOpen.tryAcquire(clock.nowMs()));
    halfOpen.forceClose();
    QVERIFY(!halfOpen.isAvailable(clock.nowMs()));
    clock.advanceMs(4000);
    QVERIFY(halfOpen.tryAcquire(clock.nowMs()));
}

void TestCircuitBreaker::lateVerdictsWhileOpenAreIgnored()
{
    ManualClock clock;
    CircuitBreaker breaker({ 2, 1000, 1 });
    // Three requests admitted while closed; two fail and open the circuit.
    QVERIFY(breaker.tryAcquire(clock.nowMs()));
    QVERIFY(breaker.tryAcquire(clock.nowMs()));
    QVERIFY(breaker.tryAcquire(clock.nowMs()));
    breaker.recordFailure(clock.nowMs());
    breaker.recordFailure(clock.nowMs());
    QCOMPARE(breaker.state(clock.nowMs()), CircuitState::Open);
    // The third one's success arrives late: the circuit stays open.
    clock.advanceMs(600);
    breaker.recordSuccess(clock.nowMs());
    QCOMPARE(breaker.state(clock.nowMs()), CircuitState::Open);
    // A late failure does not extend the open period either.
    breaker.recordFailure(clock.nowMs());
    clock.advanceMs(400);
    QCOMPARE(breaker.state(clock.nowMs()), CircuitState::HalfOpen);
}

void TestCircuitBreaker::forceOpenAndClose()
{
    ManualClock clock;
    CircuitBreaker breaker({ 5, 1000, 1 });
    breaker.forceOpen(clock.nowMs());
    QCOMPARE(breaker.state(clock.nowMs()), CircuitState::Open);
    QVERIFY(!breaker.tryAcquire(clock.nowMs()));
    clock.advanceMs(1000);
    QCOMPARE(breaker.state(clock.nowMs()), CircuitState::HalfOpen);
    QVERIFY(breaker.tryAcquire(clock.nowMs()));
    breaker.forceClose();
    QCOMPARE(breaker.state(clock.nowMs()), CircuitState::Closed);
    QVERIFY(breaker.tryAcquire(clock.nowMs()));
    QVERIFY(breaker.tryAcquire(clock.nowMs()));
    // Forcing open again restarts the open period.
    breaker.forceOpen(clock.nowMs());
    clock.advanceMs(999);
    QCOMPARE(breaker.state(clock.nowMs()), CircuitState::Open);
}

void TestCircuitBreaker::settingsApplyToNextDecision()
{
    ManualClock clock;
    CircuitBreaker breaker({ 5, 30000, 1 });
    breaker.recordFailure(clock.nowMs());
    breaker.setSettings({ 2, 100, 1 });
    QCOMPARE(breaker.settings().failureThreshold, 2);
    QCOMPARE(breaker.state(clock.nowMs()), CircuitState::Closed);
    breaker.recordFailure(clock.nowMs());
    QCOMPARE(breaker.state(clock.nowMs()), CircuitState::Open);
    clock.advanceMs(100);
    QCOMPARE(breaker.state(clock.nowMs()), CircuitState::HalfOpen);
}

QTEST_GUILESS_MAIN(TestCircuitBreaker)
#include "tst_routing_circuitbreaker.moc"
