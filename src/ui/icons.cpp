#include "icons.h"

#include "statuscolors.h"
#include "svgiconengine.h"

#include <QFile>
#include <QHash>
#include <QPainter>
#include <QPixmap>
#include <QSvgRenderer>

// Outside any namespace, as Q_INIT_RESOURCE requires: referencing the resource from this
// library keeps the linker from dropping it out of the static library.
static void initIconResources()
{
    static const bool done = [] {
        Q_INIT_RESOURCE(icons);
        return true;
    }();
    Q_UNUSED(done);
}

namespace {

QByteArray readIcon(const QString &name)
{
    initIconResources();
    QFile file(QStringLiteral(":/icons/") + name + QStringLiteral(".svg"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

QPixmap renderTray(QSvgRenderer &renderer, int side, Icons::TrayState state)
{
    QPixmap pixmap(side, side);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    if (state == Icons::TrayState::Paused)
        painter.setOpacity(0.55);
    renderer.render(&painter, QRectF(0, 0, side, side));
    painter.setOpacity(1.0);

    HealthLevel level = HealthLevel::Healthy;
    switch (state) {
    case Icons::TrayState::Serving:
        break;
    case Icons::TrayState::Degraded:
        level = HealthLevel::Degraded;
        break;
    case Icons::TrayState::Down:
        level = HealthLevel::Down;
        break;
    case Icons::TrayState::Paused:
        level = HealthLevel::Disabled;
        break;
    }
    // Light-palette colours: the dot sits on the icon's own blue, not on the panel, and a
    // white rim separates it from both.
    QPalette light;
    light.setColor(QPalette::Window, Qt::white);
    light.setColor(QPalette::PlaceholderText, QColor(0x8a, 0x8a, 0x8a));
    const qreal dot = side * 0.42;
    const QRectF dotRect(side - dot, side - dot, dot, dot);
    painter.setPen(QPen(Qt::white, qMax(1.0, side / 16.0)));
    painter.setBrush(StatusColors::color(level, light));
    painter.drawEllipse(dotRect.adjusted(0.5, 0.5, -0.5, -0.5));
    return pixmap;
}

} // namespace

namespace Icons {

QIcon icon(const QString &name)
{
    static QHash<QString, QIcon> cache;
    const auto it = cache.constFind(name);
    if (it != cache.constEnd())
        return *it;
    QByteArray svg = readIcon(name);
    QIcon result = svg.isEmpty() ? QIcon() : QIcon(new SvgIconEngine(std::move(svg)));
    cache.insert(name, result);
    return result;
}

QIcon appIcon()
{
    initIconResources();
    QIcon icon;
    QSvgRenderer renderer(QStringLiteral(":/icons/app.svg"));
    for (int side : { 16, 22, 24, 32, 48, 64, 128, 256 }) {
        QPixmap pixmap(side, side);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        renderer.render(&painter, QRectF(0, 0, side, side));
        painter.end();
        icon.addPixmap(pixmap);
    }
    return icon;
}

QIcon trayIcon(TrayState state)
{
    initIconResources();
    QIcon icon;
    QSvgRenderer renderer(QStringLiteral(":/icons/app.svg"));
    for (int side : { 16, 22, 24, 32, 44, 48, 64, 128 })
        icon.addPixmap(renderTray(renderer, side, state));
    return icon;
}

} // namespace Icons
