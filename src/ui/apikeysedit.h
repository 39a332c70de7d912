#pragma once

#include <QList>
#include <QStringList>
#include <QWidget>

class QLineEdit;
class QToolButton;
class QVBoxLayout;

// The API keys of a provider: one masked line per key, a button to add one, a remove button
// per line and one reveal toggle for all (UI.md "Providers": keys masked with a reveal
// toggle). Several keys are tried in turn by the gateway.
class ApiKeysEdit final : public QWidget
{
    Q_OBJECT

public:
    explicit ApiKeysEdit(QWidget *parent = nullptr);

    // The non-empty keys, trimmed, in order.
    QStringList keys() const;
    void setKeys(const QStringList &keys);

    bool isRevealed() const { return m_revealed; }
    void setRevealed(bool revealed);

    int lineCount() const { return int(m_lines.size()); }
    QLineEdit *line(int index) const { return m_lines.value(index); }
    QToolButton *revealButton() const { return m_reveal; }
    // Adds an empty line and focuses it.
    QLineEdit *addLine(const QString &text = {});

Q_SIGNALS:
    void changed();

private:
    void removeLine(QLineEdit *line);

    QVBoxLayout *m_linesLayout;
    QList<QLineEdit *> m_lines;
    QToolButton *m_reveal;
    bool m_revealed = false;
};
