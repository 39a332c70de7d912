// Providers page: first-run templates, the add/edit dialog (errors at the field, masked keys,
// test connection), the table, delete with undo, and fetch models -> engine routes.

#include "apikeysedit.h"
#include "guifixture.h"
#include "messagebar.h"
#include "mockprovider.h"
#include "modelpickerdialog.h"
#include "providerdialog.h"
#include "providerprobe.h"
#include "providerspage.h"
#include "providertablemodel.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QToolButton>

namespace {

QPushButton *saveButton(ProviderDialog *dialog)
{
    return dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save);
}

void replaceText(QLineEdit *edit, const QString &text)
{
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, text);
}

const ProviderConfig *findProvider(const GatewayConfig &config, const QString &name)
{
    for (const ProviderConfig &provider : config.providers) {
        if (provider.name == name)
            return &provider;
    }
    return nullptr;
}

} // namespace

class TestGuiProviders final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fieldOf_data();
    void fieldOf();
    void probeParse_data();
    void probeParse();
    void probeRequest_data();
    void probeRequest();
    void firstRunShowsTemplates();
    void addProviderFetchModelsAndRoute();
    void refusedChangeShowsErrorAtField();
    void keysAreMaskedWithRevealToggle();
    void testConnectionShowsLatencyOrError();
    void disableFromTableAndDeleteWithUndo();
};

void TestGuiProviders::fieldOf_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("field");
    QTest::newRow("base url") << "providers[2].base_url"
                              << "base_url";
    QTest::newRow("name") << "providers[0].name"
                          << "name";
    QTest::newRow("key item") << "providers[1].api_keys[0]"
                              << "api_keys";
    QTest::newRow("header") << "providers[1].headers.X-Bad Name"
                            << "headers";
    QTest::newRow("probe") << "providers[0].probe.kind"
                           << "probe";
    QTest::newRow("model field") << "models[0].routes[1].provider" << QString();
    QTest::newRow("document") << QString() << QString();
}

void TestGuiProviders::fieldOf()
{
    QFETCH(QString, path);
    QFETCH(QString, field);
    QCOMPARE(ProviderDialog::fieldOf(path), field);
}

void TestGuiProviders::probeParse_data()
{
    QTest::addColumn<int>("type");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QStringList>("models");
    QTest::addColumn<QString>("error");

    QTest::newRow("openai list")
        << int(WireProtocol::OpenAiChat) << 200
        << QByteArray(
               R"({"object":"list","data":[{"id":"gpt-4o"},{"id":"dall-e-3"},{"id":"gpt-4o"}]})")
        << true << QStringList { QStringLiteral("dall-e-3"), QStringLiteral("gpt-4o") }
        << QString();
    QTest::newRow("anthropic list")
        << int(WireProtocol::Anthropic) << 200
        << QByteArray(R"({"data":[{"id":"claude-sonnet-4-5","type":"model"}],"has_more":false})")
        << true << QStringList { QStringLiteral("claude-sonnet-4-5") } << QString();
    QTest::newRow("gemini list drops embedding models")
        << int(WireProtocol::Gemini) << 200
        << QByteArray(
               R"({"models":[{"name":"models/gemini-2.5-flash","supportedGenerationMethods":["generateContent"]},)"
               R"({"name":"models/text-embedding-004","supportedGenerationMethods":["embedContent"]}]})")
        << true << QStringList { QStringLiteral("gemini-2.5-flash") } << QString();
    QTest::newRow("openai 401")
        << int(WireProtocol::OpenAiChat) << 401
        << QByteArray(
               R"({"error":{"message":"Incorrect API key provided","type":"invalid_request_error"}})")
        << false << QStringList() << "Incorrect API key provided";
    QTest::newRow("anthropic error shape")
        << int(WireProtocol::Anthropic) << 403
        << QByteArray(
               R"({"type":"error","error":{"type":"permission_error","message":"no access"}})")
        << false << QStringList() << "no access";
    QTest::newRow("plain text error")
        << int(WireProtocol::OpenAiChat) << 502 << QByteArray("Bad gateway\n") << false
        << QStringList() << "Bad gateway";
    QTest::newRow("empty error body")
        << int(WireProtocol::Gemini) << 500 << QByteArray() << false << QStringList() << "HTTP 500";
    QTest::newRow("not a list") << int(WireProtocol::OpenAiChat) << 200 << QByteArray("<html>")
                                << false << QStringList() << "the answer is not a JSON model list";
}

void TestGuiProviders::probeParse()
{
    QFETCH(int, type);
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(bool, ok);
    QFETCH(QStringList, models);
    QFETCH(QString, error);
    const ProbeResult result = ProviderProbe::parse(WireProtocol(type), status, body);
    QCOMPARE(result.ok, ok);
    QCOMPARE(result.models, models);
    QCOMPARE(result.error, error);
    QCOMPARE(result.httpStatus, status);
}

