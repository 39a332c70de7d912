#include "modelspage.h"

#include "engineclient.h"
#include "gatewaymonitor.h"
#include "icons.h"
#include "messagebar.h"
#include "modeldetail.h"
#include "newmodeldialog.h"
#include "pageheader.h"
#include "providerprobe.h"

#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QStackedWidget>
#include <QVBoxLayout>

#include <optional>

ModelsPage::ModelsPage(EngineClient *client, GatewayMonitor *monitor, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_monitor(monitor)
    , m_header(new PageHeader(tr("Models"),
                              tr("The model names clients ask for and the routes that serve "
                                 "them. Changes apply to the running gateway at once."),
                              this))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
    , m_list(new QListWidget(m_splitter))
    , m_right(new QStackedWidget(m_splitter))
    , m_empty(new QLabel(this))
    , m_detail(new ModelDetail(this))
    , m_message(new MessageBar(this))
    , m_config(client->config())
{
    QPushButton *add
        = m_header->addPrimaryButton(tr("Add model"), Icons::icon(QStringLiteral("add")));
    add->setObjectName(QStringLiteral("addModel"));
    connect(add, &QPushButton::clicked, this, [this] { addModel(); });

    m_splitter->setObjectName(QStringLiteral("modelsSplitter"));
    m_splitter->setChildrenCollapsible(false);
    m_list->setObjectName(QStringLiteral("modelList"));
    m_list->setAccessibleName(tr("Models"));
    m_list->setMinimumWidth(160);
    m_list->setAlternatingRowColors(true);
    m_list->setSortingEnabled(true);
    m_empty->setObjectName(QStringLiteral("modelsEmpty"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    m_empty->setText(tr("No models yet. Add one here, or pick from a provider's list with "
                        "\"Fetch models\" on the Providers page."));

    auto *scroll = new QScrollArea(m_right);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto *detailFrame = new QWidget(scroll);
    auto *detailLayout = new QVBoxLayout(detailFrame);
    detailLayout->setContentsMargins(16, 0, 8, 0);
    detailLayout->addWidget(m_detail);
    scroll->setWidget(detailFrame);
    m_right->addWidget(m_empty);
    m_right->addWidget(scroll);
    m_splitter->addWidget(m_list);
    m_splitter->addWidget(m_right);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({ 180, 720 });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 16, 24, 16);
    layout->setSpacing(8);
    layout->addWidget(m_header);
    layout->addWidget(m_splitter, 1);
    layout->addWidget(m_message);

    connect(m_list, &QListWidget::currentTextChanged, this, [this] {
        // Leaving a model hands its waiting edit on first.
        m_detail->commitNow();
        showSelected();
    });
    connect(m_detail, &ModelDetail::commitRequested, this, &ModelsPage::commit);
    connect(m_detail, &ModelDetail::deleteRequested, this, &ModelsPage::deleteModel);
    connect(m_detail, &ModelDetail::fetchRequested, this, &ModelsPage::fetch);
    connect(monitor, &GatewayMonitor::changed, this,
            [this] { m_detail->setHealth(m_monitor->routes()); });
    connect(client, &EngineClient::configChanged, this, &ModelsPage::setConfig);
    setConfig(m_config);
}

ModelsPage::~ModelsPage() = default;

QStringList ModelsPage::providerNames() const
{
    QStringList names;
    for (const ProviderConfig &provider : m_config->providers)
        names.append(provider.name);
    return names;
}

void ModelsPage::setConfig(const std::shared_ptr<const GatewayConfig> &config)
{
    m_config = config;
    // Keep the model of the detail selected, under its new name after a rename.
    QString selected = selectedModel();
    for (const QString &name : { m_detail->base().name, m_detail->committable().name }) {
        for (const ModelConfig &model : config->models) {
            if (!name.isEmpty() && model.name == name)
                selected = name;
        }
    }
    {
        const QSignalBlocker blocker(m_list);
        m_list->clear();
        for (const ModelConfig &model : config->models) {
            auto *item = new QListWidgetItem(model.name, m_list);
            item->setToolTip(tr("%n route(s)", nullptr, int(model.routes.size())));
            item->setSizeHint(QSize(0, 28));
        }
    }
    const QList<QListWidgetItem *> found = m_list->findItems(selected, Qt::MatchExactly);
    {
        const QSignalBlocker blocker(m_list);
        if (!found.isEmpty())
            m_list->setCurrentItem(found.first());
        else if (m_list->count() > 0)
            m_list->setCurrentRow(0);
    }
    m_detail->setProviders(providerNames());
    QStringList disabled;
    for (const ProviderConfig &provider : config->providers) {
        if (!provider.enabled)
            disabled.append(provider.name);
    }
    m_detail->setDisabledProviders(disabled);
    // Rebuild the detail only when the stored model differs from what it shows and the user
    // is not in the middle of an edit: our own commits come back equal.
    const QString current = selectedModel();
    for (const ModelConfig &model : config->models) {
        if (model.name != current)
            continue;
        if (model == m_detail->committable())
            m_detail->markCommitted(model); // our own commit, back before its answer
        else if (model.name != m_detail->base().name
                 || (!(model == m_detail->base()) && !m_detail->hasPendingEdit()))
            m_detail->setModel(model, providerNames());
    }
    m_right->setCurrentIndex(current.isEmpty() ? 0 : 1);
}

void ModelsPage::showSelected()
{
    const QString name = selectedModel();
    for (const ModelConfig &model : m_config->models) {
        if (model.name == name) {
            m_detail->setModel(model, providerNames());
            m_detail->setHealth(m_monitor->routes());
        }
    }
    m_right->setCurrentIndex(name.isEmpty() ? 0 : 1);
}

QString ModelsPage::selectedModel() const
{
    const QListWidgetItem *item = m_list->currentItem();
    return item ? item->text() : QString();
}

void ModelsPage::selectModel(const QString &name)
{
    const QList<QListWidgetItem *> found = m_list->findItems(name, Qt::MatchExactly);
    if (!found.isEmpty())
        m_list->setCurrentItem(found.first());
}

NewModelDialog *ModelsPage::addModel()
{
    auto *dialog = new NewModelDialog(m_client, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &NewModelDialog::saved, this, [this](const QString &name) {
        selectModel(name);
        m_message->showInfo(tr("Added model %1; clients can ask for it now.").arg(name));
    });
    dialog->open();
    return dialog;
}

void ModelsPage::commit(const QString &existingName, const ModelConfig &model)
{
    m_client->withConfig<std::optional<ConfigError>>(
        [existingName, model](ConfigService &config) -> std::optional<ConfigError> {
            ConfigError error;
            if (config.upsertModel(existingName, model, &error))
                return std::nullopt;
            return error;
        },
        [self = QPointer<ModelsPage>(this), model](std::optional<ConfigError> error) {
            if (!self)
                return;
            if (error) {
                self->m_message->showError(tr("Not applied: %1").arg(error->message));
                self->showSelected(); // back to what is stored
                return;
            }
            self->m_detail->markCommitted(model);
            self->m_message->showInfo(
                tr("Applied: %1 is served with the new routes.").arg(model.name));
        });
}

void ModelsPage::deleteModel(const QString &name)
{
    std::optional<ModelConfig> removed;
    for (const ModelConfig &model : m_config->models) {
        if (model.name == name)
            removed = model;
    }
    if (!removed)
        return;
    auto *box = new QMessageBox(QMessageBox::Question, tr("Delete model"),
                                tr("Delete the model %1 and its routes? Clients asking for it "
                                   "get \"model not found\".")
                                    .arg(name),
                                QMessageBox::Cancel, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *confirm = box->addButton(tr("Delete"), QMessageBox::DestructiveRole);
    box->setDefaultButton(QMessageBox::Cancel);
    connect(box, &QMessageBox::finished, this, [this, box, confirm, model = *removed] {
        if (box->clickedButton() != confirm)
            return;
        auto restore = [this, model] {
            m_client->withConfig<bool>(
                [model](ConfigService &config) {
                    ConfigError error;
                    return config.upsertModel(QString(), model, &error);
                },
                [self = QPointer<ModelsPage>(this), name = model.name](bool ok) {
                    if (self && ok)
                        self->selectModel(name);
                });
        };
        m_client->withConfig<std::optional<ConfigError>>(
            [name = model.name](ConfigService &config) -> std::optional<ConfigError> {
                ConfigError error;
                if (config.removeModel(name, &error))
                    return std::nullopt;
                return error;
            },
            [self = QPointer<ModelsPage>(this), name = model.name,
             restore](std::optional<ConfigError> error) {
                if (!self)
                    return;
                if (error)
                    self->m_message->showError(error->toString());
                else
                    self->m_message->showInfo(tr("Deleted model %1.").arg(name), tr("Undo"),
                                              restore);
            });
    });
    box->open();
}

void ModelsPage::fetch(const QString &provider)
{
    for (const ProviderConfig &config : m_config->providers) {
        if (config.name != provider)
            continue;
        ProviderProbe *probe = m_probes.value(provider);
        if (!probe) {
            probe = new ProviderProbe(this);
            m_probes.insert(provider, probe);
            connect(probe, &ProviderProbe::finished, this,
                    [this, provider](const ProbeResult &result) {
                        m_detail->setFetching(provider, false);
                        if (!result.ok) {
                            m_message->showError(
                                tr("Cannot list the models of %1: %2").arg(provider, result.error));
                            return;
                        }
                        m_detail->setUpstreamModels(provider, result.models);
                        m_message->showInfo(tr("%1 lists %n model(s); pick one in the upstream "
                                               "model box.",
                                               nullptr, int(result.models.size()))
                                                .arg(provider));
                    });
        }
        m_detail->setFetching(provider, true);
        probe->start(config);
        return;
    }
}
