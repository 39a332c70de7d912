#pragma once

#include "config/configtypes.h"

#include <QByteArray>
#include <QNetworkRequest>

// The HTTP request of one active health probe of a provider (DESIGN.md "Configuration JSON",
// `probe`), in the provider's own protocol:
//
//   kind "models" (GET, costs no tokens):
//     openai, openai-responses  {base}/models                 Authorization: Bearer <key>
//     anthropic                 {base}/v1/models              x-api-key, anthropic-version
//     gemini                    {base}/v1beta/models          x-goog-api-key
//   kind "completion" (POST, a one-token request to probe.model; "ping" as the prompt):
//     openai            {base}/chat/completions  max_completion_tokens 1 (what OpenAI accepts
//                                                for every chat model, o-series included)
//     openai-responses  {base}/responses         max_output_tokens 16 (the API's minimum)
//     anthropic         {base}/v1/messages       max_tokens 1
//     gemini            {base}/v1beta/models/{model}:generateContent, maxOutputTokens 1
//
// A "completion" probe without a model falls back to "models". The provider's extra headers
// are added last, as on the forwarding path. No key: no auth header (local providers).
struct ProbeRequest
{
    QNetworkRequest request;
    QByteArray verb; // "GET" or "POST"
    QByteArray body; // empty for GET

    static ProbeRequest build(const ProviderConfig &provider, const QByteArray &apiKey);
};
