#include "providerspage.h"

#include "engineclient.h"
#include "gatewaymonitor.h"
#include "icons.h"
#include "messagebar.h"
#include "modelpickerdialog.h"
#include "pageheader.h"
#include "providerdialog.h"
#include "provideremptystate.h"
#include "providerprobe.h"
#include "providertablemodel.h"
#include "providertemplates.h"
#include "statuscolors.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeySequence>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QShortcut>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

#include <optional>

namespace {

// Runs a config change in the engine thread; `done` gets the error, if any, in the GUI thread.
void change(EngineClient *client, std::function<bool(ConfigService &, ConfigError *)> work,
            QObject *context, std::function<void(std::optional<ConfigError>)> done)
{
    client->withConfig<std::optional<ConfigError>>(
        [work = std::move(work)](ConfigService &config) -> std::optional<ConfigError> {
            ConfigError error;
            if (work(config, &error))
                return std::nullopt;
            return error;
        },
        [context = QPointer<QObject>(context),
         done = std::move(done)](std::optional<ConfigError> error) {
            if (context)
                done(std::move(error));
        });
}

} // namespace

ProvidersPage::ProvidersPage(EngineClient *client, GatewayMonitor *monitor, const GatewayInfo &info,
                             QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_header(new PageHeader(tr("Providers"),
                              tr("The upstream APIs your models are served from: their URL, "
                                 "keys and health."),
                              this))
    , m_stack(new QStackedWidget(this))
    , m_empty(new ProviderEmptyState(info, this))
    , m_table(new QTableView(this))
    , m_model(new ProviderTableModel(monitor, this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_edit(new QPushButton(Icons::icon(QStringLiteral("edit")), tr("Edit…"), this))
    , m_delete(new QPushButton(Icons::icon(QStringLiteral("delete")), tr("Delete"), this))
    , m_test(new QPushButton(Icons::icon(QStringLiteral("test")), tr("Test connection"), this))
    , m_fetch(new QPushButton(Icons::icon(QStringLiteral("refresh")), tr("Fetch models…"), this))
    , m_testResult(new QLabel(this))
    , m_message(new MessageBar(this))
    , m_probe(new ProviderProbe(this))
{
    QPushButton *connectTool
        = m_header->addButton(tr("Connect a tool…"), Icons::icon(QStringLiteral("connect")));
    connectTool->setObjectName(QStringLiteral("connectTool"));
    QPushButton *add
        = m_header->addPrimaryButton(tr("Add provider"), Icons::icon(QStringLiteral("add")));
    add->setObjectName(QStringLiteral("addProvider"));
    auto *templates = new QMenu(add);
    const QList<ProviderTemplate> all = ProviderTemplates::all();
    for (const ProviderTemplate &item : all) {
        QAction *action = templates->addAction(item.title);
        action->setObjectName(QStringLiteral("addTemplate_") + item.id);
        connect(action, &QAction::triggered, this, [this, id = item.id] { addFromTemplate(id); });
    }
    add->setMenu(templates);
    connect(connectTool, &QPushButton::clicked, this, &ProvidersPage::connectToolRequested);
    connect(m_empty, &ProviderEmptyState::connectToolRequested, this,
            &ProvidersPage::connectToolRequested);
    connect(m_empty, &ProviderEmptyState::templateChosen, this,
            [this](const QString &id) { addFromTemplate(id); });

    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(ProviderTableModel::SortRole);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_table->setObjectName(QStringLiteral("providersTable"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(ProviderTableModel::NameColumn, Qt::AscendingOrder);
    m_table->setAlternatingRowColors(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideMiddle);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setObjectName(QStringLiteral("providersTableHeader"));
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_table->horizontalHeader()->setSectionResizeMode(ProviderTableModel::BaseUrlColumn,
                                                      QHeaderView::Stretch);
    m_table->setColumnWidth(ProviderTableModel::HealthColumn, 120);
    m_table->setColumnWidth(ProviderTableModel::NameColumn, 170);
    m_table->setColumnWidth(ProviderTableModel::TypeColumn, 190);
    m_table->setColumnWidth(ProviderTableModel::KeysColumn, 60);
    m_table->setColumnWidth(ProviderTableModel::EnabledColumn, 90);
    connect(m_model, &ProviderTableModel::enabledToggled, this, &ProvidersPage::setProviderEnabled);
    connect(m_table, &QTableView::activated, this,
            [this](const QModelIndex &) { editProvider(selectedProvider()); });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ProvidersPage::updateActions);
    auto *deleteKey = new QShortcut(QKeySequence::Delete, m_table);
    deleteKey->setContext(Qt::WidgetShortcut);
    connect(deleteKey, &QShortcut::activated, this, [this] { deleteProvider(selectedProvider()); });

    for (QPushButton *button : { m_edit, m_delete, m_test, m_fetch })
        button->setAutoDefault(false);
    m_edit->setObjectName(QStringLiteral("editProvider"));
    m_delete->setObjectName(QStringLiteral("deleteProvider"));
    m_test->setObjectName(QStringLiteral("testProvider"));
    m_fetch->setObjectName(QStringLiteral("fetchModels"));
    connect(m_edit, &QPushButton::clicked, this, [this] { editProvider(selectedProvider()); });
    connect(m_delete, &QPushButton::clicked, this, [this] { deleteProvider(selectedProvider()); });
    connect(m_test, &QPushButton::clicked, this, [this] { testProvider(selectedProvider()); });
    connect(m_fetch, &QPushButton::clicked, this, [this] { fetchModels(selectedProvider()); });
    m_testResult->setObjectName(QStringLiteral("providerTestResult"));
    m_testResult->setWordWrap(true);
    m_testResult->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *actions = new QHBoxLayout;
    actions->setSpacing(8);
    actions->addWidget(m_edit);
    actions->addWidget(m_delete);
    actions->addSpacing(16);
    actions->addWidget(m_test);
    actions->addWidget(m_fetch);
    actions->addStretch(1);

    auto *tablePage = new QWidget(this);
    auto *tableLayout = new QVBoxLayout(tablePage);
    tableLayout->setContentsMargins(0, 0, 0, 0);
    tableLayout->setSpacing(8);
    tableLayout->addWidget(m_table, 1);
    tableLayout->addLayout(actions);
    tableLayout->addWidget(m_testResult);

    m_stack->addWidget(m_empty);
    m_stack->addWidget(tablePage);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 16, 24, 16);
    layout->setSpacing(8);
    layout->addWidget(m_header);
    layout->addWidget(m_stack, 1);
    layout->addWidget(m_message);

    connect(m_probe, &ProviderProbe::finished, this, [this](const ProbeResult &result) {
        showTestResult(m_probe->property("provider").toString(), result);
    });
    connect(client, &EngineClient::configChanged, this, &ProvidersPage::setConfig);
    setConfig(client->config());
}

ProvidersPage::~ProvidersPage() = default;

void ProvidersPage::setConfig(const std::shared_ptr<const GatewayConfig> &config)
{
    const QString selected = selectedProvider();
    m_config = config;
    m_model->setProviders(config->providers);
    m_stack->setCurrentIndex(config->providers.isEmpty() ? 0 : 1);
    if (!selected.isEmpty() && m_model->rowOf(selected) >= 0)
        selectProvider(selected);
    else if (selectedProvider().isEmpty() && m_model->rowCount() > 0)
        m_table->selectRow(0);
    updateActions();
}

bool ProvidersPage::showsEmptyState() const
{
    return m_stack->currentIndex() == 0;
}

QString ProvidersPage::selectedProvider() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return QString();
    const QModelIndex source = m_proxy->mapToSource(rows.first());
    return m_model->providers().value(source.row()).name;
}

void ProvidersPage::selectProvider(const QString &name)
{
    const int row = m_model->rowOf(name);
    if (row < 0)
        return;
    m_table->selectRow(m_proxy->mapFromSource(m_model->index(row, 0)).row());
}

QString ProvidersPage::testResultText() const
{
    return m_testResult->text();
}

void ProvidersPage::updateActions()
{
    const bool selected = !selectedProvider().isEmpty();
    for (QPushButton *button : { m_edit, m_delete, m_test, m_fetch })
        button->setEnabled(selected);
    m_test->setEnabled(selected && !m_probe->isRunning());
    m_fetch->setEnabled(selected && !m_probe->isRunning());
}

QString ProvidersPage::uniqueName(const QString &base) const
{
    if (base.isEmpty())
        return base;
    auto taken = [this](const QString &name) {
        for (const ProviderConfig &provider : m_config->providers) {
            if (provider.name == name)
                return true;
        }
        return false;
    };
    QString name = base;
    for (int i = 2; taken(name); ++i)
        name = base + QLatin1Char('-') + QString::number(i);
    return name;
}

ProviderDialog *ProvidersPage::addFromTemplate(const QString &templateId)
{
    const ProviderTemplate providerTemplate = ProviderTemplates::byId(templateId);
    auto *dialog = new ProviderDialog(m_client, QString(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->applyTemplate(providerTemplate, uniqueName(providerTemplate.name));
    connect(dialog, &ProviderDialog::saved, this, [this](const QString &name) {
        m_message->showInfo(
            tr("Added provider %1. Route models to it on the Models page.").arg(name));
        selectProvider(name);
    });
    dialog->open();
    return dialog;
}

ProviderDialog *ProvidersPage::editProvider(const QString &name)
{
    for (const ProviderConfig &provider : m_config->providers) {
        if (provider.name != name)
            continue;
        auto *dialog = new ProviderDialog(m_client, name, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->setProvider(provider);
        connect(dialog, &ProviderDialog::saved, this, [this](const QString &saved) {
            m_message->showInfo(tr("Saved provider %1; the gateway uses it now.").arg(saved));
            selectProvider(saved);
        });
        dialog->open();
        return dialog;
    }
    return nullptr;
}

void ProvidersPage::deleteProvider(const QString &name)
{
    std::optional<ProviderConfig> removed;
    for (const ProviderConfig &provider : m_config->providers) {
        if (provider.name == name)
            removed = provider;
    }
    if (!removed)
        return;
    auto *box = new QMessageBox(QMessageBox::Question, tr("Delete provider"),
                                tr("Delete the provider %1?").arg(name), QMessageBox::Cancel, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setObjectName(QStringLiteral("confirmDelete"));
    QPushButton *confirm = box->addButton(tr("Delete"), QMessageBox::DestructiveRole);
    box->setDefaultButton(QMessageBox::Cancel);
    connect(box, &QMessageBox::finished, this, [this, box, confirm, provider = *removed] {
        if (box->clickedButton() != confirm)
            return;
        change(
            m_client,
            [name = provider.name](ConfigService &config, ConfigError *error) {
                return config.removeProvider(name, error);
            },
            this,
            [this, provider](std::optional<ConfigError> error) {
                if (error) {
                    m_message->showError(
                        tr("Cannot delete %1: %2").arg(provider.name, error->message));
                    return;
                }
                m_message->showInfo(
                    tr("Deleted provider %1.").arg(provider.name), tr("Undo"), [this, provider] {
                        change(
                            m_client,
                            [provider](ConfigService &config, ConfigError *error) {
                                return config.upsertProvider(QString(), provider, error);
                            },
                            this,
                            [this](std::optional<ConfigError> error) {
                                if (error)
                                    m_message->showError(error->toString());
                            });
                    });
            });
    });
    box->open();
}

void ProvidersPage::setProviderEnabled(const QString &name, bool enabled)
{
    for (const ProviderConfig &current : m_config->providers) {
        if (current.name != name)
            continue;
        ProviderConfig provider = current;
        provider.enabled = enabled;
        change(
            m_client,
            [provider](ConfigService &config, ConfigError *error) {
                return config.upsertProvider(provider.name, provider, error);
            },
            this,
            [this, name, enabled](std::optional<ConfigError> error) {
                if (error)
                    m_message->showError(error->toString());
                else
                    m_message->showInfo(
                        enabled ? tr("%1 receives requests again.").arg(name)
                                : tr("%1 is disabled: no requests go to it.").arg(name));
            });
        return;
    }
}

void ProvidersPage::testProvider(const QString &name)
{
    for (const ProviderConfig &provider : m_config->providers) {
        if (provider.name != name)
            continue;
        m_probe->setProperty("provider", name);
        m_probe->setProperty("fetch", false);
        m_testResult->setPalette(palette());
        m_testResult->setText(tr("Testing %1…").arg(name));
        m_probe->start(provider);
        updateActions();
        return;
    }
}

void ProvidersPage::fetchModels(const QString &name)
{
    for (const ProviderConfig &provider : m_config->providers) {
        if (provider.name != name)
            continue;
        m_probe->setProperty("provider", name);
        m_probe->setProperty("fetch", true);
        m_testResult->setPalette(palette());
        m_testResult->setText(tr("Fetching the models of %1…").arg(name));
        m_probe->start(provider);
        updateActions();
        return;
    }
}

void ProvidersPage::showTestResult(const QString &name, const ProbeResult &result)
{
    updateActions();
    QPalette palette = m_testResult->palette();
    palette.setColor(QPalette::WindowText,
                     StatusColors::color(result.ok ? HealthLevel::Healthy : HealthLevel::Down));
    m_testResult->setPalette(palette);
    if (!result.ok) {
        m_testResult->setText(result.httpStatus > 0 ? tr("✗ %1: HTTP %2 after %3 ms: %4")
                                                          .arg(name)
                                                          .arg(result.httpStatus)
                                                          .arg(result.latencyMs)
                                                          .arg(result.error)
                                                    : tr("✗ %1: %2").arg(name, result.error));
        return;
    }
    m_testResult->setText(
        tr("✓ %1 answered in %2 ms and lists %n model(s).", nullptr, int(result.models.size()))
            .arg(name)
            .arg(result.latencyMs));
    if (!m_probe->property("fetch").toBool())
        return;
    QStringList routed;
    for (const ModelConfig &model : m_config->models) {
        for (const RouteConfig &route : model.routes) {
            if (route.provider == name && route.upstreamModel == model.name)
                routed.append(model.name);
        }
    }
    auto *picker = new ModelPickerDialog(name, result.models, routed, this);
    picker->setAttribute(Qt::WA_DeleteOnClose);
    connect(picker, &QDialog::accepted, this,
            [this, picker, name] { addModelsFor(name, picker->checkedModels()); });
    picker->open();
}

void ProvidersPage::addModelsFor(const QString &provider, const QStringList &models)
{
    if (models.isEmpty())
        return;
    change(
        m_client,
        [provider, models](ConfigService &config, ConfigError *error) {
            // One model per id; an existing model of that name gets a route (lowest priority
            // tier in use, weight 1) unless it already has this one.
            const std::shared_ptr<const GatewayConfig> current = config.snapshot();
            for (const QString &id : models) {
                ModelConfig model;
                model.name = id;
                QString existing;
                for (const ModelConfig &candidate : current->models) {
                    if (candidate.name == id) {
                        model = candidate;
                        existing = id;
                    }
                }
                bool present = false;
                for (const RouteConfig &route : std::as_const(model.routes))
                    present = present || (route.provider == provider && route.upstreamModel == id);
                if (present)
                    continue;
                RouteConfig route;
                route.provider = provider;
                route.upstreamModel = id;
                model.routes.append(route);
                if (!config.upsertModel(existing, model, error))
                    return false;
            }
            return true;
        },
        this,
        [this, models](std::optional<ConfigError> error) {
            if (error)
                m_message->showError(error->toString());
            else
                m_message->showInfo(
                    tr("Added %n model(s); they are served now.", nullptr, int(models.size())));
        });
}
