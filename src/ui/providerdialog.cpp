#include "providerdialog.h"

#include "apikeysedit.h"
#include "engineclient.h"
#include "icons.h"
#include "providerprobe.h"
#include "providertemplates.h"
#include "statuscolors.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QVBoxLayout>

#include <optional>

namespace {

const WireProtocol Protocols[] = { WireProtocol::OpenAiChat, WireProtocol::OpenAiResponses,
                                   WireProtocol::Anthropic, WireProtocol::Gemini };

QString baseUrlHint(WireProtocol type)
{
    switch (type) {
    case WireProtocol::OpenAiChat:
        return ProviderDialog::tr("Requests go to this URL + /chat/completions, e.g. "
                                  "https://api.openai.com/v1");
    case WireProtocol::OpenAiResponses:
        return ProviderDialog::tr("Requests go to this URL + /responses, e.g. "
                                  "https://api.openai.com/v1");
    case WireProtocol::Anthropic:
        return ProviderDialog::tr("Requests go to this URL + /v1/messages, e.g. "
                                  "https://api.anthropic.com");
    case WireProtocol::Gemini:
        return ProviderDialog::tr("Requests go to this URL + /v1beta/models/…, e.g. "
                                  "https://generativelanguage.googleapis.com");
    }
    return QString();
}

} // namespace

