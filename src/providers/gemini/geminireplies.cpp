#include "gemini/geminireplies.h"

#include "json/jsonmembers.h"
#include "json/jsonraw.h"

using JsonRaw::FirstMembers;
using JsonRaw::isArray;
using JsonRaw::isObject;
using JsonRaw::slice;
using JsonRaw::trimmed;

namespace {

// The first element of a JSON array, or the value itself when it is not an array (Google wraps
// streamGenerateContent errors in a one-element array).
QByteArrayView unwrapArray(QByteArrayView json)
{
    if (!isArray(json))
        return json;
    JsonSpan first { -1, -1 };
    const bool valid = JsonScan::visitElements(json, [&first](JsonSpan element) {
        if (first.begin < 0)
            first = element;
    });
    return valid && first.begin >= 0 ? slice(json, first) : QByteArrayView();
}

// The "error" object of an error body, empty when there is none.
QByteArrayView errorObject(QByteArrayView body)
{
    const QByteArrayView json = unwrapArray(trimmed(body));
    FirstMembers<1> f { { "error" } };
    if (!isObject(json) || !JsonScan::visitMembers(json, f))
        return {};
    const QByteArrayView error = f.value(json, 0);
    return isObject(error) ? error : QByteArrayView();
}

// A protobuf Duration in JSON: "<seconds>[.<up to 9 digits>]s", in milliseconds rounded up.
std::optional<qint64> durationMs(QByteArrayView text)
{
    if (text.size() < 2 || text.back() != 's')
        return std::nullopt;
    text.chop(1);
    const qsizetype dot = text.indexOf('.');
    const QByteArrayView whole = dot < 0 ? text : text.first(dot);
    const QByteArrayView fraction = dot < 0 ? QByteArrayView() : text.sliced(dot + 1);
    if (whole.isEmpty() || whole.size() > 12 || fraction.size() > 9
        || (dot >= 0 && fraction.isEmpty()))
        return std::nullopt;
    qint64 seconds = 0;
    for (const char c : whole) {
        if (c < '0' || c > '9')
            return std::nullopt;
        seconds = seconds * 10 + (c - '0');
    }
    qint64 nanos = 0;
    for (qsizetype i = 0; i < 9; ++i) {
        const char c = i < fraction.size() ? fraction[i] : '0';
        if (c < '0' || c > '9')
            return std::nullopt;
        nanos = nanos * 10 + (c - '0');
    }
    return seconds * 1000 + (nanos + 999999) / 1000000;
}

} // namespace

