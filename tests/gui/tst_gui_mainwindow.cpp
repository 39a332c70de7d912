// The frame: navigation by mouse and keyboard, the status bar, remembered state, closing to
// the tray, the Connect a tool dialog and its snippets, the tray icon's state, and the
// single-instance guard.

#include "appsettings.h"
#include "connecttooldialog.h"
#include "engineclient.h"
#include "gatewaymonitor.h"
#include "gatewaystatuswidget.h"
#include "guifixture.h"
#include "mainwindow.h"
#include "singleinstance.h"
#include "toolsnippets.h"
#include "traycontroller.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QSignalSpy>
#include <QSplitter>
#include <QStackedWidget>
#include <QTest>
#include <QToolButton>
#include <QUuid>

class TestGuiMainWindow final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void navigationByMouseAndKeyboard();
    void firstRunOpensProviders();
    void statusBarShowsEndpointAndCopies();
    void remembersPageGeometryAndSplitter();
    void closeHidesWhenTrayKeepsServing();
    void connectToolSnippets_data();
    void connectToolSnippets();
    void connectToolDialogFillsKeyAndModel();
    void trayFollowsPause();
    void monitorCountsProvidersAndRequests();
    void singleInstance();
};

namespace {

const QByteArray OneProvider
    = QByteArrayLiteral("{\"providers\": [{\"name\": \"p\", \"type\": \"openai\", "
                        "\"base_url\": \"http://127.0.0.1:9/v1\"}], \"models\": [{\"name\": "
                        "\"m\", \"routes\": [{\"provider\": \"p\", \"model\": \"u\"}]}]}");

} // namespace

void TestGuiMainWindow::navigationByMouseAndKeyboard()
{
    GuiFixture fixture;
    QString error;
    QVERIFY2(fixture.start(OneProvider, &error), qPrintable(error));
    MainWindow window(fixture.client(), fixture.monitor(), fixture.settings(), fixture.info());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *navigation = window.findChild<QListWidget *>(QStringLiteral("navigation"));
    auto *pages = window.findChild<QStackedWidget *>(QStringLiteral("pages"));
    QCOMPARE(navigation->count(), 6);
    QCOMPARE(pages->count(), 6);
    const QStringList expected
        = { QStringLiteral("Dashboard"), QStringLiteral("Providers"), QStringLiteral("Models"),
            QStringLiteral("Health"),    QStringLiteral("Logs"),      QStringLiteral("Settings") };
    for (int row = 0; row < expected.size(); ++row) {
        QCOMPARE(navigation->item(row)->text(), expected.at(row));
        QVERIFY(!navigation->item(row)->icon().isNull());
    }

    // Mouse.
    const QRect models = navigation->visualItemRect(navigation->item(2));
    QTest::mouseClick(navigation->viewport(), Qt::LeftButton, {}, models.center());
    QCOMPARE(window.currentPage(), MainWindow::Page::Models);
    QCOMPARE(pages->currentWidget()->objectName(), QStringLiteral("modelsPage"));

    // Keyboard: arrows in the list, Ctrl+digit anywhere.
    navigation->setFocus();
    QTest::keyClick(navigation, Qt::Key_Down);
    QCOMPARE(window.currentPage(), MainWindow::Page::Health);
    QTest::keyClick(&window, Qt::Key_6, Qt::ControlModifier);
    QCOMPARE(window.currentPage(), MainWindow::Page::Settings);
    QTest::keyClick(&window, Qt::Key_1, Qt::ControlModifier);
    QCOMPARE(window.currentPage(), MainWindow::Page::Dashboard);
    QCOMPARE(pages->currentWidget()->objectName(), QStringLiteral("dashboardPage"));

    QSignalSpy quit(&window, &MainWindow::quitRequested);
    QTest::keyClick(&window, Qt::Key_Q, Qt::ControlModifier);
    QCOMPARE(quit.count(), 1);
}

void TestGuiMainWindow::firstRunOpensProviders()
{
    GuiFixture fixture;
    QString error;
    QVERIFY2(fixture.start(GuiFixture::emptyConfig(), &error), qPrintable(error));
    fixture.settings()->setLastPage(QStringLiteral("logs"));
    MainWindow window(fixture.client(), fixture.monitor(), fixture.settings(), fixture.info());
    QCOMPARE(window.currentPage(), MainWindow::Page::Providers);
}

