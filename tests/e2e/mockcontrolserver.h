#pragma once

#include "mockprovider.h"

#include <QHttpServer>
#include <QJsonObject>
#include <QObject>
#include <QString>

#include <optional>

// A small HTTP API on its own loopback port that lets the end-to-end suite (tests/e2e/, Node)
// script the mock provider the way the C++ tests do with MockProvider::enqueueBehavior(): the
// SDK tests need tool calls, HTTP errors and broken streams, which the plain
// llmo-mock-provider process (always the Ok behavior) cannot give.
//
// Routes (JSON bodies; errors answer 400 {"error": "<what>"}):
//   POST /behaviors  a behavior object or an array of them, queued in order (204)
//   PUT  /default    the behavior used when the queue is empty (204)
//   POST /reset      clears queue, records and counters; restores the start-up default (204)
//   GET  /requests   [{"method","path","protocol","headers":{lower-case name: value},"body"}]
//   GET  /stats      {"requests","aborted","in_flight","max_concurrent"}
//
// A behavior object (every member optional; see MockProvider::Behavior):
//   {"kind": "ok" | "http_error" | "hang" | "drop_mid_stream" | "error_before_content" |
//            "error_after_content" | "hang_mid_stream",
//    "status": 500, "body": "<http_error body>", "headers": {"Retry-After": "1"},
//    "text": "...", "thinking": "...", "chunk_delay_ms": 0,
//    "prompt_tokens": 11, "completion_tokens": 7, "cached_tokens": 3, "reasoning_tokens": 0,
//    "tool_call_name": "get_weather", "tool_call_arguments": ["{\"ci", "ty\":\"Paris\"}"]}
// Unknown members are refused, so that a typo in a test fails loudly instead of being ignored.
class MockControlServer final : public QObject
{
    Q_OBJECT
public:
    // `provider` must outlive this object; `defaultBehavior` is what /reset restores.
    MockControlServer(MockProvider *provider, const MockProvider::Behavior &defaultBehavior,
                      QObject *parent = nullptr);

    // Listens on 127.0.0.1; returns the port, 0 on failure.
    quint16 listen(quint16 port = 0);

    // The behavior described by `object` on top of `base`; std::nullopt with `error` set when a
    // member is unknown or has the wrong type.
    static std::optional<MockProvider::Behavior>
    behaviorFromJson(const QJsonObject &object, const MockProvider::Behavior &base, QString *error);

private:
    void addRoutes();

    MockProvider *const m_provider;
    const MockProvider::Behavior m_startDefault;
    QHttpServer m_http;
};
