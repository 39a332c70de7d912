#include "demodata.h"

#include "config/configjson.h"
#include "config/configservice.h"
#include "engine.h"
#include "enginehost.h"
#include "logspage.h"
#include "logtablemodel.h"
#include "mainwindow.h"
#include "routing/healthregistry.h"
#include "routing/routingtable.h"
#include "store/database.h"
#include "store/requestlogsql.h"

#include <QApplication>
#include <QCoreApplication>
#include <QItemSelectionModel>
#include <QMetaObject>
#include <QPalette>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTableView>
#include <QTimer>
#include <QVariant>

#include <algorithm>
#include <cmath>

namespace {

// How a provider behaves: time to response headers, generation speed, background failures.
struct ProviderProfile
{
    const char *name;
    WireProtocol type;
    const char *baseUrl;
    double headerMs; // median
    double tokensPerSecond;
    double errorRate; // outside incidents
};

const ProviderProfile profiles[] = {
    { "openai", WireProtocol::OpenAiChat, "https://api.openai.com/v1", 420, 85, 0.006 },
    { "anthropic", WireProtocol::Anthropic, "https://api.anthropic.com", 650, 70, 0.01 },
    { "gemini", WireProtocol::Gemini, "https://generativelanguage.googleapis.com", 520, 140,
      0.008 },
    { "openrouter", WireProtocol::OpenAiChat, "https://openrouter.ai/api/v1", 780, 65, 0.012 },
    { "deepseek", WireProtocol::OpenAiChat, "https://api.deepseek.com/v1", 900, 45, 0.015 },
    { "ollama", WireProtocol::OpenAiChat, "http://127.0.0.1:11434/v1", 160, 38, 0.002 },
};

struct DemoRoute
{
    const char *provider;
    const char *upstream;
    int weight;
    int priority;
};

struct DemoModel
{
    const char *name;
    QList<DemoRoute> routes;
};

const QList<DemoModel> &demoModels()
{
    static const QList<DemoModel> models = {
        { "claude-sonnet-4",
          { { "anthropic", "claude-sonnet-4-20250514", 3, 0 },
            { "openrouter", "anthropic/claude-sonnet-4", 1, 0 } } },
        { "gpt-4o", { { "openai", "gpt-4o", 4, 0 }, { "openrouter", "openai/gpt-4o", 1, 1 } } },
        { "gpt-4o-mini",
          { { "openai", "gpt-4o-mini", 1, 0 }, { "openrouter", "openai/gpt-4o-mini", 1, 1 } } },
        { "gemini-2.5-pro",
          { { "gemini", "gemini-2.5-pro", 1, 0 },
            { "openrouter", "google/gemini-2.5-pro", 1, 1 } } },
        { "gemini-2.5-flash", { { "gemini", "gemini-2.5-flash", 1, 0 } } },
        { "deepseek-chat",
          { { "deepseek", "deepseek-chat", 2, 0 },
            { "openrouter", "deepseek/deepseek-chat", 1, 0 } } },
        { "llama3.1", { { "ollama", "llama3.1:8b", 1, 0 } } },
    };
    return models;
}

// A tool using the gateway: which key, protocol and models, and how big its requests are.
struct DemoClient
{
    const char *key;
    const char *userAgent;
    const char *protocol;
    double share; // of all requests
    double streamShare;
    QList<QPair<const char *, double>> models; // name, share
    double inputMedian;
    double outputMedian;
    double cachedShare; // of input tokens, when the prompt cache hits
    double clientErrorRate; // requests the upstream refuses as invalid (not failed over)
    const char *clientError;
};

const QList<DemoClient> &demoClients()
{
    static const QList<DemoClient> clients = {
        { "claude-code",
          "claude-cli/1.0.83 (external, cli)",
          "anthropic",
          0.38,
          1.0,
          { { "claude-sonnet-4", 0.8 }, { "deepseek-chat", 0.12 }, { "gemini-2.5-pro", 0.08 } },
          18000,
          650,
          0.7,
          0.004,
          "upstream 400: invalid_request_error: prompt is too long: 204512 tokens > 200000 "
          "maximum" },
        { "codex",
          "codex_cli_rs/0.29.0",
          "openai-responses",
          0.24,
          1.0,
          { { "gpt-4o", 0.7 }, { "gpt-4o-mini", 0.3 } },
          9000,
          900,
          0.5,
          0.003,
          "upstream 400: context_length_exceeded: Your input exceeds the context window of "
          "this model." },
        { "cursor",
          "Cursor/1.4.5",
          "openai",
          0.16,
          1.0,
          { { "gpt-4o", 0.4 }, { "claude-sonnet-4", 0.45 }, { "gpt-4o-mini", 0.15 } },
          6000,
          500,
          0.3,
          0.001,
          "upstream 400: invalid_request_error: messages: text content blocks must be "
          "non-empty" },
        { "scripts",
          "OpenAI/Python 1.99.1",
          "openai",
          0.14,
          0.25,
          { { "gpt-4o-mini", 0.5 }, { "llama3.1", 0.3 }, { "deepseek-chat", 0.2 } },
          1200,
          300,
          0.0,
          0.006,
          "upstream 400: invalid_request_error: 'messages' must contain at least one message" },
        { "notebook",
          "google-genai-sdk/1.28.0 gl-python/3.12.3",
          "gemini",
          0.08,
          0.5,
          { { "gemini-2.5-flash", 0.7 }, { "gemini-2.5-pro", 0.3 } },
          3000,
          700,
          0.2,
          0.002,
          "upstream 400: INVALID_ARGUMENT: Request contains an invalid argument." },
    };
    return clients;
}

// A stretch of time in which a provider fails more often than not.
struct Incident
{
    const char *provider;
    double startHoursAgo;
    double hours;
    double failureRate;
    const char *status;
    const char *error;
};

const Incident incidents[] = {
    { "openai", 9 * 24 + 5, 1.5, 0.85, "503",
      "upstream 503: The server is overloaded or not ready yet." },
    { "anthropic", 3 * 24 + 2, 0.7, 0.5, "429",
      "upstream 429: rate_limit_error: Number of request tokens has exceeded your per-minute "
      "rate limit" },
    { "gemini", 16 * 24 + 7, 2, 0.35, "500", "upstream 500: Internal error encountered." },
    { "ollama", 20 * 24 + 12, 14, 1.0, "upstream_error",
      "connect to 127.0.0.1:11434 failed: Connection refused" },
    { "gemini", 5.2, 0.7, 0.6, "429",
      "upstream 429: RESOURCE_EXHAUSTED: Resource has been exhausted (e.g. check quota)." },
    { "deepseek", 0.4, 0.5, 0.75, "timeout", "no response headers within 30000 ms" },
};

const char *const backgroundErrors[][2] = {
    { "503", "upstream 503: Service Unavailable" },
    { "429", "upstream 429: Too Many Requests" },
    { "500", "upstream 500: Internal Server Error" },
    { "timeout", "no response headers within 30000 ms" },
    { "upstream_error", "connection reset by peer" },
};

const ProviderProfile &profileOf(const QString &provider)
{
    for (const ProviderProfile &p : profiles) {
        if (provider == QLatin1String(p.name))
            return p;
    }
    return profiles[0];
}

class Generator
{
public:
    explicit Generator(const DemoDataOptions &options)
        : m_options(options)
        , m_random(options.seed)
        , m_nowMs(options.nowUtc.toMSecsSinceEpoch())
    {
    }

