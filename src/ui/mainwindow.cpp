#include "mainwindow.h"

#include "appsettings.h"
#include "connecttooldialog.h"
#include "dashboardpage.h"
#include "engineclient.h"
#include "gatewaymonitor.h"
#include "gatewaystatuswidget.h"
#include "healthpage.h"
#include "icons.h"
#include "logspage.h"
#include "modelspage.h"
#include "providerspage.h"
#include "settingspage.h"

#include <QAction>
#include <QCloseEvent>
#include <QHeaderView>
#include <QKeySequence>
#include <QListWidget>
#include <QScreen>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QVBoxLayout>
#include <QWindow>

namespace {
constexpr int StatusMessageMs = 4000;
}

MainWindow::MainWindow(EngineClient *client, GatewayMonitor *monitor, AppSettings *settings,
                       GatewayInfo info, QWidget *parent)
    : QMainWindow(parent)
    , m_client(client)
    , m_monitor(monitor)
    , m_settings(settings)
    , m_info(std::move(info))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
    , m_navigation(new QListWidget)
    , m_stack(new QStackedWidget(m_splitter))
    , m_status(new GatewayStatusWidget(monitor, m_info.endpointUrl, this))
{
    setWindowTitle(tr("LLM Orchestrator"));
    setWindowIcon(Icons::appIcon());
    setObjectName(QStringLiteral("mainWindow"));

    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_splitter->setChildrenCollapsible(false);
    m_navigation->setObjectName(QStringLiteral("navigation"));
    m_navigation->setAccessibleName(tr("Pages"));
    m_navigation->setFrameShape(QFrame::NoFrame);
    m_navigation->setIconSize(QSize(20, 20));
    m_navigation->setSpacing(2);
    m_navigation->setUniformItemSizes(true);
    m_navigation->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_navigation->setMinimumWidth(150);
    m_navigation->setBackgroundRole(QPalette::Window);
    m_navigation->viewport()->setBackgroundRole(QPalette::Window);
    m_stack->setObjectName(QStringLiteral("pages"));
    // The list sits in a margin of its own so the selection does not touch the window edge.
    auto *side = new QWidget(m_splitter);
    auto *sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(8, 8, 0, 8);
    sideLayout->addWidget(m_navigation);
    m_splitter->addWidget(side);
    m_splitter->addWidget(m_stack);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({ 190, 830 });
    setCentralWidget(m_splitter);

    statusBar()->addPermanentWidget(m_status, 1);
    statusBar()->setSizeGripEnabled(true);
    connect(m_status, &GatewayStatusWidget::endpointCopied, this,
            [this](const QString &url) { showStatusMessage(tr("Copied %1").arg(url)); });

    buildPages();
    connect(m_navigation, &QListWidget::currentRowChanged, m_stack,
            &QStackedWidget::setCurrentIndex);

    auto *quit = new QAction(tr("Quit"), this);
    // The platform's binding where it has one, Ctrl+Q (Cmd+Q) everywhere.
    QList<QKeySequence> quitKeys = QKeySequence::keyBindings(QKeySequence::Quit);
    if (!quitKeys.contains(QKeySequence(Qt::CTRL | Qt::Key_Q)))
        quitKeys.append(QKeySequence(Qt::CTRL | Qt::Key_Q));
    quit->setShortcuts(quitKeys);
    quit->setShortcutContext(Qt::ApplicationShortcut);
    connect(quit, &QAction::triggered, this, &MainWindow::quitRequested);
    addAction(quit);
    auto *close = new QAction(tr("Close window"), this);
    QList<QKeySequence> closeKeys = QKeySequence::keyBindings(QKeySequence::Close);
    if (!closeKeys.contains(QKeySequence(Qt::CTRL | Qt::Key_W)))
        closeKeys.append(QKeySequence(Qt::CTRL | Qt::Key_W));
    close->setShortcuts(closeKeys);
    connect(close, &QAction::triggered, this, &QWidget::close);
    addAction(close);

    resize(1040, 700);
    restoreWindowState();
}

MainWindow::~MainWindow() = default;

