// llmo-e2e-mock: the mock provider (MockProvider, all four wire protocols) as a process, plus
// a control port through which the end-to-end suite queues behaviors and reads the requests
// the gateway sent upstream (see mockcontrolserver.h). Prints one line,
// "listening <port> control <control port>", then serves until killed or until its parent
// process dies (so a crashed test run leaves no orphan behind).
#include "mockcontrolserver.h"
#include "mockprovider.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <csignal>
#include <cstdio>
#ifdef __linux__
#include <sys/prctl.h>
#endif

int main(int argc, char *argv[])
{
#ifdef __linux__
    ::prctl(PR_SET_PDEATHSIG, SIGTERM);
#endif
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("llmo-e2e-mock"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Mock LLM provider with a control port, for the end-to-end tests."));
    parser.addHelpOption();
    const QCommandLineOption portOption(QStringLiteral("port"),
                                        QStringLiteral("Port on 127.0.0.1 (0: any free port)."),
                                        QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption controlOption(QStringLiteral("control-port"),
                                           QStringLiteral("Control port (0: any free port)."),
                                           QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption keyOption(
        QStringLiteral("api-key"),
        QStringLiteral("Require this upstream key, sent as each protocol's API takes it."),
        QStringLiteral("KEY"));
    const QCommandLineOption nameOption(QStringLiteral("name"),
                                        QStringLiteral("Provider name shown in answers."),
                                        QStringLiteral("NAME"), QStringLiteral("mock"));
    parser.addOptions({ portOption, controlOption, keyOption, nameOption });
    parser.process(app);

    bool portOk = false, controlOk = false;
    const uint port = parser.value(portOption).toUInt(&portOk);
    const uint controlPort = parser.value(controlOption).toUInt(&controlOk);
    if (!portOk || port > 65535 || !controlOk || controlPort > 65535) {
        std::fprintf(stderr, "llmo-e2e-mock: bad argument (see --help)\n");
        return 2;
    }

    MockProvider provider(parser.value(nameOption));
    const MockProvider::Behavior defaultBehavior;
    provider.setDefaultBehavior(defaultBehavior);
    if (parser.isSet(keyOption))
        provider.setRequiredApiKey(parser.value(keyOption).toUtf8());
    if (!provider.listen(quint16(port))) {
        std::fprintf(stderr, "llmo-e2e-mock: cannot listen on 127.0.0.1:%u\n", port);
        return 3;
    }
    MockControlServer control(&provider, defaultBehavior);
    const quint16 boundControl = control.listen(quint16(controlPort));
    if (boundControl == 0) {
        std::fprintf(stderr, "llmo-e2e-mock: cannot listen on 127.0.0.1:%u\n", controlPort);
        return 3;
    }
    std::printf("listening %u control %u\n", unsigned(provider.port()), unsigned(boundControl));
    std::fflush(stdout);
    return app.exec();
}
