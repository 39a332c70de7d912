#include "chartpalette.h"

namespace ChartPalette {

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

HealthLevel statusLevel(const QString &status)
{
    if (status.isEmpty())
        return HealthLevel::Unknown;
    if (status.at(0) == QLatin1Char('2'))
        return HealthLevel::Healthy;
    if (status.at(0) == QLatin1Char('4'))
        return HealthLevel::Degraded;
    if (status == QLatin1String("client_closed"))
        return HealthLevel::Disabled;
    return HealthLevel::Down;
}

QColor series(int index, const QPalette &palette)
{
    // Blue, teal, violet, orange, pink, olive, brown, slate.
    static const QRgb colors[]
        = { 0x3b7dd8, 0x1fa5a0, 0x8a63d2, 0xe0832f, 0xd45d8c, 0x8aa536, 0xa8734a, 0x6b7f99 };
    const int count = int(sizeof colors / sizeof colors[0]);
    const QColor color = QColor::fromRgb(colors[((index % count) + count) % count]);
    return isDark(palette) ? color.lighter(125) : color;
}

} // namespace ChartPalette
