#include "logviewfilter.h"

#include <QStringList>

namespace {

QString likePattern(const QString &needle)
{
    QString escaped = needle;
    escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    escaped.replace(QLatin1Char('%'), QLatin1String("\\%"));
    escaped.replace(QLatin1Char('_'), QLatin1String("\\_"));
    return QLatin1Char('%') + escaped + QLatin1Char('%');
}

// The columns the free text searches, in SQL and in matches().
const char *const textColumns[]
    = { "error", "model", "upstream_model", "provider", "user_agent", "trace_id" };

} // namespace

namespace LogStatus {

bool isSuccess(const QString &status)
{
    return status.size() == 3 && status.at(0) == QLatin1Char('2') && status.at(1).isDigit()
        && status.at(2).isDigit();
}

} // namespace LogStatus

bool LogViewFilter::isEmpty() const
{
    return !from.isValid() && !to.isValid() && model.isEmpty() && provider.isEmpty()
        && accessKey.isEmpty() && text.isEmpty() && status == Status::Any;
}

bool LogViewFilter::matches(const RequestLogRecord &r) const
{
    const qint64 timeMs = r.time.toMSecsSinceEpoch();
    if (from.isValid() && timeMs < from.toMSecsSinceEpoch())
        return false;
    if (to.isValid() && timeMs >= to.toMSecsSinceEpoch())
        return false;
    if (!model.isEmpty() && r.model != model)
        return false;
    if (!provider.isEmpty() && r.provider != provider)
        return false;
    if (!accessKey.isEmpty() && r.accessKey != accessKey)
        return false;
    switch (status) {
    case Status::Any:
        break;
    case Status::Success:
        if (!LogStatus::isSuccess(r.status))
            return false;
        break;
    case Status::Failure:
        if (LogStatus::isSuccess(r.status))
            return false;
        break;
    case Status::Exact:
        if (r.status != statusCode)
            return false;
        break;
    }
    if (!text.isEmpty()) {
        const QString *fields[]
            = { &r.error, &r.model, &r.upstreamModel, &r.provider, &r.userAgent, &r.traceId };
        bool found = false;
        for (const QString *field : fields)
            found = found || field->contains(text, Qt::CaseInsensitive);
        if (!found)
            return false;
    }
    return true;
}

QString LogViewFilter::sqlCondition(QVariantList *values) const
{
    QStringList conditions;
    if (from.isValid()) {
        conditions.append(QStringLiteral("time_ms >= ?"));
        values->append(from.toMSecsSinceEpoch());
    }
    if (to.isValid()) {
        conditions.append(QStringLiteral("time_ms < ?"));
        values->append(to.toMSecsSinceEpoch());
    }
    const auto equals = [&](const char *column, const QString &value) {
        if (value.isEmpty())
            return;
        conditions.append(QLatin1String(column) + QLatin1String(" = ?"));
        values->append(value);
    };
    equals("model", model);
    equals("provider", provider);
    equals("access_key", accessKey);
    // GLOB is case-sensitive and matches exactly three characters: "2" and two digits.
    static const QString success = QStringLiteral("status GLOB '2[0-9][0-9]'");
    switch (status) {
    case Status::Any:
        break;
    case Status::Success:
        conditions.append(success);
        break;
    case Status::Failure:
        conditions.append(QStringLiteral("NOT coalesce(status, '') GLOB '2[0-9][0-9]'"));
        break;
    case Status::Exact:
        conditions.append(QStringLiteral("status = ?"));
        values->append(statusCode);
        break;
    }
    if (!text.isEmpty()) {
        QStringList alternatives;
        const QString pattern = likePattern(text);
        for (const char *column : textColumns) {
            alternatives.append(QLatin1String(column) + QLatin1String(" LIKE ? ESCAPE '\\'"));
            values->append(pattern);
        }
        conditions.append(QLatin1Char('(') + alternatives.join(QLatin1String(" OR "))
                          + QLatin1Char(')'));
    }
    return conditions.join(QLatin1String(" AND "));
}

bool LogViewFilter::operator==(const LogViewFilter &o) const
{
    return from == o.from && to == o.to && model == o.model && provider == o.provider
        && accessKey == o.accessKey && text == o.text && status == o.status
        && (status != Status::Exact || statusCode == o.statusCode);
}
