#include "commandline.h"

#include <QCommandLineParser>
#include <QDir>
#include <QStandardPaths>

static QString envValue(const char *name)
{
    return qEnvironmentVariable(name);
}

bool CommandLine::hasDisplay()
{
#if defined(Q_OS_LINUX) || defined(Q_OS_FREEBSD)
    const QString platform = envValue("QT_QPA_PLATFORM");
    if (!platform.isEmpty())
        return true; // the user picked a platform (offscreen, vnc, ...): trust it
    return !envValue("DISPLAY").isEmpty() || !envValue("WAYLAND_DISPLAY").isEmpty();
#else
    return true;
#endif
}

CommandLineResult CommandLine::parse(const QStringList &arguments)
{
    CommandLineResult result;
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("LLM Orchestrator: a local LLM API gateway that routes requests across "
                       "providers, fails over and records every request."));
    const QCommandLineOption helpOption({ QStringLiteral("h"), QStringLiteral("help") },
                                        QStringLiteral("Show this help and exit."));
    const QCommandLineOption versionOption({ QStringLiteral("v"), QStringLiteral("version") },
                                           QStringLiteral("Show the version and exit."));
    const QCommandLineOption headlessOption(QStringLiteral("headless"),
                                            QStringLiteral("Serve without a window or tray icon."));
    const QCommandLineOption portOption(
        QStringLiteral("port"), QStringLiteral("Port to serve on (env LLMO_PORT, default 8640)."),
        QStringLiteral("N"));
    const QCommandLineOption bindOption(
        QStringLiteral("bind"),
        QStringLiteral("Address to bind (env LLMO_BIND, default 127.0.0.1)."),
        QStringLiteral("ADDR"));
    const QCommandLineOption dataDirOption(
        QStringLiteral("data-dir"),
        QStringLiteral("Directory for the database and admin token (env LLMO_DATA_DIR)."),
        QStringLiteral("DIR"));
    const QCommandLineOption databaseOption(
        QStringLiteral("database"),
        QStringLiteral("Database URL (env LLMO_DATABASE; default: SQLite file in the data dir)."),
        QStringLiteral("URL"));
    const QCommandLineOption importOption(
        QStringLiteral("import"),
        QStringLiteral("Load a config JSON at start (replaces providers, models and keys)."),
        QStringLiteral("FILE"));
    parser.addOptions({ helpOption, versionOption, headlessOption, portOption, bindOption,
                        dataDirOption, databaseOption, importOption });
    // Demo data and the screenshots made from it (scripts/screenshots.sh).
    const QCommandLineOption demoDataOption(
        QStringLiteral("demo-data"),
        QStringLiteral("Fill a fresh data dir with demo providers, models, keys and a month of "
                       "requests (fake keys, probes off)."));
    const QCommandLineOption demoRowsOption(
        QStringLiteral("demo-rows"),
        QStringLiteral("Request-log rows --demo-data writes (default 50000)."),
        QStringLiteral("N"));
    QCommandLineOption screenshotPageOption(QStringLiteral("screenshot-page"),
                                            QStringLiteral("Page to capture."),
                                            QStringLiteral("NAME"));
    QCommandLineOption screenshotOutOption(QStringLiteral("screenshot-out"),
                                           QStringLiteral("PNG file to write, then quit."),
                                           QStringLiteral("FILE"));
    screenshotPageOption.setFlags(QCommandLineOption::HiddenFromHelp);
    screenshotOutOption.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions(
        { demoDataOption, demoRowsOption, screenshotPageOption, screenshotOutOption });

    QStringList args = arguments;
    if (args.isEmpty())
        args.append(QStringLiteral("llm-orchestrator"));
    if (!parser.parse(args)) {
        result.action = CommandLineResult::Action::Error;
        result.text = parser.errorText() + QStringLiteral(" (see --help)");
        return result;
    }
    if (parser.isSet(helpOption)) {
        result.action = CommandLineResult::Action::ShowHelp;
        result.text
            = parser.helpText()
            + QStringLiteral(
                  "\nEnvironment: LLMO_PORT, LLMO_BIND, LLMO_DATA_DIR, LLMO_DATABASE,\n"
                  "  LLMO_API_KEY (ensures this client access key exists),\n"
                  "  LLMO_ADMIN_TOKEN (admin API token; else generated once).\n"
                  "Exit codes: 0 clean shutdown, 2 bad arguments or config, 3 port in use.\n");
        return result;
    }
    if (parser.isSet(versionOption)) {
        result.action = CommandLineResult::Action::ShowVersion;
        result.text = QStringLiteral("llm-orchestrator " LLMO_VERSION);
        return result;
    }
    if (!parser.positionalArguments().isEmpty()) {
        result.action = CommandLineResult::Action::Error;
        result.text = QStringLiteral("Unexpected argument '%1' (see --help)")
                          .arg(parser.positionalArguments().constFirst());
        return result;
    }

    AppOptions &options = result.options;
    options.headless = parser.isSet(headlessOption);
    const auto pick = [&parser](const QCommandLineOption &option, const char *env) {
        return parser.isSet(option) ? parser.value(option) : envValue(env);
    };

    const QString port = pick(portOption, "LLMO_PORT");
    if (!port.isEmpty()) {
        bool ok = false;
        const uint value = port.toUInt(&ok);
        if (!ok || value > 65535) {
            result.action = CommandLineResult::Action::Error;
            result.text
                = QStringLiteral("Invalid port '%1': use a number from 0 to 65535.").arg(port);
            return result;
        }
        options.port = quint16(value);
        options.portGiven = true;
    }
    const QString bind = pick(bindOption, "LLMO_BIND");
    if (!bind.isEmpty()) {
        options.bindGiven = true;
        if (bind == QLatin1String("localhost")) {
            options.bindAddress = QHostAddress::LocalHost;
        } else if (!options.bindAddress.setAddress(bind)) {
            result.action = CommandLineResult::Action::Error;
            result.text = QStringLiteral("Invalid bind address '%1': use an IP address such as "
                                         "127.0.0.1 or 0.0.0.0.")
                              .arg(bind);
            return result;
        }
    }
    options.dataDir = pick(dataDirOption, "LLMO_DATA_DIR");
    if (options.dataDir.isEmpty())
        options.dataDir = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
            + QStringLiteral("/llm-orchestrator");
    options.dataDir = QDir(options.dataDir).absolutePath();
    options.databaseUrl = pick(databaseOption, "LLMO_DATABASE");
    options.importFile = parser.value(importOption);
    options.demoData = parser.isSet(demoDataOption);
    if (parser.isSet(demoRowsOption)) {
        bool ok = false;
        options.demoRows = parser.value(demoRowsOption).toInt(&ok);
        if (!ok || options.demoRows < 0) {
            result.action = CommandLineResult::Action::Error;
            result.text = QStringLiteral("Invalid --demo-rows '%1': use a count such as 50000.")
                              .arg(parser.value(demoRowsOption));
            return result;
        }
    }
    options.screenshotPage = parser.value(screenshotPageOption);
    options.screenshotFile = parser.value(screenshotOutOption);
    options.apiKey = envValue("LLMO_API_KEY");
    options.adminToken = envValue("LLMO_ADMIN_TOKEN");
    return result;
}
