// llmo-bench-floor: see floorforwarder.h and docs/benchmarks.md.
//
// Threads as in the gateway: the HTTP server and the upstream managers live in one non-main
// thread with its own event loop (the gateway's engine thread); the main thread only waits.
// Each QNetworkAccessManager runs its HTTP connections in a thread of its own, in both.

#include "floorforwarder.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QThread>
#include <QUrl>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("llmo-bench-floor"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Forwards every POST /v1/chat/completions body unchanged to one upstream URL with "
        "QNetworkAccessManager: the floor under the gateway's latency."));
    parser.addHelpOption();
    const QCommandLineOption portOption(QStringLiteral("port"),
                                        QStringLiteral("Port on 127.0.0.1 (0: any free port)."),
                                        QStringLiteral("port"), QStringLiteral("0"));
    const QCommandLineOption upstreamOption(
        QStringLiteral("upstream"),
        QStringLiteral("Upstream URL every request goes to, e.g. "
                       "http://127.0.0.1:8080/v1/chat/completions."),
        QStringLiteral("url"));
    parser.addOption(portOption);
    parser.addOption(upstreamOption);
    parser.process(app);

    bool portOk = false;
    const uint port = parser.value(portOption).toUInt(&portOk);
    const QUrl upstream(parser.value(upstreamOption), QUrl::StrictMode);
    if (!portOk || port > 65535) {
        std::fprintf(stderr, "invalid --port\n");
        return 2;
    }
    if (!upstream.isValid() || upstream.scheme().isEmpty() || upstream.host().isEmpty()) {
        std::fprintf(stderr, "--upstream needs an absolute URL\n");
        return 2;
    }

    QThread thread;
    thread.setObjectName(QStringLiteral("floor"));
    QObject anchor; // the forwarder is created inside the thread, as the child of this
    anchor.moveToThread(&thread);
    thread.start();

    QString error;
    quint16 listening = 0;
    QMetaObject::invokeMethod(
        &anchor,
        [&] {
            auto *forwarder = new FloorForwarder(upstream, &anchor);
            if (forwarder->listen(quint16(port), &error))
                listening = forwarder->port();
            else
                delete forwarder;
        },
        Qt::BlockingQueuedConnection);
    if (!listening) {
        std::fprintf(stderr, "cannot listen on 127.0.0.1:%u: %s\n", port, qUtf8Printable(error));
        thread.quit();
        thread.wait();
        return 1;
    }
    // The same line as llmo-mock-provider, for scripts that start it with --port 0.
    std::printf("listening %u\n", unsigned(listening));
    std::fflush(stdout);
    const int rc = app.exec();
    QMetaObject::invokeMethod(
        &anchor, [&] { qDeleteAll(anchor.children()); }, Qt::BlockingQueuedConnection);
    thread.quit();
    thread.wait();
    return rc;
}
