#include "config/accesskeys.h"

#include <QCryptographicHash>
#include <QRandomGenerator>

#include <algorithm>

namespace AccessKeys {

QString hash(const QString &plaintext)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(plaintext.toUtf8(), QCryptographicHash::Sha256).toHex());
}

QString prefix(const QString &plaintext)
{
    return plaintext.left(std::min<qsizetype>(12, plaintext.size() / 2));
}

QString generate()
{
    static const QLatin1String alphabet(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789");
    QString key = QStringLiteral("sk-llmo-");
    QRandomGenerator *random = QRandomGenerator::system();
    for (int i = 0; i < 40; ++i)
        key.append(alphabet.at(random->bounded(int(alphabet.size()))));
    return key;
}

bool isHash(const QString &text)
{
    if (text.size() != 64)
        return false;
    return std::all_of(text.cbegin(), text.cend(), [](QChar c) {
        return (c >= QLatin1Char('0') && c <= QLatin1Char('9'))
            || (c >= QLatin1Char('a') && c <= QLatin1Char('f'))
            || (c >= QLatin1Char('A') && c <= QLatin1Char('F'));
    });
}

} // namespace AccessKeys
