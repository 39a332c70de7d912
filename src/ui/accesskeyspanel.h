#pragma once

#include "config/configtypes.h"

#include <QWidget>

#include <memory>

class EngineClient;
class QLabel;
class QPushButton;
class QTreeWidget;

// The client access keys (UI.md "Settings"): name, the start of the key and when it was
// created; create a key (shown once) and revoke one. Clients using a revoked key get 401 at
// once.
class AccessKeysPanel final : public QWidget
{
    Q_OBJECT

public:
    explicit AccessKeysPanel(EngineClient *client, QWidget *parent = nullptr);

    void createKey();
    // Asks once, then removes the key.
    void revokeKey(const QString &name);
    QTreeWidget *list() const { return m_list; }
    QString selectedKey() const;

private:
    void setConfig(const std::shared_ptr<const GatewayConfig> &config);

    EngineClient *m_client;
    QTreeWidget *m_list;
    QPushButton *m_create;
    QPushButton *m_revoke;
    QLabel *m_message;
};