namespace GeminiContent {

QString statusName(int httpStatus)
{
    switch (httpStatus) {
    case 400:
    case 413:
        return QStringLiteral("INVALID_ARGUMENT");
    case 401:
        return QStringLiteral("UNAUTHENTICATED");
    case 402:
    case 429:
        return QStringLiteral("RESOURCE_EXHAUSTED");
    case 403:
        return QStringLiteral("PERMISSION_DENIED");
    case 404:
        return QStringLiteral("NOT_FOUND");
    case 408:
    case 504:
        return QStringLiteral("DEADLINE_EXCEEDED");
    case 409:
        return QStringLiteral("ABORTED");
    case 499:
        return QStringLiteral("CANCELLED");
    case 501:
        return QStringLiteral("UNIMPLEMENTED");
    case 502:
    case 503:
    case 529:
        return QStringLiteral("UNAVAILABLE");
    default:
        break;
    }
    if (httpStatus >= 400 && httpStatus < 500)
        return QStringLiteral("FAILED_PRECONDITION");
    return QStringLiteral("INTERNAL");
}

QByteArray errorBody(int httpStatus, const QString &message, const QString &status)
{
    return QByteArrayLiteral("{\"error\":{\"code\":") + QByteArray::number(httpStatus)
        + QByteArrayLiteral(",\"message\":") + JsonScan::quoted(message)
        + QByteArrayLiteral(",\"status\":")
        + JsonScan::quoted(status.isEmpty() ? statusName(httpStatus) : status)
        + QByteArrayLiteral("}}");
}

QByteArray errorEvent(int httpStatus, const QString &message, const QString &status)
{
    return QByteArrayLiteral("data: ") + errorBody(httpStatus, message, status)
        + QByteArrayLiteral("\r\n\r\n");
}

std::optional<ErrorInfo> errorFromBody(QByteArrayView body)
{
    const QByteArrayView error = errorObject(body);
    if (error.isEmpty())
        return std::nullopt;
    FirstMembers<4> f { { "code", "message", "status", "details" } };
    if (!JsonScan::visitMembers(error, f))
        return std::nullopt;
    ErrorInfo info;
    info.code = static_cast<int>(JsonScan::integerValue(f.value(error, 0)).value_or(0));
    info.message = JsonScan::stringValue(f.value(error, 1)).value_or(QString());
    info.status = JsonScan::stringValue(f.value(error, 2)).value_or(QString());
    const QByteArrayView details = f.value(error, 3);
    if (isArray(details)) {
        JsonScan::visitElements(details, [&info, details](JsonSpan element) {
            const QByteArrayView detail = slice(details, element);
            FirstMembers<2> d { { "@type", "reason" } };
            if (!info.reason.isEmpty() || !isObject(detail) || !JsonScan::visitMembers(detail, d))
                return;
            const std::optional<QByteArray> type = JsonScan::utf8StringValue(d.value(detail, 0));
            if (type && type->endsWith("google.rpc.ErrorInfo"))
                info.reason = JsonScan::stringValue(d.value(detail, 1)).value_or(QString());
        });
    }
    return info;
}

QString errorMessageFromBody(QByteArrayView body)
{
    if (const std::optional<ErrorInfo> info = errorFromBody(body); info && !info->message.isEmpty())
        return info->message;
    const QByteArrayView json = unwrapArray(trimmed(body));
    FirstMembers<2> f { { "error", "message" } };
    if (isObject(json) && JsonScan::visitMembers(json, f)) {
        for (int i = 0; i < 2; ++i) {
            const std::optional<QString> message = JsonScan::stringValue(f.value(json, i));
            if (message && !message->isEmpty())
                return *message;
        }
    }
    constexpr qsizetype MaxChars = 500;
    const QByteArrayView text = trimmed(body);
    // Up to 4 UTF-8 bytes per character; cut after decoding so no character is split.
    QString message = QString::fromUtf8(text.first(qMin(text.size(), MaxChars * 4)));
    if (message.size() > MaxChars)
        message.truncate(MaxChars);
    return message;
}

std::optional<qint64> retryDelayMsFromBody(QByteArrayView body)
{
    const QByteArrayView error = errorObject(body);
    FirstMembers<1> f { { "details" } };
    if (error.isEmpty() || !JsonScan::visitMembers(error, f))
        return std::nullopt;
    const QByteArrayView details = f.value(error, 0);
    if (!isArray(details))
        return std::nullopt;
    std::optional<qint64> delay;
    JsonScan::visitElements(details, [&delay, details](JsonSpan element) {
        const QByteArrayView detail = slice(details, element);
        FirstMembers<2> d { { "@type", "retryDelay" } };
        if (delay || !isObject(detail) || !JsonScan::visitMembers(detail, d))
            return;
        const std::optional<QByteArray> type = JsonScan::utf8StringValue(d.value(detail, 0));
        if (!type || !type->endsWith("google.rpc.RetryInfo"))
            return;
        if (const std::optional<QByteArray> text = JsonScan::utf8StringValue(d.value(detail, 1)))
            delay = durationMs(*text);
    });
    return delay;
}

QStringList defaultGenerationMethods()
{
    return { QStringLiteral("generateContent"), QStringLiteral("streamGenerateContent") };
}

QByteArray modelInfo(const QString &id, const QStringList &methods)
{
    const QLatin1String prefix("models/");
    const QString shortId = id.startsWith(prefix) ? id.sliced(prefix.size()) : id;
    QByteArray out = QByteArrayLiteral("{\"name\":") + JsonScan::quoted(prefix + shortId)
        + QByteArrayLiteral(",\"displayName\":") + JsonScan::quoted(shortId)
        + QByteArrayLiteral(",\"supportedGenerationMethods\":[");
    for (qsizetype i = 0; i < methods.size(); ++i) {
        if (i > 0)
            out += ',';
        out += JsonScan::quoted(methods[i]);
    }
    out += QByteArrayLiteral("]}");
    return out;
}

QByteArray modelList(const QStringList &ids, const QStringList &methods)
{
    QByteArray out = QByteArrayLiteral("{\"models\":[");
    for (qsizetype i = 0; i < ids.size(); ++i) {
        if (i > 0)
            out += ',';
        out += modelInfo(ids[i], methods);
    }
    out += QByteArrayLiteral("]}");
    return out;
}

} // namespace GeminiContent
