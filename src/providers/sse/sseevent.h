#pragma once

#include <QByteArray>

// One dispatched Server-Sent Event. `data` holds the event's data lines joined with '\n'
// (no trailing newline); `event` and `id` are the values of those fields within the event's
// block (empty when absent).
struct SseEvent
{
    QByteArray event;
    QByteArray data;
    QByteArray id;
};
