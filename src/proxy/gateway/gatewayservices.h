#pragma once

#include "store/requestlogrecord.h"

#include <functional>

class ApiKeyRotator;
class HealthRegistry;
class Router;
class UpstreamClient;

// The long-lived engine parts a forwarding job uses. All live in the engine thread and
// outlive every job (the engine aborts jobs before it destroys them).
struct GatewayServices
{
    Router *router = nullptr;
    HealthRegistry *health = nullptr;
    ApiKeyRotator *apiKeys = nullptr;
    UpstreamClient *upstream = nullptr;
    // Receives one row per attempt; must not block (the store writes in its own thread).
    std::function<void(const RequestLogRecord &)> log;
};
