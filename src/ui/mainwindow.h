#pragma once

#include <QMainWindow>

// The main window. Until the desktop issue lands it only shows where the gateway serves.
class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(const QString &endpointUrl, QWidget *parent = nullptr);
};
