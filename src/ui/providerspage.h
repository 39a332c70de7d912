#pragma once

#include "config/configtypes.h"
#include "gatewayinfo.h"

#include <QWidget>

#include <memory>

class EngineClient;
class GatewayMonitor;
class MessageBar;
class PageHeader;
class ProviderDialog;
class ProviderEmptyState;
class ProviderProbe;
class ProviderTableModel;
struct ProbeResult;
class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QStackedWidget;
class QTableView;

// The providers page (UI.md "Providers"): the templates grid until a provider exists, then a
// table with a health dot per row and the actions add, edit, delete, test connection and
// fetch models. Every change goes through ConfigService in the engine thread.
class ProvidersPage final : public QWidget
{
    Q_OBJECT

public:
    ProvidersPage(EngineClient *client, GatewayMonitor *monitor, const GatewayInfo &info,
                  QWidget *parent = nullptr);
    ~ProvidersPage() override;

    // Opens the provider dialog pre-filled from a template (ProviderTemplate::id), or for the
    // provider called `name`. The dialog is window-modal and does not block.
    ProviderDialog *addFromTemplate(const QString &templateId);
    ProviderDialog *editProvider(const QString &name);
    // Asks once, then removes the provider; "Undo" re-adds it.
    void deleteProvider(const QString &name);
    // Tests the provider's connection and shows the result under the table.
    void testProvider(const QString &name);
    // Lists the provider's models to pick some as new models.
    void fetchModels(const QString &name);

    bool showsEmptyState() const;
    QTableView *table() const { return m_table; }
    ProviderTableModel *model() const { return m_model; }
    MessageBar *messageBar() const { return m_message; }
    QString testResultText() const;
    // The name of the selected provider, or "".
    QString selectedProvider() const;
    void selectProvider(const QString &name);

Q_SIGNALS:
    void connectToolRequested();

private:
    void setConfig(const std::shared_ptr<const GatewayConfig> &config);
    void updateActions();
    void setProviderEnabled(const QString &name, bool enabled);
    void showTestResult(const QString &name, const ProbeResult &result);
    void addModelsFor(const QString &provider, const QStringList &models);
    QString uniqueName(const QString &base) const;

    EngineClient *m_client;
    PageHeader *m_header;
    QStackedWidget *m_stack;
    ProviderEmptyState *m_empty;
    QTableView *m_table;
    ProviderTableModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QPushButton *m_edit;
    QPushButton *m_delete;
    QPushButton *m_test;
    QPushButton *m_fetch;
    QLabel *m_testResult;
    MessageBar *m_message;
    ProviderProbe *m_probe;
    std::shared_ptr<const GatewayConfig> m_config;
};
