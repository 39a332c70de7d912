#include "mockopenaiwire.h"

#include "mockjson.h"
#include "mockwire.h"

namespace mockopenai {

namespace {
QByteArray number(qint64 n)
{
    return QByteArray::number(n);
}

// The fields every chunk starts with: id, object, created, model, service_tier,
// system_fingerprint (the reference's order).
QByteArray chunkPrefix(const Completion &c)
{
    return QByteArrayLiteral("data: {\"id\":") + jsonString(QString::fromLatin1(c.id))
        + QByteArrayLiteral(",\"object\":\"chat.completion.chunk\",\"created\":") + number(kCreated)
        + QByteArrayLiteral(",\"model\":") + jsonString(c.model)
        + QByteArrayLiteral(",\"service_tier\":\"default\",\"system_fingerprint\":")
        + jsonString(c.systemFingerprint);
}

// A chunk with one choice after the prefix of chunkPrefix(). With include_usage every chunk
// carries "usage":null. The prefix is a parameter so that a whole stream computes it once.
QByteArray choiceChunk(const QByteArray &prefix, bool includeUsage, const QByteArray &delta,
                       const QByteArray &finish)
{
    return prefix + QByteArrayLiteral(",\"choices\":[{\"index\":0,\"delta\":") + delta
        + QByteArrayLiteral(",\"logprobs\":null,\"finish_reason\":") + finish
        + (includeUsage ? QByteArrayLiteral("}],\"usage\":null}\n\n")
                        : QByteArrayLiteral("}]}\n\n"));
}

QByteArray toolCallId(const Completion &c)
{
    return QByteArrayLiteral("call_") + c.id.mid(c.id.lastIndexOf('-') + 1);
}

QByteArray finishReason(const Completion &c)
{
    return c.toolCallArguments.isEmpty() ? QByteArrayLiteral("\"stop\"")
                                         : QByteArrayLiteral("\"tool_calls\"");
}

QByteArray roleChunk(const Completion &c, const QByteArray &prefix)
{
    if (c.toolCallArguments.isEmpty()) {
        return choiceChunk(
            prefix, c.includeUsage,
            QByteArrayLiteral("{\"role\":\"assistant\",\"content\":\"\",\"refusal\":null}"),
            QByteArrayLiteral("null"));
    }
    return choiceChunk(prefix, c.includeUsage,
                       QByteArrayLiteral("{\"role\":\"assistant\",\"content\":null,\"tool_calls\":"
                                         "[{\"index\":0,\"id\":")
                           + jsonString(QString::fromLatin1(toolCallId(c)))
                           + QByteArrayLiteral(",\"type\":\"function\",\"function\":{\"name\":")
                           + jsonString(c.toolCallName)
                           + QByteArrayLiteral(",\"arguments\":\"\"}}],\"refusal\":null}"),
                       QByteArrayLiteral("null"));
}

QByteArray contentChunk(const Completion &c, const QByteArray &prefix, const QString &piece)
{
    return choiceChunk(prefix, c.includeUsage,
                       QByteArrayLiteral("{\"content\":") + jsonString(piece) + '}',
                       QByteArrayLiteral("null"));
}

QByteArray toolArgumentsChunk(const Completion &c, const QByteArray &prefix, const QString &piece)
{
    return choiceChunk(
        prefix, c.includeUsage,
        QByteArrayLiteral("{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":")
            + jsonString(piece) + QByteArrayLiteral("}}]}"),
        QByteArrayLiteral("null"));
}

QByteArray finishChunk(const Completion &c, const QByteArray &prefix)
{
    return choiceChunk(prefix, c.includeUsage, QByteArrayLiteral("{}"), finishReason(c));
}

QByteArray usageChunk(const Completion &c, const QByteArray &prefix)
{
    return prefix + QByteArrayLiteral(",\"choices\":[],\"usage\":{\"prompt_tokens\":")
        + number(c.promptTokens) + QByteArrayLiteral(",\"completion_tokens\":")
        + number(c.completionTokens) + QByteArrayLiteral(",\"total_tokens\":")
        + number(c.promptTokens + c.completionTokens)
        + QByteArrayLiteral(",\"prompt_tokens_details\":{\"cached_tokens\":")
        + number(c.cachedTokens)
        + QByteArrayLiteral(",\"audio_tokens\":0},\"completion_tokens_details\":"
                            "{\"reasoning_tokens\":")
        + number(c.reasoningTokens)
        + QByteArrayLiteral(",\"audio_tokens\":0,"
                            "\"accepted_prediction_tokens\":0,\"rejected_prediction_tokens\":0}}}"
                            "\n\n");
}
} // namespace

QByteArray jsonString(const QString &text)
{
    return MockJson::quote(text);
}

QByteArray completionBody(const Completion &c)
{
    QByteArray message;
    if (c.toolCallArguments.isEmpty()) {
        message = QByteArrayLiteral("        \"role\": \"assistant\",\n        \"content\": ")
            + jsonString(c.text)
            + QByteArrayLiteral(",\n        \"refusal\": null,\n        \"annotations\": []\n");
    } else {
        message = QByteArrayLiteral("        \"role\": \"assistant\",\n        \"content\": null,\n"
                                    "        \"tool_calls\": [\n          {\n            \"id\": ")
            + jsonString(QString::fromLatin1(toolCallId(c)))
            + QByteArrayLiteral(",\n            \"type\": \"function\",\n"
                                "            \"function\": {\n              \"name\": ")
            + jsonString(c.toolCallName) + QByteArrayLiteral(",\n              \"arguments\": ")
            + jsonString(c.toolCallArguments.join(QString()))
            + QByteArrayLiteral("\n            }\n          }\n        ],\n"
                                "        \"refusal\": null,\n        \"annotations\": []\n");
    }
    return QByteArrayLiteral("{\n  \"id\": ") + jsonString(QString::fromLatin1(c.id))
        + QByteArrayLiteral(",\n  \"object\": \"chat.completion\",\n  \"created\": ")
        + number(kCreated) + QByteArrayLiteral(",\n  \"model\": ") + jsonString(c.model)
        + QByteArrayLiteral(",\n  \"choices\": [\n    {\n      \"index\": 0,\n"
                            "      \"message\": {\n")
        + message
        + QByteArrayLiteral("      },\n      \"logprobs\": null,\n      \"finish_reason\": ")
        + finishReason(c)
        + QByteArrayLiteral("\n    }\n  ],\n  \"usage\": {\n    \"prompt_tokens\": ")
        + number(c.promptTokens) + QByteArrayLiteral(",\n    \"completion_tokens\": ")
        + number(c.completionTokens) + QByteArrayLiteral(",\n    \"total_tokens\": ")
        + number(c.promptTokens + c.completionTokens)
        + QByteArrayLiteral(",\n    \"prompt_tokens_details\": {\n      \"cached_tokens\": ")
        + number(c.cachedTokens)
        + QByteArrayLiteral(",\n      \"audio_tokens\": 0\n    },\n"
                            "    \"completion_tokens_details\": {\n"
                            "      \"reasoning_tokens\": ")
        + number(c.reasoningTokens)
        + QByteArrayLiteral(",\n      \"audio_tokens\": 0,\n"
                            "      \"accepted_prediction_tokens\": 0,\n"
                            "      \"rejected_prediction_tokens\": 0\n    }\n  },\n"
                            "  \"service_tier\": \"default\",\n  \"system_fingerprint\": ")
        + jsonString(c.systemFingerprint) + QByteArrayLiteral("\n}\n");
}

QList<QString> splitWords(const QString &text)
{
    return MockWire::splitWords(text);
}

QByteArray roleChunk(const Completion &c)
{
    return roleChunk(c, chunkPrefix(c));
}

QByteArray contentChunk(const Completion &c, const QString &piece)
{
    return contentChunk(c, chunkPrefix(c), piece);
}

QByteArray toolArgumentsChunk(const Completion &c, const QString &piece)
{
    return toolArgumentsChunk(c, chunkPrefix(c), piece);
}

QByteArray finishChunk(const Completion &c)
{
    return finishChunk(c, chunkPrefix(c));
}

QByteArray usageChunk(const Completion &c)
{
    return usageChunk(c, chunkPrefix(c));
}

QByteArray doneEvent()
{
    return QByteArrayLiteral("data: [DONE]\n\n");
}

QList<QByteArray> streamEvents(const Completion &c)
{
    const QByteArray prefix = chunkPrefix(c);
    QList<QByteArray> events { roleChunk(c, prefix) };
    if (c.toolCallArguments.isEmpty()) {
        for (const QString &piece : splitWords(c.text))
            events.append(contentChunk(c, prefix, piece));
    } else {
        for (const QString &piece : c.toolCallArguments)
            events.append(toolArgumentsChunk(c, prefix, piece));
    }
    events.append(finishChunk(c, prefix));
    if (c.includeUsage)
        events.append(usageChunk(c, prefix));
    events.append(doneEvent());
    return events;
}

Error errorFor(int status, const QString &model)
{
    const QString m = model.isEmpty() ? QStringLiteral("gpt-4o-mini") : model;
    switch (status) {
    case 400:
        return { QStringLiteral("Invalid request."), QStringLiteral("invalid_request_error"),
                 "null", "null" };
    case 401:
        return { QStringLiteral("Incorrect API key provided: sk-mock***. You can find your API "
                                "key at https://platform.openai.com/account/api-keys."),
                 QStringLiteral("invalid_request_error"), "null", "\"invalid_api_key\"" };
    case 403:
        return { QStringLiteral("Country, region, or territory not supported"),
                 QStringLiteral("request_forbidden"), "null",
                 "\"unsupported_country_region_territory\"" };
    case 404:
        return { QStringLiteral("The model `") + m
                     + QStringLiteral("` does not exist or you do not have access to it."),
                 QStringLiteral("invalid_request_error"), "null", "\"model_not_found\"" };
    case 429:
        return { QStringLiteral("Rate limit reached for ") + m
                     + QStringLiteral(" in organization org-mock on requests per min (RPM): "
                                      "Limit 3, Used 3, Requested 1. Please try again in 20s."),
                 QStringLiteral("requests"), "null", "\"rate_limit_exceeded\"" };
    case 503:
        return { QStringLiteral("The engine is currently overloaded, please try again later."),
                 QStringLiteral("server_error"), "null", "null" };
    default:
        if (status >= 500) {
            return { QStringLiteral("The server had an error while processing your request. "
                                    "Sorry about that!"),
                     QStringLiteral("server_error"), "null", "null" };
        }
        return { QStringLiteral("The request failed with status ") + QString::number(status)
                     + QLatin1Char('.'),
                 QStringLiteral("invalid_request_error"), "null", "null" };
    }
}

QByteArray errorBody(const Error &e)
{
    return QByteArrayLiteral("{\n    \"error\": {\n        \"message\": ") + jsonString(e.message)
        + QByteArrayLiteral(",\n        \"type\": ") + jsonString(e.type)
        + QByteArrayLiteral(",\n        \"param\": ") + e.param
        + QByteArrayLiteral(",\n        \"code\": ") + e.code + QByteArrayLiteral("\n    }\n}\n");
}

QByteArray errorEvent(const Error &e)
{
    return QByteArrayLiteral("data: {\"error\":{\"message\":") + jsonString(e.message)
        + QByteArrayLiteral(",\"type\":") + jsonString(e.type) + QByteArrayLiteral(",\"param\":")
        + e.param + QByteArrayLiteral(",\"code\":") + e.code + QByteArrayLiteral("}}\n\n");
}

QByteArray modelsBody(const QStringList &ids, const QString &owner)
{
    QByteArray out = QByteArrayLiteral("{\n  \"object\": \"list\",\n  \"data\": [");
    for (qsizetype i = 0; i < ids.size(); ++i) {
        out += (i == 0 ? QByteArrayLiteral("\n") : QByteArrayLiteral(",\n"))
            + QByteArrayLiteral("    {\n      \"id\": ") + jsonString(ids.at(i))
            + QByteArrayLiteral(",\n      \"object\": \"model\",\n      \"created\": ")
            + number(kCreated) + QByteArrayLiteral(",\n      \"owned_by\": ") + jsonString(owner)
            + QByteArrayLiteral("\n    }");
    }
    out += QByteArrayLiteral("\n  ]\n}\n");
    return out;
}

} // namespace mockopenai
