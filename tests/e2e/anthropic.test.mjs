// The official Anthropic SDK (npm "@anthropic-ai/sdk"), unmodified, against the gateway:
// messages.create streamed and not, messages.stream with tool use (input_json deltas) and
// thinking, countTokens (forwarded and estimated), usage, errors.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';

import Anthropic from '@anthropic-ai/sdk';

import {
    ACCESS_KEY,
    MODELS,
    PACED_BEHAVIOR,
    PACED_TEXT,
    TINY_PNG_BASE64,
    UPSTREAM_KEY,
    assertPaced,
    failoverModel,
    lastUpstreamRequest,
    scratchModel,
    startStack,
} from './harness.mjs';

const TEXT = 'Hello from the mock provider.';
const TOOL_PIECES = ['{"city":', '"Paris",', '"unit":"c"}'];
const WEATHER_TOOL = {
    name: 'get_weather',
    description: 'Current weather of a city',
    input_schema: {
        type: 'object',
        properties: { city: { type: 'string' }, unit: { type: 'string' } },
        required: ['city'],
    },
};

let stack;
let client;

before(async () => {
    stack = await startStack();
    client = new Anthropic({ baseURL: stack.gatewayUrl, apiKey: ACCESS_KEY, maxRetries: 0 });
});
after(async () => {
    await stack?.stop();
});
beforeEach(async () => {
    await stack.mock.reset();
});

