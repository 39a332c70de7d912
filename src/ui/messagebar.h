#pragma once

#include <QWidget>

#include <functional>

class QLabel;
class QPushButton;
class QTimer;

// A one-line message inside a page ("Deleted provider openai." [Undo]) that hides itself
// after a while; the page's answer to "changes apply at once and say so; destructive actions
// can be undone where cheap" (UI.md "Behaviour"). Errors stay until dismissed or replaced.
class MessageBar final : public QWidget
{
    Q_OBJECT

public:
    explicit MessageBar(QWidget *parent = nullptr);

    // Shows `text` for a few seconds; with an action, its button runs it and hides the bar.
    void showInfo(const QString &text, const QString &actionText = {},
                  std::function<void()> action = {});
    // Shows `text` in the error colour until replaced or closed.
    void showError(const QString &text);

    QString text() const;
    QPushButton *actionButton() const { return m_action; }

private:
    void display(const QString &text, bool error);

    QLabel *m_text;
    QPushButton *m_action;
    QTimer *m_timer;
    std::function<void()> m_callback;
};