void TestGuiProviders::probeRequest_data()
{
    QTest::addColumn<int>("type");
    QTest::addColumn<QString>("baseUrl");
    QTest::addColumn<QString>("url");
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QByteArray>("value");
    QTest::newRow("openai") << int(WireProtocol::OpenAiChat) << "https://api.openai.com/v1/"
                            << "https://api.openai.com/v1/models" << QByteArray("Authorization")
                            << QByteArray("Bearer sk-1");
    QTest::newRow("responses") << int(WireProtocol::OpenAiResponses) << "http://h/v1"
                               << "http://h/v1/models" << QByteArray("Authorization")
                               << QByteArray("Bearer sk-1");
    QTest::newRow("anthropic") << int(WireProtocol::Anthropic) << "https://api.anthropic.com"
                               << "https://api.anthropic.com/v1/models?limit=1000"
                               << QByteArray("x-api-key") << QByteArray("sk-1");
    QTest::newRow("gemini")
        << int(WireProtocol::Gemini) << "https://generativelanguage.googleapis.com"
        << "https://generativelanguage.googleapis.com/v1beta/models?pageSize=1000"
        << QByteArray("x-goog-api-key") << QByteArray("sk-1");
}

void TestGuiProviders::probeRequest()
{
    QFETCH(int, type);
    QFETCH(QString, baseUrl);
    QFETCH(QString, url);
    QFETCH(QByteArray, header);
    QFETCH(QByteArray, value);
    ProviderConfig provider;
    provider.type = WireProtocol(type);
    provider.baseUrl = baseUrl;
    provider.apiKeys = { QStringLiteral("sk-1"), QStringLiteral("sk-2") };
    provider.headers.insert(QStringLiteral("HTTP-Referer"), QStringLiteral("https://x"));
    const QNetworkRequest request = ProviderProbe::request(provider);
    QCOMPARE(request.url().toString(), url);
    QCOMPARE(request.rawHeader(header), value);
    QCOMPARE(request.rawHeader("HTTP-Referer"), QByteArray("https://x"));
}

void TestGuiProviders::firstRunShowsTemplates()
{
    GuiFixture fixture;
    QString error;
    QVERIFY2(fixture.start(GuiFixture::emptyConfig(), &error), qPrintable(error));
    ProvidersPage page(fixture.client(), fixture.monitor(), fixture.info());
    page.show();
    QVERIFY(page.showsEmptyState());
    auto *endpoint = page.findChild<QLineEdit *>(QStringLiteral("endpointUrl"));
    QVERIFY(endpoint);
    QCOMPARE(endpoint->text(), fixture.info().endpointUrl);

    auto *ollama = page.findChild<QToolButton *>(QStringLiteral("template_ollama"));
    QVERIFY(ollama);
    QTest::mouseClick(ollama, Qt::LeftButton);
    ProviderDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = page.findChild<ProviderDialog *>()) && dialog->isVisible());
    const ProviderConfig filled = dialog->provider();
    QCOMPARE(filled.name, QStringLiteral("ollama"));
    QCOMPARE(filled.baseUrl, QStringLiteral("http://localhost:11434/v1"));
    QCOMPARE(filled.type, WireProtocol::OpenAiChat);
    dialog->reject();
}