describe('Anthropic Messages', () => {
    const model = MODELS.anthropic.name;
    const messages = [{ role: 'user', content: 'Say hello' }];

    // The upstream gets the provider's key as x-api-key, an anthropic-version, the upstream
    // model name, and never the client's key.
    async function assertUpstream(path = '/v1/messages') {
        const request = await lastUpstreamRequest(stack);
        assert.equal(request.method, 'POST');
        assert.equal(request.path.split('?')[0], path);
        assert.equal(request.headers['x-api-key'], UPSTREAM_KEY);
        assert.ok(request.headers['anthropic-version'], 'no anthropic-version upstream');
        assert.ok(!JSON.stringify(request.headers).includes(ACCESS_KEY), 'the client key went upstream');
        assert.equal(request.json.model, MODELS.anthropic.upstream);
        return request;
    }

    test('create, not streamed: text, stop reason, usage with cache reads', async () => {
        const message = await client.messages.create({ model, max_tokens: 64, messages });
        assert.equal(message.type, 'message');
        assert.equal(message.role, 'assistant');
        assert.equal(message.content.length, 1);
        assert.equal(message.content[0].type, 'text');
        assert.equal(message.content[0].text, TEXT);
        assert.equal(message.stop_reason, 'end_turn');
        assert.equal(message.usage.input_tokens, 8);
        assert.equal(message.usage.cache_read_input_tokens, 3);
        assert.equal(message.usage.output_tokens, 7);
        await assertUpstream();
    });

    test('create, streamed: named events in order, text deltas, usage', async () => {
        const stream = await client.messages.create({ model, max_tokens: 64, messages, stream: true });
        const types = [];
        let text = '';
        let inputTokens = null;
        let outputTokens = null;
        for await (const event of stream) {
            types.push(event.type);
            if (event.type === 'message_start')
                inputTokens = event.message.usage.input_tokens;
            if (event.type === 'content_block_delta' && event.delta.type === 'text_delta')
                text += event.delta.text;
            if (event.type === 'message_delta')
                outputTokens = event.usage.output_tokens;
        }
        assert.equal(types[0], 'message_start');
        assert.equal(types.at(-1), 'message_stop');
        assert.ok(types.includes('content_block_start') && types.includes('content_block_stop'), types.join(' '));
        assert.equal(text, TEXT);
        assert.equal(inputTokens, 8);
        assert.equal(outputTokens, 7);
        const upstream = await assertUpstream();
        assert.equal(upstream.json.stream, true);
    });

    test('messages.stream with tool use: input_json deltas build the tool input', async () => {
        await stack.mock.enqueue({ tool_call_arguments: TOOL_PIECES });
        const partials = [];
        const stream = client.messages.stream({
            model,
            max_tokens: 256,
            messages: [{ role: 'user', content: 'Weather in Paris?' }],
            tools: [WEATHER_TOOL],
        });
        stream.on('inputJson', (partialJson) => partials.push(partialJson));
        const final = await stream.finalMessage();
        assert.equal(final.stop_reason, 'tool_use');
        const toolUse = final.content.find((block) => block.type === 'tool_use');
        assert.ok(toolUse, `no tool_use block in ${JSON.stringify(final.content)}`);
        assert.equal(toolUse.name, 'get_weather');
        assert.deepEqual(toolUse.input, { city: 'Paris', unit: 'c' });
        assert.deepEqual(partials, TOOL_PIECES);
        assert.equal(final.usage.output_tokens, 7);
        const upstream = await assertUpstream();
        assert.equal(upstream.json.tools[0].name, 'get_weather');
    });

    test('messages.stream with thinking: the thinking block and its signature arrive', async () => {
        await stack.mock.enqueue({ thinking: 'Let me think about it.' });
        const stream = client.messages.stream({
            model,
            max_tokens: 2048,
            thinking: { type: 'enabled', budget_tokens: 1024 },
            messages,
        });
        const final = await stream.finalMessage();
        const thinking = final.content.find((block) => block.type === 'thinking');
        assert.ok(thinking, `no thinking block in ${JSON.stringify(final.content)}`);
        assert.equal(thinking.thinking, 'Let me think about it.');
        assert.ok(thinking.signature.length > 0, 'no signature');
        assert.equal(final.content.find((block) => block.type === 'text')?.text, TEXT);
    });

    test('a stream is passed on as it comes, not buffered', async () => {
        await stack.mock.enqueue(PACED_BEHAVIOR);
        const arrivals = [];
        const stream = client.messages.stream({ model, max_tokens: 64, messages });
        stream.on('text', () => arrivals.push(performance.now()));
        const final = await stream.finalMessage();
        assert.equal(final.content[0].text, PACED_TEXT);
        assertPaced(arrivals);
    });

    test('beta.messages: ?beta=true and the anthropic-beta header reach the upstream', async () => {
        const message = await client.beta.messages.create({
            model,
            max_tokens: 64,
            messages,
            betas: ['interleaved-thinking-2025-05-14'],
        });
        assert.equal(message.content[0].text, TEXT);
        const upstream = await assertUpstream();
        assert.equal(upstream.headers['anthropic-beta'], 'interleaved-thinking-2025-05-14');
    });

    test('an image block reaches the upstream unchanged', async () => {
        const content = [
            { type: 'image', source: { type: 'base64', media_type: 'image/png', data: TINY_PNG_BASE64 } },
            { type: 'text', text: 'What is in this image?' },
        ];
        const message = await client.messages.create({ model, max_tokens: 64, messages: [{ role: 'user', content }] });
        assert.equal(message.content[0].text, TEXT);
        const upstream = await assertUpstream();
        assert.deepEqual(upstream.json.messages[0].content, content);
    });

    test('countTokens with an Anthropic route is forwarded', async () => {
        const result = await client.messages.countTokens({ model, messages });
        assert.equal(result.input_tokens, 11);
        await assertUpstream('/v1/messages/count_tokens');
    });

    test('countTokens for a model without an Anthropic route is estimated locally', async () => {
        const result = await client.messages.countTokens({
            model: MODELS.chat.name,
            system: 'You are terse.',
            messages: [{ role: 'user', content: 'Count the tokens of this sentence, please.' }],
        });
        assert.ok(Number.isInteger(result.input_tokens) && result.input_tokens > 0, JSON.stringify(result));
        assert.equal((await stack.mock.requests()).length, 0, 'the estimate went upstream');
    });

    test('a Bearer auth token (ANTHROPIC_AUTH_TOKEN style) is accepted', async () => {
        const bearer = new Anthropic({ baseURL: stack.gatewayUrl, apiKey: null, authToken: ACCESS_KEY, maxRetries: 0 });
        const message = await bearer.messages.create({ model, max_tokens: 64, messages });
        assert.equal(message.content[0].text, TEXT);
    });

    test('usage of a stream is recorded in the request log (cache reads apart)', async () => {
        const logged = scratchModel('anthropic');
        await client.messages.stream({ model: logged, max_tokens: 64, messages }).finalMessage();
        const row = await stack.waitForLogRow(logged);
        assert.equal(String(row.status), '200');
        assert.equal(row.stream, true);
        assert.equal(row.protocol, 'anthropic');
        assert.deepEqual([row.input_tokens, row.output_tokens, row.cached_tokens], [11, 7, 3]);
    });

    test('a wrong key is an AuthenticationError (401)', async () => {
        const bad = new Anthropic({ baseURL: stack.gatewayUrl, apiKey: 'sk-wrong', maxRetries: 0 });
        await assert.rejects(bad.messages.create({ model, max_tokens: 64, messages }), (error) => {
            assert.ok(error instanceof Anthropic.AuthenticationError, `${error.constructor.name}: ${error.message}`);
            assert.equal(error.status, 401);
            assert.equal(error.error?.type, 'error');
            assert.equal(error.error?.error?.type, 'authentication_error');
            return true;
        });
        assert.equal((await stack.mock.requests()).length, 0, 'an unauthenticated request reached the upstream');
    });

    test('an unknown model is a NotFoundError (404)', async () => {
        await assert.rejects(
            client.messages.create({ model: 'no-such-model', max_tokens: 64, messages }),
            (error) => {
                assert.ok(error instanceof Anthropic.NotFoundError, `${error.constructor.name}: ${error.message}`);
                assert.equal(error.error?.error?.type, 'not_found_error');
                assert.match(error.message, /no-such-model/);
                return true;
            },
        );
    });

    test('an overloaded error event after output makes the SDK stream throw', async () => {
        await stack.mock.enqueue({ kind: 'error_after_content', status: 529 });
        const stream = await client.messages.create({ model: scratchModel('anthropic'), max_tokens: 64, messages, stream: true });
        let text = '';
        await assert.rejects(
            (async () => {
                for await (const event of stream) {
                    if (event.type === 'content_block_delta' && event.delta.type === 'text_delta')
                        text += event.delta.text;
                }
            })(),
            (error) => {
                assert.ok(error instanceof Anthropic.APIError, `${error.constructor.name}: ${error.message}`);
                assert.match(error.message, /overloaded/);
                return true;
            },
        );
        assert.ok(text.length > 0, 'no output before the error');
    });

    test('an overloaded error event before any output fails over, unseen by the SDK', async () => {
        const failover = failoverModel('anthropic');
        await stack.mock.enqueue({ kind: 'error_before_content', status: 529 });
        const final = await client.messages.stream({ model: failover.name, max_tokens: 64, messages }).finalMessage();
        assert.equal(final.content[0].text, TEXT);
        const models = (await stack.mock.requests()).map((r) => JSON.parse(r.body).model);
        assert.deepEqual(models, [failover.primary, failover.backup]);
    });

    test('models.list answers in Anthropic shape', async () => {
        const ids = [];
        for await (const m of client.models.list())
            ids.push(m.id);
        assert.ok(ids.includes(model), `models: ${ids.join(', ')}`);
    });

    test('models.retrieve answers the model', async () => {
        const m = await client.models.retrieve(model);
        assert.equal(m.id, model);
        assert.equal(m.type, 'model');
    });
});