    QList<RequestLogRecord> run()
    {
        QList<RequestLogRecord> rows;
        rows.reserve(m_options.rows + 64);
        while (rows.size() < m_options.rows)
            addTrace(&rows);
        std::sort(
            rows.begin(), rows.end(),
            [](const RequestLogRecord &a, const RequestLogRecord &b) { return a.time < b.time; });
        return rows;
    }

private:
    double uniform() { return m_random.generateDouble(); }
    // A log-normal value with the given median; sigma sets the spread.
    double logNormal(double median, double sigma)
    {
        const double u1 = qMax(1e-12, uniform());
        const double u2 = uniform();
        constexpr double pi = 3.14159265358979323846;
        const double normal = std::sqrt(-2 * std::log(u1)) * std::cos(2 * pi * u2);
        return median * std::exp(sigma * normal);
    }

    // Busy on weekday working hours, quiet at night and on weekends (local time).
    qint64 sampleTime()
    {
        const qint64 spanMs = qint64(m_options.days) * 24 * 3600 * 1000;
        for (;;) {
            const qint64 t = m_nowMs - qint64(uniform() * double(spanMs));
            const QDateTime local = QDateTime::fromMSecsSinceEpoch(t).toLocalTime();
            static const double hourWeight[24]
                = { 0.08, 0.05, 0.04, 0.04, 0.05, 0.08, 0.15, 0.35, 0.7,  0.95, 1.0, 1.0,
                    0.75, 0.85, 1.0,  1.0,  0.95, 0.8,  0.55, 0.45, 0.45, 0.4,  0.3, 0.15 };
            double weight = hourWeight[local.time().hour()];
            if (local.date().dayOfWeek() >= 6)
                weight *= 0.3;
            // The last hours are busier: someone is at work right now.
            if (m_nowMs - t < 3 * 3600 * 1000)
                weight = qMax(weight, 0.8);
            if (uniform() < weight)
                return t;
        }
    }

