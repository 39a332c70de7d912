#pragma once

#include "admin/adminreply.h"
#include "admin/adminrequest.h"

class ConfigService;
struct AccessKeyConfig;

// /admin/access-keys and /admin/access-keys/<name>: the client access keys.
//
// - GET lists name, prefix and created_at (hashes are not secret, but they stay out of the
//   list: nothing needs them there);
// - POST {"name"} generates a key, POST {"name","key"} adds the given one; 201 answers with
//   the plaintext "key" — the only time it is ever shown (the store keeps its hash). 409 when
//   the name or the key itself is already in use;
// - GET one; DELETE (204).
class AccessKeyResource final
{
public:
    explicit AccessKeyResource(ConfigService *config);

    AdminReply collection(const AdminRequest &request);
    AdminReply item(const AdminRequest &request);

private:
    AdminReply list() const;
    AdminReply create(const AdminRequest &request);
    AdminReply get(const QString &name) const;
    AdminReply remove(const QString &name);

    bool exists(const QString &name) const;
    static QJsonObject toJson(const AccessKeyConfig &key);

    ConfigService *m_config;
};
