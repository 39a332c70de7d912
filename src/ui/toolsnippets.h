#pragma once

#include <QList>
#include <QString>

// Ready-to-paste configuration for the tools that talk to the gateway (UI.md "Connect a
// tool"): Claude Code, Codex CLI, the OpenAI SDK, the Gemini SDK and curl, filled with this
// machine's endpoint URL, an access key and a model.
namespace ToolSnippets {

enum class Shell {
    Posix, // bash, zsh: export NAME="value"
    PowerShell, // $env:NAME = "value"
};

struct Snippet
{
    QString id; // "claude-code", "codex", "openai-sdk", "gemini-sdk", "curl"
    QString title; // tab title
    QString description; // one sentence, translated
    QString text; // the snippet itself
};

// The shell of this platform: PowerShell on Windows, else Posix.
Shell nativeShell();

// Placeholders used when no key or model is given.
QString keyPlaceholder();
QString modelPlaceholder();

// `endpointUrl` without a trailing slash ("http://127.0.0.1:8640"); empty key or model use the
// placeholders.
QList<Snippet> all(const QString &endpointUrl, const QString &key, const QString &model,
                   Shell shell);

} // namespace ToolSnippets