ProviderDialog::ProviderDialog(EngineClient *client, const QString &existingName, QWidget *parent)
    : QDialog(parent)
    , m_client(client)
    , m_existingName(existingName)
    , m_probe(new ProviderProbe(this))
    , m_type(new QComboBox(this))
    , m_name(new QLineEdit(this))
    , m_baseUrl(new QLineEdit(this))
    , m_baseUrlHint(new QLabel(this))
    , m_keys(new ApiKeysEdit(this))
    , m_headers(new QPlainTextEdit(this))
    , m_timeout(new QSpinBox(this))
    , m_enabled(new QCheckBox(tr("Send requests to this provider"), this))
    , m_probeInterval(new QSpinBox(this))
    , m_probeKind(new QComboBox(this))
    , m_probeModel(new QLineEdit(this))
    , m_test(new QPushButton(Icons::icon(QStringLiteral("test")), tr("Test connection"), this))
    , m_testResult(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(existingName.isEmpty() ? tr("Add provider") : tr("Edit provider"));
    setObjectName(QStringLiteral("providerDialog"));

    for (WireProtocol protocol : Protocols)
        m_type->addItem(ProviderTemplates::protocolTitle(protocol), int(protocol));
    m_type->setObjectName(QStringLiteral("type"));
    m_name->setObjectName(QStringLiteral("name"));
    m_name->setPlaceholderText(tr("e.g. openai-main"));
    m_baseUrl->setObjectName(QStringLiteral("baseUrl"));
    m_baseUrl->setPlaceholderText(QStringLiteral("https://"));
    m_baseUrlHint->setWordWrap(true);
    m_baseUrlHint->setForegroundRole(QPalette::PlaceholderText);
    m_keys->setObjectName(QStringLiteral("apiKeys"));
    m_headers->setObjectName(QStringLiteral("headers"));
    m_headers->setPlaceholderText(tr("One per line, e.g. HTTP-Referer: https://example.com"));
    m_headers->setTabChangesFocus(true);
    m_headers->setFixedHeight(m_headers->fontMetrics().lineSpacing() * 3 + 16);
    m_timeout->setObjectName(QStringLiteral("timeout"));
    m_timeout->setRange(1, 3600);
    m_timeout->setSuffix(tr(" s"));
    m_timeout->setToolTip(tr("Longest wait for the answer's headers and longest silence inside a "
                             "stream before the next route is tried"));
    m_enabled->setObjectName(QStringLiteral("enabled"));
    m_probeInterval->setObjectName(QStringLiteral("probeInterval"));
    m_probeInterval->setRange(0, 86400);
    m_probeInterval->setSuffix(tr(" s"));
    m_probeInterval->setSpecialValueText(tr("Off"));
    m_probeKind->setObjectName(QStringLiteral("probeKind"));
    m_probeKind->addItem(tr("List models (free)"), QStringLiteral("models"));
    m_probeKind->addItem(tr("One-token completion"), QStringLiteral("completion"));
    m_probeModel->setObjectName(QStringLiteral("probeModel"));
    m_probeModel->setPlaceholderText(tr("Model for the completion probe"));
    m_test->setObjectName(QStringLiteral("testConnection"));
    m_test->setAutoDefault(false);
    m_testResult->setObjectName(QStringLiteral("testResult"));
    m_testResult->setWordWrap(true);
    m_testResult->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_testResult->hide();

    auto *probeRow = new QWidget(this);
    auto *probeLayout = new QHBoxLayout(probeRow);
    probeLayout->setContentsMargins(0, 0, 0, 0);
    probeLayout->addWidget(new QLabel(tr("every"), probeRow));
    probeLayout->addWidget(m_probeInterval);
    probeLayout->addWidget(m_probeKind, 1);
    auto *probe = new QWidget(this);
    auto *probeColumn = new QVBoxLayout(probe);
    probeColumn->setContentsMargins(0, 0, 0, 0);
    probeColumn->setSpacing(4);
    probeColumn->addWidget(probeRow);
    probeColumn->addWidget(m_probeModel);

    auto *baseUrl = new QWidget(this);
    auto *baseUrlColumn = new QVBoxLayout(baseUrl);
    baseUrlColumn->setContentsMargins(0, 0, 0, 0);
    baseUrlColumn->setSpacing(2);
    baseUrlColumn->addWidget(m_baseUrl);
    baseUrlColumn->addWidget(m_baseUrlHint);

    auto *test = new QWidget(this);
    auto *testColumn = new QVBoxLayout(test);
    testColumn->setContentsMargins(0, 0, 0, 0);
    testColumn->setSpacing(4);
    auto *testRow = new QHBoxLayout;
    testRow->addWidget(m_test);
    testRow->addStretch(1);
    testColumn->addLayout(testRow);
    testColumn->addWidget(m_testResult);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setLabelAlignment(Qt::AlignRight | Qt::AlignTop);
    form->setVerticalSpacing(8);
    form->setHorizontalSpacing(16);
    form->addRow(tr("&Type:"), withError(m_type, QStringLiteral("type")));
    form->addRow(tr("&Name:"), withError(m_name, QStringLiteral("name")));
    form->addRow(tr("&Base URL:"), withError(baseUrl, QStringLiteral("base_url")));
    form->addRow(tr("API &keys:"), withError(m_keys, QStringLiteral("api_keys")));
    form->addRow(tr("Extra &headers:"), withError(m_headers, QStringLiteral("headers")));
    form->addRow(tr("T&imeout:"), withError(m_timeout, QStringLiteral("timeout_ms")));
    form->addRow(tr("Health &probe:"), withError(probe, QStringLiteral("probe")));
    form->addRow(QString(), m_enabled);
    form->addRow(QString(), test);
    // QFormLayout buddies: the mnemonic of a label focuses the field inside its container.
    const QList<QWidget *> buddies
        = { m_type, m_name, m_baseUrl, m_keys->line(0), m_headers, m_timeout, m_probeInterval };
    for (int row = 0; row < buddies.size(); ++row) {
        if (auto *label
            = qobject_cast<QLabel *>(form->itemAt(row, QFormLayout::LabelRole)->widget()))
            label->setBuddy(buddies.at(row));
    }

    auto *formError = new QLabel(this);
    formError->setObjectName(QStringLiteral("error_form"));
    formError->setWordWrap(true);
    formError->hide();
    m_errors.insert(QString(), formError);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 24, 24, 16);
    layout->setSpacing(16);
    layout->addLayout(form);
    layout->addWidget(formError);
    layout->addStretch(1);
    layout->addWidget(m_buttons);

    connect(m_type, &QComboBox::currentIndexChanged, this,
            [this] { m_baseUrlHint->setText(baseUrlHint(provider().type)); });
    connect(m_probeKind, &QComboBox::currentIndexChanged, this, &ProviderDialog::updateProbeFields);
    connect(m_probeInterval, &QSpinBox::valueChanged, this, &ProviderDialog::updateProbeFields);
    connect(m_test, &QPushButton::clicked, this, &ProviderDialog::testConnection);
    connect(m_probe, &ProviderProbe::finished, this, &ProviderDialog::showTestResult);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ProviderDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    setProvider(ProviderConfig());
    resize(600, sizeHint().height());
}

