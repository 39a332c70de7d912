#pragma once

#include <QString>

// "Start at login" (issue 4 "Settings"), per platform:
//   Linux and other XDG desktops: ~/.config/autostart/llm-orchestrator.desktop
//   Windows: the HKCU\Software\Microsoft\Windows\CurrentVersion\Run value "LLM Orchestrator"
//   macOS: ~/Library/LaunchAgents/io.github.llm-orchestrator.plist
// The entry starts this executable (the AppImage when run from one); whether the window shows
// at start is the "start minimized" setting's business.
namespace Autostart {

bool isSupported();
bool isEnabled();
// Writes or removes the entry; false with *error when the file or registry cannot be written.
bool setEnabled(bool enabled, QString *error);

// The program the entry starts.
QString program();

// XDG: where the desktop entry lives (under QStandardPaths::GenericConfigLocation) and its
// text. Exposed for tests.
QString desktopEntryPath();
QString desktopEntry(const QString &program);
// macOS: the LaunchAgent's path and property list.
QString launchAgentPath();
QString launchAgent(const QString &program);

} // namespace Autostart
