#pragma once

#include "wireprotocol.h"

#include <QList>
#include <QString>

// A starting point for a new provider: its wire protocol and base URL filled in (issue 4
// "First run").
struct ProviderTemplate
{
    QString id; // stable, for object names and tests: "openai", "ollama", "custom"...
    QString title; // shown on the template button ("OpenAI", "LM Studio")
    QString description; // one line under the title, translated
    WireProtocol type = WireProtocol::OpenAiChat;
    QString baseUrl; // empty for "custom"
    QString name; // suggested provider name
    bool needsKey = true; // local servers (Ollama, LM Studio) work without one
};

namespace ProviderTemplates {

// OpenAI, Anthropic, Google Gemini, OpenRouter, DeepSeek, Ollama, LM Studio and custom, in
// that order.
QList<ProviderTemplate> all();

// The template with `id`; the custom one when unknown.
ProviderTemplate byId(const QString &id);

// A readable name of a wire protocol for the type combo and tables
// ("OpenAI Chat Completions", "Anthropic Messages"...), translated.
QString protocolTitle(WireProtocol type);

} // namespace ProviderTemplates
