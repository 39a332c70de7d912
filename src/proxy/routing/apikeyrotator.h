#pragma once

#include "routing/clock.h"

#include <QHash>
#include <QString>

// Spreads the requests to a provider with several API keys over its keys in turn (round robin),
// and sets aside for a while a key the provider refused (401/403) so the others are used.
// Engine thread; not thread-safe.
class ApiKeyRotator final
{
public:
    // The clock must outlive the rotator.
    explicit ApiKeyRotator(const Clock &clock, qint64 setAsideMs = 600000);

    // Index of the key to use for the next request to this provider, or -1 when all keys are set
    // aside (or keyCount is 0). Round robin over the keys not set aside.
    int nextKey(const QString &provider, int keyCount);
    // Skips this key until setAsideMs from now.
    void setAside(const QString &provider, int keyIndex);
    // Forgets the provider's cursor and set-aside keys (e.g. after the provider's keys changed).
    void reset(const QString &provider);
    // Whether the key is set aside right now.
    bool isSetAside(const QString &provider, int keyIndex) const;

private:
    struct ProviderKeys
    {
        int next = 0; // where the round robin continues
        QHash<int, qint64> setAsideUntilMs; // key index -> end of its set-aside
    };

    const Clock *m_clock;
    qint64 m_setAsideMs;
    QHash<QString, ProviderKeys> m_providers;
};
