#include "settingspage.h"

#include "accesskeyspanel.h"
#include "appsettings.h"
#include "autostart.h"
#include "engineclient.h"
#include "icons.h"
#include "pageheader.h"
#include "statuscolors.h"
#include "translations.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDesktopServices>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHostAddress>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>

namespace {

constexpr qint64 MiB = 1024 * 1024;

QLabel *noteLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

void setColour(QLabel *label, HealthLevel level)
{
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, StatusColors::color(level));
    label->setPalette(palette);
}

} // namespace

SettingsPage::SettingsPage(EngineClient *client, AppSettings *settings, const GatewayInfo &info,
                           QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_settings(settings)
    , m_info(info)
    , m_port(new QSpinBox(this))
    , m_bind(new QComboBox(this))
    , m_bindWarning(new QLabel(this))
    , m_restartNote(noteLabel(this))
    , m_restart(new QPushButton(tr("Restart now"), this))
    , m_pause(new QPushButton(this))
    , m_pauseState(noteLabel(this))
    , m_accessKeys(new AccessKeysPanel(client, this))
    , m_adminToken(new QLineEdit(info.adminToken, this))
    , m_startAtLogin(new QCheckBox(tr("Start LLM Orchestrator when I log in"), this))
    , m_startAtLoginError(new QLabel(this))
    , m_startMinimized(new QCheckBox(tr("Start in the tray, without showing the window"), this))
    , m_notify(new QCheckBox(tr("Notify me when a provider goes down or recovers"), this))
    , m_language(new QComboBox(this))
    , m_retention(new QSpinBox(this))
    , m_failureThreshold(new QSpinBox(this))
    , m_openSeconds(new QSpinBox(this))
    , m_halfOpenSuccesses(new QSpinBox(this))
    , m_bodyLimit(new QSpinBox(this))
    , m_startLanguage(settings->language())
    , m_startRetention(settings->logRetentionDays())
    , m_startBodyLimit(settings->maxBodyBytes())
    , m_startPort(settings->port())
    , m_startBind(settings->bindAddress())
{
    auto *header = new PageHeader(tr("Settings"), QString(), this);

    auto *content = new QWidget;
    auto *sections = new QVBoxLayout(content);
    sections->setContentsMargins(0, 0, 16, 16);
    sections->setSpacing(8);

    // Gateway.
    QFormLayout *gateway = addSection(sections, tr("Gateway"));
    m_port->setObjectName(QStringLiteral("port"));
    m_port->setRange(1, 65535);
    m_port->setValue(settings->port());
    m_port->setGroupSeparatorShown(false);
    m_bind->setObjectName(QStringLiteral("bindAddress"));
    m_bind->setEditable(true);
    m_bind->setInsertPolicy(QComboBox::NoInsert);
    m_bind->addItem(QStringLiteral("127.0.0.1"));
    m_bind->addItem(QStringLiteral("::1"));
    m_bind->addItem(QStringLiteral("0.0.0.0"));
    m_bind->addItem(QStringLiteral("::"));
    m_bind->setCurrentText(settings->bindAddress());
    m_bind->setMinimumWidth(200);
    m_bind->setToolTip(tr("127.0.0.1 serves this machine only; 0.0.0.0 serves the network"));
    m_bindWarning->setObjectName(QStringLiteral("bindWarning"));
    m_bindWarning->setWordWrap(true);
    m_restartNote->setObjectName(QStringLiteral("restartNote"));
    m_restart->setObjectName(QStringLiteral("restart"));
    m_restart->setAutoDefault(false);
    auto *restartRow = new QHBoxLayout;
    restartRow->addWidget(m_restartNote, 1);
    restartRow->addWidget(m_restart);
    m_pause->setObjectName(QStringLiteral("pauseGateway"));
    m_pause->setAutoDefault(false);
    auto *pauseRow = new QHBoxLayout;
    pauseRow->addWidget(m_pause);
    pauseRow->addWidget(m_pauseState, 1);
    gateway->addRow(tr("&Port:"), m_port);
    gateway->addRow(tr("&Bind address:"), m_bind);
    gateway->addRow(m_bindWarning);
    gateway->addRow(restartRow);
    gateway->addRow(tr("State:"), pauseRow);

    // Access keys.
    QFormLayout *keys = addSection(sections, tr("Access keys"));
    keys->addRow(m_accessKeys);

    // Admin token.
    QFormLayout *admin
        = addSection(sections, tr("Admin API"),
                     tr("Scripts manage the gateway over HTTP at %1/admin/ with this token.")
                         .arg(info.endpointUrl));
    m_adminToken->setObjectName(QStringLiteral("adminToken"));
    m_adminToken->setReadOnly(true);
    m_adminToken->setEchoMode(QLineEdit::Password);
    m_adminToken->setMinimumWidth(360);
    auto *reveal = new QToolButton(this);
    reveal->setCheckable(true);
    reveal->setIcon(Icons::icon(QStringLiteral("reveal")));
    reveal->setToolTip(tr("Show the token"));
    connect(reveal, &QToolButton::toggled, this, [this, reveal](bool on) {
        m_adminToken->setEchoMode(on ? QLineEdit::Normal : QLineEdit::Password);
        reveal->setIcon(Icons::icon(on ? QStringLiteral("conceal") : QStringLiteral("reveal")));
    });
    auto *copyToken = new QPushButton(Icons::icon(QStringLiteral("copy")), tr("Copy"), this);
    copyToken->setObjectName(QStringLiteral("copyAdminToken"));
    copyToken->setAutoDefault(false);
    connect(copyToken, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(m_adminToken->text()); });
    auto *tokenRow = new QHBoxLayout;
    tokenRow->addWidget(m_adminToken, 1);
    tokenRow->addWidget(reveal);
    tokenRow->addWidget(copyToken);
    admin->addRow(tr("Token:"), tokenRow);

    // Startup.
    QFormLayout *startup = addSection(sections, tr("Startup and tray"));
    m_startAtLogin->setObjectName(QStringLiteral("startAtLogin"));
    m_startAtLogin->setChecked(Autostart::isEnabled());
    m_startAtLogin->setEnabled(Autostart::isSupported());
    m_startAtLoginError->setWordWrap(true);
    m_startAtLoginError->hide();
    setColour(m_startAtLoginError, HealthLevel::Down);
    m_startMinimized->setObjectName(QStringLiteral("startMinimized"));
    m_startMinimized->setChecked(settings->startMinimized());
    m_notify->setObjectName(QStringLiteral("notifyProviders"));
    m_notify->setChecked(settings->notifyProviderChanges());
    startup->addRow(m_startAtLogin);
    startup->addRow(m_startAtLoginError);
    startup->addRow(m_startMinimized);
    startup->addRow(m_notify);

    // Language.
    QFormLayout *language = addSection(sections, tr("Language"));
    m_language->setObjectName(QStringLiteral("language"));
    const QList<Translations::Language> languages = Translations::available();
    for (const Translations::Language &item : languages)
        m_language->addItem(item.name, item.code);
    m_language->setCurrentIndex(qMax(0, m_language->findData(settings->language())));
    language->addRow(tr("&Language:"), m_language);

    // Data.
    QFormLayout *data = addSection(sections, tr("Data"));
    auto *location = new QLabel(info.dataDir, this);
    location->setObjectName(QStringLiteral("dataDir"));
    location->setTextInteractionFlags(Qt::TextSelectableByMouse);
    location->setWordWrap(true);
    auto *open = new QPushButton(Icons::icon(QStringLiteral("folder")), tr("Open folder"), this);
    open->setAutoDefault(false);
    connect(open, &QPushButton::clicked, this,
            [this] { QDesktopServices::openUrl(QUrl::fromLocalFile(m_info.dataDir)); });
    auto *locationRow = new QHBoxLayout;
    locationRow->addWidget(location, 1);
    locationRow->addWidget(open);
    m_retention->setObjectName(QStringLiteral("retentionDays"));
    m_retention->setRange(0, 3650);
    m_retention->setSpecialValueText(tr("Forever"));
    m_retention->setSuffix(tr(" days"));
    m_retention->setValue(settings->logRetentionDays());
    m_retention->setToolTip(tr("Request log rows older than this are deleted"));
    data->addRow(tr("Location:"), locationRow);
    data->addRow(tr("&Keep request log:"), m_retention);

    // Advanced.
    QFormLayout *advanced = addSection(
        sections, tr("Advanced"),
        tr("A route whose requests keep failing is skipped (its circuit opens) and tried again "
           "after a pause. Changes apply at once."));
    const CircuitBreakerSettings breaker = settings->breaker();
    m_failureThreshold->setObjectName(QStringLiteral("failureThreshold"));
    m_failureThreshold->setRange(1, 100);
    m_failureThreshold->setValue(breaker.failureThreshold);
    m_failureThreshold->setSuffix(tr(" failures in a row"));
    m_openSeconds->setObjectName(QStringLiteral("openSeconds"));
    m_openSeconds->setRange(1, 3600);
    m_openSeconds->setValue(int(breaker.openDurationMs / 1000));
    m_openSeconds->setSuffix(tr(" s"));
    m_halfOpenSuccesses->setObjectName(QStringLiteral("halfOpenSuccesses"));
    m_halfOpenSuccesses->setRange(1, 20);
    m_halfOpenSuccesses->setValue(breaker.halfOpenSuccesses);
    m_bodyLimit->setObjectName(QStringLiteral("bodyLimit"));
    m_bodyLimit->setRange(1, 1024);
    m_bodyLimit->setSuffix(tr(" MiB"));
    m_bodyLimit->setValue(int(settings->maxBodyBytes() / MiB));
    advanced->addRow(tr("Open a route's circuit after:"), m_failureThreshold);
    advanced->addRow(tr("Retry an open route after:"), m_openSeconds);
    advanced->addRow(tr("Successful trials to close it:"), m_halfOpenSuccesses);
    advanced->addRow(tr("Largest request body:"), m_bodyLimit);
    sections->addStretch(1);

    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("settingsScroll"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 16, 8, 0);
    layout->setSpacing(8);
    layout->addWidget(header);
    layout->addWidget(scroll, 1);

    connect(m_port, &QSpinBox::valueChanged, this, [this](int port) {
        m_settings->setPort(quint16(port));
        updateGatewayNotes();
    });
    connect(m_bind, &QComboBox::currentTextChanged, this, [this](const QString &text) {
        QHostAddress address;
        if (address.setAddress(text.trimmed()))
            m_settings->setBindAddress(text.trimmed());
        updateGatewayNotes();
    });
    connect(m_restart, &QPushButton::clicked, this, &SettingsPage::restartRequested);
    connect(m_pause, &QPushButton::clicked, this,
            [this] { m_client->setPaused(!m_client->isPaused()); });
    connect(client, &EngineClient::pausedChanged, this, &SettingsPage::updatePause);
    connect(m_startAtLogin, &QCheckBox::toggled, this, [this](bool on) {
        QString error;
        if (Autostart::setEnabled(on, &error)) {
            m_startAtLoginError->hide();
            return;
        }
        m_startAtLoginError->setText(tr("Could not change the login item: %1").arg(error));
        m_startAtLoginError->show();
        const QSignalBlocker blocker(m_startAtLogin);
        m_startAtLogin->setChecked(!on);
    });
    connect(m_startMinimized, &QCheckBox::toggled, this,
            [this](bool on) { m_settings->setStartMinimized(on); });
    connect(m_notify, &QCheckBox::toggled, this,
            [this](bool on) { m_settings->setNotifyProviderChanges(on); });
    connect(m_language, &QComboBox::currentIndexChanged, this, [this] {
        m_settings->setLanguage(m_language->currentData().toString());
        updateGatewayNotes();
    });
    connect(m_retention, &QSpinBox::valueChanged, this, [this](int days) {
        m_settings->setLogRetentionDays(days);
        updateGatewayNotes();
    });
    for (QSpinBox *spin : { m_failureThreshold, m_openSeconds, m_halfOpenSuccesses })
        connect(spin, &QSpinBox::valueChanged, this, &SettingsPage::applyBreaker);
    connect(m_bodyLimit, &QSpinBox::valueChanged, this, [this](int mib) {
        m_settings->setMaxBodyBytes(qint64(mib) * MiB);
        updateGatewayNotes();
    });
    updateGatewayNotes();
    updatePause();
}

