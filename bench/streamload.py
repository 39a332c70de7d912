#!/usr/bin/env python3
"""Opens many streaming chat completion requests at once and waits for every [DONE].

Standard library only, and deliberately lean so that the client is not what gets measured:
non-blocking sockets on one epoll selector (no asyncio transports, no HTTP library), one
recv per readiness event, the body de-chunked once at the end. First one stream runs alone
(the reference time), then --streams streams are connected in one go. Prints one JSON object:

  streams, ok, failed, single_s, wall_s, ratio (wall_s / single_s),
  ttfb_p50_ms, ttfb_max_ms, connect_max_ms, errors (a few distinct failure reasons)

A stream is ok when the status is 200, the response is complete (chunked: the last chunk
arrived; else Content-Length or the server's close) and the body contains "data: [DONE]".
"""

import argparse
import errno
import json
import resource
import selectors
import socket
import sys
import time


def request_bytes(host, port, path, key, model):
    body = json.dumps({
        "model": model,
        "stream": True,
        "messages": [{"role": "user", "content": "hi"}],
    }, separators=(",", ":")).encode()
    head = (f"POST {path} HTTP/1.1\r\n"
            f"Host: {host}:{port}\r\n"
            f"Authorization: Bearer {key}\r\n"
            "Content-Type: application/json\r\n"
            "Accept: text/event-stream\r\n"
            f"Content-Length: {len(body)}\r\n"
            "Connection: close\r\n\r\n").encode()
    return head + body


def dechunk(data):
    """The payload of a complete chunked body; raises ValueError on bad framing."""
    out = bytearray()
    pos = 0
    while True:
        eol = data.find(b"\r\n", pos)
        if eol < 0:
            raise ValueError("truncated chunk size line")
        size = int(data[pos:eol].split(b";")[0].strip(), 16)
        pos = eol + 2
        if size == 0:
            return bytes(out)
        if data[pos + size:pos + size + 2] != b"\r\n":
            raise ValueError("chunk not followed by CRLF")
        out += data[pos:pos + size]
        pos += size + 2


class Stream:
    def __init__(self, t0):
        self.t0 = t0
        self.sock = None
        self.buf = bytearray()
        self.head_end = -1
        self.status = 0
        self.chunked = False
        self.length = None
        self.connect = self.ttfb = self.end = None
        self.ok = False
        self.error = None

    def parse_head(self):
        self.head_end = self.buf.find(b"\r\n\r\n")
        if self.head_end < 0:
            return
        lines = bytes(self.buf[:self.head_end]).decode("latin-1").split("\r\n")
        self.status = int(lines[0].split()[1])
        for line in lines[1:]:
            name, _, value = line.partition(":")
            name, value = name.strip().lower(), value.strip()
            if name == "transfer-encoding":
                self.chunked = value.lower() == "chunked"
            elif name == "content-length":
                self.length = int(value)

    def complete(self):
        """True when the whole response has arrived (before the server closes)."""
        if self.head_end < 0:
            return False
        if self.chunked:
            if not self.buf.endswith(b"0\r\n\r\n"):
                return False
            try:
                dechunk(bytes(self.buf[self.head_end + 4:]))
                return True
            except ValueError:
                return False  # the data merely ends like a last chunk
        return self.length is not None and len(self.buf) - self.head_end - 4 >= self.length

    def finish(self, now, closed_reason=None):
        self.end = now
        body = bytes(self.buf[self.head_end + 4:]) if self.head_end >= 0 else b""
        complete = self.complete() or (closed_reason == "eof" and self.head_end >= 0
                                       and not self.chunked and self.length is None)
        if self.chunked and complete:
            body = dechunk(body)
        if self.head_end < 0:
            self.error = f"no response head ({closed_reason})"
        elif not complete:
            self.error = f"incomplete response ({closed_reason})"
        elif self.status != 200:
            self.error = f"HTTP {self.status}: {body[:120]!r}"
        elif b"data: [DONE]" not in body:
            self.error = f"no [DONE]: ends with {body[-120:]!r}"
        else:
            self.ok = True


