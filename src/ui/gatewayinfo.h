#pragma once

#include <QString>

// Facts about the running gateway that the window shows and the snippets use; set once by
// the app after the engine started.
struct GatewayInfo
{
    QString endpointUrl; // "http://127.0.0.1:8640"
    QString bindAddress; // as listening now, e.g. "127.0.0.1"
    quint16 port = 0; // as listening now
    QString dataDir;
    QString databaseUrl;
    QString adminToken;
    // The plaintext of the access key the engine created at this start because none existed;
    // the only time the app knows one. Empty otherwise.
    QString createdAccessKey;
};
