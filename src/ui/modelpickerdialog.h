#pragma once

#include <QDialog>
#include <QStringList>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;

// "Fetch models" (issue 4): the models a provider lists, with a filter, to pick some from.
// The picked ones become client-facing models routed to that provider.
class ModelPickerDialog final : public QDialog
{
    Q_OBJECT

public:
    // `models` as the provider listed them; `configured` are model names that exist already
    // (shown checked and disabled when the provider already serves them).
    ModelPickerDialog(const QString &provider, const QStringList &models,
                      const QStringList &alreadyRouted, QWidget *parent = nullptr);

    QStringList checkedModels() const;
    void setChecked(const QString &model, bool checked);
    QListWidget *list() const { return m_list; }
    QLineEdit *filter() const { return m_filter; }

private:
    void applyFilter(const QString &text);
    void updateButtons();

    QLineEdit *m_filter;
    QListWidget *m_list;
    QLabel *m_count;
    QDialogButtonBox *m_buttons;
};
