#include "provideremptystate.h"

#include "icons.h"
#include "providertemplates.h"

#include <QApplication>
#include <QClipboard>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace {

constexpr int TemplateColumns = 4;

// A read-only value with a copy button.
QWidget *copyRow(const QString &value, bool secret, const QString &objectName, QWidget *parent)
{
    auto *row = new QWidget(parent);
    auto *edit = new QLineEdit(value, row);
    edit->setObjectName(objectName);
    edit->setReadOnly(true);
    edit->setEchoMode(secret ? QLineEdit::Password : QLineEdit::Normal);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(edit, 1);
    if (secret) {
        auto *reveal = new QToolButton(row);
        reveal->setCheckable(true);
        reveal->setIcon(Icons::icon(QStringLiteral("reveal")));
        reveal->setToolTip(ProviderEmptyState::tr("Show the key"));
        QObject::connect(reveal, &QToolButton::toggled, edit, [edit, reveal](bool on) {
            edit->setEchoMode(on ? QLineEdit::Normal : QLineEdit::Password);
            reveal->setIcon(Icons::icon(on ? QStringLiteral("conceal") : QStringLiteral("reveal")));
        });
        layout->addWidget(reveal);
    }
    auto *copy
        = new QPushButton(Icons::icon(QStringLiteral("copy")), ProviderEmptyState::tr("Copy"), row);
    copy->setObjectName(objectName + QStringLiteral("Copy"));
    QObject::connect(copy, &QPushButton::clicked, row,
                     [value] { QApplication::clipboard()->setText(value); });
    layout->addWidget(copy);
    return row;
}

} // namespace

ProviderEmptyState::ProviderEmptyState(const GatewayInfo &info, QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("providerEmptyState"));
    auto *title = new QLabel(tr("Add your first provider"), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    titleFont.setWeight(QFont::Bold);
    title->setFont(titleFont);
    auto *help = new QLabel(tr("Pick where your models come from. The type and base URL are "
                               "filled in; you add the API key."),
                            this);
    help->setWordWrap(true);
    help->setForegroundRole(QPalette::PlaceholderText);

    auto *grid = new QGridLayout;
    grid->setSpacing(8);
    const QList<ProviderTemplate> templates = ProviderTemplates::all();
    for (int i = 0; i < templates.size(); ++i) {
        const ProviderTemplate &item = templates.at(i);
        // A button drawn by the style, its content laid out by labels so that the description
        // wraps instead of widening the page; clicks on the labels reach the button.
        auto *button = new QToolButton(this);
        button->setObjectName(QStringLiteral("template_") + item.id);
        button->setAccessibleName(item.title);
        button->setAccessibleDescription(item.description);
        button->setToolTip(item.baseUrl.isEmpty() ? item.description : item.baseUrl);
        button->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
        button->setMinimumSize(150, 80);
        auto *icon = new QLabel(button);
        icon->setPixmap(Icons::icon(item.id == QLatin1String("custom")
                                        ? QStringLiteral("add")
                                        : QStringLiteral("providers"))
                            .pixmap(QSize(24, 24), devicePixelRatioF()));
        auto *name = new QLabel(item.title, button);
        QFont nameFont = name->font();
        nameFont.setWeight(QFont::Bold);
        name->setFont(nameFont);
        auto *description = new QLabel(item.description, button);
        description->setWordWrap(true);
        description->setForegroundRole(QPalette::PlaceholderText);
        for (QLabel *label : { icon, name, description })
            label->setAttribute(Qt::WA_TransparentForMouseEvents);
        auto *texts = new QVBoxLayout;
        texts->setSpacing(2);
        texts->addWidget(name);
        texts->addWidget(description);
        texts->addStretch(1);
        auto *content = new QHBoxLayout(button);
        content->setContentsMargins(12, 10, 12, 10);
        content->setSpacing(12);
        content->addWidget(icon, 0, Qt::AlignTop);
        content->addLayout(texts, 1);
        connect(button, &QToolButton::clicked, this,
                [this, id = item.id] { Q_EMIT templateChosen(id); });
        grid->addWidget(button, i / TemplateColumns, i % TemplateColumns);
    }
    for (int column = 0; column < TemplateColumns; ++column)
        grid->setColumnStretch(column, 1);

    auto *connectTitle = new QLabel(tr("Point your tools here"), this);
    connectTitle->setFont(titleFont);
    auto *connectHelp = new QLabel(tr("Tools such as Claude Code, Codex CLI or the OpenAI SDK "
                                      "use this address and an access key instead of the "
                                      "provider's own."),
                                   this);
    connectHelp->setWordWrap(true);
    connectHelp->setForegroundRole(QPalette::PlaceholderText);

    auto *form = new QGridLayout;
    form->setHorizontalSpacing(16);
    form->setVerticalSpacing(8);
    form->addWidget(new QLabel(tr("Endpoint URL:"), this), 0, 0);
    form->addWidget(copyRow(info.endpointUrl, false, QStringLiteral("endpointUrl"), this), 0, 1);
    form->addWidget(new QLabel(tr("Access key:"), this), 1, 0);
    if (info.createdAccessKey.isEmpty()) {
        auto *note = new QLabel(tr("Keys are shown only once, when created. Create a new one "
                                   "in Connect a tool or in Settings."),
                                this);
        note->setWordWrap(true);
        form->addWidget(note, 1, 1);
    } else {
        form->addWidget(copyRow(info.createdAccessKey, true, QStringLiteral("accessKey"), this), 1,
                        1);
    }
    form->setColumnStretch(1, 1);

    auto *connectTool = new QPushButton(Icons::icon(QStringLiteral("connect")),
                                        tr("Snippets for Claude Code, Codex CLI, SDKs…"), this);
    connectTool->setObjectName(QStringLiteral("connectTool"));
    connect(connectTool, &QPushButton::clicked, this, &ProviderEmptyState::connectToolRequested);
    auto *connectRow = new QHBoxLayout;
    connectRow->addWidget(connectTool);
    connectRow->addStretch(1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 8, 0, 0);
    layout->setSpacing(8);
    layout->addWidget(title);
    layout->addWidget(help);
    layout->addSpacing(8);
    layout->addLayout(grid);
    layout->addSpacing(24);
    layout->addWidget(connectTitle);
    layout->addWidget(connectHelp);
    layout->addSpacing(8);
    layout->addLayout(form);
    layout->addLayout(connectRow);
    layout->addStretch(1);
}
