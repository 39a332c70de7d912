#pragma once

#include "config/configtypes.h"
#include "store/requestlogrecord.h"

#include <QDateTime>
#include <QList>
#include <QString>

class EngineHost;
class MainWindow;

// What --demo-data writes into a fresh data dir.
struct DemoDataOptions
{
    int rows = 50000; // request-log rows (attempts), about; --demo-rows
    int days = 30; // how far back the traffic goes
    quint32 seed = 20261126; // same seed, same data (screenshots stay comparable)
    QDateTime nowUtc = QDateTime::currentDateTimeUtc();
};

// Demo data for trying the desktop app and for the screenshots (--demo-data): six realistic
// providers (OpenAI, Anthropic, Gemini, OpenRouter, DeepSeek, a local Ollama) with fake keys
// and active probes off, models routed across them by priority and weight, access keys for
// typical tools, and a month of request-log rows with a working-hours rhythm, per-provider
// latencies and token counts, occasional errors, a few incidents with failovers (traces of
// several attempts) and requests refused while every route was down.
namespace DemoData {

GatewayConfig config();
// The rows, oldest first, without ids. Deterministic for given options.
QList<RequestLogRecord> requestRows(const DemoDataOptions &options);

// Writes the configuration (through ConfigService, the only write path) and the rows (in
// batched transactions with the store's insert statement) into the database at `url`, which
// must hold no providers and no log rows yet. Runs before the engine starts. *message says
// what was written or why nothing was.
bool fill(const QString &url, const DemoDataOptions &options, QString *message);

// Replays the last hour's attempts of the log into the running engine's health registry and
// records a probe result per provider (DeepSeek's failing), so the Health page shows what a
// gateway that has been serving looks like rather than routes without traffic.
void warmHealth(EngineHost *host, const QString &url);

// For scripts/screenshots.sh (--screenshot-page, --screenshot-out): sizes the window, shows
// `page` ("dashboard", "providers", "models", "health", "logs", "settings") once the data has
// had time to load, writes the window as a PNG to `file` and quits the application. False
// (and nothing scheduled) for an unknown page.
bool captureWhenReady(MainWindow *window, const QString &page, const QString &file);

} // namespace DemoData
