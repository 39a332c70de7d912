#pragma once

#include "config/configerror.h"
#include "config/configtypes.h"

#include <QDialog>
#include <QHash>

class ApiKeysEdit;
class EngineClient;
class ProviderProbe;
struct ProbeResult;
class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
struct ProviderTemplate;

// Add or edit a provider (UI.md "Providers"): type, name, base URL, keys (masked, with a
// reveal toggle), extra headers, timeout, probe settings, and "Test connection" with its
// result shown under the button. Save goes through ConfigService in the engine thread; a
// refused change keeps the dialog open and shows the service's message at the field it names.
class ProviderDialog final : public QDialog
{
    Q_OBJECT

public:
    // existingName empty: a new provider.
    ProviderDialog(EngineClient *client, const QString &existingName, QWidget *parent = nullptr);
    ~ProviderDialog() override;

    // Fills the fields from a stored provider or a template.
    void setProvider(const ProviderConfig &provider);
    void applyTemplate(const ProviderTemplate &providerTemplate, const QString &name);

    // What the fields say now. Header lines without a colon are reported in *error.
    ProviderConfig provider(ConfigError *error = nullptr) const;

    // Saves (as the Save button does); accepted() follows on success.
    void submit();
    // Runs the connection test (as the button does).
    void testConnection();

    // The message shown at a field ("name", "base_url", "api_keys", "headers", "timeout_ms",
    // "probe", or "" for the form as a whole); empty when none.
    QString fieldError(const QString &field) const;
    QString testResultText() const;

    // "providers[2].base_url" -> "base_url"; "providers[0].probe.kind" -> "probe";
    // "providers[1].api_keys[0]" -> "api_keys"; anything else -> "".
    static QString fieldOf(const QString &path);

Q_SIGNALS:
    // The provider was saved under `name`.
    void saved(const QString &name);

private:
    QWidget *withError(QWidget *field, const QString &key);
    void clearErrors();
    void showError(const ConfigError &error);
    void showTestResult(const ProbeResult &result);
    void updateProbeFields();

    EngineClient *m_client;
    QString m_existingName;
    ProviderProbe *m_probe;
    QComboBox *m_type;
    QLineEdit *m_name;
    QLineEdit *m_baseUrl;
    QLabel *m_baseUrlHint;
    ApiKeysEdit *m_keys;
    QPlainTextEdit *m_headers;
    QSpinBox *m_timeout;
    QCheckBox *m_enabled;
    QSpinBox *m_probeInterval;
    QComboBox *m_probeKind;
    QLineEdit *m_probeModel;
    QPushButton *m_test;
    QLabel *m_testResult;
    QDialogButtonBox *m_buttons;
    QHash<QString, QLabel *> m_errors;
    bool m_saving = false;
};