def run(host, port, payload, count, timeout_s):
    sel = selectors.DefaultSelector()
    start = time.monotonic()
    streams = []
    for _ in range(count):
        st = Stream(time.monotonic())
        st.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        st.sock.setblocking(False)
        st.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        rc = st.sock.connect_ex((host, port))
        if rc not in (0, errno.EINPROGRESS):
            st.error = f"connect: {errno.errorcode.get(rc, rc)}"
            st.end = time.monotonic()
            st.sock.close()
        else:
            sel.register(st.sock, selectors.EVENT_WRITE, st)
        streams.append(st)

    pending = sum(1 for st in streams if st.error is None)
    deadline = start + timeout_s
    while pending:
        now = time.monotonic()
        if now >= deadline:
            break
        for key, mask in sel.select(min(1.0, deadline - now)):
            st = key.data
            now = time.monotonic()
            reason = None
            if st.connect is None:  # writable: the connection is up (or failed)
                err = st.sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
                if err:
                    reason = f"connect: {errno.errorcode.get(err, err)}"
                else:
                    st.connect = now - st.t0
                    st.sock.send(payload)  # a few hundred bytes: fits the empty send buffer
                    sel.modify(st.sock, selectors.EVENT_READ, st)
                    continue
            else:
                try:
                    data = st.sock.recv(65536)
                except OSError as e:
                    data, reason = b"", f"recv: {e}"
                if data:
                    if st.ttfb is None:
                        st.ttfb = now - st.t0
                    st.buf += data
                    if st.head_end < 0:
                        st.parse_head()
                    if not st.complete():
                        continue
                    reason = "complete"
                elif reason is None:
                    reason = "eof"
            st.finish(now, reason)
            sel.unregister(st.sock)
            st.sock.close()
            pending -= 1
    for st in streams:
        if st.end is None:
            st.error = "timeout"
            st.end = time.monotonic()
            st.sock.close()
    sel.close()
    wall = max(st.end for st in streams) - start
    return streams, wall


def percentile(values, p):
    if not values:
        return 0
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--path", default="/v1/chat/completions")
    parser.add_argument("--key", default="sk-bench")
    parser.add_argument("--model", default="stream-model")
    parser.add_argument("--streams", type=int, default=1000)
    parser.add_argument("--timeout", type=float, default=120, help="seconds for the whole run")
    args = parser.parse_args()

    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    want = max(soft, args.streams + 256)
    if hard != resource.RLIM_INFINITY:
        want = min(want, hard)
    resource.setrlimit(resource.RLIMIT_NOFILE, (want, hard))

    payload = request_bytes(args.host, args.port, args.path, args.key, args.model)
    single, single_wall = run(args.host, args.port, payload, 1, args.timeout)
    if not single[0].ok:
        print(json.dumps({"error": "the single reference stream failed: " + single[0].error}))
        return 1
    streams, wall = run(args.host, args.port, payload, args.streams, args.timeout)
    ok = sum(1 for st in streams if st.ok)
    errors = sorted({st.error for st in streams if st.error})
    ttfb = [st.ttfb * 1000 for st in streams if st.ttfb is not None]
    connect = [st.connect * 1000 for st in streams if st.connect is not None]
    print(json.dumps({
        "streams": args.streams,
        "ok": ok,
        "failed": args.streams - ok,
        "single_s": round(single_wall, 4),
        "wall_s": round(wall, 4),
        "ratio": round(wall / single_wall, 3),
        "ttfb_p50_ms": round(percentile(ttfb, 50), 2),
        "ttfb_max_ms": round(max(ttfb, default=0), 2),
        "connect_max_ms": round(max(connect, default=0), 2),
        "errors": errors[:5],
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
