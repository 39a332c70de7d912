#include "connecttooldialog.h"

#include "engineclient.h"
#include "icons.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QTabWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include <optional>

namespace {

QPushButton *copyButton(QWidget *parent, std::function<QString()> text)
{
    auto *button = new QPushButton(Icons::icon(QStringLiteral("copy")),
                                   ConnectToolDialog::tr("Copy"), parent);
    button->setAutoDefault(false);
    QObject::connect(button, &QPushButton::clicked, parent,
                     [text = std::move(text)] { QApplication::clipboard()->setText(text()); });
    return button;
}

} // namespace

ConnectToolDialog::ConnectToolDialog(EngineClient *client, const GatewayInfo &info, QWidget *parent)
    : QDialog(parent)
    , m_client(client)
    , m_info(info)
    , m_endpoint(new QLineEdit(info.endpointUrl, this))
    , m_key(new QLineEdit(info.createdAccessKey, this))
    , m_newKey(new QPushButton(Icons::icon(QStringLiteral("key")), tr("New key"), this))
    , m_keyNote(new QLabel(this))
    , m_model(new QComboBox(this))
    , m_shell(new QComboBox(this))
    , m_tabs(new QTabWidget(this))
{
    setWindowTitle(tr("Connect a tool"));
    setObjectName(QStringLiteral("connectToolDialog"));

    m_endpoint->setObjectName(QStringLiteral("endpoint"));
    m_endpoint->setReadOnly(true);
    m_key->setObjectName(QStringLiteral("accessKey"));
    m_key->setEchoMode(QLineEdit::Password);
    m_key->setPlaceholderText(tr("Paste an access key, or create a new one"));
    m_newKey->setObjectName(QStringLiteral("newKey"));
    m_newKey->setAutoDefault(false);
    m_newKey->setToolTip(tr("Create a new access key for this tool"));
    m_keyNote->setWordWrap(true);
    m_keyNote->setForegroundRole(QPalette::PlaceholderText);
    m_keyNote->setText(info.createdAccessKey.isEmpty()
                           ? tr("Keys are stored hashed and shown only once. Paste the key you "
                                "saved, or create a new one.")
                           : tr("This key was created when the gateway first started."));
    auto *reveal = new QToolButton(this);
    reveal->setCheckable(true);
    reveal->setIcon(Icons::icon(QStringLiteral("reveal")));
    reveal->setToolTip(tr("Show the key"));
    connect(reveal, &QToolButton::toggled, this, [this, reveal](bool on) {
        m_key->setEchoMode(on ? QLineEdit::Normal : QLineEdit::Password);
        reveal->setIcon(Icons::icon(on ? QStringLiteral("conceal") : QStringLiteral("reveal")));
    });

    auto *endpointRow = new QHBoxLayout;
    endpointRow->addWidget(m_endpoint, 1);
    endpointRow->addWidget(copyButton(this, [this] { return m_endpoint->text(); }));
    auto *keyRow = new QHBoxLayout;
    keyRow->addWidget(m_key, 1);
    keyRow->addWidget(reveal);
    keyRow->addWidget(copyButton(this, [this] { return key(); }));
    keyRow->addWidget(m_newKey);

    m_model->setObjectName(QStringLiteral("model"));
    m_model->setEditable(true);
    m_model->setInsertPolicy(QComboBox::NoInsert);
    for (const ModelConfig &model : client->config()->models)
        m_model->addItem(model.name);
    m_model->lineEdit()->setPlaceholderText(tr("Model name"));
    m_shell->setObjectName(QStringLiteral("shell"));
    m_shell->addItem(tr("bash / zsh"), int(ToolSnippets::Shell::Posix));
    m_shell->addItem(tr("PowerShell"), int(ToolSnippets::Shell::PowerShell));
    m_shell->setCurrentIndex(m_shell->findData(int(ToolSnippets::nativeShell())));
    auto *modelRow = new QHBoxLayout;
    modelRow->addWidget(m_model, 1);
    modelRow->addSpacing(16);
    modelRow->addWidget(new QLabel(tr("Shell:"), this));
    modelRow->addWidget(m_shell);

    auto *form = new QFormLayout;
    form->setHorizontalSpacing(16);
    form->setVerticalSpacing(8);
    // Labels of layout rows get their buddies by hand, so their mnemonics work.
    auto *endpointLabel = new QLabel(tr("Endpoint URL:"), this);
    endpointLabel->setBuddy(m_endpoint);
    auto *keyLabel = new QLabel(tr("Access &key:"), this);
    keyLabel->setBuddy(m_key);
    auto *modelLabel = new QLabel(tr("&Model:"), this);
    modelLabel->setBuddy(m_model);
    form->addRow(endpointLabel, endpointRow);
    form->addRow(keyLabel, keyRow);
    form->addRow(QString(), m_keyNote);
    form->addRow(modelLabel, modelRow);

    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    const QList<ToolSnippets::Snippet> snippets
        = ToolSnippets::all(info.endpointUrl, QString(), QString(), ToolSnippets::nativeShell());
    for (const ToolSnippets::Snippet &snippet : snippets) {
        auto *page = new QWidget(m_tabs);
        auto *description = new QLabel(snippet.description, page);
        description->setWordWrap(true);
        auto *text = new QPlainTextEdit(page);
        text->setObjectName(QStringLiteral("snippet_") + snippet.id);
        text->setReadOnly(true);
        text->setFont(mono);
        text->setLineWrapMode(QPlainTextEdit::NoWrap);
        text->setTabChangesFocus(true);
        auto *copyRow = new QHBoxLayout;
        copyRow->addStretch(1);
        QPushButton *copy = copyButton(page, [text] { return text->toPlainText(); });
        copy->setObjectName(QStringLiteral("copy_") + snippet.id);
        copyRow->addWidget(copy);
        auto *column = new QVBoxLayout(page);
        column->setContentsMargins(8, 8, 8, 8);
        column->addWidget(description);
        column->addWidget(text, 1);
        column->addLayout(copyRow);
        m_tabs->addTab(page, snippet.title);
        m_texts.append(text);
        m_ids.append(snippet.id);
    }

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 24, 24, 16);
    layout->setSpacing(16);
    layout->addLayout(form);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(buttons);

    connect(m_key, &QLineEdit::textChanged, this, &ConnectToolDialog::updateSnippets);
    connect(m_model, &QComboBox::currentTextChanged, this, &ConnectToolDialog::updateSnippets);
    connect(m_shell, &QComboBox::currentIndexChanged, this, &ConnectToolDialog::updateSnippets);
    connect(m_newKey, &QPushButton::clicked, this, &ConnectToolDialog::createKey);
    updateSnippets();
    resize(760, 600);
}

