// llmo-mock-provider: the test suite's mock provider as a process, for the benchmark and
// manual runs. Serves the Ok behavior in all four wire protocols (OpenAI Chat Completions and
// Responses under /v1, Anthropic Messages under /v1/messages, Gemini under /v1beta/models)
// until SIGTERM or SIGINT.
#include "mockprovider.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QSocketNotifier>
#include <QStringList>

#include <csignal>
#include <cstdio>
#include <sys/socket.h>
#include <unistd.h>

namespace {
int g_signalPipe[2] = { -1, -1 };

// Only async-signal-safe work here: wake the event loop through the pipe.
void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const ssize_t n = ::write(g_signalPipe[1], &byte, 1);
}

QString wordsText(int count)
{
    QStringList words;
    for (int i = 1; i <= count; ++i)
        words.append(QStringLiteral("word") + QString::number(i));
    return words.join(QLatin1Char(' '));
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("llmo-mock-provider"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Mock LLM provider speaking OpenAI Chat Completions and Responses, "
                       "Anthropic Messages and Gemini (tests and benchmarks)."));
    parser.addHelpOption();
    const QCommandLineOption portOption(QStringLiteral("port"),
                                        QStringLiteral("Port on 127.0.0.1 (0: any free port)."),
                                        QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption delayOption(QStringLiteral("chunk-delay-ms"),
                                         QStringLiteral("Delay between stream chunks."),
                                         QStringLiteral("MS"), QStringLiteral("0"));
    const QCommandLineOption wordsOption(
        QStringLiteral("words"),
        QStringLiteral("Reply with N words (one stream chunk each) instead of the default text."),
        QStringLiteral("N"));
    const QCommandLineOption nameOption(QStringLiteral("name"),
                                        QStringLiteral("Provider name shown in answers."),
                                        QStringLiteral("NAME"), QStringLiteral("mock"));
    parser.addOptions({ portOption, delayOption, wordsOption, nameOption });
    parser.process(app);

    bool portOk = false, delayOk = false, wordsOk = true;
    const uint port = parser.value(portOption).toUInt(&portOk);
    const int delay = parser.value(delayOption).toInt(&delayOk);
    const int words = parser.isSet(wordsOption) ? parser.value(wordsOption).toInt(&wordsOk) : -1;
    if (!portOk || port > 65535 || !delayOk || delay < 0 || !wordsOk
        || (parser.isSet(wordsOption) && words < 0)) {
        std::fprintf(stderr, "llmo-mock-provider: bad argument (see --help)\n");
        return 2;
    }

    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalPipe) != 0) {
        std::perror("llmo-mock-provider: socketpair");
        return 1;
    }
    QSocketNotifier notifier(g_signalPipe[0], QSocketNotifier::Read);
    QObject::connect(&notifier, &QSocketNotifier::activated, &app, [] {
        char byte = 0;
        [[maybe_unused]] const ssize_t n = ::read(g_signalPipe[0], &byte, 1);
        QCoreApplication::quit();
    });
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGTERM, &action, nullptr);
    sigaction(SIGINT, &action, nullptr);

    MockProvider provider(parser.value(nameOption));
    MockProvider::Behavior behavior;
    behavior.chunkDelayMs = delay;
    if (words >= 0) {
        behavior.text = wordsText(words);
        behavior.completionTokens = words;
    }
    provider.setDefaultBehavior(behavior);
    if (!provider.listen(quint16(port))) {
        std::fprintf(stderr, "llmo-mock-provider: cannot listen on 127.0.0.1:%u\n", port);
        return 3;
    }
    std::printf("listening %u\n", unsigned(provider.port()));
    std::fflush(stdout);
    return app.exec();
}
