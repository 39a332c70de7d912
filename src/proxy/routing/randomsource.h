#pragma once

#include <QRandomGenerator>
#include <QtGlobal>

// Source of random numbers for the balancer. An interface so that tests can use a fixed seed.
class RandomSource
{
public:
    virtual ~RandomSource() = default;
    // A uniformly distributed number in [0, highExclusive); 0 when highExclusive is 0.
    virtual quint32 bounded(quint32 highExclusive) = 0;
};

// Production source: QRandomGenerator::global() (thread-safe, seeded by the system).
class SystemRandomSource final : public RandomSource
{
public:
    SystemRandomSource() = default;
    quint32 bounded(quint32 highExclusive) override;
};

// Deterministic source for tests: the same seed gives the same sequence.
class SeededRandomSource final : public RandomSource
{
public:
    explicit SeededRandomSource(quint32 seed);
    quint32 bounded(quint32 highExclusive) override;

private:
    QRandomGenerator m_generator;
};
