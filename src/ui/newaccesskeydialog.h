#pragma once

#include <QDialog>

class EngineClient;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;

// Creates a client access key: first its name, then the new key, shown this once with a copy
// button (the store keeps only its hash).
class NewAccessKeyDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit NewAccessKeyDialog(EngineClient *client, QWidget *parent = nullptr);

    void create();
    QLineEdit *nameEdit() const { return m_name; }
    // The plaintext of the created key; empty before.
    QString createdKey() const;
    QString errorText() const;

Q_SIGNALS:
    void created(const QString &name);

private:
    EngineClient *m_client;
    QStackedWidget *m_steps;
    QLineEdit *m_name;
    QLabel *m_error;
    QLineEdit *m_key;
    QLabel *m_keyNote;
    QPushButton *m_create;
    QDialogButtonBox *m_buttons;
};
