#pragma once

#include <QObject>

class QSocketNotifier;

// Turns SIGINT and SIGTERM into a Qt signal in the main thread. A signal handler may only do
// async-signal-safe work, so it writes one byte to a socketpair; a QSocketNotifier reads it in
// the event loop (the pattern Qt's documentation recommends for Unix signals).
class UnixSignals final : public QObject
{
    Q_OBJECT

public:
    explicit UnixSignals(QObject *parent = nullptr);
    ~UnixSignals() override;

Q_SIGNALS:
    void terminationRequested();

private:
    QSocketNotifier *m_notifier = nullptr;
};
