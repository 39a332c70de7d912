#pragma once

#include "config/configtypes.h"

#include <QDialog>

class EngineClient;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

// "Add model": the name clients will ask for and its first route (provider and upstream
// model, which starts as the same name). Saved through ConfigService; a refused name shows
// the service's message under the field.
class NewModelDialog final : public QDialog
{
    Q_OBJECT

public:
    NewModelDialog(EngineClient *client, QWidget *parent = nullptr);

    ModelConfig model() const;
    void submit();
    QString errorText() const;

    QLineEdit *nameEdit() const { return m_name; }
    QComboBox *providerCombo() const { return m_provider; }
    QLineEdit *upstreamEdit() const { return m_upstream; }

Q_SIGNALS:
    void saved(const QString &name);

private:
    EngineClient *m_client;
    QLineEdit *m_name;
    QComboBox *m_provider;
    QLineEdit *m_upstream;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
    bool m_upstreamTouched = false;
};
