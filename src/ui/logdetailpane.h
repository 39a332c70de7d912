#pragma once

#include "store/requestlogrecord.h"

#include <QHash>
#include <QList>
#include <QWidget>

class LogTraceTimeline;
class QLabel;
class QStackedLayout;

// The bottom of the log view: every field of the selected row and the attempts of its trace
// as a timeline. Shows a hint while nothing is selected. Values are selectable for copying.
class LogDetailPane final : public QWidget
{
    Q_OBJECT

public:
    explicit LogDetailPane(QWidget *parent = nullptr);

    // `trace` holds every attempt of the selected row's trace, the row `selectedId` among them.
    void showTrace(const QList<RequestLogRecord> &trace, qint64 selectedId);
    void showNothing();

    // The text of a field as shown ("status", "model", ... the snake_case names of the admin
    // API), for tests.
    QString fieldText(const QString &name) const;
    const LogTraceTimeline *timeline() const { return m_timeline; }

private:
    QLabel *addField(class QGridLayout *grid, int row, int column, const QString &name,
                     const QString &label);

    QStackedLayout *m_stack = nullptr;
    QLabel *m_title = nullptr;
    LogTraceTimeline *m_timeline = nullptr;
    QHash<QString, QLabel *> m_values;
};
