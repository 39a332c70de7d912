// Models page: share bars per priority tier, weight edits reaching the running router, route
// switches, tiers, add / rename / refuse, and the RouteShares arithmetic.

#include "engineclient.h"
#include "guifixture.h"
#include "messagebar.h"
#include "modeldetail.h"
#include "modelspage.h"
#include "newmodeldialog.h"
#include "routeeditor.h"
#include "routeshares.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QSlider>
#include <QSpinBox>
#include <QTest>

namespace {

// Three providers and two models; m has two routes in tier 0 (3:1) and one in tier 1.
QByteArray config()
{
    return QByteArrayLiteral(
        "{\"providers\": ["
        "{\"name\": \"a\", \"type\": \"openai\", \"base_url\": \"http://127.0.0.1:9/v1\"},"
        "{\"name\": \"b\", \"type\": \"openai\", \"base_url\": \"http://127.0.0.1:9/v1\"},"
        "{\"name\": \"c\", \"type\": \"openai\", \"base_url\": \"http://127.0.0.1:9/v1\"}],"
        " \"models\": ["
        "{\"name\": \"m\", \"max_attempts\": 3, \"routes\": ["
        "{\"provider\": \"a\", \"model\": \"up-a\", \"weight\": 3, \"priority\": 0},"
        "{\"provider\": \"b\", \"model\": \"up-b\", \"weight\": 1, \"priority\": 0},"
        "{\"provider\": \"c\", \"model\": \"up-c\", \"weight\": 5, \"priority\": 1}]},"
        "{\"name\": \"other\", \"routes\": ["
        "{\"provider\": \"a\", \"model\": \"x\", \"weight\": 1, \"priority\": 0}]}]}");
}

RouteConfig route(int weight, int priority, bool enabled = true)
{
    RouteConfig r;
    r.provider = QStringLiteral("p%1%2").arg(weight).arg(priority);
    r.upstreamModel = QStringLiteral("m");
    r.weight = weight;
    r.priority = priority;
    r.enabled = enabled;
    return r;
}

// The weight the engine's routing table has for the route of model m at `provider`, or -1.
int engineWeight(const GuiFixture &fixture, const QString &model, const QString &provider)
{
    const QList<RouteHealthSnapshot> routes = fixture.engineRoutes();
    for (const RouteHealthSnapshot &r : routes) {
        if (r.model == model && r.provider == provider)
            return r.weight;
    }
    return -1;
}

void setSpin(QSpinBox *spin, int value)
{
    spin->setFocus();
    spin->selectAll();
    QTest::keyClicks(spin, QString::number(value));
}

} // namespace

class TestGuiModels final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shares_data();
    void shares();
    void tiers();
    void sharesShowPerTier();
    void weightChangeReachesRouter();
    void sliderAndSpinStayInStep();
    void disableAndMoveRoute();
    void refusedEditSaysWhyAndReverts();
    void addAndRenameModel();
};

void TestGuiModels::shares_data()
{
    QTest::addColumn<QList<RouteConfig>>("routes");
    QTest::addColumn<QList<double>>("percent");
    QTest::newRow("one route") << QList<RouteConfig> { route(1, 0) } << QList<double> { 100 };
    QTest::newRow("3:1") << QList<RouteConfig> { route(3, 0), route(1, 0) }
                         << QList<double> { 75, 25 };
    QTest::newRow("tiers apart") << QList<RouteConfig> { route(3, 0), route(1, 0), route(5, 1) }
                                 << QList<double> { 75, 25, 100 };
    QTest::newRow("disabled gets none")
        << QList<RouteConfig> { route(1, 0), route(1, 0, false), route(3, 0) }
        << QList<double> { 25, 0, 75 };
    QTest::newRow("weight zero") << QList<RouteConfig> { route(0, 0), route(2, 0) }
                                 << QList<double> { 0, 100 };
    QTest::newRow("all zero") << QList<RouteConfig> { route(0, 0), route(0, 0) }
                              << QList<double> { 0, 0 };
    QTest::newRow("negative tier")
        << QList<RouteConfig> { route(1, -5), route(1, 0) } << QList<double> { 100, 100 };
    QTest::newRow("none") << QList<RouteConfig>() << QList<double>();
}

void TestGuiModels::shares()
{
    QFETCH(QList<RouteConfig>, routes);
    QFETCH(QList<double>, percent);
    const QList<double> got = RouteShares::percentages(routes);
    QCOMPARE(got.size(), percent.size());
    for (qsizetype i = 0; i < got.size(); ++i)
        QVERIFY2(
            qAbs(got.at(i) - percent.at(i)) < 1e-9,
            qPrintable(QStringLiteral("%1: %2 != %3").arg(i).arg(got.at(i)).arg(percent.at(i))));
}

