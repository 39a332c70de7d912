#pragma once

#include <QHostAddress>
#include <QString>
#include <QStringList>

// The resolved command line and environment (DESIGN.md "Command line and environment").
struct AppOptions
{
    bool headless = false;
    quint16 port = 8640;
    QHostAddress bindAddress = QHostAddress::LocalHost;
    // Whether port / bind address came from the command line or environment; otherwise the
    // GUI takes them from its settings.
    bool portGiven = false;
    bool bindGiven = false;
    QString dataDir;
    QString databaseUrl;
    QString importFile;
    QString apiKey; // LLMO_API_KEY
    QString adminToken; // LLMO_ADMIN_TOKEN
    bool demoData = false; // --demo-data: fill a fresh data dir with demo data first
    int demoRows = 50000; // --demo-rows
    QString screenshotPage; // hidden --screenshot-page: capture this page...
    QString screenshotFile; // ...to this PNG (--screenshot-out), then quit
};

struct CommandLineResult
{
    enum class Action { Run, ShowHelp, ShowVersion, Error };
    Action action = Action::Run;
    AppOptions options;
    QString text; // help/version text or the error message
};

namespace CommandLine {
// Parses arguments (argv without the program name is fine too) and the environment. Options
// beat environment variables. Needs no QCoreApplication, so main() can decide between the GUI
// and headless application before creating one.
CommandLineResult parse(const QStringList &arguments);
// True when the process can show windows (a display server is reachable).
bool hasDisplay();
} // namespace CommandLine
