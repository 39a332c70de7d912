#pragma once

#include "admin/adminreply.h"
#include "admin/adminrequest.h"

class ConfigService;

// The whole configuration as one JSON document (DESIGN.md "Configuration JSON"):
// - GET /admin/export[?secrets=1]: ConfigService::exportJson(); provider API keys only with
//   secrets=1|true (access keys are always exported as hashes);
// - POST /admin/import[?mode=replace|merge] (default replace): 200
//   {"ok":true,"providers":N,"models":N,"access_keys":N} counting the configuration after the
//   import, or 400 naming the field of the document that is wrong (nothing is changed then).
class ConfigTransferResource final
{
public:
    explicit ConfigTransferResource(ConfigService *config);

    AdminReply exportConfig(const AdminRequest &request) const;
    AdminReply importConfig(const AdminRequest &request);

private:
    ConfigService *m_config;
};
