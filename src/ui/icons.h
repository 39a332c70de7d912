#pragma once

#include <QIcon>
#include <QString>

// The application's icons (resources/icons, compiled in from resources/icons.qrc).
namespace Icons {

// A monochrome UI icon by file name without extension ("providers", "copy", ...), drawn in
// the palette's text colour (SvgIconEngine). A null icon for an unknown name.
QIcon icon(const QString &name);

// The full-colour application icon (window, task bar, desktop entry).
QIcon appIcon();

// What the tray icon shows.
enum class TrayState {
    Serving, // every route usable: green dot
    Degraded, // some routes down: amber dot
    Down, // nothing usable: red dot
    Paused, // the gateway answers 503 on purpose: grey dot, dimmed mark
};

// The application icon with a state dot in its lower right corner, rendered for the sizes
// tray hosts ask for (16 to 64 px, and twice that for high-DPI panels).
QIcon trayIcon(TrayState state);

} // namespace Icons
