#include "svgiconengine.h"

#include <QGuiApplication>
#include <QPainter>
#include <QPixmap>
#include <QPixmapCache>
#include <QSvgRenderer>

SvgIconEngine::SvgIconEngine(QByteArray svg)
    : m_svg(std::move(svg))
{
}

QColor SvgIconEngine::colorFor(QIcon::Mode mode, const QPalette &palette)
{
    switch (mode) {
    case QIcon::Disabled:
        return palette.color(QPalette::Disabled, QPalette::ButtonText);
    case QIcon::Selected:
        return palette.color(QPalette::Active, QPalette::HighlightedText);
    case QIcon::Normal:
    case QIcon::Active:
        break;
    }
    return palette.color(QPalette::Active, QPalette::ButtonText);
}

QByteArray SvgIconEngine::coloured(const QColor &colour) const
{
    QByteArray svg = m_svg;
    svg.replace(QByteArrayLiteral("currentColor"), colour.name(QColor::HexRgb).toLatin1());
    return svg;
}

void SvgIconEngine::paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State)
{
    QSvgRenderer renderer(coloured(colorFor(mode, QGuiApplication::palette())));
    renderer.render(painter, rect);
}

QPixmap SvgIconEngine::pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state)
{
    const QColor colour = colorFor(mode, QGuiApplication::palette());
    // The cache key names the source, size and colour: a palette change draws anew.
    const QString cacheKey = QStringLiteral("llmo-svg-%1-%2x%3-%4")
                                 .arg(qHash(m_svg))
                                 .arg(size.width())
                                 .arg(size.height())
                                 .arg(colour.rgba());
    QPixmap pixmap;
    if (QPixmapCache::find(cacheKey, &pixmap))
        return pixmap;
    pixmap = QPixmap(size);
    pixmap.fill(Qt::transparent);
    {
        QPainter painter(&pixmap);
        paint(&painter, QRect(QPoint(0, 0), size), mode, state);
    }
    QPixmapCache::insert(cacheKey, pixmap);
    return pixmap;
}

QSize SvgIconEngine::actualSize(const QSize &size, QIcon::Mode, QIcon::State)
{
    return size;
}

QIconEngine *SvgIconEngine::clone() const
{
    return new SvgIconEngine(m_svg);
}

QString SvgIconEngine::key() const
{
    return QStringLiteral("llmo-svg");
}
