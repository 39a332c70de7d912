#pragma once

#include <QWidget>

class PageHeader;

// A page whose real content is not built yet: its header and a short note.
class PlaceholderPage final : public QWidget
{
    Q_OBJECT

public:
    PlaceholderPage(const QString &title, const QString &help, QWidget *parent = nullptr);

    PageHeader *header() const { return m_header; }

private:
    PageHeader *m_header;
};
