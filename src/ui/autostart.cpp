#include "autostart.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>

#ifdef Q_OS_WIN
#include <QSettings>
#endif

namespace {

#ifdef Q_OS_WIN
const QString RunKey
    = QStringLiteral("HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Run");
const QString RunValue = QStringLiteral("LLM Orchestrator");
#endif

// Quotes an argument for the Exec key of a desktop entry (XDG Desktop Entry spec).
QString quoteExec(const QString &argument)
{
    QString quoted = argument;
    for (const QChar special :
         { QLatin1Char('\\'), QLatin1Char('"'), QLatin1Char('`'), QLatin1Char('$') })
        quoted.replace(special, QStringLiteral("\\") + special);
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QString xmlEscape(const QString &text)
{
    return text.toHtmlEscaped();
}

#ifndef Q_OS_WIN
bool writeFile(const QString &path, const QString &text, QString *error)
{
    if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
        *error
            = QCoreApplication::translate("Autostart", "Cannot create the folder of %1").arg(path);
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text.toUtf8()) < 0 || !file.commit()) {
        *error = file.errorString();
        return false;
    }
    return true;
}

bool removeFile(const QString &path, QString *error)
{
    QFile file(path);
    if (file.exists() && !file.remove()) {
        *error = file.errorString();
        return false;
    }
    return true;
}
#endif

} // namespace

namespace Autostart {

QString program()
{
    // Inside an AppImage the executable lives in a temporary mount: start the image itself.
    const QString appImage = qEnvironmentVariable("APPIMAGE");
    return appImage.isEmpty() ? QCoreApplication::applicationFilePath() : appImage;
}

QString desktopEntryPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation)
        + QStringLiteral("/autostart/llm-orchestrator.desktop");
}

QString desktopEntry(const QString &program)
{
    return QStringLiteral("[Desktop Entry]\n"
                          "Type=Application\n"
                          "Name=LLM Orchestrator\n"
                          "Comment=Local LLM API gateway\n"
                          "Exec=%1\n"
                          "Icon=io.github.llm_orchestrator\n"
                          "Terminal=false\n"
                          "X-GNOME-Autostart-enabled=true\n")
        .arg(quoteExec(program));
}

QString launchAgentPath()
{
    return QDir::homePath()
        + QStringLiteral("/Library/LaunchAgents/io.github.llm-orchestrator.plist");
}

QString launchAgent(const QString &program)
{
    return QStringLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                          "<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\" "
                          "\"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">\n"
                          "<plist version=\"1.0\">\n"
                          "<dict>\n"
                          "  <key>Label</key><string>io.github.llm-orchestrator</string>\n"
                          "  <key>ProgramArguments</key><array><string>%1</string></array>\n"
                          "  <key>RunAtLoad</key><true/>\n"
                          "</dict>\n"
                          "</plist>\n")
        .arg(xmlEscape(program));
}

bool isSupported()
{
    return true;
}

#if defined(Q_OS_WIN)

bool isEnabled()
{
    return QSettings(RunKey, QSettings::NativeFormat).contains(RunValue);
}

bool setEnabled(bool enabled, QString *error)
{
    QSettings run(RunKey, QSettings::NativeFormat);
    if (enabled)
        run.setValue(RunValue,
                     QLatin1Char('"') + QDir::toNativeSeparators(program()) + QLatin1Char('"'));
    else
        run.remove(RunValue);
    run.sync();
    if (run.status() != QSettings::NoError) {
        *error = QCoreApplication::translate("Autostart", "Cannot write to the registry.");
        return false;
    }
    return true;
}

#elif defined(Q_OS_MACOS)

bool isEnabled()
{
    return QFile::exists(launchAgentPath());
}

bool setEnabled(bool enabled, QString *error)
{
    return enabled ? writeFile(launchAgentPath(), launchAgent(program()), error)
                   : removeFile(launchAgentPath(), error);
}

#else

bool isEnabled()
{
    return QFile::exists(desktopEntryPath());
}

bool setEnabled(bool enabled, QString *error)
{
    return enabled ? writeFile(desktopEntryPath(), desktopEntry(program()), error)
                   : removeFile(desktopEntryPath(), error);
}

#endif

} // namespace Autostart