void TestGuiModels::tiers()
{
    QCOMPARE(RouteShares::tiers({ route(1, 2), route(1, -1), route(1, 2), route(1, 0) }),
             (QList<int> { -1, 0, 2 }));
}

void TestGuiModels::sharesShowPerTier()
{
    GuiFixture fixture;
    QString error;
    QVERIFY2(fixture.start(config(), &error), qPrintable(error));
    ModelsPage page(fixture.client(), fixture.monitor());
    page.show();
    page.selectModel(QStringLiteral("m"));
    const QList<RouteEditor *> editors = page.detail()->routeEditors();
    QCOMPARE(editors.size(), 3);
    QCOMPARE(editors.at(0)->share(), 75.0);
    QCOMPARE(editors.at(1)->share(), 25.0);
    QCOMPARE(editors.at(2)->share(), 100.0);
    QCOMPARE(editors.at(0)->shareBar()->text(), QStringLiteral("75 %"));
    QVERIFY(page.detail()->findChild<QLabel *>(QStringLiteral("tier_0")));
    QVERIFY(page.detail()->findChild<QLabel *>(QStringLiteral("tier_1")));
    QCOMPARE(page.detail()->maxAttemptsSpin()->value(), 3);

    // Switching provider b off elsewhere takes its share away in the open detail.
    fixture.client()->withConfig<bool>(
        [](ConfigService &config) {
            ProviderConfig b = config.snapshot()->providers.at(1);
            b.enabled = false;
            ConfigError error;
            return config.upsertProvider(b.name, b, &error);
        },
        [](bool) {});
    QTRY_COMPARE(page.detail()->routeEditors().at(0)->share(), 100.0);
    QCOMPARE(page.detail()->routeEditors().at(1)->share(), 0.0);
}

void TestGuiModels::weightChangeReachesRouter()
{
    GuiFixture fixture;
    QString error;
    QVERIFY2(fixture.start(config(), &error), qPrintable(error));
    QCOMPARE(engineWeight(fixture, QStringLiteral("m"), QStringLiteral("b")), 1);
    ModelsPage page(fixture.client(), fixture.monitor());
    page.show();
    page.selectModel(QStringLiteral("m"));
    RouteEditor *b = page.detail()->routeEditors().at(1);

    // The share bars follow the typing at once; the gateway gets the change after a pause.
    setSpin(b->weightSpin(), 3);
    QCOMPARE(b->share(), 50.0);
    QCOMPARE(page.detail()->routeEditors().at(0)->share(), 50.0);
    QVERIFY(page.detail()->hasPendingEdit());
    QTRY_COMPARE_WITH_TIMEOUT(engineWeight(fixture, QStringLiteral("m"), QStringLiteral("b")), 3,
                              5000);
    QCOMPARE(engineWeight(fixture, QStringLiteral("m"), QStringLiteral("a")), 3);
    const GatewayConfig stored = fixture.storedConfig();
    QCOMPARE(stored.models.first().routes.at(1).weight, 3);
    // The editor was not rebuilt under the user's hands.
    QVERIFY(page.detail()->routeEditors().at(1) == b);
}

void TestGuiModels::sliderAndSpinStayInStep()
{
    RouteEditor editor;
    RouteConfig r = route(7, 0);
    editor.setRoute(r);
    QCOMPARE(editor.weightSlider()->value(), 7);
    editor.weightSlider()->setValue(40);
    QCOMPARE(editor.weightSpin()->value(), 40);
    QCOMPARE(editor.route().weight, 40);
    // Beyond the slider's range the spin box keeps the value; the slider sits at its end.
    editor.weightSpin()->setValue(2500);
    QCOMPARE(editor.weightSlider()->value(), RouteEditor::SliderMaximum);
    QCOMPARE(editor.route().weight, 2500);
    editor.weightSlider()->setValue(RouteEditor::SliderMaximum);
    QCOMPARE(editor.route().weight, 2500);
    editor.weightSlider()->setValue(0);
    QCOMPARE(editor.route().weight, 0);
}

