#include "engineclient.h"

#include "engine.h"
#include "store/logwriter.h"

#include <QCoreApplication>

EngineClient::EngineClient(Engine *engine, LogWriter *logWriter, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
{
    qRegisterMetaType<std::shared_ptr<const GatewayConfig>>();
    qRegisterMetaType<CircuitState>();
    qRegisterMetaType<QList<RequestLogRecord>>();
    // The senders live in other threads: these connections are queued, so the re-emitted
    // signals arrive in the GUI thread.
    connect(engine->configService(), &ConfigService::configChanged, this,
            &EngineClient::configChanged);
    connect(engine->healthRegistry(), &HealthRegistry::routeStateChanged, this,
            &EngineClient::routeStateChanged);
    connect(engine->healthRegistry(), &HealthRegistry::attemptRecorded, this,
            &EngineClient::attemptRecorded);
    connect(engine, &Engine::pausedChanged, this, [this](bool paused) {
        if (m_paused == paused)
            return;
        m_paused = paused;
        Q_EMIT pausedChanged(paused);
    });
    if (logWriter)
        connect(logWriter, &LogWriter::rowsWritten, this, &EngineClient::rowsLogged);
}

std::shared_ptr<const GatewayConfig> EngineClient::config() const
{
    return m_engine ? m_engine->configService()->snapshot()
                    : std::make_shared<const GatewayConfig>();
}

void EngineClient::setPaused(bool paused)
{
    if (Engine *engine = m_engine)
        QMetaObject::invokeMethod(
            engine, [engine, paused] { engine->setPaused(paused); }, Qt::QueuedConnection);
}

void EngineClient::post(Task task)
{
    Engine *engine = m_engine;
    if (!engine)
        return;
    QPointer<EngineClient> self(this);
    QMetaObject::invokeMethod(
        engine,
        [engine, self, task = std::move(task)] {
            std::function<void()> then = task(*engine);
            // Back to the GUI thread through the application object, which outlives this
            // client; whether the client still exists is checked there, where it is deleted.
            QMetaObject::invokeMethod(
                QCoreApplication::instance(),
                [self, then = std::move(then)] {
                    if (self)
                        then();
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

ConfigService *EngineClient::configOf(Engine &engine)
{
    return engine.configService();
}

HealthRegistry *EngineClient::healthOf(Engine &engine)
{
    return engine.healthRegistry();
}
