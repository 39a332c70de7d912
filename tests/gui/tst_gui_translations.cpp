// Translations: the embedded .qm files load, the Chinese one covers the window, English
// plural forms come from their own file, and the language setting resolves as documented.

#include "guifixture.h"
#include "pageheader.h"
#include "providerspage.h"
#include "translations.h"

#include <QCoreApplication>
#include <QFile>
#include <QLocale>
#include <QPushButton>
#include <QTest>

class TestGuiTranslations final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup();
    void available();
    void resolve_data();
    void resolve();
    void embeddedFilesExist();
    void chineseTranslatesTheWindow();
    void englishPlurals();
    void unknownLanguageInstallsNothing();
};

void TestGuiTranslations::cleanup()
{
    Translations::install(QStringLiteral("en"));
}

void TestGuiTranslations::available()
{
    const QList<Translations::Language> languages = Translations::available();
    QCOMPARE(languages.size(), 3);
    QCOMPARE(languages.at(0).code, QString());
    QCOMPARE(languages.at(1).code, QStringLiteral("en"));
    QCOMPARE(languages.at(2).code, QStringLiteral("zh_CN"));
    QCOMPARE(languages.at(2).name, QStringLiteral("简体中文"));
}

void TestGuiTranslations::resolve_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("locale");
    QTest::newRow("explicit chinese") << "zh_CN"
                                      << "zh_CN";
    QTest::newRow("explicit english") << "en"
                                      << "en";
}

void TestGuiTranslations::resolve()
{
    QFETCH(QString, code);
    QFETCH(QString, locale);
    QCOMPARE(Translations::resolve(code), locale);
    // "System" always lands on a language the application has.
    QVERIFY(QStringList({ QStringLiteral("en"), QStringLiteral("zh_CN") })
                .contains(Translations::resolve(QString())));
}

void TestGuiTranslations::embeddedFilesExist()
{
    QVERIFY(QFile::exists(QStringLiteral(":/i18n/llm-orchestrator_zh_CN.qm")));
    QVERIFY(QFile::exists(QStringLiteral(":/i18n/llm-orchestrator_en.qm")));
}

void TestGuiTranslations::chineseTranslatesTheWindow()
{
    QVERIFY(Translations::install(QStringLiteral("zh_CN")));
    QCOMPARE(QLocale().name(), QStringLiteral("zh_CN"));
    QCOMPARE(QCoreApplication::translate("MainWindow", "Providers"), QStringLiteral("提供商"));
    QCOMPARE(QCoreApplication::translate("StatusColors", "Healthy"), QStringLiteral("健康"));
    QCOMPARE(QCoreApplication::translate("ModelsPage", "%n route(s)", nullptr, 3),
             QStringLiteral("3 条路由"));

    // Widgets built after the switch show the translation.
    GuiFixture fixture;
    QString error;
    QVERIFY2(fixture.start(GuiFixture::emptyConfig(), &error), qPrintable(error));
    ProvidersPage page(fixture.client(), fixture.monitor(), fixture.info());
    QCOMPARE(page.findChild<PageHeader *>()->title(), QStringLiteral("提供商"));
    QCOMPARE(page.findChild<QPushButton *>(QStringLiteral("addProvider"))->text(),
             QStringLiteral("添加提供商"));
}

void TestGuiTranslations::englishPlurals()
{
    QVERIFY(Translations::install(QStringLiteral("en")));
    QCOMPARE(QCoreApplication::translate("ModelsPage", "%n route(s)", nullptr, 1),
             QStringLiteral("1 route"));
    QCOMPARE(QCoreApplication::translate("ModelsPage", "%n route(s)", nullptr, 2),
             QStringLiteral("2 routes"));
    QCOMPARE(QCoreApplication::translate("MainWindow", "Providers"), QStringLiteral("Providers"));
}

void TestGuiTranslations::unknownLanguageInstallsNothing()
{
    QVERIFY(Translations::install(QStringLiteral("zh_CN")));
    QVERIFY(!Translations::install(QStringLiteral("fr")));
    QCOMPARE(QCoreApplication::translate("MainWindow", "Providers"), QStringLiteral("Providers"));
}

QTEST_MAIN(TestGuiTranslations)
#include "tst_gui_translations.moc"
