#!/usr/bin/env python3
"""Writes the mock provider's expected wire bytes (tests/data/*/mock-*) for
tst_support_mockprovider, independently of the C++ mock: each object is spelled out here in
the field order of the protocol's API reference and serialised with Python's json module, the
way the real APIs write them (compact for Anthropic and OpenAI streams, two-space indent for
OpenAI Responses and Gemini bodies, ", "/": " one-liners for Gemini SSE chunks).

The OpenAI Chat Completions fixtures (tests/data/openai/mock-*) were written by hand from the
reference and are not generated here.

Run from anywhere: python3 tests/support/make_mock_fixtures.py
"""

import base64
import json
import os

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data")

# What every fixture's request gets from the mock's default Behavior (first request: n = 1).
PROVIDER = "mock"
N = 1
TEXT = "Hello from the mock provider."
PROMPT, COMPLETION, CACHED = 11, 7, 3
TOOL_NAME = "get_weather"
TOOL_PIECES = ['{"city":', '"Paris"}']
CREATED = 1735689600  # 2025-01-01T00:00:00Z


def words(text):
    """'Hello from the' -> ['Hello', ' from', ' the'] (spaces stay in front, as tokens)."""
    out, start = [], 0
    for i in range(1, len(text) + 1):
        if i == len(text) or text[i] == " ":
            out.append(text[start:i])
            start = i
    return out


def compact(obj):
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def write(folder, name, data):
    path = os.path.join(DATA, folder, name)
    with open(path, "wb") as f:
        f.write(data.encode("utf-8"))
    print("wrote", os.path.relpath(path, DATA))


# --- Anthropic Messages -------------------------------------------------------------------

def anthropic_usage(output_tokens):
    return {"input_tokens": PROMPT - CACHED, "cache_creation_input_tokens": 0,
            "cache_read_input_tokens": CACHED, "output_tokens": output_tokens}


def anthropic_event(name, data):
    return "event: %s\ndata: %s\n\n" % (name, compact(data))


def anthropic_stream(model, thinking="", tool=False):
    msg_id = "msg_%s_%d" % (PROVIDER, N)
    signature = base64.b64encode(("mock-signature-%s-%d" % (PROVIDER, N)).encode()).decode()
    out = [anthropic_event("message_start", {"type": "message_start", "message": {
        "id": msg_id, "type": "message", "role": "assistant", "content": [], "model": model,
        "stop_reason": None, "stop_sequence": None, "usage": anthropic_usage(1)}})]
    blocks = []
    if thinking:
        blocks.append(({"type": "thinking", "thinking": ""},
                       [{"type": "thinking_delta", "thinking": w} for w in words(thinking)]
                       + [{"type": "signature_delta", "signature": signature}]))
    if tool:
        blocks.append(({"type": "tool_use", "id": "toolu_%s_%d" % (PROVIDER, N),
                        "name": TOOL_NAME, "input": {}},
                       [{"type": "input_json_delta", "partial_json": p} for p in TOOL_PIECES]))
    else:
        blocks.append(({"type": "text", "text": ""},
                       [{"type": "text_delta", "text": w} for w in words(TEXT)]))
    for index, (block, deltas) in enumerate(blocks):
        out.append(anthropic_event("content_block_start", {
            "type": "content_block_start", "index": index, "content_block": block}))
        if index == 0:
            out.append(anthropic_event("ping", {"type": "ping"}))
        for delta in deltas:
            out.append(anthropic_event("content_block_delta", {
                "type": "content_block_delta", "index": index, "delta": delta}))
        out.append(anthropic_event("content_block_stop",
                                   {"type": "content_block_stop", "index": index}))
    stop = "tool_use" if tool else "end_turn"
    out.append(anthropic_event("message_delta", {
        "type": "message_delta", "delta": {"stop_reason": stop, "stop_sequence": None},
        "usage": {"output_tokens": COMPLETION}}))
    out.append(anthropic_event("message_stop", {"type": "message_stop"}))
    return "".join(out)


def anthropic_message(model, tool=False):
    content = ([{"type": "tool_use", "id": "toolu_%s_%d" % (PROVIDER, N), "name": TOOL_NAME,
                 "input": json.loads("".join(TOOL_PIECES))}] if tool
               else [{"type": "text", "text": TEXT}])
    return compact({"id": "msg_%s_%d" % (PROVIDER, N), "type": "message", "role": "assistant",
                    "content": content, "model": model,
                    "stop_reason": "tool_use" if tool else "end_turn", "stop_sequence": None,
                    "usage": anthropic_usage(COMPLETION)})


