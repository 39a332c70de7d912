#include "newmodeldialog.h"

#include "engineclient.h"
#include "statuscolors.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QVBoxLayout>

#include <optional>

NewModelDialog::NewModelDialog(EngineClient *client, QWidget *parent)
    : QDialog(parent)
    , m_client(client)
    , m_name(new QLineEdit(this))
    , m_provider(new QComboBox(this))
    , m_upstream(new QLineEdit(this))
    , m_error(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Add model"));
    setObjectName(QStringLiteral("newModelDialog"));
    m_name->setObjectName(QStringLiteral("name"));
    m_name->setPlaceholderText(tr("e.g. gpt-4o-mini, claude-sonnet, fast"));
    m_provider->setObjectName(QStringLiteral("provider"));
    for (const ProviderConfig &provider : client->config()->providers)
        m_provider->addItem(provider.name);
    m_upstream->setObjectName(QStringLiteral("upstream"));
    m_upstream->setPlaceholderText(tr("The model's name at the provider"));
    m_error->setObjectName(QStringLiteral("error"));
    m_error->setWordWrap(true);
    m_error->hide();
    QPalette palette = m_error->palette();
    palette.setColor(QPalette::WindowText, StatusColors::color(HealthLevel::Down));
    m_error->setPalette(palette);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Add"));

    auto *help = new QLabel(tr("Clients ask for the model by its name; the gateway sends the "
                               "request to the provider under the upstream name."),
                            this);
    help->setWordWrap(true);
    auto *form = new QFormLayout;
    form->setHorizontalSpacing(16);
    form->setVerticalSpacing(8);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Provider:"), m_provider);
    form->addRow(tr("&Upstream model:"), m_upstream);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 24, 24, 16);
    layout->setSpacing(16);
    layout->addWidget(help);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);

    // The upstream name follows the client-facing name until edited by itself.
    connect(m_name, &QLineEdit::textEdited, this, [this](const QString &text) {
        if (!m_upstreamTouched)
            m_upstream->setText(text.trimmed());
    });
    connect(m_upstream, &QLineEdit::textEdited, this, [this] { m_upstreamTouched = true; });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &NewModelDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    resize(480, sizeHint().height());
}

ModelConfig NewModelDialog::model() const
{
    ModelConfig model;
    model.name = m_name->text().trimmed();
    if (m_provider->count() > 0 && !m_upstream->text().trimmed().isEmpty()) {
        RouteConfig route;
        route.provider = m_provider->currentText();
        route.upstreamModel = m_upstream->text().trimmed();
        model.routes.append(route);
    }
    return model;
}

QString NewModelDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void NewModelDialog::submit()
{
    const ModelConfig model = this->model();
    m_buttons->setEnabled(false);
    m_client->withConfig<std::optional<ConfigError>>(
        [model](ConfigService &config) -> std::optional<ConfigError> {
            ConfigError error;
            if (config.upsertModel(QString(), model, &error))
                return std::nullopt;
            return error;
        },
        [self = QPointer<NewModelDialog>(this),
         name = model.name](std::optional<ConfigError> error) {
            if (!self)
                return;
            self->m_buttons->setEnabled(true);
            if (error) {
                self->m_error->setText(error->message);
                self->m_error->show();
                self->m_name->setFocus();
                return;
            }
            Q_EMIT self->saved(name);
            self->accept();
        });
}
