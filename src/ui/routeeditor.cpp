#include "routeeditor.h"

#include "icons.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QSignalBlocker>
#include <QSlider>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

RouteEditor::RouteEditor(QWidget *parent)
    : QWidget(parent)
    , m_enabled(new QCheckBox(this))
    , m_provider(new QComboBox(this))
    , m_upstream(new QComboBox(this))
    , m_fetch(new QToolButton(this))
    , m_priority(new QSpinBox(this))
    , m_weightSlider(new QSlider(Qt::Horizontal, this))
    , m_weightSpin(new QSpinBox(this))
    , m_share(new QProgressBar(this))
    , m_health(new QLabel(this))
    , m_remove(new QToolButton(this))
{
    m_enabled->setObjectName(QStringLiteral("routeEnabled"));
    m_enabled->setToolTip(tr("Use this route"));
    m_enabled->setAccessibleName(tr("Route enabled"));
    m_provider->setObjectName(QStringLiteral("routeProvider"));
    m_provider->setAccessibleName(tr("Provider"));
    m_provider->setMinimumWidth(130);
    m_upstream->setObjectName(QStringLiteral("routeUpstream"));
    m_upstream->setAccessibleName(tr("Upstream model"));
    m_upstream->setEditable(true);
    m_upstream->setInsertPolicy(QComboBox::NoInsert);
    m_upstream->setMinimumWidth(160);
    m_upstream->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_upstream->lineEdit()->setPlaceholderText(tr("Model name at the provider"));
    m_fetch->setObjectName(QStringLiteral("routeFetch"));
    m_fetch->setIcon(Icons::icon(QStringLiteral("refresh")));
    m_fetch->setToolTip(tr("Fetch the provider's models"));
    m_fetch->setAutoRaise(true);
    m_priority->setObjectName(QStringLiteral("routePriority"));
    m_priority->setAccessibleName(tr("Priority"));
    m_priority->setRange(-1000, 1000);
    m_priority->setToolTip(tr("Lower tiers are tried first"));
    m_weightSlider->setObjectName(QStringLiteral("routeWeightSlider"));
    m_weightSlider->setAccessibleName(tr("Weight"));
    m_weightSlider->setRange(0, SliderMaximum);
    m_weightSlider->setMinimumWidth(80);
    m_weightSpin->setObjectName(QStringLiteral("routeWeight"));
    m_weightSpin->setAccessibleName(tr("Weight"));
    m_weightSpin->setRange(0, 10000);
    m_weightSpin->setToolTip(tr("0 keeps the route configured but never picked"));
    m_share->setObjectName(QStringLiteral("routeShare"));
    m_share->setRange(0, 1000);
    m_share->setFixedWidth(110);
    m_share->setTextVisible(true);
    m_share->setAccessibleName(tr("Share of the tier"));
    m_health->setObjectName(QStringLiteral("routeHealth"));
    m_health->setForegroundRole(QPalette::PlaceholderText);
    m_health->setMinimumWidth(90);
    m_remove->setObjectName(QStringLiteral("routeRemove"));
    m_remove->setIcon(Icons::icon(QStringLiteral("delete")));
    m_remove->setToolTip(tr("Remove this route"));
    m_remove->setAutoRaise(true);

    // Two lines, so that a route fits the detail pane at the default window size: what it is
    // (provider, upstream model) above, how much traffic it gets below.
    auto *what = new QHBoxLayout;
    what->setSpacing(8);
    what->addWidget(m_enabled);
    what->addWidget(m_provider);
    what->addWidget(m_upstream, 1);
    what->addWidget(m_fetch);
    what->addWidget(m_remove);
    auto *priorityLabel = new QLabel(tr("Priority"), this);
    priorityLabel->setBuddy(m_priority);
    auto *weightLabel = new QLabel(tr("Weight"), this);
    weightLabel->setBuddy(m_weightSpin);
    auto *howMuch = new QHBoxLayout;
    howMuch->setSpacing(8);
    howMuch->addSpacing(m_enabled->sizeHint().width() + 8);
    howMuch->addWidget(priorityLabel);
    howMuch->addWidget(m_priority);
    howMuch->addSpacing(8);
    howMuch->addWidget(weightLabel);
    howMuch->addWidget(m_weightSlider, 1);
    howMuch->addWidget(m_weightSpin);
    howMuch->addWidget(m_share);
    howMuch->addWidget(m_health);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 8);
    layout->setSpacing(4);
    layout->addLayout(what);
    layout->addLayout(howMuch);

    connect(m_enabled, &QCheckBox::toggled, this, [this] {
        if (!m_updating)
            Q_EMIT edited(true);
    });
    connect(m_provider, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_updating)
            Q_EMIT edited(true);
    });
    connect(m_upstream, &QComboBox::activated, this, [this] {
        if (!m_updating)
            Q_EMIT edited(true);
    });
    connect(m_upstream->lineEdit(), &QLineEdit::textEdited, this, [this] {
        if (!m_updating)
            Q_EMIT edited(false);
    });
    connect(m_priority, &QSpinBox::valueChanged, this, [this] {
        if (m_updating)
            return;
        Q_EMIT edited(false);
        Q_EMIT priorityEdited();
    });
    connect(m_weightSlider, &QSlider::valueChanged, this, [this](int value) {
        if (m_updating)
            return;
        // The slider's top end stands for "this much or more": leave a larger spin value.
        if (value == SliderMaximum && m_weightSpin->value() > SliderMaximum)
            return;
        setWeight(value);
        Q_EMIT edited(false);
    });
    connect(m_weightSpin, &QSpinBox::valueChanged, this, [this](int value) {
        if (m_updating)
            return;
        setWeight(value);
        Q_EMIT edited(false);
    });
    connect(m_fetch, &QToolButton::clicked, this,
            [this] { Q_EMIT fetchRequested(m_provider->currentText()); });
    connect(m_remove, &QToolButton::clicked, this, &RouteEditor::removeRequested);
}

