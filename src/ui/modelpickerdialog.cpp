#include "modelpickerdialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

ModelPickerDialog::ModelPickerDialog(const QString &provider, const QStringList &models,
                                     const QStringList &alreadyRouted, QWidget *parent)
    : QDialog(parent)
    , m_filter(new QLineEdit(this))
    , m_list(new QListWidget(this))
    , m_count(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Models of %1").arg(provider));
    setObjectName(QStringLiteral("modelPickerDialog"));
    auto *help = new QLabel(tr("Check the models to offer under the same name. Each becomes a "
                               "model with a route to %1; a model that exists gets a new route.")
                                .arg(provider),
                            this);
    help->setWordWrap(true);
    m_filter->setObjectName(QStringLiteral("filter"));
    m_filter->setPlaceholderText(tr("Filter"));
    m_filter->setClearButtonEnabled(true);
    m_list->setObjectName(QStringLiteral("models"));
    m_list->setAlternatingRowColors(true);
    m_list->setUniformItemSizes(true);
    for (const QString &model : models) {
        auto *item = new QListWidgetItem(model, m_list);
        if (alreadyRouted.contains(model)) {
            item->setFlags(item->flags() & ~Qt::ItemIsEnabled);
            item->setCheckState(Qt::Checked);
            item->setToolTip(tr("Already routed to %1").arg(provider));
        } else {
            item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
            item->setCheckState(Qt::Unchecked);
        }
    }
    m_count->setForegroundRole(QPalette::PlaceholderText);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Add models"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 24, 24, 16);
    layout->setSpacing(8);
    layout->addWidget(help);
    layout->addWidget(m_filter);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_count);
    layout->addWidget(m_buttons);

    connect(m_filter, &QLineEdit::textChanged, this, &ModelPickerDialog::applyFilter);
    connect(m_list, &QListWidget::itemChanged, this, &ModelPickerDialog::updateButtons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    updateButtons();
    resize(480, 560);
}

QStringList ModelPickerDialog::checkedModels() const
{
    QStringList checked;
    for (int row = 0; row < m_list->count(); ++row) {
        const QListWidgetItem *item = m_list->item(row);
        if ((item->flags() & Qt::ItemIsEnabled) && item->checkState() == Qt::Checked)
            checked.append(item->text());
    }
    return checked;
}

void ModelPickerDialog::setChecked(const QString &model, bool checked)
{
    const QList<QListWidgetItem *> items = m_list->findItems(model, Qt::MatchExactly);
    for (QListWidgetItem *item : items) {
        if (item->flags() & Qt::ItemIsEnabled)
            item->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
    }
}

void ModelPickerDialog::applyFilter(const QString &text)
{
    for (int row = 0; row < m_list->count(); ++row) {
        QListWidgetItem *item = m_list->item(row);
        item->setHidden(!item->text().contains(text.trimmed(), Qt::CaseInsensitive));
    }
}

void ModelPickerDialog::updateButtons()
{
    const qsizetype checked = checkedModels().size();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(checked > 0);
    m_count->setText(tr("%1 listed, %2 checked").arg(m_list->count()).arg(checked));
}
