#include "pageheader.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

PageHeader::PageHeader(const QString &title, const QString &help, QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(title, this))
    , m_help(new QLabel(help, this))
    , m_actions(new QHBoxLayout)
{
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.45);
    titleFont.setWeight(QFont::Bold);
    m_title->setFont(titleFont);
    m_title->setAccessibleName(title);

    m_help->setWordWrap(true);
    m_help->setForegroundRole(QPalette::PlaceholderText);
    m_help->setVisible(!help.isEmpty());

    auto *texts = new QVBoxLayout;
    texts->setSpacing(2);
    texts->addWidget(m_title);
    texts->addWidget(m_help);

    m_actions->setSpacing(8);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 8);
    layout->setSpacing(16);
    layout->addLayout(texts, 1);
    layout->addLayout(m_actions);
    m_actions->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
}

void PageHeader::setTitle(const QString &title)
{
    m_title->setText(title);
    m_title->setAccessibleName(title);
}

void PageHeader::setHelp(const QString &help)
{
    m_help->setText(help);
    m_help->setVisible(!help.isEmpty());
}

QString PageHeader::title() const
{
    return m_title->text();
}

QPushButton *PageHeader::addButton(const QString &text, const QIcon &icon)
{
    auto *button = new QPushButton(icon, text, this);
    button->setAutoDefault(false);
    m_actions->addWidget(button);
    return button;
}

QPushButton *PageHeader::addPrimaryButton(const QString &text, const QIcon &icon)
{
    QPushButton *button = addButton(text, icon);
    button->setDefault(true);
    return button;
}

void PageHeader::addWidget(QWidget *widget)
{
    m_actions->addWidget(widget);
}