    template<typename T> const T &pick(const QList<T> &items, double T::*share)
    {
        double r = uniform();
        for (const T &item : items) {
            r -= item.*share;
            if (r <= 0)
                return item;
        }
        return items.constLast();
    }

    const char *pickModel(const DemoClient &client)
    {
        double r = uniform();
        for (const auto &[name, share] : client.models) {
            r -= share;
            if (r <= 0)
                return name;
        }
        return client.models.constLast().first;
    }

    // The routes in the order the router would try them: by priority, then weighted random.
    QList<DemoRoute> plan(const DemoModel &model)
    {
        QList<DemoRoute> remaining = model.routes;
        QList<DemoRoute> order;
        while (!remaining.isEmpty()) {
            int tier = remaining.first().priority;
            for (const DemoRoute &r : remaining)
                tier = qMin(tier, r.priority);
            double total = 0;
            for (const DemoRoute &r : remaining)
                total += r.priority == tier ? r.weight : 0;
            double at = uniform() * total;
            int chosen = 0;
            for (int i = 0; i < remaining.size(); ++i) {
                if (remaining.at(i).priority != tier)
                    continue;
                chosen = i;
                at -= remaining.at(i).weight;
                if (at <= 0)
                    break;
            }
            order.append(remaining.takeAt(chosen));
        }
        return order;
    }

    const Incident *incidentAt(const QString &provider, qint64 t) const
    {
        for (const Incident &incident : incidents) {
            const qint64 start = m_nowMs - qint64(incident.startHoursAgo * 3600 * 1000);
            const qint64 end = start + qint64(incident.hours * 3600 * 1000);
            if (provider == QLatin1String(incident.provider) && t >= start && t < end)
                return &incident;
        }
        return nullptr;
    }

