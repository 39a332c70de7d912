#pragma once

#include "mockreply.h"
#include "mockwire.h"

#include <QStringList>

class MockJson;

// Gemini generateContent / streamGenerateContent (POST {root}/v1beta/models/{model}:...) as a
// MockWire, in the shapes of the Gemini API reference (GenerateContentResponse, Candidate,
// Part, UsageMetadata) and as generativelanguage.googleapis.com writes them:
// - body: pretty-printed with two spaces; one candidate {"content":{"parts":[...],"role":
//   "model"},"finishReason":"STOP","index":0}, "usageMetadata", "modelVersion" (the model),
//   "responseId" "<provider>-<n>". Parts: a {"text","thought":true} part (with `thinking`),
//   then {"text"} or {"functionCall":{"name","args"}} (args: the joined argument pieces,
//   which must form a JSON object; Gemini sends a call whole, not as deltas);
// - usageMetadata: promptTokenCount (cached included), candidatesTokenCount (completion minus
//   reasoning), totalTokenCount, cachedContentTokenCount, promptTokensDetails,
//   cacheTokensDetails, thoughtsTokenCount (= reasoningTokens); zero counts are left out, as
//   proto3 JSON does. Every stream chunk carries the reply's final usage;
// - stream with alt=sse: "data: <json>\r\n\r\n" per chunk, the JSON on one line with ": "
//   after keys; one chunk per thinking word and per text word (the last with finishReason),
//   or one functionCall chunk and a closing {"text":""} chunk with finishReason. No terminal
//   event. Without alt=sse: the same chunks as one JSON array, elements pretty-printed and
//   written as "[" + first, "\n,\r\n" + next ..., "\n]";
// - errors {"error":{"code","message","status"}} pretty-printed (inside an array for a JSON
//   array stream); in an SSE stream the error object is one "data:" event.
class MockGeminiWire final : public MockWire
{
public:
    MockGeminiWire(const MockReply &reply, bool jsonArrayStream);

    QByteArray bodyContentType() const override; // "application/json; charset=UTF-8"
    QByteArray streamContentType() const override; // SSE or, for arrays, the JSON type
    QByteArray body() const override;
    QList<Event> streamEvents() const override;
    QByteArray errorBody(int status) const override;
    QList<QByteArray> errorEvents(int status, bool afterContent) const override;
    QList<QByteArray> frame(const QList<QByteArray> &events, bool complete) const override;

    // GET /v1beta/models: {"models":[{"name":"models/<id>","version","displayName",
    // "inputTokenLimit","outputTokenLimit","supportedGenerationMethods"}...]}.
    static QByteArray modelsBody(const QStringList &ids);
    // {"error":{"code","message","status"}} pretty-printed, with a final newline.
    static QByteArray errorBody(int code, const QString &message, const QString &status);
    static QByteArray invalidApiKeyBody(); // 400 INVALID_ARGUMENT, reason API_KEY_INVALID
    static QByteArray missingApiKeyBody(); // 403 PERMISSION_DENIED, unregistered caller
    // google.rpc status name and message the API uses for an HTTP status.
    static QString statusName(int status);
    QString errorMessage(int status) const;

private:
    MockJson chunk(const MockJson &parts, bool finished) const;
    MockJson usageMetadata() const;
    MockJson functionCallPart() const;
    QByteArray writeChunk(const MockJson &json) const;

    MockReply m_reply;
    bool m_jsonArray;
};
