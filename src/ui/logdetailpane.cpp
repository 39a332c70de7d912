#include "logdetailpane.h"

#include "logformat.h"
#include "logtracetimeline.h"

#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QScrollArea>
#include <QStackedLayout>
#include <QVBoxLayout>

#include <algorithm>

namespace {

QString textOrDash(const QString &text)
{
    return text.isEmpty() ? QStringLiteral("—") : text;
}

QString bytes(qint64 value)
{
    return value < 0 ? QStringLiteral("—") : QLocale().formattedDataSize(value);
}

} // namespace

LogDetailPane::LogDetailPane(QWidget *parent)
    : QWidget(parent)
{
    m_stack = new QStackedLayout(this);

    auto *hint = new QLabel(tr("Select a request to see all of its fields and attempts."), this);
    hint->setAlignment(Qt::AlignCenter);
    hint->setForegroundRole(QPalette::PlaceholderText);
    hint->setWordWrap(true);
    m_stack->addWidget(hint);

    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *content = new QWidget(scroll);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->setSpacing(8);

    m_title = new QLabel(content);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_title);

    m_timeline = new LogTraceTimeline(content);
    layout->addWidget(m_timeline);

    auto *grid = new QGridLayout;
    grid->setHorizontalSpacing(16);
    grid->setVerticalSpacing(4);
    // Three columns of label/value pairs; related fields side by side.
    const struct
    {
        const char *name;
        const char *label;
    } fields[] = {
        { "time", QT_TR_NOOP("Time") },
        { "status", QT_TR_NOOP("Status") },
        { "total_ms", QT_TR_NOOP("Total time") },
        { "model", QT_TR_NOOP("Model") },
        { "attempt", QT_TR_NOOP("Attempt") },
        { "header_ms", QT_TR_NOOP("Headers after") },
        { "provider", QT_TR_NOOP("Provider") },
        { "stream", QT_TR_NOOP("Streamed") },
        { "ttft_ms", QT_TR_NOOP("First token after") },
        { "upstream_model", QT_TR_NOOP("Upstream model") },
        { "protocol", QT_TR_NOOP("Protocol") },
        { "input_tokens", QT_TR_NOOP("Input tokens") },
        { "access_key", QT_TR_NOOP("Access key") },
        { "bytes_in", QT_TR_NOOP("Bytes in") },
        { "output_tokens", QT_TR_NOOP("Output tokens") },
        { "trace_id", QT_TR_NOOP("Trace id") },
        { "bytes_out", QT_TR_NOOP("Bytes out") },
        { "cached_tokens", QT_TR_NOOP("Cached tokens") },
        { "id", QT_TR_NOOP("Row id") },
        { "user_agent", QT_TR_NOOP("User agent") },
    };
    int index = 0;
    for (const auto &field : fields) {
        addField(grid, index / 3, index % 3, QLatin1String(field.name), tr(field.label));
        ++index;
    }
    const int errorRow = (index + 2) / 3;
    auto *errorLabel = new QLabel(tr("Error"), content);
    errorLabel->setForegroundRole(QPalette::PlaceholderText);
    grid->addWidget(errorLabel, errorRow, 0, Qt::AlignTop);
    auto *error = new QLabel(content);
    error->setWordWrap(true);
    error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    grid->addWidget(error, errorRow, 1, 1, 5);
    m_values.insert(QStringLiteral("error"), error);
    for (int column : { 1, 3, 5 })
        grid->setColumnStretch(column, 1);
    layout->addLayout(grid);
    layout->addStretch(1);

    scroll->setWidget(content);
    m_stack->addWidget(scroll);
}

QLabel *LogDetailPane::addField(QGridLayout *grid, int row, int column, const QString &name,
                                const QString &label)
{
    auto *caption = new QLabel(label, this);
    caption->setForegroundRole(QPalette::PlaceholderText);
    auto *value = new QLabel(this);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    value->setMinimumWidth(40);
    caption->setBuddy(value);
    grid->addWidget(caption, row, column * 2);
    grid->addWidget(value, row, column * 2 + 1);
    m_values.insert(name, value);
    return value;
}

void LogDetailPane::showNothing()
{
    m_timeline->clear();
    m_stack->setCurrentIndex(0);
}

void LogDetailPane::showTrace(const QList<RequestLogRecord> &trace, qint64 selectedId)
{
    const auto selected
        = std::find_if(trace.cbegin(), trace.cend(),
                       [&](const RequestLogRecord &r) { return r.id == selectedId; });
    if (selected == trace.cend()) {
        showNothing();
        return;
    }
    const RequestLogRecord &r = *selected;
    const auto set = [this](const char *name, const QString &text) {
        QLabel *label = m_values.value(QLatin1String(name));
        label->setText(text);
        label->setToolTip(text);
    };
    set("time", LogFormat::time(r.time));
    m_values.value(QStringLiteral("time"))->setToolTip(r.time.toUTC().toString(Qt::ISODateWithMs));
    set("status", textOrDash(r.status));
    set("total_ms", LogFormat::duration(r.totalMs));
    set("model", textOrDash(r.model));
    set("attempt",
        r.attempt == 0 ? tr("refused before any attempt")
                       : tr("%1 of %2").arg(r.attempt).arg(trace.size()));
    set("header_ms", LogFormat::duration(r.headerMs));
    set("provider", textOrDash(r.provider));
    set("stream", r.stream ? tr("yes") : tr("no"));
    set("ttft_ms", LogFormat::duration(r.ttftMs));
    set("upstream_model", textOrDash(r.upstreamModel));
    set("protocol", textOrDash(r.protocol));
    set("input_tokens", LogFormat::count(r.inputTokens));
    set("access_key", textOrDash(r.accessKey));
    set("bytes_in", bytes(r.bytesIn));
    set("output_tokens", LogFormat::count(r.outputTokens));
    set("trace_id", textOrDash(r.traceId));
    set("bytes_out", bytes(r.bytesOut));
    set("cached_tokens", LogFormat::count(r.cachedTokens));
    set("id", QString::number(r.id));
    set("user_agent", textOrDash(r.userAgent));
    set("error", textOrDash(r.error));

    const int attempts = int(trace.size());
    m_title->setText(attempts > 1
                         ? tr("%1 → %2 · %n attempts", nullptr, attempts)
                               .arg(textOrDash(r.model), textOrDash(trace.constLast().status))
                         : tr("%1 → %2").arg(textOrDash(r.model), textOrDash(r.status)));
    m_timeline->setAttempts(trace, selectedId);
    m_stack->setCurrentIndex(1);
}

QString LogDetailPane::fieldText(const QString &name) const
{
    const QLabel *label = m_values.value(name);
    return label ? label->text() : QString();
}
