#include "modeldetail.h"

#include "icons.h"
#include "routeeditor.h"
#include "routeshares.h"
#include "routing/routingtable.h"
#include "statuscolors.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

ModelDetail::ModelDetail(QWidget *parent)
    : QWidget(parent)
    , m_name(new QLineEdit(this))
    , m_maxAttempts(new QSpinBox(this))
    , m_routesBox(new QWidget(this))
    , m_routesLayout(new QVBoxLayout(m_routesBox))
    , m_noRoutes(new QLabel(this))
    , m_addRoute(new QPushButton(Icons::icon(QStringLiteral("add")), tr("Add route"), this))
    , m_delete(new QPushButton(Icons::icon(QStringLiteral("delete")), tr("Delete model"), this))
{
    setObjectName(QStringLiteral("modelDetail"));
    m_name->setObjectName(QStringLiteral("modelName"));
    m_name->setToolTip(tr("The model name clients ask for"));
    m_maxAttempts->setObjectName(QStringLiteral("maxAttempts"));
    m_maxAttempts->setRange(1, 20);
    m_maxAttempts->setToolTip(tr("How many routes one request may try, the first included"));
    m_addRoute->setObjectName(QStringLiteral("addRoute"));
    m_addRoute->setAutoDefault(false);
    m_delete->setObjectName(QStringLiteral("deleteModel"));
    m_delete->setAutoDefault(false);
    m_noRoutes->setText(tr("No routes yet: add one to serve this model."));
    m_noRoutes->setForegroundRole(QPalette::PlaceholderText);
    m_routesLayout->setContentsMargins(0, 0, 0, 0);
    m_routesLayout->setSpacing(6);

    m_name->setMinimumWidth(280);
    m_name->setMaximumWidth(420);
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    form->setHorizontalSpacing(16);
    form->setVerticalSpacing(8);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Tries per request:"), m_maxAttempts);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_addRoute);
    buttons->addStretch(1);
    buttons->addWidget(m_delete);

    auto *routesTitle = new QLabel(tr("Routes"), this);
    QFont titleFont = routesTitle->font();
    titleFont.setWeight(QFont::Bold);
    routesTitle->setFont(titleFont);
    auto *routesHelp = new QLabel(tr("Lower priority tiers are tried first; within a tier the "
                                     "weights share the traffic."),
                                  this);
    routesHelp->setWordWrap(true);
    routesHelp->setForegroundRole(QPalette::PlaceholderText);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(8);
    layout->addLayout(form);
    layout->addSpacing(8);
    layout->addWidget(routesTitle);
    layout->addWidget(routesHelp);
    layout->addWidget(m_routesBox);
    layout->addWidget(m_noRoutes);
    layout->addLayout(buttons);
    layout->addStretch(1);

    m_timer.setSingleShot(true);
    m_timer.setInterval(CommitDelayMs);
    connect(&m_timer, &QTimer::timeout, this, &ModelDetail::commitNow);
    connect(m_name, &QLineEdit::editingFinished, this, [this] {
        if (m_name->text().trimmed() != m_draft.name)
            edited(true);
    });
    connect(m_maxAttempts, &QSpinBox::valueChanged, this, [this] { edited(false); });
    connect(m_addRoute, &QPushButton::clicked, this, [this] {
        readEditors();
        RouteConfig route;
        route.provider = m_providers.value(0);
        route.priority = m_draft.routes.isEmpty() ? 0 : m_draft.routes.constLast().priority;
        m_draft.routes.append(route);
        rebuild();
        // Not committed until it names an upstream model: the validator refuses an empty one.
        if (!m_editors.isEmpty())
            m_editors.constLast()->upstreamCombo()->setFocus();
    });
    connect(m_delete, &QPushButton::clicked, this, [this] { Q_EMIT deleteRequested(m_base.name); });
}

void ModelDetail::setModel(const ModelConfig &model, const QStringList &providers)
{
    m_timer.stop();
    m_base = model;
    m_draft = model;
    m_providers = providers;
    const QSignalBlocker nameBlocker(m_name);
    const QSignalBlocker attemptsBlocker(m_maxAttempts);
    m_name->setText(model.name);
    m_maxAttempts->setValue(model.maxAttempts);
    rebuild();
}

void ModelDetail::setProviders(const QStringList &providers)
{
    m_providers = providers;
    for (RouteEditor *editor : std::as_const(m_editors))
        editor->setProviders(providers);
}

void ModelDetail::setDisabledProviders(const QStringList &providers)
{
    if (m_disabledProviders == providers)
        return;
    m_disabledProviders = providers;
    updateShares();
    updateHealth();
}

void ModelDetail::markCommitted(const ModelConfig &model)
{
    m_base = model;
    if (std::exchange(m_regroup, false) && !m_timer.isActive())
        rebuild();
}

