#pragma once

#include <QObject>
#include <QString>

class QLocalServer;

// One running application per user and data directory (issue 4): the first launch listens on
// a local socket; a later launch connects, asks it to raise its window and exits.
class SingleInstance final : public QObject
{
    Q_OBJECT

public:
    // `key` tells instances apart (e.g. the data directory): launches with the same key share
    // one instance.
    explicit SingleInstance(const QString &key, QObject *parent = nullptr);
    ~SingleInstance() override;

    // True when this process is the only instance; it then listens for later launches.
    // False when another instance runs: it has been asked to show itself.
    bool claim();

    // The local socket name used for `key`.
    static QString serverName(const QString &key);

Q_SIGNALS:
    // A later launch asked this instance to show its window.
    void activationRequested();

private:
    QString m_name;
    QLocalServer *m_server = nullptr;
};
