#pragma once

#include <QByteArray>

namespace HttpStatus {
// The reason phrase for a status line ("Too Many Requests"); a generic one for codes without
// a standard phrase (e.g. Anthropic's 529 is "Overloaded"). The gateway writes its own status
// lines because it must relay any upstream status, which QHttpServerResponder's enum cannot.
QByteArray reasonPhrase(int status);
} // namespace HttpStatus
