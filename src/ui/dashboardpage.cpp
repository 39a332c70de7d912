#include "dashboardpage.h"

#include "dashboardcard.h"
#include "dashboardcharts.h"
#include "engineclient.h"
#include "logdbthread.h"
#include "logformat.h"
#include "pageheader.h"
#include "statsreader.h"

#include <QAtomicInteger>
#include <QButtonGroup>
#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStackedWidget>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace {

QString connectionName()
{
    static QAtomicInteger<quint32> counter;
    return QStringLiteral("ui-stats-%1").arg(++counter);
}

const StatsRange::Span allSpans[] = { StatsRange::Span::LastHour, StatsRange::Span::Last24Hours,
                                      StatsRange::Span::Last7Days, StatsRange::Span::Last30Days };

// How soon new traffic refreshes the shown range: the hour moves by the minute, the longer
// ranges can wait a little.
int refreshDelayMs(StatsRange::Span span)
{
    return span == StatsRange::Span::LastHour ? 2000 : 10000;
}

} // namespace

DashboardPage::DashboardPage(EngineClient *client, QString databaseUrl, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
{
    m_reader = new StatsReader(std::move(databaseUrl), connectionName());
    m_readerThread = std::make_unique<LogDbThread>(m_reader, QStringLiteral("stats reader"));
    connect(m_reader, &StatsReader::snapshotRead, this, &DashboardPage::onSnapshot);
    connect(m_reader, &StatsReader::failed, this, [this](quint64 ticket, const QString &error) {
        m_pending.remove(ticket);
        m_rangeNote->setText(tr("Cannot read the statistics: %1").arg(error));
    });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 16, 24, 16);
    layout->setSpacing(16);

    auto *header
        = new PageHeader(tr("Dashboard"), tr("Requests, tokens and latency at a glance."), this);
    QPushButton *connectTool = header->addPrimaryButton(tr("Connect a tool…"));
    connect(connectTool, &QPushButton::clicked, this, &DashboardPage::connectToolRequested);
    layout->addWidget(header);

    auto *cards = new QHBoxLayout;
    cards->setSpacing(16);
    for (const QString &caption : { tr("Requests today"), tr("Success rate"), tr("Tokens today"),
                                    tr("p50 latency"), tr("p50 time to first token") }) {
        auto *card = new DashboardCard(caption, this);
        cards->addWidget(card);
        m_cards.append(card);
    }
    layout->addLayout(cards);

    auto *rangeRow = new QHBoxLayout;
    rangeRow->setSpacing(0);
    m_rangeNote = new QLabel(this);
    m_rangeNote->setForegroundRole(QPalette::PlaceholderText);
    rangeRow->addWidget(m_rangeNote, 1);
    m_rangeButtons = new QButtonGroup(this);
    m_rangeButtons->setExclusive(true);
    const QStringList labels = { tr("1 h"), tr("24 h"), tr("7 d"), tr("30 d") };
    for (int i = 0; i < 4; ++i) {
        auto *button = new QToolButton(this);
        button->setText(labels.at(i));
        button->setToolTip(spanText(allSpans[i]));
        button->setAccessibleName(spanText(allSpans[i]));
        button->setCheckable(true);
        button->setAutoRaise(false);
        button->setMinimumWidth(52);
        button->setFocusPolicy(Qt::StrongFocus);
        m_rangeButtons->addButton(button, int(allSpans[i]));
        rangeRow->addWidget(button);
    }
    m_rangeButtons->button(int(m_span))->setChecked(true);
    connect(m_rangeButtons, &QButtonGroup::idClicked, this,
            [this](int id) { setSpan(StatsRange::Span(id)); });
    layout->addLayout(rangeRow);

    m_charts = new DashboardCharts(this);
    m_empty = new QLabel(this);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setTextFormat(Qt::RichText);
    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_charts);
    m_stack->addWidget(m_empty);
    layout->addWidget(m_stack, 1);

    m_refreshTimer = new QTimer(this);
    m_refreshTimer->setSingleShot(true);
    connect(m_refreshTimer, &QTimer::timeout, this, &DashboardPage::refresh);
    m_slideTimer = new QTimer(this);
    m_slideTimer->setInterval(60000);
    connect(m_slideTimer, &QTimer::timeout, this, &DashboardPage::refresh);
    if (m_client)
        connect(m_client, &EngineClient::rowsLogged, this, &DashboardPage::scheduleRefresh);
    m_rangeNote->setText(spanText(m_span));
}

DashboardPage::~DashboardPage()
{
    m_readerThread.reset(); // joins the reader before the page its answers go to is gone
}

QString DashboardPage::spanText(StatsRange::Span span)
{
    switch (span) {
    case StatsRange::Span::LastHour:
        return tr("Last hour, per minute");
    case StatsRange::Span::Last24Hours:
        return tr("Last 24 hours, per hour");
    case StatsRange::Span::Last7Days:
        return tr("Last 7 days, per hour");
    case StatsRange::Span::Last30Days:
        return tr("Last 30 days, per day (UTC)");
    }
    return {};
}

void DashboardPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    // The first read waits until the page is looked at; coming back later brings it up to date.
    m_started = true;
    refresh();
    m_slideTimer->start();
}

void DashboardPage::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_slideTimer->stop();
}

void DashboardPage::setSpan(StatsRange::Span span)
{
    m_switchTimer.start();
    m_switching = true;
    m_span = span;
    if (QAbstractButton *button = m_rangeButtons->button(int(span)))
        button->setChecked(true);
    m_rangeNote->setText(spanText(span));
    const auto kept = m_snapshots.constFind(int(span));
    if (kept != m_snapshots.constEnd())
        display(*kept); // at once from memory; the read below brings it up to date
    m_started = true;
    request(span);
}

void DashboardPage::refresh()
{
    request(m_span);
}

void DashboardPage::scheduleRefresh()
{
    if (!m_started || m_refreshTimer->isActive())
        return;
    m_refreshTimer->start(refreshDelayMs(m_span));
}

void DashboardPage::request(StatsRange::Span span)
{
    // One read of a range at a time: a read already on its way will answer this one too.
    for (auto it = m_pending.cbegin(); it != m_pending.cend(); ++it) {
        if (it.value() == span)
            return;
    }
    const quint64 ticket = ++m_nextTicket;
    m_pending.insert(ticket, span);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    StatsReader *reader = m_reader;
    QMetaObject::invokeMethod(reader,
                              [reader, ticket, span, now] { reader->read(ticket, span, now); });
}

void DashboardPage::onSnapshot(quint64 ticket, const StatsSnapshot &snapshot)
{
    const auto pending = m_pending.find(ticket);
    if (pending == m_pending.end())
        return;
    const StatsRange::Span span = pending.value();
    m_pending.erase(pending);
    m_snapshots.insert(int(span), snapshot);
    if (span == m_span)
        display(snapshot);
    // Once the first range is on screen, read the others so that switching is instant.
    if (!m_prefetched) {
        m_prefetched = true;
        for (StatsRange::Span other : allSpans) {
            if (other != m_span)
                request(other);
        }
    }
}

const StatsSnapshot *DashboardPage::snapshot(StatsRange::Span span) const
{
    const auto it = m_snapshots.constFind(int(span));
    return it == m_snapshots.constEnd() ? nullptr : &*it;
}

bool DashboardPage::isShowingEmptyState() const
{
    return m_stack->currentWidget() == m_empty;
}

void DashboardPage::display(const StatsSnapshot &snapshot)
{
    showCards(snapshot.today);
    qint64 requests = 0;
    for (const StatsPoint &point : snapshot.buckets)
        requests += point.requests;
    if (requests == 0) {
        const QString title = tr("No requests in this range yet");
        const QString hint = tr("Point Claude Code, Codex, an SDK or curl at the gateway and "
                                "the charts fill in as requests arrive. <b>Connect a tool</b> "
                                "shows how.");
        m_empty->setText(QStringLiteral("<p style=\"font-size:large\">%1</p><p>%2</p>")
                             .arg(title.toHtmlEscaped(), hint));
        m_stack->setCurrentWidget(m_empty);
    } else {
        m_charts->setSnapshot(snapshot);
        m_stack->setCurrentWidget(m_charts);
    }
    if (m_switching && snapshot.range.span == m_span) {
        m_switching = false;
        m_lastSwitchMs = m_switchTimer.elapsed();
    }
    Q_EMIT snapshotShown(snapshot.range.span);
}

void DashboardPage::showCards(const StatsPoint &today)
{
    const bool any = today.requests > 0;
    m_cards.at(0)->setValue(LogFormat::count(today.requests),
                            any ? tr("%1 failed").arg(LogFormat::count(today.errors))
                                : tr("none since midnight"));
    m_cards.at(1)->setValue(
        any ? LogFormat::percent(double(today.requests - today.errors) / double(today.requests))
            : QStringLiteral("—"),
        any ? tr("%1 of %2 succeeded")
                  .arg(LogFormat::count(today.requests - today.errors),
                       LogFormat::count(today.requests))
            : QString());
    m_cards.at(2)->setValue(tr("%1 in · %2 out")
                                .arg(LogFormat::shortCount(double(today.inputTokens)),
                                     LogFormat::shortCount(double(today.outputTokens))),
                            tr("%1 cached").arg(LogFormat::shortCount(double(today.cachedTokens))));
    m_cards.at(3)->setValue(LogFormat::duration(today.latencyP50Ms),
                            any ? tr("p95 %1").arg(LogFormat::duration(today.latencyP95Ms))
                                : QString());
    m_cards.at(4)->setValue(LogFormat::duration(today.ttftP50Ms),
                            today.ttftP95Ms >= 0
                                ? tr("p95 %1").arg(LogFormat::duration(today.ttftP95Ms))
                                : tr("streamed requests only"));
}
