#pragma once

// What one upstream stream event means for the relay, in every wire protocol. The gateway
// holds a stream back until the first Content event (so an early failure can still fail
// over), reads token counts from any event, and treats Done as proper termination.
enum class StreamEventKind {
    Content, // carries output: the client has been answered from this point on
    Usage, // token counts only (e.g. OpenAI's include_usage chunk with "choices": [])
    Done, // the protocol's terminal event (OpenAI "[DONE]", Anthropic message_stop, ...)
    Error, // an error reported inside the stream
    Other, // anything else: role preamble, pings, block starts without output
};
