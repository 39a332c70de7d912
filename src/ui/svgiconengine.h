#pragma once

#include <QByteArray>
#include <QColor>
#include <QIconEngine>
#include <QPalette>

// An icon drawn from a monochrome SVG whose strokes and fills say `currentColor`. The colour
// comes from the application palette each time the icon is drawn, so one icon set follows
// light and dark palettes, disabled widgets and selected rows; the vector source keeps it
// sharp at any size and device pixel ratio.
class SvgIconEngine final : public QIconEngine
{
public:
    explicit SvgIconEngine(QByteArray svg);

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state) override;
    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override;
    QSize actualSize(const QSize &size, QIcon::Mode mode, QIcon::State state) override;
    QIconEngine *clone() const override;
    QString key() const override;

    // The colour an icon takes in `mode`: button text, the disabled button text, or the
    // highlighted text of a selected item.
    static QColor colorFor(QIcon::Mode mode, const QPalette &palette);

private:
    QByteArray coloured(const QColor &colour) const;

    QByteArray m_svg;
};