QFormLayout *SettingsPage::addSection(QVBoxLayout *layout, const QString &title,
                                      const QString &help)
{
    auto *label = new QLabel(title, this);
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() * 1.1);
    font.setWeight(QFont::Bold);
    label->setFont(font);
    if (layout->count() > 0)
        layout->addSpacing(16);
    layout->addWidget(label);
    if (!help.isEmpty()) {
        QLabel *note = noteLabel(this);
        note->setText(help);
        layout->addWidget(note);
    }
    auto *form = new QFormLayout;
    form->setContentsMargins(16, 4, 0, 0);
    form->setHorizontalSpacing(16);
    form->setVerticalSpacing(8);
    form->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    form->setLabelAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    layout->addLayout(form);
    return form;
}

bool SettingsPage::isLoopback(const QString &address)
{
    const QString text = address.trimmed();
    if (text.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    QHostAddress host;
    return host.setAddress(text) && host.isLoopback();
}

QString SettingsPage::bindWarning() const
{
    return m_bindWarning->isHidden() ? QString() : m_bindWarning->text();
}

QString SettingsPage::restartNote() const
{
    return m_restartNote->text();
}

void SettingsPage::updateGatewayNotes()
{
    const QString bind = m_bind->currentText().trimmed();
    QHostAddress address;
    if (!address.setAddress(bind)) {
        m_bindWarning->setText(tr("\"%1\" is not an IP address.").arg(bind));
        setColour(m_bindWarning, HealthLevel::Down);
        m_bindWarning->show();
    } else if (!isLoopback(bind)) {
        m_bindWarning->setText(tr("⚠ Other machines can reach the gateway on this address. "
                                  "Anyone with an access key can then use your providers; "
                                  "use 127.0.0.1 unless you need that."));
        setColour(m_bindWarning, HealthLevel::Degraded);
        m_bindWarning->show();
    } else {
        m_bindWarning->hide();
    }

    QStringList pending;
    if (m_port->value() != m_startPort || (address.setAddress(bind) && bind != m_startBind))
        pending.append(tr("the new address"));
    if (m_language->currentData().toString() != m_startLanguage)
        pending.append(tr("the language"));
    if (m_retention->value() != m_startRetention)
        pending.append(tr("the log retention"));
    if (qint64(m_bodyLimit->value()) * MiB != m_startBodyLimit)
        pending.append(tr("the body limit"));
    if (pending.isEmpty()) {
        const bool overridden = m_info.port != m_startPort
            || (!m_info.bindAddress.isEmpty() && m_info.bindAddress != m_startBind);
        m_restartNote->setText(
            overridden ? tr("Serving now on %1, as the command line or environment asked; "
                            "these values apply when started without them.")
                             .arg(m_info.endpointUrl)
                       : tr("Port and bind address take effect when the app restarts."));
        m_restart->hide();
    } else {
        m_restartNote->setText(
            tr("Saved. Restart to apply %1.").arg(QLocale().createSeparatedList(pending)));
        m_restart->show();
    }
}

void SettingsPage::updatePause()
{
    const bool paused = m_client->isPaused();
    m_pause->setText(paused ? tr("Resume gateway") : tr("Pause gateway"));
    m_pause->setIcon(Icons::icon(paused ? QStringLiteral("resume") : QStringLiteral("pause")));
    m_pauseState->setText(paused ? tr("Paused: LLM requests are answered 503 until you resume.")
                                 : tr("Serving requests."));
}

void SettingsPage::applyBreaker()
{
    CircuitBreakerSettings breaker;
    breaker.failureThreshold = m_failureThreshold->value();
    breaker.openDurationMs = qint64(m_openSeconds->value()) * 1000;
    breaker.halfOpenSuccesses = m_halfOpenSuccesses->value();
    m_settings->setBreaker(breaker);
    m_client->withHealth<bool>(
        [breaker](HealthRegistry &health) {
            health.setSettings(breaker);
            return true;
        },
        [](bool) {});
}
