#pragma once

#include "routing/circuitbreaker.h"

#include <QHostAddress>
#include <QString>

// Everything the engine needs to start, resolved by the app from the command line,
// environment and settings (DESIGN.md "Command line and environment").
struct EngineSettings
{
    QHostAddress bindAddress = QHostAddress::LocalHost;
    quint16 port = 8640;
    QString dataDir;
    QString databaseUrl;
    QString adminToken;
    QString importFile; // --import: replaces providers/models/keys at start
    QString ensureAccessKey; // LLMO_API_KEY
    qint64 maxBodyBytes = 32 * 1024 * 1024;
    // Request-log rows older than this many days are purged (LogRetention); 0 keeps them forever.
    int logRetentionDays = 30;
    CircuitBreakerSettings breaker;
};

// How start() went. exitCode follows DESIGN.md: 0 ok, 2 bad config, 3 port in use.
struct EngineStartResult
{
    bool ok = false;
    int exitCode = 0;
    QString message;
    quint16 port = 0;
    QString createdAccessKey; // plaintext of a key created because none existed; shown once
};
