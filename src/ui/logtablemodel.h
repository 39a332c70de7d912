#pragma once

#include "logviewfilter.h"
#include "store/requestlogrecord.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

class LogReader;

// The request log as a table, newest first, read page by page on demand (canFetchMore /
// fetchMore) through a LogReader in another thread with keyset pagination: a million rows
// scroll smoothly and only what was scrolled past is ever loaded. Rows are kept in a compact
// form (the detail pane reads the full record of the selected row again).
//
// New rows logged while the view is open (addLiveRows, fed by EngineClient::rowsLogged) are
// inserted in their place, usually at the top, when the filter would have returned them.
class LogTableModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        TimeColumn,
        ModelColumn,
        ProviderColumn,
        StatusColumn,
        TokensColumn,
        TtftColumn,
        TotalColumn,
        ColumnCount
    };
    enum Role {
        IdRole = Qt::UserRole + 1, // qint64
        TraceIdRole, // QString
        TimeMsRole, // qint64, UTC epoch ms
    };

    static constexpr int DefaultPageSize = 500;

    // The reader must outlive the model (it lives in another thread; the model only queues
    // calls to it and listens to its answers).
    explicit LogTableModel(LogReader *reader, QObject *parent = nullptr);

    // Drops the rows and reads the first page of the new filter (and its row count).
    void setFilter(const LogViewFilter &filter);
    const LogViewFilter &filter() const { return m_filter; }
    // Reads the current filter again from the start.
    void reload();
    void setPageSize(int rows) { m_pageSize = qMax(1, rows); }

    void addLiveRows(const QList<RequestLogRecord> &rows);

    bool isLoading() const { return m_loading; }
    bool isAtEnd() const { return m_atEnd; }
    // Rows matching the filter in the store (-1 until counted), live rows included.
    qint64 totalCount() const { return m_total; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

Q_SIGNALS:
    void loadingChanged(bool loading);
    void totalCountChanged(qint64 count);
    void readFailed(const QString &error);

private:
    struct Row
    {
        qint64 id = 0;
        qint64 timeMs = 0;
        QString traceId;
        QString model; // interned, as are provider and status
        QString provider;
        QString status;
        QString error;
        qint64 inputTokens = -1;
        qint64 outputTokens = -1;
        qint64 cachedTokens = -1;
        float ttftMs = -1;
        float totalMs = -1;
        int attempt = 0;
    };

    Row compact(const RequestLogRecord &record);
    QString intern(const QString &text);
    void requestPage();
    void onPageRead(quint64 ticket, const QList<RequestLogRecord> &rows, bool atEnd);
    void onCounted(quint64 ticket, qint64 count);
    void onFailed(quint64 ticket, const QString &error);
    void setLoading(bool loading);
    QVariant display(const Row &row, int column) const;

    LogReader *m_reader;
    LogViewFilter m_filter;
    quint64 m_ticket = 0; // answers carrying an older ticket are for an older filter
    int m_pageSize = DefaultPageSize;
    QList<Row> m_rows;
    QSet<qint64> m_ids;
    QHash<QString, QString> m_strings;
    LogCursor m_cursor; // the last row read from the store
    bool m_loading = false;
    bool m_atEnd = false;
    qint64 m_total = -1;
};
