#include "logtablemodel.h"

#include "chartpalette.h"
#include "logformat.h"
#include "logreader.h"

#include <QDateTime>
#include <QPalette>

#include <algorithm>

namespace {

// True when row key a comes before b in the log's order (newer first).
bool newerThan(qint64 aTime, qint64 aId, qint64 bTime, qint64 bId)
{
    return aTime > bTime || (aTime == bTime && aId > bId);
}

} // namespace

LogTableModel::LogTableModel(LogReader *reader, QObject *parent)
    : QAbstractTableModel(parent)
    , m_reader(reader)
{
    connect(reader, &LogReader::pageRead, this, &LogTableModel::onPageRead);
    connect(reader, &LogReader::rowsCounted, this, &LogTableModel::onCounted);
    connect(reader, &LogReader::failed, this, &LogTableModel::onFailed);
}

void LogTableModel::setFilter(const LogViewFilter &filter)
{
    m_filter = filter;
    reload();
}

void LogTableModel::reload()
{
    beginResetModel();
    m_rows.clear();
    m_ids.clear();
    m_cursor = {};
    m_atEnd = false;
    m_total = -1;
    ++m_ticket;
    endResetModel();
    Q_EMIT totalCountChanged(m_total);
    setLoading(false);
    requestPage();
    const quint64 ticket = m_ticket;
    const LogViewFilter filter = m_filter;
    LogReader *reader = m_reader;
    QMetaObject::invokeMethod(reader,
                              [reader, ticket, filter] { reader->countRows(ticket, filter); });
}

void LogTableModel::requestPage()
{
    if (m_loading || m_atEnd)
        return;
    setLoading(true);
    const quint64 ticket = m_ticket;
    const LogViewFilter filter = m_filter;
    const LogCursor cursor = m_cursor;
    const int limit = m_pageSize;
    LogReader *reader = m_reader;
    QMetaObject::invokeMethod(reader, [reader, ticket, filter, cursor, limit] {
        reader->readPage(ticket, filter, cursor, limit);
    });
}

void LogTableModel::onPageRead(quint64 ticket, const QList<RequestLogRecord> &rows, bool atEnd)
{
    if (ticket != m_ticket)
        return;
    QList<Row> fresh;
    fresh.reserve(rows.size());
    for (const RequestLogRecord &record : rows) {
        // A live row inserted meanwhile may also be in the page.
        if (!m_ids.contains(record.id))
            fresh.append(compact(record));
    }
    if (!rows.isEmpty()) {
        const RequestLogRecord &last = rows.constLast();
        m_cursor = { last.time.toMSecsSinceEpoch(), last.id, true };
    }
    if (!fresh.isEmpty()) {
        beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + fresh.size() - 1));
        for (Row &row : fresh) {
            m_ids.insert(row.id);
            m_rows.append(std::move(row));
        }
        endInsertRows();
    }
    m_atEnd = atEnd;
    setLoading(false);
}

void LogTableModel::onCounted(quint64 ticket, qint64 count)
{
    if (ticket != m_ticket)
        return;
    // Live rows that arrived before the count are in it already; a later one adds itself.
    m_total = qMax<qint64>(count, m_rows.size());
    Q_EMIT totalCountChanged(m_total);
}

void LogTableModel::onFailed(quint64 ticket, const QString &error)
{
    if (ticket != m_ticket)
        return;
    m_atEnd = true; // stop asking; reload() starts over
    setLoading(false);
    Q_EMIT readFailed(error);
}

void LogTableModel::setLoading(bool loading)
{
    if (m_loading == loading)
        return;
    m_loading = loading;
    Q_EMIT loadingChanged(loading);
}

