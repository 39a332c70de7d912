#include "logfilterbar.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QSignalBlocker>
#include <QTimer>

namespace {

// The status choices: item data is "" (any), "ok", "error" or an exact status.
const QString anyStatus;
const QString successStatus = QStringLiteral("ok");
const QString failureStatus = QStringLiteral("error");

} // namespace

LogFilterBar::LogFilterBar(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(8);

    m_range = addCombo(tr("Time range"));
    m_range->addItem(tr("All time"), int(Range::All));
    m_range->addItem(tr("Last hour"), int(Range::LastHour));
    m_range->addItem(tr("Last 24 hours"), int(Range::Last24Hours));
    m_range->addItem(tr("Last 7 days"), int(Range::Last7Days));
    m_range->addItem(tr("Last 30 days"), int(Range::Last30Days));

    m_model = addCombo(tr("Model"));
    m_provider = addCombo(tr("Provider"));
    m_status = addCombo(tr("Status"));
    m_status->addItem(tr("All statuses"), anyStatus);
    m_status->addItem(tr("Succeeded (2xx)"), successStatus);
    m_status->addItem(tr("Failed"), failureStatus);
    m_status->insertSeparator(m_status->count());
    const QStringList exact = {
        QStringLiteral("400"),          QStringLiteral("401"),     QStringLiteral("429"),
        QStringLiteral("500"),          QStringLiteral("502"),     QStringLiteral("503"),
        QStringLiteral("504"),          QStringLiteral("timeout"), QStringLiteral("upstream_error"),
        QStringLiteral("client_closed")
    };
    for (const QString &status : exact)
        m_status->addItem(status, status);
    m_key = addCombo(tr("Access key"));
    setChoices({}, {}, {});

    m_text = new QLineEdit(this);
    m_text->setPlaceholderText(tr("Search errors, models, user agents, trace ids… (Ctrl+F)"));
    m_text->setClearButtonEnabled(true);
    m_text->setAccessibleName(tr("Search"));
    m_text->setMinimumWidth(180);
    layout->addWidget(m_text, 1);

    // Typing waits for a pause before it queries, so each keystroke does not start a scan.
    m_textPause = new QTimer(this);
    m_textPause->setSingleShot(true);
    m_textPause->setInterval(300);
    connect(m_text, &QLineEdit::textChanged, m_textPause, qOverload<>(&QTimer::start));
    connect(m_textPause, &QTimer::timeout, this, &LogFilterBar::filterChanged);
    connect(m_text, &QLineEdit::returnPressed, this, [this] {
        m_textPause->stop();
        Q_EMIT filterChanged();
    });
}

QComboBox *LogFilterBar::addCombo(const QString &accessibleName)
{
    auto *box = new QComboBox(this);
    box->setAccessibleName(accessibleName);
    box->setToolTip(accessibleName);
    box->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    box->setMaximumWidth(220);
    layout()->addWidget(box);
    connect(box, &QComboBox::activated, this, &LogFilterBar::filterChanged);
    return box;
}

void LogFilterBar::fill(QComboBox *box, const QString &allText, const QStringList &names)
{
    const QString current = box->currentData().toString();
    const QSignalBlocker blocker(box);
    box->clear();
    box->addItem(allText, QString());
    QStringList sorted = names;
    if (!current.isEmpty() && !sorted.contains(current))
        sorted.append(current);
    sorted.sort(Qt::CaseInsensitive);
    for (const QString &name : sorted)
        box->addItem(name, name);
    box->setCurrentIndex(qMax(0, box->findData(current)));
}

void LogFilterBar::setChoices(const QStringList &models, const QStringList &providers,
                              const QStringList &accessKeys)
{
    fill(m_model, tr("All models"), models);
    fill(m_provider, tr("All providers"), providers);
    fill(m_key, tr("All keys"), accessKeys);
}

void LogFilterBar::setRange(Range range)
{
    m_range->setCurrentIndex(qMax(0, m_range->findData(int(range))));
    Q_EMIT filterChanged();
}

void LogFilterBar::setText(const QString &text)
{
    m_text->setText(text);
    m_textPause->stop();
    Q_EMIT filterChanged();
}

void LogFilterBar::focusSearch()
{
    m_text->setFocus(Qt::ShortcutFocusReason);
    m_text->selectAll();
}

LogViewFilter LogFilterBar::filter(const QDateTime &nowUtc) const
{
    LogViewFilter f;
    switch (Range(m_range->currentData().toInt())) {
    case Range::All:
        break;
    case Range::LastHour:
        f.from = nowUtc.addSecs(-3600);
        break;
    case Range::Last24Hours:
        f.from = nowUtc.addDays(-1);
        break;
    case Range::Last7Days:
        f.from = nowUtc.addDays(-7);
        break;
    case Range::Last30Days:
        f.from = nowUtc.addDays(-30);
        break;
    }
    f.model = m_model->currentData().toString();
    f.provider = m_provider->currentData().toString();
    f.accessKey = m_key->currentData().toString();
    const QString status = m_status->currentData().toString();
    if (status == successStatus)
        f.status = LogViewFilter::Status::Success;
    else if (status == failureStatus)
        f.status = LogViewFilter::Status::Failure;
    else if (!status.isEmpty()) {
        f.status = LogViewFilter::Status::Exact;
        f.statusCode = status;
    }
    f.text = m_text->text().trimmed();
    return f;
}
