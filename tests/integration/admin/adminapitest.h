#pragma once

#include "adminclient.h"

#include <QByteArray>
#include <QDateTime>
#include <QObject>
#include <QTemporaryDir>

#include <memory>

class Engine;
class StoreThread;

// The admin REST API over real loopback HTTP: an Engine started in the test thread on an
// ephemeral port with a real SQLite file, the request-log writer in its store thread. The
// test functions are spread over tst_integration_admin.cpp (setup, access), adminconfigtests.cpp
// (providers, models, access keys), admintransfertests.cpp (export/import) and
// adminlogtests.cpp (logs, health).
class TestAdminApi final : public QObject
{
    Q_OBJECT

public:
    TestAdminApi();
    ~TestAdminApi() override;

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanupTestCase();

    void access_data();
    void access();
    void methodNotAllowed_data();
    void methodNotAllowed();
    void unknownAdminPath();

    void providersCrud();
    void providerValidation_data();
    void providerValidation();
    void modelsCrud();
    void modelValidation_data();
    void modelValidation();
    void accessKeys();
    void accessKeyValidation_data();
    void accessKeyValidation();

    void exportWithoutSecrets();
    void importExportLossless();
    void importMerge();
    void importValidation_data();
    void importValidation();

    void logsFilters_data();
    void logsFilters();
    void logsPagination();
    void logsRowShape();
    void logsValidation_data();
    void logsValidation();

    void health();

private:
    void enqueueLogRows();
    AdminClient &client() { return *m_client; }

    // The configuration every test starts from (init() imports it).
    static const QByteArray baseConfig;

    QTemporaryDir m_dir;
    std::unique_ptr<StoreThread> m_store;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<AdminClient> m_client;
    bool m_logsEnqueued = false;
    QDateTime m_logBase;
};
