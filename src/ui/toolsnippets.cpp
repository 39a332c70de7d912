#include "toolsnippets.h"

#include <QCoreApplication>
#include <QStringList>

namespace {

QString setVariable(ToolSnippets::Shell shell, const QString &name, const QString &value)
{
    if (shell == ToolSnippets::Shell::PowerShell)
        return QStringLiteral("$env:%1 = \"%2\"").arg(name, value);
    return QStringLiteral("export %1=\"%2\"").arg(name, value);
}

QString lines(const QStringList &list)
{
    return list.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

} // namespace

namespace ToolSnippets {

Shell nativeShell()
{
#ifdef Q_OS_WIN
    return Shell::PowerShell;
#else
    return Shell::Posix;
#endif
}

QString keyPlaceholder()
{
    return QStringLiteral("<your-access-key>");
}

QString modelPlaceholder()
{
    return QStringLiteral("<model>");
}

QList<Snippet> all(const QString &endpointUrl, const QString &key, const QString &model,
                   Shell shell)
{
    QString base = endpointUrl;
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    const QString k = key.trimmed().isEmpty() ? keyPlaceholder() : key.trimmed();
    const QString m = model.trimmed().isEmpty() ? modelPlaceholder() : model.trimmed();
    const QString v1 = base + QStringLiteral("/v1");

    QStringList claude = { setVariable(shell, QStringLiteral("ANTHROPIC_BASE_URL"), base),
                           setVariable(shell, QStringLiteral("ANTHROPIC_AUTH_TOKEN"), k) };
    if (!model.trimmed().isEmpty())
        claude.append(setVariable(shell, QStringLiteral("ANTHROPIC_MODEL"), m));
    claude.append(QStringLiteral("claude"));

    const QString codex = lines({
        QStringLiteral("# ~/.codex/config.toml"),
        QStringLiteral("model = \"%1\"").arg(m),
        QStringLiteral("model_provider = \"llm-orchestrator\""),
        QString(),
        QStringLiteral("[model_providers.llm-orchestrator]"),
        QStringLiteral("name = \"LLM Orchestrator\""),
        QStringLiteral("base_url = \"%1\"").arg(v1),
        QStringLiteral("env_key = \"LLMO_API_KEY\""),
        QStringLiteral("wire_api = \"responses\""),
        QString(),
        QStringLiteral("# then, in your shell:"),
        setVariable(shell, QStringLiteral("LLMO_API_KEY"), k),
        QStringLiteral("codex"),
    });

    const QString openAi = lines({
        setVariable(shell, QStringLiteral("OPENAI_BASE_URL"), v1),
        setVariable(shell, QStringLiteral("OPENAI_API_KEY"), k),
        QString(),
        QStringLiteral("# Python: pip install openai"),
        QStringLiteral("from openai import OpenAI"),
        QStringLiteral("client = OpenAI()  # reads OPENAI_BASE_URL and OPENAI_API_KEY"),
        QStringLiteral("reply = client.chat.completions.create("),
        QStringLiteral("    model=\"%1\",").arg(m),
        QStringLiteral("    messages=[{\"role\": \"user\", \"content\": \"Hello\"}],"),
        QStringLiteral(")"),
        QStringLiteral("print(reply.choices[0].message.content)"),
    });

    const QString gemini = lines({
        QStringLiteral("# Python: pip install google-genai"),
        QStringLiteral("from google import genai"),
        QStringLiteral("from google.genai import types"),
        QString(),
        QStringLiteral("client = genai.Client("),
        QStringLiteral("    api_key=\"%1\",").arg(k),
        QStringLiteral("    http_options=types.HttpOptions(base_url=\"%1\"),").arg(base),
        QStringLiteral(")"),
        QStringLiteral("reply = client.models.generate_content(model=\"%1\", contents=\"Hello\")")
            .arg(m),
        QStringLiteral("print(reply.text)"),
    });

    const QString body
        = QStringLiteral("{\"model\": \"%1\", \"messages\": [{\"role\": \"user\", \"content\": "
                         "\"Hello\"}]}")
              .arg(m);
    const QString curl = shell == Shell::PowerShell
        ? lines({ QStringLiteral("Invoke-RestMethod -Method Post -Uri \"%1/chat/completions\" `")
                      .arg(v1),
                  QStringLiteral("  -Headers @{ Authorization = \"Bearer %1\" } `").arg(k),
                  QStringLiteral("  -ContentType \"application/json\" `"),
                  QStringLiteral("  -Body '%1'").arg(body) })
        : lines({ QStringLiteral("curl %1/chat/completions \\").arg(v1),
                  QStringLiteral("  -H \"Authorization: Bearer %1\" \\").arg(k),
                  QStringLiteral("  -H \"Content-Type: application/json\" \\"),
                  QStringLiteral("  -d '%1'").arg(body) });

    return {
        { QStringLiteral("claude-code"), QStringLiteral("Claude Code"),
          QCoreApplication::translate("ToolSnippets",
                                      "Run these in the shell you start Claude Code from."),
          lines(claude) },
        { QStringLiteral("codex"), QStringLiteral("Codex CLI"),
          QCoreApplication::translate(
              "ToolSnippets",
              "Add the provider to Codex's config file, then set the key in your shell."),
          codex },
        { QStringLiteral("openai-sdk"), QStringLiteral("OpenAI SDK"),
          QCoreApplication::translate(
              "ToolSnippets",
              "The OpenAI SDKs read these variables; the Python example needs no other change."),
          openAi },
        { QStringLiteral("gemini-sdk"), QStringLiteral("Gemini SDK"),
          QCoreApplication::translate(
              "ToolSnippets",
              "Point the Google Gen AI SDK at the gateway with its base URL option."),
          gemini },
        { QStringLiteral("curl"), QStringLiteral("curl"),
          QCoreApplication::translate("ToolSnippets", "A quick test from the command line."),
          curl },
    };
}

} // namespace ToolSnippets
