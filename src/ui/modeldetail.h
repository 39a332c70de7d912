#pragma once

#include "config/configtypes.h"
#include "routing/healthregistry.h"

#include <QHash>
#include <QList>
#include <QTimer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QVBoxLayout;
class RouteEditor;

// The right side of the models page: one model's name, tries per request and its routes
// grouped by priority tier, each with its share of the tier (UI.md "Models"). Edits change a
// draft; the draft is handed on by commitRequested() at once for switches and after a short
// pause for typing and dragging, so every change reaches the running gateway without a save
// button and without a config write per pixel of slider travel.
class ModelDetail final : public QWidget
{
    Q_OBJECT

public:
    static constexpr int CommitDelayMs = 400;

    explicit ModelDetail(QWidget *parent = nullptr);

    // Shows `model` as stored; `providers` fills the provider combos.
    void setModel(const ModelConfig &model, const QStringList &providers);
    // Updates the provider combos only.
    void setProviders(const QStringList &providers);
    // Providers switched off: their routes get no traffic (share 0, "provider off").
    void setDisabledProviders(const QStringList &providers);
    // The stored model this view was built from / last committed.
    const ModelConfig &base() const { return m_base; }
    const ModelConfig &draft() const { return m_draft; }
    // The draft as it would be stored: routes still without an upstream model left out.
    ModelConfig committable() const;
    // True while an edit waits for its commit.
    bool hasPendingEdit() const { return m_timer.isActive(); }
    // The commit of `model` succeeded: it is the stored model now.
    void markCommitted(const ModelConfig &model);
    // Hands a waiting edit on now.
    void commitNow();

    void setHealth(const QList<RouteHealthSnapshot> &routes);
    void setUpstreamModels(const QString &provider, const QStringList &models);
    void setFetching(const QString &provider, bool fetching);

    QList<RouteEditor *> routeEditors() const { return m_editors; }
    QLineEdit *nameEdit() const { return m_name; }
    QSpinBox *maxAttemptsSpin() const { return m_maxAttempts; }
    QPushButton *addRouteButton() const { return m_addRoute; }

Q_SIGNALS:
    // Store `model` in place of the model called existingName.
    void commitRequested(const QString &existingName, const ModelConfig &model);
    void deleteRequested(const QString &name);
    void fetchRequested(const QString &provider);

private:
    void rebuild();
    void readEditors();
    void updateShares();
    void updateHealth();
    void edited(bool immediate);

    ModelConfig m_base;
    ModelConfig m_draft;
    QStringList m_providers;
    QStringList m_disabledProviders;
    QLineEdit *m_name;
    QSpinBox *m_maxAttempts;
    QWidget *m_routesBox;
    QVBoxLayout *m_routesLayout;
    QLabel *m_noRoutes;
    QPushButton *m_addRoute;
    QPushButton *m_delete;
    QList<RouteEditor *> m_editors; // in m_draft.routes order
    QHash<QString, QStringList> m_upstreamModels; // provider -> listed models
    QList<RouteHealthSnapshot> m_health;
    QTimer m_timer;
    bool m_regroup = false; // a priority changed: lay the tiers out again after the commit
};
