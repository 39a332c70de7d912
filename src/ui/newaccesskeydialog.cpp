#include "newaccesskeydialog.h"

#include "engineclient.h"
#include "icons.h"
#include "statuscolors.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

#include <variant>

NewAccessKeyDialog::NewAccessKeyDialog(EngineClient *client, QWidget *parent)
    : QDialog(parent)
    , m_client(client)
    , m_steps(new QStackedWidget(this))
    , m_name(new QLineEdit(this))
    , m_error(new QLabel(this))
    , m_key(new QLineEdit(this))
    , m_keyNote(new QLabel(this))
    , m_create(new QPushButton(Icons::icon(QStringLiteral("key")), tr("Create key"), this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("New access key"));
    setObjectName(QStringLiteral("newAccessKeyDialog"));

    // Step 1: the name.
    auto *nameStep = new QWidget(m_steps);
    m_name->setObjectName(QStringLiteral("keyName"));
    m_name->setPlaceholderText(tr("e.g. laptop, claude-code, ci"));
    m_error->setObjectName(QStringLiteral("keyError"));
    m_error->setWordWrap(true);
    m_error->hide();
    QPalette palette = m_error->palette();
    palette.setColor(QPalette::WindowText, StatusColors::color(HealthLevel::Down));
    m_error->setPalette(palette);
    m_create->setObjectName(QStringLiteral("createKey"));
    m_create->setDefault(true);
    auto *nameHelp = new QLabel(tr("The name shows in the request log, so you can tell your "
                                   "tools apart."),
                                nameStep);
    nameHelp->setWordWrap(true);
    auto *nameForm = new QFormLayout;
    nameForm->addRow(tr("&Name:"), m_name);
    auto *createRow = new QHBoxLayout;
    createRow->addStretch(1);
    createRow->addWidget(m_create);
    auto *nameLayout = new QVBoxLayout(nameStep);
    nameLayout->setContentsMargins(0, 0, 0, 0);
    nameLayout->addWidget(nameHelp);
    nameLayout->addLayout(nameForm);
    nameLayout->addWidget(m_error);
    nameLayout->addLayout(createRow);
    nameLayout->addStretch(1);

    // Step 2: the key, once.
    auto *keyStep = new QWidget(m_steps);
    m_key->setObjectName(QStringLiteral("createdKey"));
    m_key->setReadOnly(true);
    m_key->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_keyNote->setWordWrap(true);
    auto *copy = new QPushButton(Icons::icon(QStringLiteral("copy")), tr("Copy"), keyStep);
    copy->setObjectName(QStringLiteral("copyKey"));
    connect(copy, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(m_key->text()); });
    auto *keyRow = new QHBoxLayout;
    keyRow->addWidget(m_key, 1);
    keyRow->addWidget(copy);
    auto *keyLayout = new QVBoxLayout(keyStep);
    keyLayout->setContentsMargins(0, 0, 0, 0);
    keyLayout->addWidget(m_keyNote);
    keyLayout->addLayout(keyRow);
    keyLayout->addStretch(1);

    m_steps->addWidget(nameStep);
    m_steps->addWidget(keyStep);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 24, 24, 16);
    layout->setSpacing(16);
    layout->addWidget(m_steps);
    layout->addWidget(m_buttons);

    connect(m_create, &QPushButton::clicked, this, &NewAccessKeyDialog::create);
    connect(m_name, &QLineEdit::returnPressed, this, &NewAccessKeyDialog::create);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    resize(520, sizeHint().height());
}

void NewAccessKeyDialog::create()
{
    const QString name = m_name->text().trimmed();
    m_create->setEnabled(false);
    using Outcome = std::variant<AccessKeyConfig, ConfigError>;
    m_client->withConfig<Outcome>(
        [name](ConfigService &config) -> Outcome {
            ConfigError error;
            if (const auto key = config.createAccessKey(name, QString(), &error))
                return *key;
            return error;
        },
        [self = QPointer<NewAccessKeyDialog>(this), name](Outcome outcome) {
            if (!self)
                return;
            self->m_create->setEnabled(true);
            if (const auto *error = std::get_if<ConfigError>(&outcome)) {
                self->m_error->setText(error->message);
                self->m_error->show();
                self->m_name->setFocus();
                return;
            }
            self->m_key->setText(std::get<AccessKeyConfig>(outcome).key);
            self->m_keyNote->setText(
                tr("The key \"%1\" is ready. Copy it now: it is shown only this once.").arg(name));
            self->m_steps->setCurrentIndex(1);
            self->m_buttons->setStandardButtons(QDialogButtonBox::Close);
            self->m_key->setFocus();
            self->m_key->selectAll();
            Q_EMIT self->created(name);
        });
}

QString NewAccessKeyDialog::createdKey() const
{
    return m_steps->currentIndex() == 1 ? m_key->text() : QString();
}

QString NewAccessKeyDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}
