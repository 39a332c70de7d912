#include "admintoken.h"

#include <QFile>
#include <QRandomGenerator>
#include <QSaveFile>

QString AdminToken::filePath(const QString &dataDir)
{
    return dataDir + QStringLiteral("/admin-token");
}

QString AdminToken::resolve(const QString &dataDir, const QString &fromEnvironment, QString *error)
{
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    const QString path = filePath(dataDir);
    QFile existing(path);
    if (existing.open(QIODevice::ReadOnly)) {
        const QString token = QString::fromUtf8(existing.readAll()).trimmed();
        if (!token.isEmpty())
            return token;
    }
    QByteArray random(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(random.data()),
                                          random.size() / int(sizeof(quint32)));
    const QString token = QStringLiteral("llmo-admin-")
        + QString::fromLatin1(random.toBase64(QByteArray::Base64UrlEncoding
                                              | QByteArray::OmitTrailingEquals));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)
        || !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)
        || file.write(token.toUtf8() + '\n') < 0 || !file.commit()) {
        if (error)
            *error = QStringLiteral("Cannot write the admin token to %1: %2")
                         .arg(path, file.errorString());
        return {};
    }
    return token;
}
