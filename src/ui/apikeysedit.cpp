#include "apikeysedit.h"

#include "icons.h"

#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

ApiKeysEdit::ApiKeysEdit(QWidget *parent)
    : QWidget(parent)
    , m_linesLayout(new QVBoxLayout)
    , m_reveal(new QToolButton(this))
{
    m_linesLayout->setContentsMargins(0, 0, 0, 0);
    m_linesLayout->setSpacing(4);

    m_reveal->setObjectName(QStringLiteral("revealKeys"));
    m_reveal->setCheckable(true);
    m_reveal->setIcon(Icons::icon(QStringLiteral("reveal")));
    m_reveal->setText(tr("Show keys"));
    m_reveal->setToolTip(tr("Show or hide the keys"));
    m_reveal->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    connect(m_reveal, &QToolButton::toggled, this, &ApiKeysEdit::setRevealed);

    auto *add = new QPushButton(Icons::icon(QStringLiteral("add")), tr("Add key"), this);
    add->setObjectName(QStringLiteral("addKey"));
    add->setAutoDefault(false);
    connect(add, &QPushButton::clicked, this, [this] { addLine()->setFocus(); });

    auto *buttons = new QHBoxLayout;
    buttons->setContentsMargins(0, 0, 0, 0);
    buttons->addWidget(add);
    buttons->addWidget(m_reveal);
    buttons->addStretch(1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addLayout(m_linesLayout);
    layout->addLayout(buttons);
    addLine();
}

QStringList ApiKeysEdit::keys() const
{
    QStringList keys;
    for (const QLineEdit *line : m_lines) {
        const QString key = line->text().trimmed();
        if (!key.isEmpty())
            keys.append(key);
    }
    return keys;
}

void ApiKeysEdit::setKeys(const QStringList &keys)
{
    while (!m_lines.isEmpty()) {
        QLineEdit *line = m_lines.takeLast();
        m_linesLayout->removeWidget(line->parentWidget());
        delete line->parentWidget();
    }
    for (const QString &key : keys)
        addLine(key);
    if (m_lines.isEmpty())
        addLine();
    Q_EMIT changed();
}

void ApiKeysEdit::setRevealed(bool revealed)
{
    m_revealed = revealed;
    if (m_reveal->isChecked() != revealed)
        m_reveal->setChecked(revealed);
    m_reveal->setIcon(Icons::icon(revealed ? QStringLiteral("conceal") : QStringLiteral("reveal")));
    m_reveal->setText(revealed ? tr("Hide keys") : tr("Show keys"));
    for (QLineEdit *line : std::as_const(m_lines))
        line->setEchoMode(revealed ? QLineEdit::Normal : QLineEdit::Password);
}

QLineEdit *ApiKeysEdit::addLine(const QString &text)
{
    auto *row = new QWidget(this);
    auto *line = new QLineEdit(text, row);
    line->setObjectName(QStringLiteral("apiKey%1").arg(m_lines.size()));
    line->setEchoMode(m_revealed ? QLineEdit::Normal : QLineEdit::Password);
    line->setPlaceholderText(tr("API key"));
    line->setAccessibleName(tr("API key %1").arg(m_lines.size() + 1));
    auto *remove = new QToolButton(row);
    remove->setIcon(Icons::icon(QStringLiteral("delete")));
    remove->setToolTip(tr("Remove this key"));
    remove->setAutoRaise(true);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(line, 1);
    layout->addWidget(remove);
    m_linesLayout->addWidget(row);
    m_lines.append(line);
    connect(line, &QLineEdit::textChanged, this, &ApiKeysEdit::changed);
    connect(remove, &QToolButton::clicked, this, [this, line] { removeLine(line); });
    return line;
}

void ApiKeysEdit::removeLine(QLineEdit *line)
{
    if (m_lines.size() == 1) {
        line->clear();
        return;
    }
    m_lines.removeOne(line);
    QWidget *row = line->parentWidget();
    m_linesLayout->removeWidget(row);
    row->deleteLater();
    Q_EMIT changed();
}
