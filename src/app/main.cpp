#include "admintoken.h"
#include "commandline.h"
#include "enginehost.h"
#include "mainwindow.h"
#include "unixsignals.h"

#include <QApplication>
#include <QCoreApplication>
#include <QDir>
#include <QTextStream>

#include <cstdio>
#include <memory>

namespace {

void printLine(FILE *stream, const QString &text)
{
    QTextStream out(stream);
    out << text << Qt::endl;
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
        printLine(stderr, tokenError);
        return 2;
    }

    EngineHost host(engineSettings(options, adminToken));
    const EngineStartResult started = host.start();
    if (!started.ok) {
        printLine(stderr, started.message);
        return started.exitCode;
    }
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

    std::unique_ptr<MainWindow> window;
    if (!options.headless) {
        window = std::make_unique<MainWindow>(url);
        window->show();
    }
    const int code = app->exec();
    window.reset();
    host.stop(); // flushes the request log before the process ends
    return code;
}
