#pragma once

#include <QList>
#include <QString>

// The user-interface languages and the loading of their translations: the application's
// own (embedded .qm, compiled from translations/*.ts) and Qt's (standard dialog buttons).
namespace Translations {

struct Language
{
    QString code; // "" follows the system; otherwise a locale name ("en", "zh_CN")
    QString name; // in its own language ("English", "简体中文"); "System" translated
};

// The choices for the language setting, "System" first.
QList<Language> available();

// The locale name that `code` stands for: the system's UI language for "", else `code`.
QString resolve(const QString &code);

// Replaces the installed translators with those for `code` ("" = system): the application's
// (for English only its plural forms) and Qt's. Returns false when the application has no
// translation for that language (nothing is installed then). Needs a QCoreApplication.
bool install(const QString &code);

} // namespace Translations
