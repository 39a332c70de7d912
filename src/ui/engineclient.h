#pragma once

#include "config/configservice.h"
#include "routing/healthregistry.h"
#include "store/requestlogrecord.h"

#include <QMetaObject>
#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>

class Engine;
class LogWriter;

Q_DECLARE_METATYPE(std::shared_ptr<const GatewayConfig>)

// The GUI's only door to the engine (DESIGN.md "Threads"). The engine's services live in the
// engine thread; widgets never call them directly. Reads of the configuration use the
// thread-safe snapshot; everything else runs as a queued call in the engine thread, and its
// result comes back as a queued call in the GUI thread, so a busy GUI never stalls a request
// and a slow config write never freezes the window. Engine signals are re-emitted here in the
// GUI thread.
class EngineClient final : public QObject
{
    Q_OBJECT

public:
    EngineClient(Engine *engine, LogWriter *logWriter, QObject *parent = nullptr);

    // The current configuration; thread-safe, never blocks.
    std::shared_ptr<const GatewayConfig> config() const;

    // Runs `work` with the ConfigService in the engine thread, then `done` with its result in
    // the GUI thread (not called if this object is gone by then).
    template<typename Result>
    void withConfig(std::function<Result(ConfigService &)> work, std::function<void(Result)> done)
    {
        post([work = std::move(work), done = std::move(done)](Engine &engine) {
            Result result = work(*configOf(engine));
            return [done, result]() mutable { done(std::move(result)); };
        });
    }

    // Pause: the gateway answers LLM requests 503 until resumed (requests in flight go on).
    // Runs in the engine thread; pausedChanged() reports the new state back.
    void setPaused(bool paused);
    // The state last reported by the engine (false until it says otherwise).
    bool isPaused() const { return m_paused; }

    // The same with the HealthRegistry.
    template<typename Result>
    void withHealth(std::function<Result(HealthRegistry &)> work, std::function<void(Result)> done)
    {
        post([work = std::move(work), done = std::move(done)](Engine &engine) {
            Result result = work(*healthOf(engine));
            return [done, result]() mutable { done(std::move(result)); };
        });
    }

Q_SIGNALS:
    void configChanged(std::shared_ptr<const GatewayConfig> config);
    void routeStateChanged(const QString &routeKey, CircuitState state);
    void attemptRecorded(const QString &routeKey);
    void rowsLogged(const QList<RequestLogRecord> &rows);
    void pausedChanged(bool paused);

private:
    // Runs in the engine thread and returns what to run afterwards in the GUI thread.
    using Task = std::function<std::function<void()>(Engine &)>;
    void post(Task task);
    static ConfigService *configOf(Engine &engine);
    static HealthRegistry *healthOf(Engine &engine);

    QPointer<Engine> m_engine;
    bool m_paused = false;
};