void ModelDetail::rebuild()
{
    // Deleted later: a rebuild may run inside a signal of one of the editors.
    for (RouteEditor *editor : std::as_const(m_editors)) {
        editor->hide();
        editor->deleteLater();
    }
    m_editors.clear();
    while (QLayoutItem *item = m_routesLayout->takeAt(0)) {
        if (QWidget *widget = item->widget(); widget && !qobject_cast<RouteEditor *>(widget))
            delete widget;
        delete item;
    }
    // Editors exist in draft order; the layout shows them tier by tier.
    for (int i = 0; i < m_draft.routes.size(); ++i) {
        auto *editor = new RouteEditor(m_routesBox);
        editor->setProviders(m_providers);
        editor->setRoute(m_draft.routes.at(i));
        editor->setUpstreamModels(m_upstreamModels.value(m_draft.routes.at(i).provider));
        connect(editor, &RouteEditor::edited, this, &ModelDetail::edited);
        connect(editor, &RouteEditor::priorityEdited, this, [this] { m_regroup = true; });
        connect(editor, &RouteEditor::fetchRequested, this, &ModelDetail::fetchRequested);
        connect(editor, &RouteEditor::removeRequested, this, [this, editor] {
            readEditors();
            const qsizetype index = m_editors.indexOf(editor);
            if (index < 0)
                return;
            m_draft.routes.removeAt(index);
            rebuild();
            edited(true);
        });
        m_editors.append(editor);
    }
    const QList<int> tiers = RouteShares::tiers(m_draft.routes);
    for (int t = 0; t < tiers.size(); ++t) {
        const int tier = tiers.at(t);
        auto *header = new QLabel(m_routesBox);
        header->setObjectName(QStringLiteral("tier_%1").arg(tier));
        header->setText(t == 0 ? tr("Priority %1 · tried first").arg(tier)
                               : tr("Priority %1 · when the tiers above fail").arg(tier));
        header->setForegroundRole(QPalette::PlaceholderText);
        if (t > 0)
            m_routesLayout->addSpacing(8);
        m_routesLayout->addWidget(header);
        for (int i = 0; i < m_draft.routes.size(); ++i) {
            if (m_draft.routes.at(i).priority == tier)
                m_routesLayout->addWidget(m_editors.at(i));
        }
    }
    m_noRoutes->setVisible(m_draft.routes.isEmpty());
    m_addRoute->setEnabled(!m_providers.isEmpty());
    m_addRoute->setToolTip(m_providers.isEmpty() ? tr("Add a provider first") : QString());
    updateShares();
    updateHealth();
}

void ModelDetail::readEditors()
{
    for (int i = 0; i < m_editors.size() && i < m_draft.routes.size(); ++i)
        m_draft.routes[i] = m_editors.at(i)->route();
    m_draft.name = m_name->text().trimmed();
    m_draft.maxAttempts = m_maxAttempts->value();
}

void ModelDetail::updateShares()
{
    // A route to a provider that is switched off gets nothing, like a disabled route.
    QList<RouteConfig> routes = m_draft.routes;
    for (RouteConfig &route : routes)
        route.enabled = route.enabled && !m_disabledProviders.contains(route.provider);
    const QList<double> shares = RouteShares::percentages(routes);
    for (int i = 0; i < m_editors.size() && i < shares.size(); ++i)
        m_editors.at(i)->setShare(shares.at(i));
}

void ModelDetail::edited(bool immediate)
{
    readEditors();
    updateShares();
    if (immediate)
        commitNow();
    else
        m_timer.start();
}

ModelConfig ModelDetail::committable() const
{
    // A new route without an upstream model is not stored yet: the validator would refuse
    // it and the user is still typing.
    ModelConfig model = m_draft;
    model.routes.removeIf([](const RouteConfig &route) { return route.upstreamModel.isEmpty(); });
    return model;
}

void ModelDetail::commitNow()
{
    m_timer.stop();
    readEditors();
    const ModelConfig model = committable();
    if (model == m_base)
        return;
    Q_EMIT commitRequested(m_base.name, model);
}

void ModelDetail::setHealth(const QList<RouteHealthSnapshot> &routes)
{
    m_health = routes;
    updateHealth();
}

void ModelDetail::updateHealth()
{
    for (int i = 0; i < m_editors.size() && i < m_draft.routes.size(); ++i) {
        const RouteConfig &route = m_draft.routes.at(i);
        const QString key
            = RoutingTable::routeKey(m_base.name, route.provider, route.upstreamModel);
        const RouteHealthSnapshot *found = nullptr;
        for (const RouteHealthSnapshot &snapshot : std::as_const(m_health)) {
            if (snapshot.key == key)
                found = &snapshot;
        }
        if (route.enabled && m_disabledProviders.contains(route.provider)) {
            m_editors.at(i)->setHealthNote(
                tr("Provider off"), tr("%1 is disabled on the Providers page").arg(route.provider));
            continue;
        }
        if (!found || !route.enabled) {
            m_editors.at(i)->setHealthNote(QString());
            continue;
        }
        const HealthLevel level = StatusColors::fromCircuit(found->state);
        QString note = StatusColors::label(level);
        if (level == HealthLevel::Healthy && found->effectiveWeight + 0.005 < found->weight)
            note = tr("eff. %1").arg(found->effectiveWeight, 0, 'f', 1);
        m_editors.at(i)->setHealthNote(note,
                                       tr("Effective weight %1 of %2; success rate %3 %")
                                           .arg(found->effectiveWeight, 0, 'f', 2)
                                           .arg(found->weight)
                                           .arg(found->successRate * 100, 0, 'f', 0));
    }
}

void ModelDetail::setUpstreamModels(const QString &provider, const QStringList &models)
{
    m_upstreamModels.insert(provider, models);
    for (RouteEditor *editor : std::as_const(m_editors)) {
        if (editor->route().provider == provider)
            editor->setUpstreamModels(models);
    }
}

void ModelDetail::setFetching(const QString &provider, bool fetching)
{
    for (RouteEditor *editor : std::as_const(m_editors)) {
        if (editor->route().provider == provider)
            editor->setFetching(fetching);
    }
}
