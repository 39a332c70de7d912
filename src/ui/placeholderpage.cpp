#include "placeholderpage.h"

#include "pageheader.h"

#include <QLabel>
#include <QVBoxLayout>

PlaceholderPage::PlaceholderPage(const QString &title, const QString &help, QWidget *parent)
    : QWidget(parent)
    , m_header(new PageHeader(title, help, this))
{
    auto *note = new QLabel(tr("This page is not available in this build."), this);
    note->setAlignment(Qt::AlignCenter);
    note->setForegroundRole(QPalette::PlaceholderText);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 16, 24, 16);
    layout->addWidget(m_header);
    layout->addWidget(note, 1);
}
