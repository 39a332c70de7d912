#include "logtracetimeline.h"

#include "chartpalette.h"
#include "logformat.h"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <limits>

LogTraceTimeline::LogTraceTimeline(QWidget *parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void LogTraceTimeline::setAttempts(const QList<RequestLogRecord> &attempts, qint64 selectedId)
{
    m_attempts = attempts;
    m_selectedId = selectedId;
    setAccessibleDescription(summary());
    setToolTip(summary());
    updateGeometry();
    update();
}

void LogTraceTimeline::clear()
{
    setAttempts({}, 0);
}

QString LogTraceTimeline::describe(const RequestLogRecord &a)
{
    const QString status = a.status.isEmpty() ? tr("no answer") : a.status;
    if (a.attempt == 0)
        return tr("refused → %1").arg(status);
    if (a.totalMs < 0)
        return tr("attempt %1 → %2").arg(a.attempt).arg(status);
    return tr("attempt %1 → %2 in %3").arg(a.attempt).arg(status, LogFormat::duration(a.totalMs));
}

QString LogTraceTimeline::summary() const
{
    QStringList lines;
    for (const RequestLogRecord &attempt : m_attempts)
        lines.append(describe(attempt));
    return lines.join(QLatin1String(", "));
}

int LogTraceTimeline::lineHeight() const
{
    return fontMetrics().height() + 8;
}

QSize LogTraceTimeline::sizeHint() const
{
    return { 480, int(qMax<qsizetype>(1, m_attempts.size())) * lineHeight() };
}

QSize LogTraceTimeline::minimumSizeHint() const
{
    return { 240, int(qMax<qsizetype>(1, m_attempts.size())) * lineHeight() };
}

void LogTraceTimeline::paintEvent(QPaintEvent *)
{
    if (m_attempts.isEmpty())
        return;
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);

    // The axis runs from the first attempt's start to the last attempt's end.
    qint64 startMs = std::numeric_limits<qint64>::max();
    qint64 endMs = std::numeric_limits<qint64>::min();
    for (const RequestLogRecord &a : m_attempts) {
        const qint64 begin = a.time.toMSecsSinceEpoch();
        startMs = qMin(startMs, begin);
        endMs = qMax(endMs, begin + qint64(qMax(0.0, a.totalMs)));
    }
    const double spanMs = qMax<double>(1.0, double(endMs - startMs));

    QFontMetrics metrics = fontMetrics();
    int textWidth = 0;
    for (const RequestLogRecord &a : m_attempts)
        textWidth = qMax(textWidth, metrics.horizontalAdvance(describe(a)));
    textWidth = qMin(textWidth + 16, width() / 2);
    const int barLeft = textWidth;
    const int barWidth = qMax(20, width() - barLeft - 4);

    const int h = lineHeight();
    for (int i = 0; i < m_attempts.size(); ++i) {
        const RequestLogRecord &a = m_attempts.at(i);
        const QRect line(0, i * h, width(), h);
        QFont font = this->font();
        font.setBold(a.id == m_selectedId);
        painter.setFont(font);
        painter.setPen(palette().color(QPalette::Text));
        const QRect textRect(0, line.top(), textWidth - 8, h);
        painter.drawText(
            textRect, Qt::AlignLeft | Qt::AlignVCenter,
            QFontMetrics(font).elidedText(describe(a), Qt::ElideRight, textRect.width()));

        // The bar: where the attempt started on the axis and how long it took (at least a
        // few pixels, so an instant refusal still shows).
        const double from = double(a.time.toMSecsSinceEpoch() - startMs) / spanMs;
        const double length = qMax(0.0, a.totalMs) / spanMs;
        const qreal x = barLeft + from * barWidth;
        const qreal w = qMax<qreal>(4.0, length * barWidth);
        const QRectF bar(x, line.top() + h * 0.3, qMin<qreal>(w, barLeft + barWidth - x + 4),
                         h * 0.4);
        const QColor color = StatusColors::color(ChartPalette::statusLevel(a.status), palette());
        QPainterPath path;
        path.addRoundedRect(bar, 3, 3);
        painter.fillPath(path, color);
        // Guide line of the whole axis, behind the bar.
        painter.setPen(QPen(palette().color(QPalette::Mid), 1, Qt::DotLine));
        painter.drawLine(QPointF(barLeft, line.center().y() + 0.5),
                         QPointF(bar.left() - 2, line.center().y() + 0.5));
    }
}