    void addTrace(QList<RequestLogRecord> *rows)
    {
        const DemoClient &client = pick(demoClients(), &DemoClient::share);
        const char *modelName = pickModel(client);
        const DemoModel *model = nullptr;
        for (const DemoModel &m : demoModels()) {
            if (QLatin1String(m.name) == QLatin1String(modelName))
                model = &m;
        }
        qint64 t = sampleTime();
        RequestLogRecord base;
        base.traceId
            = QString::number(m_random.generate64(), 16).rightJustified(16, QLatin1Char('0'))
            + QString::number(m_random.generate64(), 16).rightJustified(16, QLatin1Char('0'));
        base.accessKey = QLatin1String(client.key);
        base.protocol = QLatin1String(client.protocol);
        base.model = QLatin1String(modelName);
        base.stream = uniform() < client.streamShare;
        base.userAgent = QLatin1String(client.userAgent);
        base.bytesIn = qint64(logNormal(client.inputMedian * 3.6, 0.6));

        // While every route of the model is down, the gateway refuses before any attempt.
        const QList<DemoRoute> order = plan(*model);
        bool allDown = true;
        for (const DemoRoute &route : order) {
            const Incident *incident = incidentAt(QLatin1String(route.provider), t);
            allDown = allDown && incident && incident->failureRate >= 1.0;
        }
        if (allDown && uniform() < 0.6) {
            RequestLogRecord r = base;
            r.time = QDateTime::fromMSecsSinceEpoch(t, Qt::UTC);
            r.attempt = 0;
            r.status = QStringLiteral("503");
            r.error = QStringLiteral("no usable route for %1: every route's circuit is open")
                          .arg(base.model);
            r.totalMs = 0;
            rows->append(r);
            return;
        }

        const int maxAttempts = qMin(3, int(order.size()) + 1);
        for (int attempt = 1; attempt <= maxAttempts; ++attempt) {
            const DemoRoute &route = order.at((attempt - 1) % order.size());
            const QString provider = QLatin1String(route.provider);
            const ProviderProfile &profile = profileOf(provider);
            RequestLogRecord r = base;
            r.time = QDateTime::fromMSecsSinceEpoch(t, Qt::UTC);
            r.provider = provider;
            r.upstreamModel = QLatin1String(route.upstream);
            r.attempt = attempt;
            // An invalid request fails the same everywhere: the gateway passes the 400 on.
            if (attempt == 1 && uniform() < client.clientErrorRate) {
                r.status = QStringLiteral("400");
                r.error = QLatin1String(client.clientError);
                r.headerMs = logNormal(profile.headerMs * 0.4, 0.3);
                r.totalMs = r.headerMs + 3;
                rows->append(r);
                return;
            }
            const Incident *incident = incidentAt(provider, t);
            const bool failed = uniform() < (incident ? incident->failureRate : profile.errorRate);
            if (failed) {
                const char *const *background = backgroundErrors[m_random.bounded(5)];
                r.status = QLatin1String(incident ? incident->status : background[0]);
                r.error = QLatin1String(incident ? incident->error : background[1]);
                const bool timeout = r.status == QLatin1String("timeout");
                const bool refused = r.status == QLatin1String("upstream_error");
                r.headerMs = timeout || refused ? -1 : logNormal(profile.headerMs * 0.5, 0.4);
                r.totalMs = timeout ? 30000 + uniform() * 40
                    : refused       ? logNormal(3, 0.5)
                                    : r.headerMs + 2;
                r.bytesOut = 0;
                rows->append(r);
                t += qint64(r.totalMs) + 5;
                if (attempt == maxAttempts)
                    return; // failed in the end: the client got the last error
                continue;
            }
            r.status = QStringLiteral("200");
            const double input = qMax(20.0, logNormal(client.inputMedian, 0.9));
            const double output = qMax(1.0, logNormal(client.outputMedian, 0.8));
            r.inputTokens = qint64(input);
            r.outputTokens = qint64(output);
            r.cachedTokens = uniform() < 0.75 ? qint64(input * client.cachedShare * uniform()) : 0;
            r.headerMs = logNormal(profile.headerMs, 0.35);
            const double generation = output / logNormal(profile.tokensPerSecond, 0.25) * 1000;
            if (r.stream)
                r.ttftMs = r.headerMs + logNormal(120, 0.5);
            r.totalMs = r.headerMs + generation;
            r.bytesOut = qint64(output * (r.stream ? 38 : 5) + 400);
            rows->append(r);
            return;
        }
    }

