#include "mainwindow.h"

#include <QLabel>

MainWindow::MainWindow(const QString &endpointUrl, QWidget *parent) : QMainWindow(parent)
{
    setWindowTitle(tr("LLM Orchestrator"));
    auto *label = new QLabel(tr("Serving on %1").arg(endpointUrl), this);
    label->setAlignment(Qt::AlignCenter);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    setCentralWidget(label);
    resize(720, 480);
}