void TestGuiMainWindow::statusBarShowsEndpointAndCopies()
{
    GuiFixture fixture;
    QString error;
    QVERIFY2(fixture.start(OneProvider, &error), qPrintable(error));
    MainWindow window(fixture.client(), fixture.monitor(), fixture.settings(), fixture.info());
    window.show();
    auto *status = window.findChild<GatewayStatusWidget *>();
    QVERIFY(status);
    const QString url = fixture.info().endpointUrl;
    QTRY_COMPARE(status->endpointText(), QStringLiteral("Serving on ") + url);
    QTRY_COMPARE(status->providersText(), QStringLiteral("Providers: 1 / 1 up"));
    QVERIFY(status->requestsText().contains(QLatin1Char('0')));

    QApplication::clipboard()->clear();
    QTest::mouseClick(status->findChild<QToolButton *>(QStringLiteral("endpointButton")),
                      Qt::LeftButton);
    QCOMPARE(QApplication::clipboard()->text(), url);

    // Paused shows in words.
    fixture.client()->setPaused(true);
    QTRY_VERIFY(status->endpointText().startsWith(QStringLiteral("Paused")));
    fixture.client()->setPaused(false);
    QTRY_VERIFY(status->endpointText().startsWith(QStringLiteral("Serving")));
}

void TestGuiMainWindow::remembersPageGeometryAndSplitter()
{
    GuiFixture fixture;
    QString error;
    QVERIFY2(fixture.start(OneProvider, &error), qPrintable(error));
    QList<int> sizes;
    QSize size;
    {
        MainWindow window(fixture.client(), fixture.monitor(), fixture.settings(), fixture.info());
        window.resize(900, 640);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.showPage(MainWindow::Page::Models);
        auto *splitter = window.findChild<QSplitter *>(QStringLiteral("mainSplitter"));
        splitter->setSizes({ 230, 600 });
        sizes = splitter->sizes();
        size = window.size();
        window.saveWindowState();
    }
    QCOMPARE(fixture.settings()->lastPage(), QStringLiteral("models"));
    QVERIFY(!fixture.settings()->windowGeometry().isEmpty());
    QVERIFY(!fixture.settings()->widgetState(QStringLiteral("mainSplitter")).isEmpty());
    QVERIFY(!fixture.settings()->widgetState(QStringLiteral("providersTableHeader")).isEmpty());

    MainWindow again(fixture.client(), fixture.monitor(), fixture.settings(), fixture.info());
    again.show();
    QVERIFY(QTest::qWaitForWindowExposed(&again));
    QCOMPARE(again.currentPage(), MainWindow::Page::Models);
    QCOMPARE(again.size(), size);
    QCOMPARE(again.findChild<QSplitter *>(QStringLiteral("mainSplitter"))->sizes().first(),
             sizes.first());
}

void TestGuiMainWindow::closeHidesWhenTrayKeepsServing()
{
    GuiFixture fixture;
    QString error;
    QVERIFY2(fixture.start(OneProvider, &error), qPrintable(error));
    MainWindow window(fixture.client(), fixture.monitor(), fixture.settings(), fixture.info());
    window.show();
    QSignalSpy hidden(&window, &MainWindow::hiddenToTray);

    window.setCloseHidesWindow(true);
    QVERIFY(!window.close()); // refused: hidden instead
    QVERIFY(window.isHidden());
    QCOMPARE(hidden.count(), 1);
    window.bringToFront();
    QVERIFY(window.isVisible());

    window.setCloseHidesWindow(false);
    QVERIFY(window.close());
    QCOMPARE(hidden.count(), 1);
}

