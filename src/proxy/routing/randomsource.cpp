#include "routing/randomsource.h"

quint32 SystemRandomSource::bounded(quint32 highExclusive)
{
    if (highExclusive == 0)
        return 0;
    return QRandomGenerator::global()->bounded(highExclusive);
}

SeededRandomSource::SeededRandomSource(quint32 seed)
    : m_generator(seed)
{
}

quint32 SeededRandomSource::bounded(quint32 highExclusive)
{
    if (highExclusive == 0)
        return 0;
    return m_generator.bounded(highExclusive);
}
