// Settings: AppSettings round trip and defaults, the settings page writing them, the bind
// address warning, breaker thresholds reaching the engine, start at login, access keys.

#include "accesskeyspanel.h"
#include "appsettings.h"
#include "autostart.h"
#include "config/configservice.h"
#include "engineclient.h"
#include "guifixture.h"
#include "newaccesskeydialog.h"
#include "settingspage.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

class TestGuiSettings final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void defaults();
    void roundTrip();
    void migratesUnversionedStore();
    void isLoopback_data();
    void isLoopback();
    void pageSavesAndWarns();
    void breakerReachesEngine();
    void startAtLoginWritesDesktopEntry();
    void accessKeyShownOnceThenRevoked();
};

void TestGuiSettings::initTestCase()
{
    // Autostart writes under the generic config location: keep it out of the real one.
    QStandardPaths::setTestModeEnabled(true);
    QFile::remove(Autostart::desktopEntryPath());
}

void TestGuiSettings::defaults()
{
    QTemporaryDir dir;
    AppSettings settings(dir.filePath(QStringLiteral("a.ini")));
    QCOMPARE(settings.version(), AppSettings::CurrentVersion);
    QCOMPARE(settings.port(), quint16(8640));
    QCOMPARE(settings.bindAddress(), QStringLiteral("127.0.0.1"));
    QCOMPARE(settings.maxBodyBytes(), qint64(32) * 1024 * 1024);
    QCOMPARE(settings.breaker(), CircuitBreakerSettings());
    QCOMPARE(settings.startMinimized(), false);
    QCOMPARE(settings.language(), QString());
    QCOMPARE(settings.logRetentionDays(), 30);
    QCOMPARE(settings.closeToTrayNoticeShown(), false);
    QCOMPARE(settings.notifyProviderChanges(), true);
    QVERIFY(settings.windowGeometry().isEmpty());
    QCOMPARE(settings.lastPage(), QString());
}

void TestGuiSettings::roundTrip()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("a.ini"));
    CircuitBreakerSettings breaker;
    breaker.failureThreshold = 9;
    breaker.openDurationMs = 120000;
    breaker.halfOpenSuccesses = 3;
    {
        AppSettings settings(path);
        settings.setPort(9100);
        settings.setBindAddress(QStringLiteral(" 0.0.0.0 "));
        settings.setMaxBodyBytes(8 * 1024 * 1024);
        settings.setBreaker(breaker);
        settings.setStartMinimized(true);
        settings.setLanguage(QStringLiteral("zh_CN"));
        settings.setLogRetentionDays(7);
        settings.setCloseToTrayNoticeShown(true);
        settings.setNotifyProviderChanges(false);
        settings.setWindowGeometry(QByteArrayLiteral("geo"));
        settings.setLastPage(QStringLiteral("models"));
        settings.setWidgetState(QStringLiteral("mainSplitter"), QByteArrayLiteral("split"));
        settings.sync();
    }
    AppSettings settings(path);
    QCOMPARE(settings.port(), quint16(9100));
    QCOMPARE(settings.bindAddress(), QStringLiteral("0.0.0.0"));
    QCOMPARE(settings.maxBodyBytes(), qint64(8) * 1024 * 1024);
    QCOMPARE(settings.breaker(), breaker);
    QCOMPARE(settings.startMinimized(), true);
    QCOMPARE(settings.language(), QStringLiteral("zh_CN"));
    QCOMPARE(settings.logRetentionDays(), 7);
    QCOMPARE(settings.closeToTrayNoticeShown(), true);
    QCOMPARE(settings.notifyProviderChanges(), false);
    QCOMPARE(settings.windowGeometry(), QByteArrayLiteral("geo"));
    QCOMPARE(settings.lastPage(), QStringLiteral("models"));
    QCOMPARE(settings.widgetState(QStringLiteral("mainSplitter")), QByteArrayLiteral("split"));
    QVERIFY(settings.widgetState(QStringLiteral("other")).isEmpty());
}

void TestGuiSettings::migratesUnversionedStore()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("old.ini"));
    {
        QSettings old(path, QSettings::IniFormat);
        old.setValue(QStringLiteral("gateway/port"), 7000);
        old.setValue(QStringLiteral("breaker/failureThreshold"), 0); // out of range: clamped
    }
    AppSettings settings(path);
    QCOMPARE(settings.version(), AppSettings::CurrentVersion);
    QCOMPARE(settings.port(), quint16(7000));
    QCOMPARE(settings.breaker().failureThreshold, 1);
    QCOMPARE(QSettings(path, QSettings::IniFormat).value(QStringLiteral("version")).toInt(),
             AppSettings::CurrentVersion);
}

