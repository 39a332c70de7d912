#pragma once

#include <QString>

namespace AdminToken {
// The admin API token: `fromEnvironment` when set (LLMO_ADMIN_TOKEN), else the token stored
// in `<dataDir>/admin-token`, generated on first use and written with mode 0600 so other
// local users cannot read it. Empty with *error set when the file cannot be written.
QString resolve(const QString &dataDir, const QString &fromEnvironment, QString *error);
QString filePath(const QString &dataDir);
} // namespace AdminToken