void ConnectToolDialog::setKey(const QString &key)
{
    m_key->setText(key);
}

QString ConnectToolDialog::key() const
{
    return m_key->text().trimmed();
}

void ConnectToolDialog::setModel(const QString &model)
{
    m_model->setCurrentText(model);
}

void ConnectToolDialog::setShell(ToolSnippets::Shell shell)
{
    m_shell->setCurrentIndex(m_shell->findData(int(shell)));
}

QString ConnectToolDialog::snippet(const QString &id) const
{
    const qsizetype index = m_ids.indexOf(id);
    return index < 0 ? QString() : m_texts.at(index)->toPlainText();
}

void ConnectToolDialog::updateSnippets()
{
    const QList<ToolSnippets::Snippet> snippets
        = ToolSnippets::all(m_info.endpointUrl, key(), m_model->currentText(),
                            ToolSnippets::Shell(m_shell->currentData().toInt()));
    for (qsizetype i = 0; i < snippets.size() && i < m_texts.size(); ++i)
        m_texts.at(i)->setPlainText(snippets.at(i).text);
}

void ConnectToolDialog::createKey()
{
    m_newKey->setEnabled(false);
    const QString name = QStringLiteral("tool-")
        + QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    m_client->withConfig<std::optional<AccessKeyConfig>>(
        [name](ConfigService &config) {
            ConfigError error;
            return config.createAccessKey(name, QString(), &error);
        },
        [self = QPointer<ConnectToolDialog>(this), name](std::optional<AccessKeyConfig> created) {
            if (!self)
                return;
            self->m_newKey->setEnabled(true);
            if (!created) {
                self->m_keyNote->setText(tr("Could not create a key."));
                return;
            }
            self->m_key->setText(created->key);
            self->m_keyNote->setText(tr("Created the key \"%1\". It is shown only now: copy it "
                                        "into your tool. Revoke it in Settings.")
                                         .arg(name));
        });
}
