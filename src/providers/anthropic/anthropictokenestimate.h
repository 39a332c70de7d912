#pragma once

#include <QByteArray>
#include <QtGlobal>

// POST /v1/messages/count_tokens support: the upstream path and a local estimate for when no
// Anthropic route exists (coding agents call the endpoint dozens of times a second, and a 404
// breaks them).
namespace AnthropicMessages {

// The count_tokens path relative to the provider base_url: "/v1/messages/count_tokens".
QByteArray countTokensPath();

// A local estimate of the input tokens of a Messages (or count_tokens) request body, without
// a tokenizer and without building a DOM: one validating pass over the body plus one pass per
// nesting level of the parts it counts. -1 when the body is not a JSON object.
//
// What is counted:
// - text: the raw bytes of every counted JSON string, weighted by UTF-8 shape: an ASCII byte
//   is 1/4 token (the reference's "about 4 characters per token"), a 2-byte character 1/2
//   token, a 3- or 4-byte character (CJK, emoji) 1 token. Escapes are counted as written.
// - system: a string, or the text of its blocks, plus 1 token of framing.
// - messages: 4 tokens each for the turn framing, plus per content block: text; image (below);
//   tool_use / server_tool_use id, name and input (the input's JSON without the whitespace
//   between tokens); tool_result tool_use_id and content (string or blocks, images included);
//   document: text source data, content blocks, base64 PDF at 3,000 tokens per page (the top
//   of the PDF guide's 1,500-3,000 text tokens per page; pages counted from "/Type /Page"
//   objects, else one per 100 KiB), other sources one page; thinking and redacted_thinking
//   only in a final assistant turn (the reference ignores thinking of earlier turns); any
//   other block: all of its JSON text.
// - images: AnthropicImage::tokensForSize() of the size read from the base64 data's header
//   (PNG, JPEG, GIF, WebP), else AnthropicImage::UnknownImageTokens (URL and file sources).
// - tools: name, description and input_schema JSON of each tool (server tools without a
//   schema: all of their JSON text), plus the tool-use system prompt the API adds when tools
//   are present: 346 tokens, 313 with tool_choice "any" or "tool" (the tool use guide's
//   figures for current models).
// - 1 token per request.
// The framing constants are calibrated on the reference's examples (system "You are a
// scientist" with "Hello, Claude" counts 14; the get_weather tool example 403). Newer
// tokenizers yield up to ~30% more tokens for the same text: this is an estimate, as the
// count_tokens reference says of its own answer.
qint64 estimateInputTokens(const QByteArray &body);

// The count_tokens answer: {"input_tokens":N}.
QByteArray countTokensResponse(qint64 tokens);

} // namespace AnthropicMessages
