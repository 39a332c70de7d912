#pragma once

#include <QString>

// Why a configuration was refused: the path of the offending field in the config JSON
// ("providers[1].base_url", "models[0].routes[1].wieght") and what is wrong with it.
// An empty field means the document or operation as a whole (e.g. "invalid JSON ...").
struct ConfigError
{
    QString field;
    QString message;

    // "providers[1].base_url: must be an http(s) URL", or just the message without a field.
    QString toString() const
    {
        return field.isEmpty() ? message : field + QStringLiteral(": ") + message;
    }
};
