#pragma once

#include <QIcon>
#include <QWidget>

class QHBoxLayout;
class QLabel;
class QPushButton;

// The header line of every page (UI.md "Frame"): the page title, one sentence of help and,
// on the right, the page's actions with the primary one last (rightmost, default style).
class PageHeader final : public QWidget
{
    Q_OBJECT

public:
    PageHeader(const QString &title, const QString &help, QWidget *parent = nullptr);

    void setTitle(const QString &title);
    void setHelp(const QString &help);
    QString title() const;

    // Adds an action button; the buttons appear in the order added, right-aligned.
    QPushButton *addButton(const QString &text, const QIcon &icon = {});
    // Adds the page's primary action: rightmost and drawn as the default button.
    QPushButton *addPrimaryButton(const QString &text, const QIcon &icon = {});
    // Adds any widget (e.g. a range switch) to the action area.
    void addWidget(QWidget *widget);

private:
    QLabel *m_title;
    QLabel *m_help;
    QHBoxLayout *m_actions;
};
