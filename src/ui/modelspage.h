#pragma once

#include "config/configtypes.h"

#include <QHash>
#include <QWidget>

#include <memory>

class EngineClient;
class GatewayMonitor;
class MessageBar;
class ModelDetail;
class NewModelDialog;
class PageHeader;
class ProviderProbe;
class QLabel;
class QListWidget;
class QSplitter;
class QStackedWidget;

// The models page (UI.md "Models"): model names on the left; on the right the selected
// model's routes grouped by priority tier with weights, share bars and live effective
// weights. Every edit applies to the running gateway at once through ConfigService; a
// refused edit says why and shows the stored model again.
class ModelsPage final : public QWidget
{
    Q_OBJECT

public:
    ModelsPage(EngineClient *client, GatewayMonitor *monitor, QWidget *parent = nullptr);
    ~ModelsPage() override;

    NewModelDialog *addModel();
    void selectModel(const QString &name);
    QString selectedModel() const;
    void deleteModel(const QString &name);

    ModelDetail *detail() const { return m_detail; }
    QListWidget *list() const { return m_list; }
    MessageBar *messageBar() const { return m_message; }

private:
    void setConfig(const std::shared_ptr<const GatewayConfig> &config);
    void showSelected();
    void commit(const QString &existingName, const ModelConfig &model);
    void fetch(const QString &provider);
    QStringList providerNames() const;

    EngineClient *m_client;
    GatewayMonitor *m_monitor;
    PageHeader *m_header;
    QSplitter *m_splitter;
    QListWidget *m_list;
    QStackedWidget *m_right;
    QLabel *m_empty;
    ModelDetail *m_detail;
    MessageBar *m_message;
    QHash<QString, ProviderProbe *> m_probes;
    std::shared_ptr<const GatewayConfig> m_config;
};