ProviderDialog::~ProviderDialog() = default;

QWidget *ProviderDialog::withError(QWidget *field, const QString &key)
{
    auto *container = new QWidget(this);
    auto *column = new QVBoxLayout(container);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(2);
    column->addWidget(field);
    auto *error = new QLabel(container);
    error->setObjectName(QStringLiteral("error_") + key);
    error->setWordWrap(true);
    error->hide();
    column->addWidget(error);
    m_errors.insert(key, error);
    return container;
}

void ProviderDialog::setProvider(const ProviderConfig &provider)
{
    m_type->setCurrentIndex(qMax(0, m_type->findData(int(provider.type))));
    m_baseUrlHint->setText(baseUrlHint(provider.type));
    m_name->setText(provider.name);
    m_baseUrl->setText(provider.baseUrl);
    m_keys->setKeys(provider.apiKeys);
    QStringList headers;
    for (auto it = provider.headers.cbegin(); it != provider.headers.cend(); ++it)
        headers.append(it.key() + QStringLiteral(": ") + it.value());
    m_headers->setPlainText(headers.join(QLatin1Char('\n')));
    m_timeout->setValue(qMax(1, provider.timeoutMs / 1000));
    m_enabled->setChecked(provider.enabled);
    m_probeInterval->setValue(provider.probe.intervalS);
    m_probeKind->setCurrentIndex(qMax(0, m_probeKind->findData(provider.probe.kind)));
    m_probeModel->setText(provider.probe.model);
    updateProbeFields();
}

void ProviderDialog::applyTemplate(const ProviderTemplate &providerTemplate, const QString &name)
{
    ProviderConfig provider;
    provider.type = providerTemplate.type;
    provider.baseUrl = providerTemplate.baseUrl;
    provider.name = name;
    setProvider(provider);
    if (!providerTemplate.needsKey)
        m_keys->line(0)->setPlaceholderText(tr("Not needed for a local server"));
    (name.isEmpty() ? m_name : m_keys->line(0))->setFocus();
}

ProviderConfig ProviderDialog::provider(ConfigError *error) const
{
    ProviderConfig provider;
    provider.type = WireProtocol(m_type->currentData().toInt());
    provider.name = m_name->text().trimmed();
    provider.baseUrl = m_baseUrl->text().trimmed();
    provider.apiKeys = m_keys->keys();
    const QStringList lines = m_headers->toPlainText().split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        if (line.trimmed().isEmpty())
            continue;
        const qsizetype colon = line.indexOf(QLatin1Char(':'));
        if (colon <= 0) {
            if (error && error->message.isEmpty())
                *error = { QStringLiteral("headers"),
                           tr("\"%1\" is not of the form Name: value").arg(line.trimmed()) };
            continue;
        }
        provider.headers.insert(line.left(colon).trimmed(), line.mid(colon + 1).trimmed());
    }
    provider.timeoutMs = m_timeout->value() * 1000;
    provider.enabled = m_enabled->isChecked();
    provider.probe.intervalS = m_probeInterval->value();
    provider.probe.kind = m_probeKind->currentData().toString();
    provider.probe.model = m_probeModel->text().trimmed();
    return provider;
}

QString ProviderDialog::fieldOf(const QString &path)
{
    static const QRegularExpression pattern(QStringLiteral("^providers\\[\\d+\\]\\.([a-z_]+)"));
    const QRegularExpressionMatch match = pattern.match(path);
    return match.hasMatch() ? match.captured(1) : QString();
}

