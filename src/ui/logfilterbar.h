#pragma once

#include "logviewfilter.h"

#include <QStringList>
#include <QWidget>

class QComboBox;
class QLineEdit;
class QTimer;

// The row of filters above the log table: time range, model, provider, status, access key
// and free text. Emits filterChanged() when the user changes one (text after a short pause
// in typing). "Last hour" and the like are taken relative to the moment the filter is read,
// without an end, so new rows keep matching.
class LogFilterBar final : public QWidget
{
    Q_OBJECT

public:
    enum class Range { All, LastHour, Last24Hours, Last7Days, Last30Days };

    explicit LogFilterBar(QWidget *parent = nullptr);

    // The filter as set now, with relative ranges resolved against nowUtc.
    LogViewFilter filter(const QDateTime &nowUtc = QDateTime::currentDateTimeUtc()) const;

    // The names offered in the model, provider and key lists (from the configuration); a
    // selected name that is no longer offered stays selected.
    void setChoices(const QStringList &models, const QStringList &providers,
                    const QStringList &accessKeys);

    void setRange(Range range);
    void setText(const QString &text);
    // Ctrl+F: puts the keyboard focus in the text field and selects its text.
    void focusSearch();

    QComboBox *rangeBox() const { return m_range; }
    QComboBox *modelBox() const { return m_model; }
    QComboBox *providerBox() const { return m_provider; }
    QComboBox *statusBox() const { return m_status; }
    QComboBox *keyBox() const { return m_key; }
    QLineEdit *searchField() const { return m_text; }

Q_SIGNALS:
    void filterChanged();

private:
    QComboBox *addCombo(const QString &accessibleName);
    static void fill(QComboBox *box, const QString &allText, const QStringList &names);

    QComboBox *m_range = nullptr;
    QComboBox *m_model = nullptr;
    QComboBox *m_provider = nullptr;
    QComboBox *m_status = nullptr;
    QComboBox *m_key = nullptr;
    QLineEdit *m_text = nullptr;
    QTimer *m_textPause = nullptr;
};