void TestGuiSettings::isLoopback_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<bool>("loopback");
    QTest::newRow("ipv4 loopback") << "127.0.0.1" << true;
    QTest::newRow("other 127/8") << "127.0.0.2" << true;
    QTest::newRow("ipv6 loopback") << "::1" << true;
    QTest::newRow("localhost") << "localhost" << true;
    QTest::newRow("any ipv4") << "0.0.0.0" << false;
    QTest::newRow("any ipv6") << "::" << false;
    QTest::newRow("lan") << "192.168.1.20" << false;
    QTest::newRow("garbage") << "not-an-address" << false;
}

void TestGuiSettings::isLoopback()
{
    QFETCH(QString, address);
    QFETCH(bool, loopback);
    QCOMPARE(SettingsPage::isLoopback(address), loopback);
}

void TestGuiSettings::pageSavesAndWarns()
{
    GuiFixture fixture;
    QString error;
    QVERIFY2(fixture.start(GuiFixture::emptyConfig(), &error), qPrintable(error));
    SettingsPage page(fixture.client(), fixture.settings(), fixture.info());
    page.show();
    auto *restart = page.findChild<QPushButton *>(QStringLiteral("restart"));
    QVERIFY(restart);
    QVERIFY(page.bindWarning().isEmpty());
    QVERIFY(restart->isHidden());

    auto *port = page.findChild<QSpinBox *>(QStringLiteral("port"));
    port->selectAll();
    QTest::keyClicks(port, QStringLiteral("9123"));
    QCOMPARE(fixture.settings()->port(), quint16(9123));
    QVERIFY(!restart->isHidden());
    QVERIFY(page.restartNote().contains(QLatin1String("address")));

    auto *bind = page.findChild<QComboBox *>(QStringLiteral("bindAddress"));
    bind->setCurrentText(QStringLiteral("0.0.0.0"));
    QVERIFY(!page.bindWarning().isEmpty());
    QCOMPARE(fixture.settings()->bindAddress(), QStringLiteral("0.0.0.0"));
    bind->setCurrentText(QStringLiteral("nonsense"));
    QVERIFY(page.bindWarning().contains(QLatin1String("nonsense")));
    QCOMPARE(fixture.settings()->bindAddress(), QStringLiteral("0.0.0.0")); // kept the valid one
    bind->setCurrentText(QStringLiteral("::1"));
    QVERIFY(page.bindWarning().isEmpty());

    auto *minimized = page.findChild<QCheckBox *>(QStringLiteral("startMinimized"));
    // On the indicator: a check box spanning the form is not hit right of its text.
    QTest::mouseClick(minimized, Qt::LeftButton, {}, QPoint(8, minimized->height() / 2));
    QCOMPARE(fixture.settings()->startMinimized(), true);
    auto *language = page.findChild<QComboBox *>(QStringLiteral("language"));
    language->setCurrentIndex(language->findData(QStringLiteral("zh_CN")));
    QCOMPARE(fixture.settings()->language(), QStringLiteral("zh_CN"));
    auto *retention = page.findChild<QSpinBox *>(QStringLiteral("retentionDays"));
    retention->setValue(0);
    QCOMPARE(fixture.settings()->logRetentionDays(), 0);
    QCOMPARE(retention->text(), QStringLiteral("Forever"));

    QSignalSpy restartSpy(&page, &SettingsPage::restartRequested);
    QTest::mouseClick(restart, Qt::LeftButton);
    QCOMPARE(restartSpy.count(), 1);

    // Pausing goes to the engine and comes back as its state.
    auto *pause = page.findChild<QPushButton *>(QStringLiteral("pauseGateway"));
    QTest::mouseClick(pause, Qt::LeftButton);
    QTRY_VERIFY(fixture.client()->isPaused());
    QCOMPARE(pause->text(), QStringLiteral("Resume gateway"));
    QTest::mouseClick(pause, Qt::LeftButton);
    QTRY_VERIFY(!fixture.client()->isPaused());
}

void TestGuiSettings::breakerReachesEngine()
{
    GuiFixture fixture;
    QString error;
    QVERIFY2(fixture.start(GuiFixture::emptyConfig(), &error), qPrintable(error));
    SettingsPage page(fixture.client(), fixture.settings(), fixture.info());
    page.findChild<QSpinBox *>(QStringLiteral("failureThreshold"))->setValue(11);
    page.findChild<QSpinBox *>(QStringLiteral("openSeconds"))->setValue(45);
    page.findChild<QSpinBox *>(QStringLiteral("halfOpenSuccesses"))->setValue(2);
    CircuitBreakerSettings expected;
    expected.failureThreshold = 11;
    expected.openDurationMs = 45000;
    expected.halfOpenSuccesses = 2;
    QCOMPARE(fixture.settings()->breaker(), expected);
    QTRY_COMPARE(fixture.engineBreaker(), expected);
}

