#include "accesskeyspanel.h"

#include "engineclient.h"
#include "icons.h"
#include "newaccesskeydialog.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

AccessKeysPanel::AccessKeysPanel(EngineClient *client, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_list(new QTreeWidget(this))
    , m_create(new QPushButton(Icons::icon(QStringLiteral("add")), tr("Create key…"), this))
    , m_revoke(new QPushButton(Icons::icon(QStringLiteral("delete")), tr("Revoke"), this))
    , m_message(new QLabel(this))
{
    m_list->setObjectName(QStringLiteral("accessKeys"));
    m_list->setRootIsDecorated(false);
    m_list->setAlternatingRowColors(true);
    m_list->setUniformRowHeights(true);
    m_list->setHeaderLabels({ tr("Name"), tr("Key"), tr("Created") });
    m_list->header()->setObjectName(QStringLiteral("accessKeysHeader"));
    m_list->header()->setStretchLastSection(true);
    m_list->setColumnWidth(0, 180);
    m_list->setColumnWidth(1, 160);
    m_list->setMinimumHeight(96);
    m_list->setMaximumHeight(160);
    m_create->setObjectName(QStringLiteral("createAccessKey"));
    m_create->setAutoDefault(false);
    m_revoke->setObjectName(QStringLiteral("revokeAccessKey"));
    m_revoke->setAutoDefault(false);
    m_message->setWordWrap(true);
    m_message->setForegroundRole(QPalette::PlaceholderText);
    m_message->setText(tr("Tools send one of these keys to the gateway. A key is shown only "
                          "when it is created."));

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_create);
    buttons->addWidget(m_revoke);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(8);
    layout->addWidget(m_message);
    layout->addWidget(m_list);
    layout->addLayout(buttons);

    connect(m_create, &QPushButton::clicked, this, &AccessKeysPanel::createKey);
    connect(m_revoke, &QPushButton::clicked, this, [this] { revokeKey(selectedKey()); });
    connect(m_list, &QTreeWidget::itemSelectionChanged, this,
            [this] { m_revoke->setEnabled(!selectedKey().isEmpty()); });
    connect(client, &EngineClient::configChanged, this, &AccessKeysPanel::setConfig);
    setConfig(client->config());
}

void AccessKeysPanel::setConfig(const std::shared_ptr<const GatewayConfig> &config)
{
    const QString selected = selectedKey();
    m_list->clear();
    for (const AccessKeyConfig &key : config->accessKeys) {
        auto *item = new QTreeWidgetItem(m_list);
        item->setText(0, key.name);
        item->setText(1, key.prefix + QChar(0x2026));
        item->setText(2,
                      key.createdAt.isValid()
                          ? QLocale().toString(key.createdAt.toLocalTime(), QLocale::ShortFormat)
                          : QString());
        if (key.name == selected)
            m_list->setCurrentItem(item);
    }
    m_revoke->setEnabled(!selectedKey().isEmpty());
}

QString AccessKeysPanel::selectedKey() const
{
    const QList<QTreeWidgetItem *> items = m_list->selectedItems();
    return items.isEmpty() ? QString() : items.first()->text(0);
}

void AccessKeysPanel::createKey()
{
    auto *dialog = new NewAccessKeyDialog(m_client, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void AccessKeysPanel::revokeKey(const QString &name)
{
    if (name.isEmpty())
        return;
    auto *box = new QMessageBox(
        QMessageBox::Question, tr("Revoke access key"),
        tr("Revoke the key %1? Tools using it are refused from now on.").arg(name),
        QMessageBox::Cancel, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *confirm = box->addButton(tr("Revoke"), QMessageBox::DestructiveRole);
    box->setDefaultButton(QMessageBox::Cancel);
    connect(box, &QMessageBox::finished, this, [this, box, confirm, name] {
        if (box->clickedButton() != confirm)
            return;
        m_client->withConfig<QString>(
            [name](ConfigService &config) {
                ConfigError error;
                return config.removeAccessKey(name, &error) ? QString() : error.toString();
            },
            [self = QPointer<AccessKeysPanel>(this), name](QString error) {
                if (!self)
                    return;
                self->m_message->setText(error.isEmpty()
                                             ? tr("Revoked %1.").arg(name)
                                             : tr("Cannot revoke %1: %2").arg(name, error));
            });
    });
    box->open();
}