def anthropic():
    model = "claude-sonnet-4-5"
    write("anthropic", "mock-message.json", anthropic_message(model))
    write("anthropic", "mock-message-tool.json", anthropic_message(model, tool=True))
    write("anthropic", "mock-stream.sse", anthropic_stream(model))
    write("anthropic", "mock-stream-tool.sse", anthropic_stream(model, tool=True))
    write("anthropic", "mock-stream-thinking.sse",
          anthropic_stream(model, thinking="Let me think."))
    write("anthropic", "mock-stream-error.sse", anthropic_event("error", {
        "type": "error", "error": {"type": "overloaded_error", "message": "Overloaded"}}))
    write("anthropic", "mock-error-429.json", compact({"type": "error", "error": {
        "type": "rate_limit_error",
        "message": "This request would exceed the rate limit for your organization. "
                   "Please try again later."}}))
    write("anthropic", "mock-count-tokens.json", compact({"input_tokens": PROMPT}))
    ids = ["gpt-4o-mini", "gpt-4o", "mock-model"]
    write("anthropic", "mock-models.json", compact({
        "data": [{"type": "model", "id": i, "display_name": i,
                  "created_at": "2025-01-01T00:00:00Z"} for i in ids],
        "has_more": False, "first_id": ids[0], "last_id": ids[-1]}))


# --- OpenAI Responses ---------------------------------------------------------------------

def responses_object(model, status, output, usage, error=None):
    return {"id": "resp_%s_%d" % (PROVIDER, N), "object": "response", "created_at": CREATED,
            "status": status, "error": error, "incomplete_details": None, "instructions": None,
            "max_output_tokens": None, "model": model, "output": output,
            "parallel_tool_calls": True, "previous_response_id": None,
            "reasoning": {"effort": None, "summary": None}, "store": True, "temperature": 1.0,
            "text": {"format": {"type": "text"}}, "tool_choice": "auto", "tools": [],
            "top_p": 1.0, "truncation": "disabled", "usage": usage, "user": None,
            "metadata": {}}


RESPONSES_USAGE = {"input_tokens": PROMPT, "input_tokens_details": {"cached_tokens": CACHED},
                   "output_tokens": COMPLETION,
                   "output_tokens_details": {"reasoning_tokens": 0},
                   "total_tokens": PROMPT + COMPLETION}


def responses_item(tool, done):
    status = "completed" if done else "in_progress"
    if tool:
        return {"type": "function_call", "id": "fc_%s_%d" % (PROVIDER, N),
                "call_id": "call_%d" % N, "name": TOOL_NAME,
                "arguments": "".join(TOOL_PIECES) if done else "", "status": status}
    return {"type": "message", "id": "msg_%s_%d" % (PROVIDER, N), "status": status,
            "role": "assistant",
            "content": [{"type": "output_text", "text": TEXT, "annotations": []}] if done else []}


def responses_events(model, tool=False):
    """(event bytes, is content) of a complete stream."""
    events = []

    def add(kind, fields, content=False):
        data = {"type": kind, "sequence_number": len(events)}
        data.update(fields)
        events.append(("event: %s\ndata: %s\n\n" % (kind, compact(data)), content))

    pending = responses_object(model, "in_progress", [], None)
    item_id = responses_item(tool, False)["id"]
    add("response.created", {"response": pending})
    add("response.in_progress", {"response": pending})
    add("response.output_item.added", {"output_index": 0, "item": responses_item(tool, False)})
    if tool:
        for piece in TOOL_PIECES:
            add("response.function_call_arguments.delta",
                {"item_id": item_id, "output_index": 0, "delta": piece}, True)
        add("response.function_call_arguments.done",
            {"item_id": item_id, "output_index": 0, "arguments": "".join(TOOL_PIECES)})
    else:
        part = {"item_id": item_id, "output_index": 0, "content_index": 0}
        add("response.content_part.added",
            dict(part, part={"type": "output_text", "text": "", "annotations": []}))
        for w in words(TEXT):
            add("response.output_text.delta", dict(part, delta=w), True)
        add("response.output_text.done", dict(part, text=TEXT))
        add("response.content_part.done",
            dict(part, part={"type": "output_text", "text": TEXT, "annotations": []}))
    add("response.output_item.done", {"output_index": 0, "item": responses_item(tool, True)})
    add("response.completed", {"response": responses_object(
        model, "completed", [responses_item(tool, True)], RESPONSES_USAGE)})
    return events


