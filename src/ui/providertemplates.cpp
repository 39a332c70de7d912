#include "providertemplates.h"

#include <QCoreApplication>

namespace ProviderTemplates {

QList<ProviderTemplate> all()
{
    return {
        { QStringLiteral("openai"), QStringLiteral("OpenAI"),
          QCoreApplication::translate("ProviderTemplates", "GPT models from the OpenAI API"),
          WireProtocol::OpenAiChat, QStringLiteral("https://api.openai.com/v1"),
          QStringLiteral("openai"), true },
        { QStringLiteral("anthropic"), QStringLiteral("Anthropic"),
          QCoreApplication::translate("ProviderTemplates", "Claude models from the Anthropic API"),
          WireProtocol::Anthropic, QStringLiteral("https://api.anthropic.com"),
          QStringLiteral("anthropic"), true },
        { QStringLiteral("gemini"), QStringLiteral("Google Gemini"),
          QCoreApplication::translate("ProviderTemplates", "Gemini models from Google AI Studio"),
          WireProtocol::Gemini, QStringLiteral("https://generativelanguage.googleapis.com"),
          QStringLiteral("gemini"), true },
        { QStringLiteral("openrouter"), QStringLiteral("OpenRouter"),
          QCoreApplication::translate("ProviderTemplates", "Hundreds of models behind one key"),
          WireProtocol::OpenAiChat, QStringLiteral("https://openrouter.ai/api/v1"),
          QStringLiteral("openrouter"), true },
        { QStringLiteral("deepseek"), QStringLiteral("DeepSeek"),
          QCoreApplication::translate("ProviderTemplates", "DeepSeek chat and reasoner"),
          WireProtocol::OpenAiChat, QStringLiteral("https://api.deepseek.com/v1"),
          QStringLiteral("deepseek"), true },
        { QStringLiteral("ollama"), QStringLiteral("Ollama"),
          QCoreApplication::translate("ProviderTemplates", "Local models, no key needed"),
          WireProtocol::OpenAiChat, QStringLiteral("http://localhost:11434/v1"),
          QStringLiteral("ollama"), false },
        { QStringLiteral("lmstudio"), QStringLiteral("LM Studio"),
          QCoreApplication::translate("ProviderTemplates", "LM Studio's local server"),
          WireProtocol::OpenAiChat, QStringLiteral("http://localhost:1234/v1"),
          QStringLiteral("lmstudio"), false },
        { QStringLiteral("custom"), QCoreApplication::translate("ProviderTemplates", "Custom"),
          QCoreApplication::translate("ProviderTemplates", "Any compatible API"),
          WireProtocol::OpenAiChat, QString(), QString(), true },
    };
}

ProviderTemplate byId(const QString &id)
{
    const QList<ProviderTemplate> templates = all();
    for (const ProviderTemplate &item : templates) {
        if (item.id == id)
            return item;
    }
    return templates.last();
}

QString protocolTitle(WireProtocol type)
{
    switch (type) {
    case WireProtocol::OpenAiChat:
        return QCoreApplication::translate("ProviderTemplates", "OpenAI Chat Completions");
    case WireProtocol::OpenAiResponses:
        return QCoreApplication::translate("ProviderTemplates", "OpenAI Responses");
    case WireProtocol::Anthropic:
        return QCoreApplication::translate("ProviderTemplates", "Anthropic Messages");
    case WireProtocol::Gemini:
        return QCoreApplication::translate("ProviderTemplates", "Google Gemini");
    }
    return QString();
}

} // namespace ProviderTemplates
