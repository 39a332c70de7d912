#include "store/logfiltersql.h"

namespace {

// LIKE pattern for a substring, with the wildcards of the needle escaped.
QString likePattern(const QString &needle)
{
    QString escaped = needle;
    escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    escaped.replace(QLatin1Char('%'), QLatin1String("\\%"));
    escaped.replace(QLatin1Char('_'), QLatin1String("\\_"));
    return QLatin1Char('%') + escaped + QLatin1Char('%');
}

} // namespace

namespace LogFilterSql {

QStringList conditions(const LogFilter &filter, QVariantList *values)
{
    QStringList result;
    auto equals = [&](const char *column, const QString &value) {
        if (value.isEmpty())
            return;
        result.append(QLatin1String(column) + QLatin1String(" = ?"));
        values->append(value);
    };
    equals("model", filter.model);
    equals("provider", filter.provider);
    equals("status", filter.status);
    equals("trace_id", filter.traceId);
    equals("access_key", filter.accessKey);
    if (filter.from.isValid()) {
        result.append(QStringLiteral("time_ms >= ?"));
        values->append(filter.from.toMSecsSinceEpoch());
    }
    if (filter.to.isValid()) {
        result.append(QStringLiteral("time_ms < ?"));
        values->append(filter.to.toMSecsSinceEpoch());
    }
    if (!filter.text.isEmpty()) {
        result.append(QStringLiteral(
            "(error LIKE ? ESCAPE '\\' OR model LIKE ? ESCAPE '\\' OR provider LIKE ? ESCAPE '\\'"
            " OR user_agent LIKE ? ESCAPE '\\')"));
        const QString pattern = likePattern(filter.text);
        for (int i = 0; i < 4; ++i)
            values->append(pattern);
    }
    return result;
}

QString whereClause(const QStringList &conditions)
{
    return conditions.isEmpty()
        ? QString()
        : QStringLiteral(" WHERE ") + conditions.join(QLatin1String(" AND "));
}

} // namespace LogFilterSql