void TestGuiProviders::addProviderFetchModelsAndRoute()
{
    MockProvider mock(QStringLiteral("upstream"));
    QVERIFY(mock.listen());
    mock.setModels({ QStringLiteral("gpt-4o-mini"), QStringLiteral("gpt-4o") });
    GuiFixture fixture;
    QString error;
    QVERIFY2(fixture.start(GuiFixture::emptyConfig(), &error), qPrintable(error));
    ProvidersPage page(fixture.client(), fixture.monitor(), fixture.info());
    page.resize(900, 600);
    page.show();

    QTest::mouseClick(page.findChild<QToolButton *>(QStringLiteral("template_openai")),
                      Qt::LeftButton);
    ProviderDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = page.findChild<ProviderDialog *>()) && dialog->isVisible());
    replaceText(dialog->findChild<QLineEdit *>(QStringLiteral("name")), QStringLiteral("main"));
    replaceText(dialog->findChild<QLineEdit *>(QStringLiteral("baseUrl")), mock.baseUrl());
    QTest::keyClicks(dialog->findChild<ApiKeysEdit *>()->line(0), QStringLiteral("sk-upstream"));
    QTest::mouseClick(saveButton(dialog), Qt::LeftButton);

    // The table shows it, the database has it (read with a connection of our own).
    QTRY_COMPARE(page.model()->rowCount(), 1);
    QVERIFY(!page.showsEmptyState());
    QCOMPARE(page.model()->providers().first().name, QStringLiteral("main"));
    const GatewayConfig stored = fixture.storedConfig();
    const ProviderConfig *provider = findProvider(stored, QStringLiteral("main"));
    QVERIFY(provider);
    QCOMPARE(provider->baseUrl, mock.baseUrl());
    QCOMPARE(provider->apiKeys, QStringList { QStringLiteral("sk-upstream") });

    // Fetch models lists the provider's models; the picked one becomes a routed model.
    page.selectProvider(QStringLiteral("main"));
    QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("fetchModels")), Qt::LeftButton);
    ModelPickerDialog *picker = nullptr;
    QTRY_VERIFY((picker = page.findChild<ModelPickerDialog *>()) && picker->isVisible());
    QCOMPARE(picker->list()->count(), 2);
    picker->setChecked(QStringLiteral("gpt-4o-mini"), true);
    QTest::mouseClick(picker->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok),
                      Qt::LeftButton);

    // The engine's routing table (through its health registry, in the engine thread) has it.
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            const QList<RouteHealthSnapshot> routes = fixture.engineRoutes();
            return routes.size() == 1 && routes.first().provider == QLatin1String("main")
                && routes.first().model == QLatin1String("gpt-4o-mini");
        }(),
        5000);
    QCOMPARE(fixture.storedConfig().models.size(), 1);
}

void TestGuiProviders::refusedChangeShowsErrorAtField()
{
    GuiFixture fixture;
    QString error;
    QVERIFY2(fixture.start(R"({"providers":[{"name":"taken","type":"openai",)"
                           R"("base_url":"http://127.0.0.1:9/v1","api_keys":[]}]})",
                           &error),
             qPrintable(error));
    ProvidersPage page(fixture.client(), fixture.monitor(), fixture.info());
    page.show();
    ProviderDialog *dialog = page.addFromTemplate(QStringLiteral("custom"));
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("name")),
                     QStringLiteral("fresh"));
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("baseUrl")),
                     QStringLiteral("ftp://example.com"));
    QTest::mouseClick(saveButton(dialog), Qt::LeftButton);
    QTRY_VERIFY(!dialog->fieldError(QStringLiteral("base_url")).isEmpty());
    QVERIFY(dialog->fieldError(QStringLiteral("base_url")).contains(QLatin1String("http")));
    QVERIFY(dialog->isVisible());
    QVERIFY(dialog->fieldError(QStringLiteral("name")).isEmpty());

    // A taken name is reported at the name; the earlier message is gone.
    replaceText(dialog->findChild<QLineEdit *>(QStringLiteral("name")), QStringLiteral("taken"));
    replaceText(dialog->findChild<QLineEdit *>(QStringLiteral("baseUrl")),
                QStringLiteral("http://127.0.0.1:9/v1"));
    QTest::mouseClick(saveButton(dialog), Qt::LeftButton);
    QTRY_VERIFY(!dialog->fieldError(QStringLiteral("name")).isEmpty());
    QVERIFY(dialog->fieldError(QStringLiteral("base_url")).isEmpty());

    // A header line without a colon is caught before it is sent.
    replaceText(dialog->findChild<QLineEdit *>(QStringLiteral("name")), QStringLiteral("fresh"));
    QTest::keyClicks(dialog->findChild<QPlainTextEdit *>(QStringLiteral("headers")),
                     QStringLiteral("no colon here"));
    QTest::mouseClick(saveButton(dialog), Qt::LeftButton);
    QVERIFY(!dialog->fieldError(QStringLiteral("headers")).isEmpty());
    QCOMPARE(fixture.storedConfig().providers.size(), 1);
    dialog->reject();
}

void TestGuiProviders::keysAreMaskedWithRevealToggle()
{
    ApiKeysEdit keys;
    keys.setKeys({ QStringLiteral("sk-one"), QStringLiteral("sk-two") });
    keys.show();
    QCOMPARE(keys.lineCount(), 2);
    QCOMPARE(keys.line(0)->echoMode(), QLineEdit::Password);
    QCOMPARE(keys.line(1)->echoMode(), QLineEdit::Password);
    QTest::mouseClick(keys.revealButton(), Qt::LeftButton);
    QVERIFY(keys.isRevealed());
    QCOMPARE(keys.line(0)->echoMode(), QLineEdit::Normal);
    QTest::mouseClick(keys.findChild<QPushButton *>(QStringLiteral("addKey")), Qt::LeftButton);
    QCOMPARE(keys.lineCount(), 3);
    QCOMPARE(keys.line(2)->echoMode(), QLineEdit::Normal);
    QTest::keyClicks(keys.line(2), QStringLiteral("  sk-three "));
    QCOMPARE(keys.keys(),
             (QStringList { QStringLiteral("sk-one"), QStringLiteral("sk-two"),
                            QStringLiteral("sk-three") }));
    QTest::mouseClick(keys.revealButton(), Qt::LeftButton);
    QCOMPARE(keys.line(2)->echoMode(), QLineEdit::Password);
}