    DemoDataOptions m_options;
    QRandomGenerator m_random;
    qint64 m_nowMs;
};

bool isFresh(const QString &connection, QString *message)
{
    QSqlQuery query(QSqlDatabase::database(connection));
    if (!query.exec(QStringLiteral("SELECT (SELECT count(*) FROM providers)"
                                   " + (SELECT count(*) FROM request_log)"))
        || !query.next()) {
        *message = query.lastError().text();
        return false;
    }
    if (query.value(0).toLongLong() > 0) {
        *message = QStringLiteral("--demo-data fills a fresh data dir only, and this one holds "
                                  "providers or request logs: pass an empty --data-dir");
        return false;
    }
    return true;
}

bool writeRows(const QString &connection, const QList<RequestLogRecord> &rows, QString *message)
{
    QSqlDatabase db = QSqlDatabase::database(connection);
    constexpr int batch = 5000;
    for (qsizetype first = 0; first < rows.size(); first += batch) {
        if (!db.transaction()) {
            *message = db.lastError().text();
            return false;
        }
        QSqlQuery insert(db);
        insert.prepare(RequestLogSql::insertStatement());
        for (qsizetype i = first; i < qMin(rows.size(), first + batch); ++i) {
            RequestLogSql::bindInsert(insert, rows.at(i));
            if (!insert.exec()) {
                *message = insert.lastError().text();
                db.rollback();
                return false;
            }
        }
        if (!db.commit()) {
            *message = db.lastError().text();
            return false;
        }
    }
    return true;
}

// On the log, selects the newest request that failed over, so the detail pane shows a
// timeline of several attempts; tries again while the first page is still on its way.
void selectFailover(MainWindow *window, int tries)
{
    auto *logs = qobject_cast<LogsPage *>(window->page(MainWindow::Page::Logs));
    if (!logs)
        return;
    LogTableModel *model = logs->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex status = model->index(row, LogTableModel::StatusColumn);
        const QString text = status.data().toString();
        if (text.startsWith(QLatin1Char('2')) && text.contains(QStringLiteral("·"))) {
            logs->table()->selectionModel()->setCurrentIndex(
                status, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
            logs->table()->scrollTo(status, QAbstractItemView::PositionAtCenter);
            return;
        }
    }
    if (tries < 20)
        QTimer::singleShot(100, window, [window, tries] { selectFailover(window, tries + 1); });
}

} // namespace

