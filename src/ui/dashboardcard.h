#pragma once

#include <QWidget>

class QLabel;

// One figure card of the dashboard's top row: a caption, the figure in large type and a line
// of context under it ("312 failed"). The card is drawn as a softly rounded panel in the
// palette's base colour, the only frame on the page.
class DashboardCard final : public QWidget
{
    Q_OBJECT

public:
    explicit DashboardCard(const QString &caption, QWidget *parent = nullptr);

    void setValue(const QString &value, const QString &detail = {});
    QString value() const;
    QString detail() const;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QLabel *m_caption;
    QLabel *m_value;
    QLabel *m_detail;
};