void RouteEditor::setWeight(int weight)
{
    const bool wasUpdating = std::exchange(m_updating, true);
    m_weightSpin->setValue(weight);
    m_weightSlider->setValue(qMin(weight, SliderMaximum));
    m_updating = wasUpdating;
}

void RouteEditor::setProviders(const QStringList &providers)
{
    const bool wasUpdating = std::exchange(m_updating, true);
    const QString current = m_provider->currentText();
    m_provider->clear();
    m_provider->addItems(providers);
    if (!current.isEmpty() && !providers.contains(current))
        m_provider->addItem(current);
    m_provider->setCurrentText(current);
    m_updating = wasUpdating;
}

void RouteEditor::setRoute(const RouteConfig &route)
{
    const bool wasUpdating = std::exchange(m_updating, true);
    m_enabled->setChecked(route.enabled);
    if (m_provider->findText(route.provider) < 0)
        m_provider->addItem(route.provider);
    m_provider->setCurrentText(route.provider);
    m_upstream->setCurrentText(route.upstreamModel);
    m_priority->setValue(route.priority);
    setWeight(route.weight);
    m_updating = wasUpdating;
}

RouteConfig RouteEditor::route() const
{
    RouteConfig route;
    route.enabled = m_enabled->isChecked();
    route.provider = m_provider->currentText();
    route.upstreamModel = m_upstream->currentText().trimmed();
    route.priority = m_priority->value();
    route.weight = m_weightSpin->value();
    return route;
}

void RouteEditor::setShare(double percent)
{
    m_sharePercent = percent;
    m_share->setValue(qRound(percent * 10));
    m_share->setFormat(
        QStringLiteral("%1 %").arg(percent, 0, 'f', percent < 10 && percent > 0 ? 1 : 0));
    m_share->setToolTip(tr("%1 % of the requests that reach this tier").arg(percent, 0, 'f', 1));
}

void RouteEditor::setHealthNote(const QString &note, const QString &toolTip)
{
    m_health->setText(note);
    m_health->setToolTip(toolTip);
}

void RouteEditor::setUpstreamModels(const QStringList &models)
{
    const bool wasUpdating = std::exchange(m_updating, true);
    const QString current = m_upstream->currentText();
    m_upstream->clear();
    m_upstream->addItems(models);
    m_upstream->setCurrentText(current);
    m_updating = wasUpdating;
}

void RouteEditor::setFetching(bool fetching)
{
    m_fetch->setEnabled(!fetching);
    m_fetch->setToolTip(fetching ? tr("Fetching…") : tr("Fetch the provider's models"));
}