namespace DemoData {

GatewayConfig config()
{
    GatewayConfig config;
    for (const ProviderProfile &p : profiles) {
        ProviderConfig provider;
        provider.name = QLatin1String(p.name);
        provider.type = p.type;
        provider.baseUrl = QLatin1String(p.baseUrl);
        if (provider.name != QLatin1String("ollama"))
            provider.apiKeys = { QStringLiteral("sk-demo-%1-not-a-real-key").arg(provider.name) };
        provider.timeoutMs = 30000;
        provider.probe.intervalS = 0; // fake keys: do not probe the real services
        config.providers.append(provider);
    }
    for (const DemoModel &m : demoModels()) {
        ModelConfig model;
        model.name = QLatin1String(m.name);
        for (const DemoRoute &r : m.routes) {
            RouteConfig route;
            route.provider = QLatin1String(r.provider);
            route.upstreamModel = QLatin1String(r.upstream);
            route.weight = r.weight;
            route.priority = r.priority;
            model.routes.append(route);
        }
        config.models.append(model);
    }
    return config;
}

QList<RequestLogRecord> requestRows(const DemoDataOptions &options)
{
    return Generator(options).run();
}

bool fill(const QString &url, const DemoDataOptions &options, QString *message)
{
    const QString connection = QStringLiteral("demo-data");
    if (!Database::open(connection, url, message))
        return false;
    bool ok = isFresh(connection, message);
    if (ok) {
        ConfigService service(url);
        ConfigError error;
        ok = service.load(&error)
            && service.importJson(ConfigJson::toJson(config(), true),
                                  ConfigService::ImportMode::Replace, &error);
        for (const DemoClient &client : demoClients()) {
            ok = ok
                && service
                       .createAccessKey(
                           QLatin1String(client.key),
                           QStringLiteral("sk-llmo-demo-%1").arg(QLatin1String(client.key)), &error)
                       .has_value();
        }
        if (!ok)
            *message = error.message;
    }
    QList<RequestLogRecord> rows;
    if (ok) {
        rows = requestRows(options);
        ok = writeRows(connection, rows, message);
    }
    Database::close(connection);
    if (ok)
        *message = QStringLiteral("Demo data: %1 providers, %2 models, %3 access keys, %4 request "
                                  "log rows over %5 days")
                       .arg(config().providers.size())
                       .arg(config().models.size())
                       .arg(demoClients().size())
                       .arg(rows.size())
                       .arg(options.days);
    return ok;
}

void warmHealth(EngineHost *host, const QString &url)
{
    struct Attempt
    {
        QString key;
        AttemptResult result;
    };
    QList<Attempt> attempts;
    const QString connection = QStringLiteral("demo-health");
    QString error;
    if (!Database::open(connection, url, &error))
        return;
    {
        QSqlQuery query(QSqlDatabase::database(connection));
        query.prepare(QStringLiteral("SELECT model, provider, upstream_model, status, error,"
                                     " total_ms FROM request_log WHERE time_ms >= ? AND attempt > 0"
                                     " ORDER BY time_ms, id"));
        query.addBindValue(QDateTime::currentMSecsSinceEpoch() - 3600 * 1000);
        if (query.exec()) {
            while (query.next()) {
                Attempt a;
                a.key = RoutingTable::routeKey(query.value(0).toString(), query.value(1).toString(),
                                               query.value(2).toString());
                const QString status = query.value(3).toString();
                a.result.success = status.startsWith(QLatin1Char('2'));
                a.result.httpStatus = status.toInt();
                a.result.error = query.value(4).toString();
                a.result.latencyMs = qint64(query.value(5).toDouble());
                attempts.append(a);
            }
        }
    }
    Database::close(connection);
    Engine *engine = host->engine();
    QMetaObject::invokeMethod(
        engine,
        [engine, attempts] {
            HealthRegistry *health = engine->healthRegistry();
            for (const Attempt &a : attempts) {
                if (health->tryAcquire(a.key))
                    health->record(a.key, a.result);
            }
            for (const ProviderProfile &p : profiles) {
                const QString provider = QLatin1String(p.name);
                const bool ok = provider != QLatin1String("deepseek");
                health->recordProbe(provider, ok,
                                    ok ? QString() : QStringLiteral("timeout after 30000 ms"),
                                    ok ? qint64(p.headerMs * 0.6) : -1);
            }
        },
        Qt::BlockingQueuedConnection);
}

bool captureWhenReady(MainWindow *window, const QString &page, const QString &file)
{
    static const QStringList pages
        = { QStringLiteral("dashboard"), QStringLiteral("providers"), QStringLiteral("models"),
            QStringLiteral("health"),    QStringLiteral("logs"),      QStringLiteral("settings") };
    const int index = int(pages.indexOf(page));
    if (index < 0)
        return false;
    // LLMO_SCREENSHOT_PALETTE=dark: the same window on a dark palette (Fusion's roles), to
    // see that every colour follows the palette.
    if (qEnvironmentVariable("LLMO_SCREENSHOT_PALETTE") == QLatin1String("dark")) {
        QPalette dark;
        dark.setColor(QPalette::Window, QColor(0x2b, 0x2d, 0x31));
        dark.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
        dark.setColor(QPalette::Base, QColor(0x1f, 0x21, 0x24));
        dark.setColor(QPalette::AlternateBase, QColor(0x26, 0x28, 0x2c));
        dark.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
        dark.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9d, 0xa3));
        dark.setColor(QPalette::Button, QColor(0x35, 0x37, 0x3c));
        dark.setColor(QPalette::ButtonText, QColor(0xe6, 0xe6, 0xe6));
        dark.setColor(QPalette::Mid, QColor(0x4a, 0x4d, 0x53));
        dark.setColor(QPalette::Highlight, QColor(0x3b, 0x7d, 0xd8));
        dark.setColor(QPalette::HighlightedText, Qt::white);
        dark.setColor(QPalette::ToolTipBase, QColor(0x1f, 0x21, 0x24));
        dark.setColor(QPalette::ToolTipText, QColor(0xe6, 0xe6, 0xe6));
        dark.setColor(QPalette::Disabled, QPalette::Text, QColor(0x6b, 0x6e, 0x74));
        dark.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x6b, 0x6e, 0x74));
        QApplication::setPalette(dark);
    }
    window->resize(1280, 820);
    QTimer::singleShot(1200, window, [window, index] {
        window->showPage(MainWindow::Page(index));
        if (MainWindow::Page(index) == MainWindow::Page::Logs)
            selectFailover(window, 0);
    });
    QTimer::singleShot(3500, window, [window, file] {
        const bool saved = window->grab().save(file, "PNG");
        QCoreApplication::exit(saved ? 0 : 1);
    });
    return true;
}

} // namespace DemoData