void TestGuiMainWindow::connectToolSnippets_data()
{
    QTest::addColumn<int>("shell");
    QTest::addColumn<QString>("id");
    QTest::addColumn<QStringList>("contains");
    const int posix = int(ToolSnippets::Shell::Posix);
    const int ps = int(ToolSnippets::Shell::PowerShell);
    QTest::newRow("claude code")
        << posix << "claude-code"
        << QStringList { QStringLiteral("export ANTHROPIC_BASE_URL=\"http://127.0.0.1:8640\""),
                         QStringLiteral("export ANTHROPIC_AUTH_TOKEN=\"sk-k\""),
                         QStringLiteral("export ANTHROPIC_MODEL=\"m1\""),
                         QStringLiteral("claude") };
    QTest::newRow("claude code powershell")
        << ps << "claude-code"
        << QStringList { QStringLiteral("$env:ANTHROPIC_BASE_URL = \"http://127.0.0.1:8640\""),
                         QStringLiteral("$env:ANTHROPIC_AUTH_TOKEN = \"sk-k\"") };
    QTest::newRow("codex") << posix << "codex"
                           << QStringList { QStringLiteral(
                                                "base_url = \"http://127.0.0.1:8640/v1\""),
                                            QStringLiteral("wire_api = \"responses\""),
                                            QStringLiteral("model = \"m1\""),
                                            QStringLiteral("export LLMO_API_KEY=\"sk-k\"") };
    QTest::newRow("openai sdk")
        << posix << "openai-sdk"
        << QStringList { QStringLiteral("export OPENAI_BASE_URL=\"http://127.0.0.1:8640/v1\""),
                         QStringLiteral("export OPENAI_API_KEY=\"sk-k\""),
                         QStringLiteral("model=\"m1\"") };
    QTest::newRow("gemini sdk")
        << posix << "gemini-sdk"
        << QStringList { QStringLiteral("api_key=\"sk-k\""),
                         QStringLiteral("HttpOptions(base_url=\"http://127.0.0.1:8640\")"),
                         QStringLiteral("model=\"m1\"") };
    QTest::newRow("curl") << posix << "curl"
                          << QStringList { QStringLiteral(
                                               "curl http://127.0.0.1:8640/v1/chat/completions"),
                                           QStringLiteral("Authorization: Bearer sk-k"),
                                           QStringLiteral("\"model\": \"m1\"") };
    QTest::newRow("curl powershell")
        << ps << "curl"
        << QStringList { QStringLiteral("Invoke-RestMethod -Method Post"),
                         QStringLiteral("Authorization = \"Bearer sk-k\"") };
}

void TestGuiMainWindow::connectToolSnippets()
{
    QFETCH(int, shell);
    QFETCH(QString, id);
    QFETCH(QStringList, contains);
    const QList<ToolSnippets::Snippet> snippets
        = ToolSnippets::all(QStringLiteral("http://127.0.0.1:8640/"), QStringLiteral("sk-k"),
                            QStringLiteral("m1"), ToolSnippets::Shell(shell));
    QCOMPARE(snippets.size(), 5);
    for (const ToolSnippets::Snippet &snippet : snippets) {
        if (snippet.id != id)
            continue;
        for (const QString &part : contains)
            QVERIFY2(snippet.text.contains(part),
                     qPrintable(snippet.text + QStringLiteral("\nmissing: ") + part));
        return;
    }
    QFAIL("no such snippet");
}

void TestGuiMainWindow::connectToolDialogFillsKeyAndModel()
{
    GuiFixture fixture;
    QString error;
    QVERIFY2(fixture.start(OneProvider, &error), qPrintable(error));
    ConnectToolDialog dialog(fixture.client(), fixture.info());
    dialog.setShell(ToolSnippets::Shell::Posix);
    dialog.show();
    // No key known yet: the placeholder; the configured model is offered.
    QVERIFY(dialog.snippet(QStringLiteral("curl")).contains(ToolSnippets::keyPlaceholder()));
    QVERIFY(dialog.snippet(QStringLiteral("curl")).contains(QLatin1String("\"model\": \"m\"")));

    dialog.createKey();
    QTRY_VERIFY(dialog.key().startsWith(QLatin1String("sk-llmo-")));
    QVERIFY(dialog.snippet(QStringLiteral("openai-sdk"))
                .contains(QStringLiteral("OPENAI_API_KEY=\"") + dialog.key()));
    // The new key works against the running gateway's auth: it is in the configuration.
    QTRY_COMPARE(fixture.client()->config()->accessKeys.size(), 2);

    auto *copy = dialog.findChild<QPushButton *>(QStringLiteral("copy_claude-code"));
    QVERIFY(copy);
    QTest::mouseClick(copy, Qt::LeftButton);
    QCOMPARE(QApplication::clipboard()->text(), dialog.snippet(QStringLiteral("claude-code")));
}

