#include "mockscripts.h"

#include "mockwire.h"

namespace mockscripts {

namespace {
using Kind = MockProvider::Behavior::Kind;

MockResponseScript errorAnswer(const MockProvider::Behavior &b, const MockWire &wire,
                               const Headers &headers, bool keepAlive)
{
    return fixed(b.status, wire.bodyContentType(),
                 b.body.isEmpty() ? wire.errorBody(b.status) : b.body, headers, keepAlive);
}
} // namespace

Headers withContentType(const QByteArray &type, const Headers &base, const Headers &extra)
{
    Headers headers { { QByteArrayLiteral("Content-Type"), type } };
    headers += base;
    headers += extra;
    return headers;
}

MockResponseScript hang()
{
    MockResponseScript s;
    s.end = MockResponseScript::End::Hang;
    return s;
}

MockResponseScript fixed(int status, const QByteArray &contentType, const QByteArray &body,
                         const Headers &headers, bool keepAlive)
{
    return MockResponseScript::fixed(status, withContentType(contentType, headers), body,
                                     keepAlive);
}

MockResponseScript nonStreamed(const MockProvider::Behavior &b, const QByteArray &okBody,
                               const MockWire &wire, const Headers &base, bool keepAlive)
{
    const Headers headers = base + b.headers;
    switch (b.kind) {
    case Kind::Ok:
        return fixed(200, wire.bodyContentType(), okBody, headers, keepAlive);
    case Kind::HttpError:
    case Kind::ErrorEventBeforeContent:
    case Kind::ErrorEventAfterContent:
        return errorAnswer(b, wire, headers, keepAlive);
    case Kind::Hang:
        return hang();
    case Kind::DropMidStream:
    case Kind::HangMidStream: {
        // The head promises the whole body; half of it arrives.
        MockResponseScript s = fixed(200, wire.bodyContentType(), okBody, headers, keepAlive);
        s.pieces = { okBody.left(okBody.size() / 2) };
        s.end = b.kind == Kind::DropMidStream ? MockResponseScript::End::Close
                                              : MockResponseScript::End::Hang;
        return s;
    }
    }
    return hang();
}

MockResponseScript streamed(const MockProvider::Behavior &b, const MockWire &wire,
                            const Headers &base, bool keepAlive)
{
    if (b.kind == Kind::Hang)
        return hang();
    if (b.kind == Kind::HttpError)
        return errorAnswer(b, wire, base + b.headers, keepAlive);

    const Headers headers = withContentType(wire.streamContentType(), base, b.headers);
    const auto events = [&wire](const QList<QByteArray> &sent, bool complete) {
        return wire.frame(sent, complete);
    };
    MockResponseScript s;
    switch (b.kind) {
    case Kind::Ok:
        s = MockResponseScript::chunked(
            200, headers, events(MockWire::bytesOf(wire.streamEvents()), true), keepAlive);
        break;
    case Kind::DropMidStream:
        s = MockResponseScript::chunked(
            200, headers, events(MockWire::cut(wire.streamEvents(), 2), false), keepAlive, false);
        s.end = MockResponseScript::End::Close;
        break;
    case Kind::ErrorEventBeforeContent:
        s = MockResponseScript::chunked(200, headers,
                                        events(wire.errorEvents(b.status, false), true), keepAlive);
        break;
    case Kind::ErrorEventAfterContent:
        s = MockResponseScript::chunked(
            200, headers,
            events(MockWire::cut(wire.streamEvents(), 1) + wire.errorEvents(b.status, true), true),
            keepAlive);
        break;
    case Kind::HangMidStream:
        s = MockResponseScript::chunked(
            200, headers, events(MockWire::cut(wire.streamEvents(), 1), false), keepAlive, false);
        s.end = MockResponseScript::End::Hang;
        break;
    case Kind::Hang:
    case Kind::HttpError:
        break; // answered above
    }
    s.delayMs = b.chunkDelayMs;
    return s;
}

} // namespace mockscripts
