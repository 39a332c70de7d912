#pragma once

#include "mockprovider.h"
#include "mockresponsescript.h"

class MockWire;

// Turns a Behavior and a protocol's reply (MockWire) into the script the connection plays:
// the part of the mock that is the same for every wire protocol.
namespace mockscripts {

using Headers = MockResponseScript::Headers;

// Content-Type first, then `base`, then `extra`.
Headers withContentType(const QByteArray &type, const Headers &base, const Headers &extra = {});

// Reads the request and never answers.
MockResponseScript hang();

// A complete answer with a Content-Length body (errors, lists, token counts).
MockResponseScript fixed(int status, const QByteArray &contentType, const QByteArray &body,
                         const Headers &headers, bool keepAlive);

// A non-streamed answer whose success body is `okBody` (the reply, a model list, a token
// count): HttpError and the ErrorEvent kinds answer `status` with the wire's error body (or
// Behavior::body); DropMidStream / HangMidStream send half of the body, then close / go silent.
MockResponseScript nonStreamed(const MockProvider::Behavior &b, const QByteArray &okBody,
                               const MockWire &wire, const Headers &base, bool keepAlive);

// A streamed answer: chunked, one HTTP chunk per event, shaped by the behavior kind (see
// MockProvider::Behavior::Kind) and paced by chunkDelayMs.
MockResponseScript streamed(const MockProvider::Behavior &b, const MockWire &wire,
                            const Headers &base, bool keepAlive);

} // namespace mockscripts