void TestGuiMainWindow::trayFollowsPause()
{
    GuiFixture fixture;
    QString error;
    QVERIFY2(fixture.start(OneProvider, &error), qPrintable(error));
    TrayController tray(fixture.client(), fixture.monitor(), fixture.settings(),
                        fixture.info().endpointUrl);
    QTRY_COMPARE(tray.trayState(), Icons::TrayState::Serving);
    QCOMPARE(tray.pauseAction()->text(), QStringLiteral("Pause gateway"));
    tray.pauseAction()->trigger();
    QTRY_COMPARE(tray.trayState(), Icons::TrayState::Paused);
    QCOMPARE(tray.pauseAction()->text(), QStringLiteral("Resume gateway"));
    QVERIFY(tray.toolTip().contains(QLatin1String("Paused")));
    tray.pauseAction()->trigger();
    QTRY_COMPARE(tray.trayState(), Icons::TrayState::Serving);

    // The menu: Open, Copy endpoint URL, Pause, Connect a tool, Quit.
    QStringList texts;
    for (const QAction *action : tray.menu()->actions()) {
        if (!action->isSeparator())
            texts.append(action->text());
    }
    QCOMPARE(texts.size(), 5);
    QCOMPARE(texts.first(), QStringLiteral("Open"));
    QCOMPARE(texts.last(), QStringLiteral("Quit"));
    QSignalSpy quit(&tray, &TrayController::quitRequested);
    tray.menu()->actions().last()->trigger();
    QCOMPARE(quit.count(), 1);

    // Every state has an icon with pixels at tray sizes.
    for (Icons::TrayState state : { Icons::TrayState::Serving, Icons::TrayState::Degraded,
                                    Icons::TrayState::Down, Icons::TrayState::Paused })
        QVERIFY(!Icons::trayIcon(state).pixmap(22, 22).isNull());
}

void TestGuiMainWindow::monitorCountsProvidersAndRequests()
{
    GuiFixture fixture;
    QString error;
    QVERIFY2(fixture.start(OneProvider, &error), qPrintable(error));
    GatewayMonitor *monitor = fixture.monitor();
    QTRY_COMPARE(monitor->providerHealth(QStringLiteral("p")), HealthLevel::Healthy);
    QCOMPARE(monitor->providersUp(), 1);
    QCOMPARE(monitor->providersTotal(), 1);
    QCOMPARE(monitor->state(), GatewayMonitor::State::Serving);

    // Two attempts of one trace and one other request in the last minute, one old row.
    QList<RequestLogRecord> rows(4);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    rows[0].time = now.addSecs(-5);
    rows[0].traceId = QStringLiteral("t1");
    rows[1].time = now.addSecs(-4);
    rows[1].traceId = QStringLiteral("t1");
    rows[2].time = now.addSecs(-3);
    rows[2].traceId = QStringLiteral("t2");
    rows[3].time = now.addSecs(-300);
    rows[3].traceId = QStringLiteral("t0");
    Q_EMIT fixture.client()->rowsLogged(rows);
    QCOMPARE(monitor->requestsLastMinute(), 2);

    // A circuit opened by the engine makes the provider down and the gateway down.
    QSignalSpy down(monitor, &GatewayMonitor::providerDown);
    fixture.client()->withHealth<bool>(
        [](HealthRegistry &health) {
            for (const RouteHealthSnapshot &route : health.snapshot())
                health.forceOpen(route.key, QStringLiteral("test"));
            return true;
        },
        [](bool) {});
    QTRY_COMPARE(monitor->providerHealth(QStringLiteral("p")), HealthLevel::Down);
    QCOMPARE(monitor->state(), GatewayMonitor::State::Down);
    QCOMPARE(monitor->providersUp(), 0);
    QCOMPARE(down.count(), 1);
    QCOMPARE(down.first().first().toString(), QStringLiteral("p"));
}

void TestGuiMainWindow::singleInstance()
{
    const QString key = QUuid::createUuid().toString();
    SingleInstance first(key);
    QVERIFY(first.claim());
    QSignalSpy activated(&first, &SingleInstance::activationRequested);
    SingleInstance second(key);
    QVERIFY(!second.claim());
    QTRY_COMPARE(activated.count(), 1);
    // Another data directory is another instance.
    SingleInstance other(key + QStringLiteral("-other"));
    QVERIFY(other.claim());
    QVERIFY(SingleInstance::serverName(key) != SingleInstance::serverName(key + QLatin1Char('x')));
}

QTEST_MAIN(TestGuiMainWindow)
#include "tst_gui_mainwindow.moc"