void MainWindow::buildPages()
{
    auto *dashboard = new DashboardPage(m_client, m_info.databaseUrl);
    connect(dashboard, &DashboardPage::connectToolRequested, this,
            &MainWindow::openConnectToolDialog);
    addPage(Page::Dashboard, QStringLiteral("dashboard"), QStringLiteral("dashboard"),
            tr("Dashboard"), dashboard);
    auto *providers = new ProvidersPage(m_client, m_monitor, m_info);
    connect(providers, &ProvidersPage::connectToolRequested, this,
            &MainWindow::openConnectToolDialog);
    addPage(Page::Providers, QStringLiteral("providers"), QStringLiteral("providers"),
            tr("Providers"), providers);
    addPage(Page::Models, QStringLiteral("models"), QStringLiteral("models"), tr("Models"),
            new ModelsPage(m_client, m_monitor));
    addPage(Page::Health, QStringLiteral("health"), QStringLiteral("health"), tr("Health"),
            new HealthPage(m_client, m_info.databaseUrl));
    addPage(Page::Logs, QStringLiteral("logs"), QStringLiteral("logs"), tr("Logs"),
            new LogsPage(m_client, m_info.databaseUrl));
    auto *settings = new SettingsPage(m_client, m_settings, m_info);
    connect(settings, &SettingsPage::restartRequested, this, &MainWindow::restartRequested);
    addPage(Page::Settings, QStringLiteral("settings"), QStringLiteral("settings"), tr("Settings"),
            settings);
}

void MainWindow::addPage(Page page, const QString &id, const QString &iconName,
                         const QString &label, QWidget *widget)
{
    Q_ASSERT(int(page) == m_stack->count());
    widget->setObjectName(id + QStringLiteral("Page"));
    m_pageIds.append(id);
    m_stack->addWidget(widget);
    auto *item = new QListWidgetItem(Icons::icon(iconName), label, m_navigation);
    item->setSizeHint(QSize(0, 36));
    item->setToolTip(
        QStringLiteral("%1 (%2)").arg(label,
                                      QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + int(page)))
                                          .toString(QKeySequence::NativeText)));

    auto *shortcut = new QAction(this);
    shortcut->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + int(page))));
    connect(shortcut, &QAction::triggered, this, [this, page] { showPage(page); });
    addAction(shortcut);
}

void MainWindow::showPage(Page page)
{
    m_navigation->setCurrentRow(int(page));
}

MainWindow::Page MainWindow::currentPage() const
{
    return Page(qMax(0, m_stack->currentIndex()));
}

QWidget *MainWindow::page(Page page) const
{
    return m_stack->widget(int(page));
}

void MainWindow::bringToFront()
{
    if (isMinimized())
        setWindowState(windowState() & ~Qt::WindowMinimized);
    show();
    raise();
    activateWindow();
}

void MainWindow::openConnectToolDialog()
{
    bringToFront();
    if (m_connectTool) {
        m_connectTool->raise();
        m_connectTool->activateWindow();
        return;
    }
    auto *dialog = new ConnectToolDialog(m_client, m_info, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    // A key created or pasted there is offered again next time (until the app quits).
    connect(dialog, &QDialog::finished, this, [this, dialog] {
        if (!dialog->key().isEmpty())
            m_info.createdAccessKey = dialog->key();
    });
    m_connectTool = dialog;
    dialog->open();
}

void MainWindow::showStatusMessage(const QString &text)
{
    statusBar()->showMessage(text, StatusMessageMs);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveWindowState();
    if (m_closeHidesWindow) {
        hide();
        event->ignore();
        Q_EMIT hiddenToTray();
        return;
    }
    QMainWindow::closeEvent(event);
}

void MainWindow::saveWindowState()
{
    m_settings->setWindowGeometry(saveGeometry());
    m_settings->setLastPage(m_pageIds.value(m_stack->currentIndex()));
    const auto splitters = findChildren<QSplitter *>();
    for (const QSplitter *splitter : splitters) {
        if (!splitter->objectName().isEmpty())
            m_settings->setWidgetState(splitter->objectName(), splitter->saveState());
    }
    const auto headers = findChildren<QHeaderView *>();
    for (const QHeaderView *header : headers) {
        if (!header->objectName().isEmpty())
            m_settings->setWidgetState(header->objectName(), header->saveState());
    }
    m_settings->sync();
}

void MainWindow::restoreWindowState()
{
    const QByteArray geometry = m_settings->windowGeometry();
    if (!geometry.isEmpty())
        restoreGeometry(geometry);
    const auto splitters = findChildren<QSplitter *>();
    for (QSplitter *splitter : splitters) {
        const QByteArray state = splitter->objectName().isEmpty()
            ? QByteArray()
            : m_settings->widgetState(splitter->objectName());
        if (!state.isEmpty())
            splitter->restoreState(state);
    }
    const auto headers = findChildren<QHeaderView *>();
    for (QHeaderView *header : headers) {
        const QByteArray state = header->objectName().isEmpty()
            ? QByteArray()
            : m_settings->widgetState(header->objectName());
        if (!state.isEmpty())
            header->restoreState(state);
    }
    // First run (no provider yet) leads to the providers page and its templates.
    int index = int(m_pageIds.indexOf(m_settings->lastPage()));
    if (m_client->config()->providers.isEmpty())
        index = int(Page::Providers);
    m_navigation->setCurrentRow(qMax(0, index));
}
