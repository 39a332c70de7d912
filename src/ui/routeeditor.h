#pragma once

#include "config/configtypes.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QProgressBar;
class QSlider;
class QSpinBox;
class QToolButton;

// One route of a model, editable in place (UI.md "Models"): enabled switch, provider,
// upstream model (an editable combo filled by "Fetch models"), priority, weight (slider and
// spin box kept in step), the share bar of the route's tier and the live effective weight.
// Edits are reported by edited(); `immediate` says whether to apply at once (switches,
// combos) or after a short pause (typing, dragging).
class RouteEditor final : public QWidget
{
    Q_OBJECT

public:
    // The slider covers the common range; the spin box takes up to the validator's 10000.
    static constexpr int SliderMaximum = 100;

    explicit RouteEditor(QWidget *parent = nullptr);

    void setProviders(const QStringList &providers);
    void setRoute(const RouteConfig &route);
    RouteConfig route() const;

    // Percent of its tier's traffic (0..100).
    void setShare(double percent);
    double share() const { return m_sharePercent; }
    // Live health of the route: the state's word and the effective weight when health lowers
    // it; empty hides the label.
    void setHealthNote(const QString &note, const QString &toolTip = {});
    // The models listed by the route's provider, for the upstream model combo.
    void setUpstreamModels(const QStringList &models);
    // Shows that a fetch of the provider's model list is running.
    void setFetching(bool fetching);

    QSlider *weightSlider() const { return m_weightSlider; }
    QSpinBox *weightSpin() const { return m_weightSpin; }
    QSpinBox *prioritySpin() const { return m_priority; }
    QCheckBox *enabledBox() const { return m_enabled; }
    QComboBox *providerCombo() const { return m_provider; }
    QComboBox *upstreamCombo() const { return m_upstream; }
    QProgressBar *shareBar() const { return m_share; }

Q_SIGNALS:
    void edited(bool immediate);
    // The priority changed (the route moves to another tier once applied).
    void priorityEdited();
    void removeRequested();
    void fetchRequested(const QString &provider);

private:
    void setWeight(int weight);

    QCheckBox *m_enabled;
    QComboBox *m_provider;
    QComboBox *m_upstream;
    QToolButton *m_fetch;
    QSpinBox *m_priority;
    QSlider *m_weightSlider;
    QSpinBox *m_weightSpin;
    QProgressBar *m_share;
    QLabel *m_health;
    QToolButton *m_remove;
    double m_sharePercent = 0;
    bool m_updating = false;
};
