#include "translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

#include <memory>
#include <vector>

namespace {

// The translators installed now; replaced as a whole by install().
std::vector<std::unique_ptr<QTranslator>> &installed()
{
    static std::vector<std::unique_ptr<QTranslator>> translators;
    return translators;
}

} // namespace

namespace Translations {

QList<Language> available()
{
    return {
        { QString(), QCoreApplication::translate("Translations", "System") },
        { QStringLiteral("en"), QStringLiteral("English") },
        { QStringLiteral("zh_CN"), QStringLiteral("简体中文") },
    };
}

QString resolve(const QString &code)
{
    if (!code.isEmpty())
        return code;
    const QStringList languages = QLocale::system().uiLanguages();
    for (const QString &language : languages) {
        QString name = language;
        name.replace(QLatin1Char('-'), QLatin1Char('_'));
        if (name.startsWith(QLatin1String("zh")))
            return QStringLiteral("zh_CN");
        if (name.startsWith(QLatin1String("en")))
            return QStringLiteral("en");
    }
    return QStringLiteral("en");
}

bool install(const QString &code)
{
    auto &translators = installed();
    for (const auto &translator : translators)
        QCoreApplication::removeTranslator(translator.get());
    translators.clear();

    const QString locale = resolve(code);
    QLocale::setDefault(QLocale(locale));
    // English needs its file too: it holds the plural forms ("1 model", "2 models").
    auto own = std::make_unique<QTranslator>();
    if (!own->load(QStringLiteral(":/i18n/llm-orchestrator_") + locale + QStringLiteral(".qm")))
        return false;
    QCoreApplication::installTranslator(own.get());
    translators.push_back(std::move(own));

    // Qt's own strings (standard buttons of message boxes and dialogs), when installed.
    auto qt = std::make_unique<QTranslator>();
    if (locale != QLatin1String("en")
        && qt->load(QStringLiteral("qtbase_") + locale,
                    QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt.get());
        translators.push_back(std::move(qt));
    }
    return true;
}

} // namespace Translations
