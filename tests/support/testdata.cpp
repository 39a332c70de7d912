#include "testdata.h"

#include <QDir>
#include <QFile>
#include <QtDebug>

namespace testdata {
QString dir()
{
    const QString fromEnv = qEnvironmentVariable("LLMO_TEST_DATA");
    return fromEnv.isEmpty() ? QStringLiteral(LLMO_TEST_DATA_DIR) : fromEnv;
}

QString path(const QString &relative)
{
    return QDir(dir()).filePath(relative);
}

QByteArray read(const QString &relative)
{
    QFile file(path(relative));
    if (!file.open(QIODevice::ReadOnly)) {
        qWarning().noquote() << "cannot read test data" << file.fileName() << file.errorString();
        return {};
    }
    return file.readAll();
}
} // namespace testdata
