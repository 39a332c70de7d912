#pragma once

#include "store/logquery.h"

#include <QStringList>
#include <QVariantList>

// The SQL conditions of a LogFilter on request_log (everything but limit and offset), for the
// queries that read the log in other ways than LogQuery::page() (the streamed export).
// LogQuery::page() builds the same conditions; it should call this too (one place).
namespace LogFilterSql {

// Conditions to AND together, with `?` placeholders whose values are appended to *values in
// order. Empty when the filter does not filter.
QStringList conditions(const LogFilter &filter, QVariantList *values);

// " WHERE c1 AND c2 ..." or an empty string.
QString whereClause(const QStringList &conditions);

} // namespace LogFilterSql
