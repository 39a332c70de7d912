#include "statuscolors.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QIconEngine>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace {

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

// Draws the level's dot centred in `rect`, about half its height.
class DotIconEngine final : public QIconEngine
{
public:
    explicit DotIconEngine(HealthLevel level)
        : m_level(level)
    {
    }

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode, QIcon::State) override
    {
        const QColor colour = StatusColors::color(m_level);
        const qreal side = qMin(rect.width(), rect.height()) * 0.62;
        const QRectF dot(rect.center().x() + 0.5 - side / 2, rect.center().y() + 0.5 - side / 2,
                         side, side);
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        switch (m_level) {
        case HealthLevel::Healthy:
            painter->setPen(Qt::NoPen);
            painter->setBrush(colour);
            painter->drawEllipse(dot);
            break;
        case HealthLevel::Degraded: {
            painter->setPen(QPen(colour, side * 0.16));
            painter->setBrush(Qt::NoBrush);
            const qreal inset = side * 0.08;
            const QRectF ring = dot.adjusted(inset, inset, -inset, -inset);
            painter->drawEllipse(ring);
            QPainterPath half;
            half.moveTo(ring.center());
            half.arcTo(ring, 90, 180);
            half.closeSubpath();
            painter->setPen(Qt::NoPen);
            painter->setBrush(colour);
            painter->drawPath(half);
            break;
        }
        case HealthLevel::Down: {
            painter->setPen(Qt::NoPen);
            painter->setBrush(colour);
            painter->drawEllipse(dot);
            const qreal arm = side * 0.22;
            QPen cross(QGuiApplication::palette().color(QPalette::Base), side * 0.14);
            cross.setCapStyle(Qt::RoundCap);
            painter->setPen(cross);
            const QPointF c = dot.center();
            painter->drawLine(c + QPointF(-arm, -arm), c + QPointF(arm, arm));
            painter->drawLine(c + QPointF(-arm, arm), c + QPointF(arm, -arm));
            break;
        }
        case HealthLevel::Disabled:
        case HealthLevel::Unknown: {
            const qreal width = side * 0.16;
            painter->setPen(QPen(colour, width));
            painter->setBrush(Qt::NoBrush);
            painter->drawEllipse(dot.adjusted(width / 2, width / 2, -width / 2, -width / 2));
            break;
        }
        }
        painter->restore();
    }

    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        QPixmap pixmap(size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        paint(&painter, QRect(QPoint(0, 0), size), mode, state);
        return pixmap;
    }

    QIconEngine *clone() const override { return new DotIconEngine(m_level); }
    QString key() const override { return QStringLiteral("llmo-dot"); }

private:
    HealthLevel m_level;
};

} // namespace

namespace StatusColors {

QColor color(HealthLevel level, const QPalette &palette)
{
    const bool dark = isDark(palette);
    switch (level) {
    case HealthLevel::Healthy:
        return dark ? QColor(0x4c, 0xc4, 0x6f) : QColor(0x22, 0x8b, 0x45);
    case HealthLevel::Degraded:
        return dark ? QColor(0xf0, 0xb0, 0x3c) : QColor(0xc2, 0x7c, 0x00);
    case HealthLevel::Down:
        return dark ? QColor(0xff, 0x6b, 0x6b) : QColor(0xc8, 0x32, 0x32);
    case HealthLevel::Disabled:
    case HealthLevel::Unknown:
        break;
    }
    return palette.color(QPalette::PlaceholderText);
}

QColor color(HealthLevel level)
{
    return color(level, QGuiApplication::palette());
}

QString label(HealthLevel level)
{
    switch (level) {
    case HealthLevel::Healthy:
        return QCoreApplication::translate("StatusColors", "Healthy");
    case HealthLevel::Degraded:
        return QCoreApplication::translate("StatusColors", "Degraded");
    case HealthLevel::Down:
        return QCoreApplication::translate("StatusColors", "Down");
    case HealthLevel::Disabled:
        return QCoreApplication::translate("StatusColors", "Disabled");
    case HealthLevel::Unknown:
        break;
    }
    return QCoreApplication::translate("StatusColors", "No data");
}

QIcon dot(HealthLevel level)
{
    return QIcon(new DotIconEngine(level));
}

HealthLevel fromCircuit(CircuitState state)
{
    switch (state) {
    case CircuitState::Closed:
        return HealthLevel::Healthy;
    case CircuitState::HalfOpen:
        return HealthLevel::Degraded;
    case CircuitState::Open:
        return HealthLevel::Down;
    }
    return HealthLevel::Unknown;
}

} // namespace StatusColors