void ProviderDialog::clearErrors()
{
    for (QLabel *label : std::as_const(m_errors)) {
        label->clear();
        label->hide();
    }
}

void ProviderDialog::showError(const ConfigError &error)
{
    QString key
        = error.field.startsWith(QLatin1String("providers[")) ? fieldOf(error.field) : error.field;
    QLabel *label = m_errors.value(key);
    QString text = error.message;
    if (!label) {
        label = m_errors.value(QString());
        text = error.toString();
    }
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, StatusColors::color(HealthLevel::Down));
    label->setPalette(palette);
    label->setText(text);
    label->show();
    const QHash<QString, QWidget *> fields = {
        { QStringLiteral("name"), m_name },
        { QStringLiteral("base_url"), m_baseUrl },
        { QStringLiteral("api_keys"), m_keys->line(0) },
        { QStringLiteral("headers"), m_headers },
        { QStringLiteral("timeout_ms"), m_timeout },
        { QStringLiteral("probe"), m_probeModel },
        { QStringLiteral("type"), m_type },
    };
    if (QWidget *field = fields.value(key))
        field->setFocus();
}

QString ProviderDialog::fieldError(const QString &field) const
{
    const QLabel *label = m_errors.value(field);
    return label && !label->isHidden() ? label->text() : QString();
}

QString ProviderDialog::testResultText() const
{
    return m_testResult->isHidden() ? QString() : m_testResult->text();
}

void ProviderDialog::updateProbeFields()
{
    const bool on = m_probeInterval->value() > 0;
    m_probeKind->setEnabled(on);
    m_probeModel->setVisible(m_probeKind->currentData().toString() == QLatin1String("completion"));
    m_probeModel->setEnabled(on);
}

void ProviderDialog::submit()
{
    if (m_saving)
        return;
    clearErrors();
    ConfigError local;
    const ProviderConfig provider = this->provider(&local);
    if (!local.message.isEmpty()) {
        showError(local);
        return;
    }
    m_saving = true;
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(false);
    const QString existing = m_existingName;
    m_client->withConfig<std::optional<ConfigError>>(
        [existing, provider](ConfigService &config) -> std::optional<ConfigError> {
            ConfigError error;
            if (config.upsertProvider(existing, provider, &error))
                return std::nullopt;
            return error;
        },
        [self = QPointer<ProviderDialog>(this),
         name = provider.name](std::optional<ConfigError> error) {
            if (!self)
                return;
            self->m_saving = false;
            self->m_buttons->button(QDialogButtonBox::Save)->setEnabled(true);
            if (error) {
                self->showError(*error);
                return;
            }
            Q_EMIT self->saved(name);
            self->accept();
        });
}

void ProviderDialog::testConnection()
{
    m_testResult->setPalette(palette());
    m_testResult->setText(tr("Testing…"));
    m_testResult->show();
    m_test->setEnabled(false);
    m_probe->start(provider());
}

void ProviderDialog::showTestResult(const ProbeResult &result)
{
    m_test->setEnabled(true);
    QPalette palette = m_testResult->palette();
    QString text;
    if (result.ok) {
        palette.setColor(QPalette::WindowText, StatusColors::color(HealthLevel::Healthy));
        text
            = tr("✓ Connected in %1 ms · %n model(s) available", nullptr, int(result.models.size()))
                  .arg(result.latencyMs);
    } else {
        palette.setColor(QPalette::WindowText, StatusColors::color(HealthLevel::Down));
        text = result.httpStatus > 0 ? tr("✗ HTTP %1 after %2 ms: %3")
                                           .arg(result.httpStatus)
                                           .arg(result.latencyMs)
                                           .arg(result.error)
                                     : tr("✗ %1").arg(result.error);
    }
    m_testResult->setPalette(palette);
    m_testResult->setText(text);
    m_testResult->show();
}
