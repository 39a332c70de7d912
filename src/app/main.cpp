#include "admintoken.h"
#include "appsettings.h"
#include "commandline.h"
#include "demodata.h"
#include "desktopapp.h"
#include "enginehost.h"
#include "icons.h"
#include "singleinstance.h"
#include "translations.h"
#include "unixsignals.h"

#include <QApplication>
#include <QCoreApplication>
#include <QDir>
#include <QMessageBox>
#include <QProcess>
#include <QTextStream>

#include <cstdio>
#include <memory>

namespace {

void printLine(FILE *stream, const QString &text)
{
    QTextStream out(stream);
    out << text << Qt::endl;
}

// The GUI's stored settings fill in what the command line and environment left open.
void applyAppSettings(const AppSettings &stored, AppOptions *options, EngineSettings *settings)
{
    if (!options->portGiven)
        options->port = stored.port();
    if (!options->bindGiven) {
        QHostAddress address;
        if (address.setAddress(stored.bindAddress()))
            options->bindAddress = address;
    }
    settings->bindAddress = options->bindAddress;
    settings->port = options->port;
    settings->maxBodyBytes = stored.maxBodyBytes();
    settings->breaker = stored.breaker();
    settings->logRetentionDays = stored.logRetentionDays();
}

// Tells the user why the GUI cannot start, where they will see it: a message box, and stderr.
void reportStartFailure(bool gui, const QString &message)
{
    printLine(stderr, message);
    if (gui)
        QMessageBox::critical(nullptr, QStringLiteral("LLM Orchestrator"), message);
}

EngineSettings engineSettings(const AppOptions &options, const QString &adminToken)
{
    EngineSettings settings;
    settings.bindAddress = options.bindAddress;
    settings.port = options.port;
    settings.dataDir = options.dataDir;
    settings.databaseUrl = options.databaseUrl.isEmpty()
        ? options.dataDir + QStringLiteral("/llm-orchestrator.sqlite")
        : options.databaseUrl;
    settings.adminToken = adminToken;
    settings.importFile = options.importFile;
    settings.ensureAccessKey = options.apiKey;
    return settings;
}

QString endpointUrl(const AppOptions &options, quint16 port)
{
    QString host = options.bindAddress.toString();
    if (options.bindAddress.protocol() == QAbstractSocket::IPv6Protocol)
        host = QLatin1Char('[') + host + QLatin1Char(']');
    return QStringLiteral("http://%1:%2").arg(host).arg(port);
}

} // namespace

int main(int argc, char *argv[])
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    const CommandLineResult parsed = CommandLine::parse(arguments);
    switch (parsed.action) {
    case CommandLineResult::Action::ShowHelp:
    case CommandLineResult::Action::ShowVersion:
        printLine(stdout, parsed.text);
        return 0;
    case CommandLineResult::Action::Error:
        printLine(stderr, parsed.text);
        return 2;
    case CommandLineResult::Action::Run:
        break;
    }
    AppOptions options = parsed.options;
    const bool display = CommandLine::hasDisplay();
    if (!options.headless && !display) {
        printLine(stderr, QStringLiteral("No display found: running headless."));
        options.headless = true;
    }

    std::unique_ptr<QCoreApplication> app = options.headless
        ? std::make_unique<QCoreApplication>(argc, argv)
        : std::make_unique<QApplication>(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("llm-orchestrator"));
    QCoreApplication::setApplicationVersion(QStringLiteral(LLMO_VERSION));
    const bool gui = !options.headless;

    std::unique_ptr<AppSettings> appSettings;
    std::unique_ptr<SingleInstance> instance;
    if (gui) {
        // The installed desktop entry's name: Wayland compositors match windows to it.
        QGuiApplication::setDesktopFileName(QStringLiteral("io.github.llm_orchestrator"));
        QApplication::setWindowIcon(Icons::appIcon());
        appSettings = std::make_unique<AppSettings>();
        Translations::install(appSettings->language());
        // Before the engine takes the port: a second launch only raises the first one.
        instance = std::make_unique<SingleInstance>(QDir(options.dataDir).absolutePath());
        if (!instance->claim()) {
            printLine(stdout,
                      QStringLiteral("LLM Orchestrator is already running: showing its window."));
            return 0;
        }
    }

    if (!QDir().mkpath(options.dataDir)) {
        printLine(stderr,
                  QStringLiteral("Cannot create the data directory %1: check the path or "
                                 "pass another with --data-dir.")
                      .arg(options.dataDir));
        return 2;
    }
    QString tokenError;
    const QString adminToken
        = AdminToken::resolve(options.dataDir, options.adminToken, &tokenError);
    if (adminToken.isEmpty()) {
        reportStartFailure(gui, tokenError);
        return 2;
    }

    EngineSettings settings = engineSettings(options, adminToken);
    if (appSettings)
        applyAppSettings(*appSettings, &options, &settings);
    if (options.demoData) {
        DemoDataOptions demo;
        demo.rows = options.demoRows;
        QString message;
        if (!DemoData::fill(settings.databaseUrl, demo, &message)) {
            reportStartFailure(gui, message);
            return 2;
        }
        printLine(stdout, message);
    }
    EngineHost host(settings);
    const EngineStartResult started = host.start();
    if (!started.ok) {
        reportStartFailure(gui, started.message);
        return started.exitCode;
    }
    if (options.demoData)
        DemoData::warmHealth(&host, settings.databaseUrl);
    const QString url = endpointUrl(options, started.port);
    printLine(stdout,
              QStringLiteral("LLM Orchestrator %1 serving on %2 (data: %3)")
                  .arg(QStringLiteral(LLMO_VERSION), url, options.dataDir));
    if (!started.createdAccessKey.isEmpty())
        printLine(stdout,
                  QStringLiteral("Created access key 'default' (shown once): %1")
                      .arg(started.createdAccessKey));

    UnixSignals unixSignals;
    QObject::connect(&unixSignals, &UnixSignals::terminationRequested, app.get(),
                     &QCoreApplication::quit);

    std::unique_ptr<DesktopApp> desktop;
    if (gui) {
        GatewayInfo info;
        info.endpointUrl = url;
        info.bindAddress = options.bindAddress.toString();
        info.port = started.port;
        info.dataDir = QDir(options.dataDir).absolutePath();
        info.databaseUrl = settings.databaseUrl;
        info.adminToken = adminToken;
        info.createdAccessKey = started.createdAccessKey;
        desktop = std::make_unique<DesktopApp>(&host, appSettings.get(), info);
        QObject::connect(instance.get(), &SingleInstance::activationRequested, desktop.get(),
                         &DesktopApp::activate);
        desktop->start(appSettings->startMinimized());
        if (!options.screenshotFile.isEmpty()
            && !DemoData::captureWhenReady(desktop->window(), options.screenshotPage,
                                           options.screenshotFile)) {
            printLine(
                stderr,
                QStringLiteral("Unknown --screenshot-page '%1'.").arg(options.screenshotPage));
            return 2;
        }
    }
    const int code = app->exec();
    const bool restart = desktop && desktop->restartRequested();
    desktop.reset();
    host.stop(); // flushes the request log before the process ends
    if (restart) {
        instance.reset(); // frees the single-instance socket for the new process
        QProcess::startDetached(QCoreApplication::applicationFilePath(),
                                QCoreApplication::arguments().mid(1));
    }
    return code;
}