void TestGuiModels::disableAndMoveRoute()
{
    GuiFixture fixture;
    QString error;
    QVERIFY2(fixture.start(config(), &error), qPrintable(error));
    ModelsPage page(fixture.client(), fixture.monitor());
    page.show();
    page.selectModel(QStringLiteral("m"));

    // Switching a route off applies at once and leaves the router's table.
    RouteEditor *a = page.detail()->routeEditors().at(0);
    QTest::mouseClick(a->enabledBox(), Qt::LeftButton);
    QCOMPARE(page.detail()->routeEditors().at(1)->share(), 100.0);
    QTRY_COMPARE(engineWeight(fixture, QStringLiteral("m"), QStringLiteral("a")), -1);
    QCOMPARE(fixture.storedConfig().models.first().routes.first().enabled, false);

    // Moving b to tier 1 regroups the tiers once applied.
    setSpin(page.detail()->routeEditors().at(1)->prioritySpin(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(fixture.storedConfig().models.first().routes.at(1).priority == 1,
                             5000);
    // Once applied, b sits under the tier 1 header.
    QTRY_VERIFY([&] {
        const auto *tier1 = page.detail()->findChild<QLabel *>(QStringLiteral("tier_1"));
        return tier1 && tier1->isVisible() && page.detail()->routeEditors().at(1)->y() > tier1->y();
    }());
    const QList<RouteEditor *> editors = page.detail()->routeEditors();
    QCOMPARE(editors.at(1)->share(), 100.0 / 6.0);
    QCOMPARE(editors.at(2)->share(), 500.0 / 6.0);
}

void TestGuiModels::refusedEditSaysWhyAndReverts()
{
    GuiFixture fixture;
    QString error;
    QVERIFY2(fixture.start(config(), &error), qPrintable(error));
    ModelsPage page(fixture.client(), fixture.monitor());
    page.show();
    page.selectModel(QStringLiteral("m"));

    // Route b pointed at provider a with a's upstream model duplicates route a: refused.
    RouteEditor *b = page.detail()->routeEditors().at(1);
    b->upstreamCombo()->setCurrentText(QStringLiteral("up-a"));
    b->providerCombo()->setCurrentText(QStringLiteral("a"));
    QTRY_VERIFY(page.messageBar()->isVisible());
    QVERIFY2(page.messageBar()->text().contains(QLatin1String("duplicate")),
             qPrintable(page.messageBar()->text()));
    // Back to what is stored.
    QTRY_COMPARE(page.detail()->routeEditors().at(1)->route().provider, QStringLiteral("b"));
    QCOMPARE(page.detail()->routeEditors().at(1)->route().upstreamModel, QStringLiteral("up-b"));
    QCOMPARE(fixture.storedConfig().models.first().routes.at(1).provider, QStringLiteral("b"));
}

void TestGuiModels::addAndRenameModel()
{
    GuiFixture fixture;
    QString error;
    QVERIFY2(fixture.start(config(), &error), qPrintable(error));
    ModelsPage page(fixture.client(), fixture.monitor());
    page.show();
    QCOMPARE(page.list()->count(), 2);

    QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("addModel")), Qt::LeftButton);
    NewModelDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = page.findChild<NewModelDialog *>()) && dialog->isVisible());
    QTest::keyClicks(dialog->nameEdit(), QStringLiteral("fast"));
    QCOMPARE(dialog->upstreamEdit()->text(), QStringLiteral("fast")); // follows the name
    dialog->providerCombo()->setCurrentText(QStringLiteral("c"));
    QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok),
                      Qt::LeftButton);
    QTRY_COMPARE(page.list()->count(), 3);
    QCOMPARE(page.selectedModel(), QStringLiteral("fast"));
    QTRY_COMPARE(engineWeight(fixture, QStringLiteral("fast"), QStringLiteral("c")), 1);

    // A name that exists is refused in the dialog.
    QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("addModel")), Qt::LeftButton);
    QTRY_VERIFY((dialog = page.findChild<NewModelDialog *>()) && dialog->isVisible());
    QTest::keyClicks(dialog->nameEdit(), QStringLiteral("other"));
    dialog->submit();
    QTRY_VERIFY(!dialog->errorText().isEmpty());
    dialog->reject();

    // Renaming in the detail renames the model in the gateway and follows it in the list.
    QLineEdit *name = page.detail()->nameEdit();
    name->setFocus();
    name->selectAll();
    QTest::keyClicks(name, QStringLiteral("quick"));
    QTest::keyClick(name, Qt::Key_Return);
    QTRY_COMPARE(page.selectedModel(), QStringLiteral("quick"));
    QTRY_COMPARE(engineWeight(fixture, QStringLiteral("quick"), QStringLiteral("c")), 1);
    QCOMPARE(engineWeight(fixture, QStringLiteral("fast"), QStringLiteral("c")), -1);
}

QTEST_MAIN(TestGuiModels)
#include "tst_gui_models.moc"
