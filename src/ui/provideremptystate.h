#pragma once

#include "gatewayinfo.h"

#include <QWidget>

// The providers page before the first provider exists (issue 4 "First run"): a grid of
// templates that open the provider dialog pre-filled, and the endpoint URL and access key
// to paste into tools, with copy buttons and a way to the ready-made snippets.
class ProviderEmptyState final : public QWidget
{
    Q_OBJECT

public:
    explicit ProviderEmptyState(const GatewayInfo &info, QWidget *parent = nullptr);

Q_SIGNALS:
    // A template button was clicked; `id` as in ProviderTemplate::id.
    void templateChosen(const QString &id);
    void connectToolRequested();
};