void TestGuiProviders::testConnectionShowsLatencyOrError()
{
    MockProvider mock(QStringLiteral("upstream"));
    QVERIFY(mock.listen());
    mock.setModels({ QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c") });
    mock.setRequiredApiKey(QByteArrayLiteral("sk-right"));
    GuiFixture fixture;
    QString error;
    QVERIFY2(fixture.start(GuiFixture::emptyConfig(), &error), qPrintable(error));
    ProviderDialog dialog(fixture.client(), QString());
    ProviderConfig provider;
    provider.name = QStringLiteral("p");
    provider.baseUrl = mock.baseUrl();
    provider.apiKeys = { QStringLiteral("sk-wrong") };
    dialog.setProvider(provider);
    dialog.show();

    auto *test = dialog.findChild<QPushButton *>(QStringLiteral("testConnection"));
    QTest::mouseClick(test, Qt::LeftButton);
    QTRY_VERIFY(dialog.testResultText().contains(QLatin1String("401")));

    provider.apiKeys = { QStringLiteral("sk-right") };
    dialog.setProvider(provider);
    QTest::mouseClick(test, Qt::LeftButton);
    QTRY_VERIFY(dialog.testResultText().contains(QLatin1String(" ms")));
    QVERIFY2(dialog.testResultText().contains(QLatin1String("3")),
             qPrintable(dialog.testResultText()));
    QVERIFY(!dialog.testResultText().contains(QLatin1String("401")));

    // Nothing listens there: the network error is shown.
    provider.baseUrl = QStringLiteral("http://127.0.0.1:1/v1");
    dialog.setProvider(provider);
    QTest::mouseClick(test, Qt::LeftButton);
    QTRY_VERIFY(dialog.testResultText().startsWith(QStringLiteral("✗")));
}

void TestGuiProviders::disableFromTableAndDeleteWithUndo()
{
    GuiFixture fixture;
    QString error;
    QVERIFY2(fixture.start(R"({"providers":[{"name":"one","type":"openai",)"
                           R"("base_url":"http://127.0.0.1:9/v1","api_keys":["k"]}]})",
                           &error),
             qPrintable(error));
    ProvidersPage page(fixture.client(), fixture.monitor(), fixture.info());
    page.show();
    QCOMPARE(page.model()->rowCount(), 1);

    // The enabled column's check box switches the provider off in the running configuration.
    const QModelIndex enabled = page.model()->index(0, ProviderTableModel::EnabledColumn);
    QCOMPARE(enabled.data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
    page.model()->setData(enabled, Qt::Unchecked, Qt::CheckStateRole);
    QTRY_COMPARE(
        page.model()->index(0, ProviderTableModel::EnabledColumn).data(Qt::CheckStateRole).toInt(),
        int(Qt::Unchecked));
    QCOMPARE(fixture.storedConfig().providers.first().enabled, false);
    QCOMPARE(page.model()->index(0, ProviderTableModel::HealthColumn).data().toString(),
             QStringLiteral("Disabled"));

    // Delete asks once; Undo brings it back with its keys.
    page.selectProvider(QStringLiteral("one"));
    QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("deleteProvider")),
                      Qt::LeftButton);
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = page.findChild<QMessageBox *>()) && box->isVisible());
    QAbstractButton *confirm = nullptr;
    for (QAbstractButton *button : box->buttons()) {
        if (box->buttonRole(button) == QMessageBox::DestructiveRole)
            confirm = button;
    }
    QVERIFY(confirm);
    QTest::mouseClick(confirm, Qt::LeftButton);
    QTRY_COMPARE(page.model()->rowCount(), 0);
    QVERIFY(page.showsEmptyState());
    QVERIFY(fixture.storedConfig().providers.isEmpty());
    QTRY_VERIFY(page.messageBar()->actionButton()->isVisible());
    QTest::mouseClick(page.messageBar()->actionButton(), Qt::LeftButton);
    QTRY_COMPARE(page.model()->rowCount(), 1);
    QCOMPARE(fixture.storedConfig().providers.first().apiKeys, QStringList { QStringLiteral("k") });
}

QTEST_MAIN(TestGuiProviders)
#include "tst_gui_providers.moc"
