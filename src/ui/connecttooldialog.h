#pragma once

#include "gatewayinfo.h"
#include "toolsnippets.h"

#include <QDialog>

class EngineClient;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;

// "Connect a tool" (UI.md): the endpoint URL and an access key with copy buttons, and a tab
// per tool with a ready-to-copy snippet filled with them and a model. Access keys are stored
// hashed, so a key is known here only when it was created in this session (at first start or
// with "New key"), or pasted by the user.
class ConnectToolDialog final : public QDialog
{
    Q_OBJECT

public:
    ConnectToolDialog(EngineClient *client, const GatewayInfo &info, QWidget *parent = nullptr);

    void setKey(const QString &key);
    QString key() const;
    void setModel(const QString &model);
    void setShell(ToolSnippets::Shell shell);
    // The snippet shown on the tab of `id` (ToolSnippets::Snippet::id).
    QString snippet(const QString &id) const;
    // Creates a new access key (as the "New key" button does) and fills it in.
    void createKey();

private:
    void updateSnippets();

    EngineClient *m_client;
    GatewayInfo m_info;
    QLineEdit *m_endpoint;
    QLineEdit *m_key;
    QPushButton *m_newKey;
    QLabel *m_keyNote;
    QComboBox *m_model;
    QComboBox *m_shell;
    QTabWidget *m_tabs;
    QList<QPlainTextEdit *> m_texts; // one per tab, in ToolSnippets::all() order
    QStringList m_ids;
};