def responses():
    model = "gpt-4.1"
    for tool, suffix in ((False, ""), (True, "-tool")):
        body = responses_object(model, "completed", [responses_item(tool, True)],
                                RESPONSES_USAGE)
        write("responses", "mock-response%s.json" % suffix, pretty(body) + "\n")
        write("responses", "mock-stream%s.sse" % suffix,
              "".join(e for e, _ in responses_events(model, tool)))
    server_error = ("The server had an error while processing your request. "
                    "Sorry about that!")
    rate_limit = ("Rate limit reached for gpt-4.1 in organization org-mock on requests per min "
                  "(RPM): Limit 3, Used 3, Requested 1. Please try again in 20s.")
    events = responses_events(model)
    # ErrorEventBeforeContent, status 500: the two lifecycle events, then "error".
    before = [e for e, _ in events[:2]]
    before.append("event: error\ndata: %s\n\n" % compact({
        "type": "error", "sequence_number": 2, "code": None, "message": server_error,
        "param": None}))
    write("responses", "mock-stream-error-before.sse", "".join(before))
    # ErrorEventAfterContent, status 429: up to the first delta, "error", response.failed.
    first = next(i for i, (_, content) in enumerate(events) if content)
    after = [e for e, _ in events[:first + 1]]
    seq = first + 1
    after.append("event: error\ndata: %s\n\n" % compact({
        "type": "error", "sequence_number": seq, "code": "rate_limit_exceeded",
        "message": rate_limit, "param": None}))
    after.append("event: response.failed\ndata: %s\n\n" % compact({
        "type": "response.failed", "sequence_number": seq + 1,
        "response": responses_object(model, "failed", [], None,
                                     {"code": "rate_limit_exceeded", "message": rate_limit})}))
    write("responses", "mock-stream-error-after.sse", "".join(after))


# --- Gemini -------------------------------------------------------------------------------

def gemini_usage(reasoning=0):
    usage = {"promptTokenCount": PROMPT, "candidatesTokenCount": COMPLETION - reasoning,
             "totalTokenCount": PROMPT + COMPLETION, "cachedContentTokenCount": CACHED,
             "promptTokensDetails": [{"modality": "TEXT", "tokenCount": PROMPT}],
             "cacheTokensDetails": [{"modality": "TEXT", "tokenCount": CACHED}]}
    if reasoning:
        usage["thoughtsTokenCount"] = reasoning
    return usage


def gemini_chunk(model, parts, finished, reasoning=0):
    candidate = {"content": {"parts": parts, "role": "model"}}
    if finished:
        candidate["finishReason"] = "STOP"
    candidate["index"] = 0
    return {"candidates": [candidate], "usageMetadata": gemini_usage(reasoning),
            "modelVersion": model, "responseId": "%s-%d" % (PROVIDER, N)}


def gemini_call():
    return {"functionCall": {"name": TOOL_NAME, "args": json.loads("".join(TOOL_PIECES))}}


def gemini_chunks(model, tool=False, thinking="", reasoning=0):
    chunks = [gemini_chunk(model, [{"text": w, "thought": True}], False, reasoning)
              for w in words(thinking)]
    if tool:
        chunks.append(gemini_chunk(model, [gemini_call()], False, reasoning))
        chunks.append(gemini_chunk(model, [{"text": ""}], True, reasoning))
    else:
        ws = words(TEXT)
        chunks += [gemini_chunk(model, [{"text": w}], i + 1 == len(ws), reasoning)
                   for i, w in enumerate(ws)]
    return chunks


def sse(chunk):
    return "data: " + json.dumps(chunk, ensure_ascii=False, separators=(",", ": ")) + "\r\n\r\n"


def pretty(obj):
    return json.dumps(obj, ensure_ascii=False, indent=2)


def gemini():
    model = "gemini-2.5-flash"
    write("gemini", "mock-response.json",
          pretty(gemini_chunk(model, [{"text": TEXT}], True)) + "\n")
    write("gemini", "mock-response-thinking-tool.json", pretty(gemini_chunk(
        model, [{"text": "Let me think.", "thought": True}, gemini_call()], True, 2)) + "\n")
    write("gemini", "mock-stream.sse", "".join(sse(c) for c in gemini_chunks(model)))
    write("gemini", "mock-stream-tool.sse",
          "".join(sse(c) for c in gemini_chunks(model, tool=True)))
    write("gemini", "mock-stream-thinking.sse",
          "".join(sse(c) for c in gemini_chunks(model, thinking="Let me think.", reasoning=2)))
    write("gemini", "mock-stream-array.json",
          "[" + "\n,\r\n".join(pretty(c) for c in gemini_chunks(model)) + "\n]")
    error_429 = {"error": {"code": 429,
                           "message": "Resource has been exhausted (e.g. check quota).",
                           "status": "RESOURCE_EXHAUSTED"}}
    write("gemini", "mock-error-429.json", pretty(error_429) + "\n")
    write("gemini", "mock-error-429-array.json", "[" + pretty(error_429) + "\n]")
    error_503 = {"error": {"code": 503,
                           "message": "The model is overloaded. Please try again later.",
                           "status": "UNAVAILABLE"}}
    write("gemini", "mock-stream-error-after.sse",
          sse(gemini_chunks(model)[0]) + sse(error_503))
    ids = ["gpt-4o-mini", "gpt-4o", "mock-model"]
    write("gemini", "mock-models.json", pretty({"models": [
        {"name": "models/" + i, "version": "001", "displayName": i, "inputTokenLimit": 1048576,
         "outputTokenLimit": 65536,
         "supportedGenerationMethods": ["generateContent", "countTokens"]} for i in ids]})
        + "\n")


if __name__ == "__main__":
    anthropic()
    responses()
    gemini()