void LogTableModel::addLiveRows(const QList<RequestLogRecord> &records)
{
    int added = 0;
    for (const RequestLogRecord &record : records) {
        if (m_ids.contains(record.id) || !m_filter.matches(record))
            continue;
        const qint64 timeMs = record.time.toMSecsSinceEpoch();
        // Rows older than the last one read come with a later page; while the first page is
        // on its way, it will bring them too.
        if (!m_atEnd && (!m_cursor.valid || m_cursor.isBefore(timeMs, record.id)))
            continue;
        const auto at = std::find_if(m_rows.cbegin(), m_rows.cend(), [&](const Row &row) {
            return newerThan(timeMs, record.id, row.timeMs, row.id);
        });
        const int position = int(at - m_rows.cbegin());
        beginInsertRows({}, position, position);
        m_rows.insert(position, compact(record));
        m_ids.insert(record.id);
        endInsertRows();
        ++added;
    }
    if (added > 0 && m_total >= 0) {
        m_total += added;
        Q_EMIT totalCountChanged(m_total);
    }
}

LogTableModel::Row LogTableModel::compact(const RequestLogRecord &r)
{
    Row row;
    row.id = r.id;
    row.timeMs = r.time.toMSecsSinceEpoch();
    row.traceId = r.traceId;
    row.model = intern(r.model);
    row.provider = intern(r.provider);
    row.status = intern(r.status);
    row.error = r.error;
    row.inputTokens = r.inputTokens;
    row.outputTokens = r.outputTokens;
    row.cachedTokens = r.cachedTokens;
    row.ttftMs = float(r.ttftMs);
    row.totalMs = float(r.totalMs);
    row.attempt = r.attempt;
    return row;
}

QString LogTableModel::intern(const QString &text)
{
    const auto it = m_strings.constFind(text);
    if (it != m_strings.constEnd())
        return *it;
    m_strings.insert(text, text);
    return text;
}

int LogTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int LogTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

bool LogTableModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_atEnd && !m_loading;
}

void LogTableModel::fetchMore(const QModelIndex &parent)
{
    if (!parent.isValid())
        requestPage();
}

QVariant LogTableModel::display(const Row &row, int column) const
{
    switch (column) {
    case TimeColumn:
        return LogFormat::time(QDateTime::fromMSecsSinceEpoch(row.timeMs, Qt::UTC));
    case ModelColumn:
        return row.model;
    case ProviderColumn:
        return row.provider.isEmpty() ? tr("(none)") : row.provider;
    case StatusColumn:
        return LogFormat::status(row.status, row.attempt);
    case TokensColumn:
        return LogFormat::tokens(row.inputTokens, row.outputTokens);
    case TtftColumn:
        return LogFormat::duration(row.ttftMs);
    case TotalColumn:
        return LogFormat::duration(row.totalMs);
    default:
        return {};
    }
}

QVariant LogTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return display(row, index.column());
    case Qt::ToolTipRole:
        if (index.column() == StatusColumn && !row.error.isEmpty())
            return row.error;
        if (index.column() == TokensColumn && row.cachedTokens > 0)
            return tr("%1 input (%2 cached), %3 output")
                .arg(LogFormat::count(row.inputTokens), LogFormat::count(row.cachedTokens),
                     LogFormat::count(row.outputTokens));
        return display(row, index.column());
    case Qt::DecorationRole:
        if (index.column() == StatusColumn)
            return StatusColors::dot(ChartPalette::statusLevel(row.status));
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() >= TokensColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    case IdRole:
        return row.id;
    case TraceIdRole:
        return row.traceId;
    case TimeMsRole:
        return row.timeMs;
    default:
        return {};
    }
}

QVariant LogTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue((section >= TokensColumn ? Qt::AlignRight : Qt::AlignLeft)
                                   | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case ModelColumn:
        return tr("Model");
    case ProviderColumn:
        return tr("Provider");
    case StatusColumn:
        return tr("Status");
    case TokensColumn:
        return tr("Tokens in → out");
    case TtftColumn:
        return tr("TTFT");
    case TotalColumn:
        return tr("Total");
    default:
        return {};
    }
}