void TestGuiSettings::startAtLoginWritesDesktopEntry()
{
    const QString path = Autostart::desktopEntryPath();
    QVERIFY(path.contains(QLatin1String("/autostart/llm-orchestrator.desktop")));
    QString error;
    QVERIFY2(Autostart::setEnabled(true, &error), qPrintable(error));
    QVERIFY(Autostart::isEnabled());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString entry = QString::fromUtf8(file.readAll());
    QVERIFY(entry.startsWith(QLatin1String("[Desktop Entry]\n")));
    QVERIFY(entry.contains(QLatin1String("Type=Application\n")));
    QVERIFY(entry.contains(QLatin1String("Exec=\"") + QCoreApplication::applicationFilePath()
                           + QLatin1String("\"\n")));
    QVERIFY2(Autostart::setEnabled(false, &error), qPrintable(error));
    QVERIFY(!Autostart::isEnabled());
    QVERIFY(!QFile::exists(path));

    // Exec quoting per the desktop entry spec, and the macOS property list.
    QVERIFY(Autostart::desktopEntry(QStringLiteral("/opt/my \"apps\"/$x"))
                .contains(QLatin1String("Exec=\"/opt/my \\\"apps\\\"/\\$x\"\n")));
    const QString plist = Autostart::launchAgent(QStringLiteral("/Applications/A&B.app/x"));
    QVERIFY(plist.contains(QLatin1String("<string>/Applications/A&amp;B.app/x</string>")));
    QVERIFY(plist.contains(QLatin1String("<key>RunAtLoad</key><true/>")));

    // The page's check box does the same.
    GuiFixture fixture;
    QVERIFY2(fixture.start(GuiFixture::emptyConfig(), &error), qPrintable(error));
    SettingsPage page(fixture.client(), fixture.settings(), fixture.info());
    page.show();
    auto *box = page.findChild<QCheckBox *>(QStringLiteral("startAtLogin"));
    QVERIFY(!box->isChecked());
    QTest::mouseClick(box, Qt::LeftButton, {}, QPoint(8, box->height() / 2));
    QVERIFY(QFile::exists(path));
    QTest::mouseClick(box, Qt::LeftButton, {}, QPoint(8, box->height() / 2));
    QVERIFY(!QFile::exists(path));
}

void TestGuiSettings::accessKeyShownOnceThenRevoked()
{
    GuiFixture fixture;
    QString error;
    QVERIFY2(fixture.start(GuiFixture::emptyConfig(), &error), qPrintable(error));
    SettingsPage page(fixture.client(), fixture.settings(), fixture.info());
    page.show();
    AccessKeysPanel *keys = page.accessKeys();
    const int before = keys->list()->topLevelItemCount(); // "sk-test" from the fixture
    QVERIFY(before >= 1);

    QTest::mouseClick(keys->findChild<QPushButton *>(QStringLiteral("createAccessKey")),
                      Qt::LeftButton);
    NewAccessKeyDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = keys->findChild<NewAccessKeyDialog *>()) && dialog->isVisible());
    QTest::keyClicks(dialog->nameEdit(), QStringLiteral("laptop"));
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("createKey")),
                      Qt::LeftButton);
    QTRY_VERIFY(!dialog->createdKey().isEmpty());
    const QString key = dialog->createdKey();
    QVERIFY(key.startsWith(QLatin1String("sk-llmo-")));
    QTRY_COMPARE(keys->list()->topLevelItemCount(), before + 1);
    // Stored as a hash, never the plaintext.
    bool stored = false;
    for (const AccessKeyConfig &config : fixture.storedConfig().accessKeys) {
        if (config.name == QLatin1String("laptop")) {
            stored = true;
            QCOMPARE(config.keyHash, ConfigService::hashKey(key));
            QVERIFY(config.key.isEmpty());
        }
    }
    QVERIFY(stored);
    dialog->accept();

    // The same name again is refused, at the field.
    QTest::mouseClick(keys->findChild<QPushButton *>(QStringLiteral("createAccessKey")),
                      Qt::LeftButton);
    QTRY_VERIFY((dialog = keys->findChild<NewAccessKeyDialog *>()) && dialog->isVisible());
    QTest::keyClicks(dialog->nameEdit(), QStringLiteral("laptop"));
    dialog->create();
    QTRY_VERIFY(!dialog->errorText().isEmpty());
    QVERIFY(dialog->createdKey().isEmpty());
    dialog->reject();

    keys->revokeKey(QStringLiteral("laptop"));
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = keys->findChild<QMessageBox *>()) && box->isVisible());
    for (QAbstractButton *button : box->buttons()) {
        if (box->buttonRole(button) == QMessageBox::DestructiveRole)
            QTest::mouseClick(button, Qt::LeftButton);
    }
    QTRY_COMPARE(keys->list()->topLevelItemCount(), before);
    for (const AccessKeyConfig &config : fixture.storedConfig().accessKeys)
        QVERIFY(config.name != QLatin1String("laptop"));
}

QTEST_MAIN(TestGuiSettings)
#include "tst_gui_settings.moc"
