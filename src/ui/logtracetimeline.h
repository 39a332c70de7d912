#pragma once

#include "store/requestlogrecord.h"

#include <QList>
#include <QWidget>

// The attempts of one client request (one trace) as a small timeline: a line per attempt
// with "attempt 1 → 503 in 120 ms" and a bar placed on a shared time axis, coloured by the
// outcome, so a failover reads at a glance. The selected attempt is drawn in bold.
class LogTraceTimeline final : public QWidget
{
    Q_OBJECT

public:
    explicit LogTraceTimeline(QWidget *parent = nullptr);

    // `attempts` in attempt order; `selectedId` is the row shown in the detail pane.
    void setAttempts(const QList<RequestLogRecord> &attempts, qint64 selectedId);
    void clear();

    // The line of one attempt as written next to its bar ("attempt 2 → 200 in 850 ms").
    static QString describe(const RequestLogRecord &attempt);
    // All lines joined with ", ": the accessible description and what tests read.
    QString summary() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    int lineHeight() const;

    QList<RequestLogRecord> m_attempts;
    qint64 m_selectedId = 0;
};
