#include "routing/apikeyrotator.h"

ApiKeyRotator::ApiKeyRotator(const Clock &clock, qint64 setAsideMs)
    : m_clock(&clock)
    , m_setAsideMs(setAsideMs)
{
}

int ApiKeyRotator::nextKey(const QString &provider, int keyCount)
{
    if (keyCount <= 0)
        return -1;
    ProviderKeys &keys = m_providers[provider];
    const qint64 now = m_clock->nowMs();
    // Drop expired set-asides (also keeps the hash from growing).
    for (auto it = keys.setAsideUntilMs.begin(); it != keys.setAsideUntilMs.end();) {
        if (it.value() <= now)
            it = keys.setAsideUntilMs.erase(it);
        else
            ++it;
    }
    for (int i = 0; i < keyCount; ++i) {
        const int index = (keys.next + i) % keyCount;
        if (keys.setAsideUntilMs.contains(index))
            continue;
        keys.next = (index + 1) % keyCount;
        return index;
    }
    return -1;
}

void ApiKeyRotator::setAside(const QString &provider, int keyIndex)
{
    if (keyIndex < 0)
        return;
    m_providers[provider].setAsideUntilMs.insert(keyIndex, m_clock->nowMs() + m_setAsideMs);
}

void ApiKeyRotator::reset(const QString &provider)
{
    m_providers.remove(provider);
}

bool ApiKeyRotator::isSetAside(const QString &provider, int keyIndex) const
{
    const auto it = m_providers.constFind(provider);
    if (it == m_providers.constEnd())
        return false;
    return it->setAsideUntilMs.value(keyIndex, 0) > m_clock->nowMs();
}
