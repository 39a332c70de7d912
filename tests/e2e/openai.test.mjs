// The official OpenAI SDK (npm "openai"), unmodified, against the gateway: Chat Completions
// and Responses, streamed and not, tool calls streamed as argument deltas, usage, errors.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';

import OpenAI from 'openai';

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
    type: 'function',
    function: {
        name: 'get_weather',
        description: 'Current weather of a city',
        parameters: {
            type: 'object',
            properties: { city: { type: 'string' }, unit: { type: 'string' } },
            required: ['city'],
        },
    },
};

let stack;
let client;

before(async () => {
    stack = await startStack();
    client = new OpenAI({ baseURL: `${stack.gatewayUrl}/v1`, apiKey: ACCESS_KEY, maxRetries: 0 });
});
after(async () => {
    await stack?.stop();
});
beforeEach(async () => {
    await stack.mock.reset();
});

// The gateway must send the upstream key the OpenAI way, never the client's key, and the
// route's upstream model name.
async function assertUpstream(path, upstreamModel) {
    const request = await lastUpstreamRequest(stack);
    assert.equal(request.method, 'POST');
    assert.equal(request.path, path);
    assert.equal(request.headers.authorization, `Bearer ${UPSTREAM_KEY}`);
    assert.equal(request.json.model, upstreamModel);
    return request;
}

describe('OpenAI Chat Completions', () => {
    const model = MODELS.chat.name;
    const messages = [{ role: 'user', content: 'Say hello' }];

    test('create, not streamed: text, finish reason, usage', async () => {
        const completion = await client.chat.completions.create({ model, messages });
        assert.equal(completion.object, 'chat.completion');
        assert.equal(completion.choices[0].message.role, 'assistant');
        assert.equal(completion.choices[0].message.content, TEXT);
        assert.equal(completion.choices[0].finish_reason, 'stop');
        assert.equal(completion.usage.prompt_tokens, 11);
        assert.equal(completion.usage.completion_tokens, 7);
        assert.equal(completion.usage.total_tokens, 18);
        assert.equal(completion.usage.prompt_tokens_details.cached_tokens, 3);
        await assertUpstream('/v1/chat/completions', MODELS.chat.upstream);
    });

    test('create, streamed with include_usage: deltas join to the text, usage chunk last', async () => {
        const stream = await client.chat.completions.create({
            model,
            messages,
            stream: true,
            stream_options: { include_usage: true },
        });
        let text = '';
        let finish = null;
        let usage = null;
        let chunks = 0;
        for await (const chunk of stream) {
            ++chunks;
            assert.equal(chunk.object, 'chat.completion.chunk');
            const choice = chunk.choices[0];
            if (choice?.delta?.content)
                text += choice.delta.content;
            if (choice?.finish_reason)
                finish = choice.finish_reason;
            if (chunk.usage)
                usage = chunk.usage;
        }
        assert.ok(chunks > 3, `only ${chunks} chunks: the stream was not passed on event by event`);
        assert.equal(text, TEXT);
        assert.equal(finish, 'stop');
        assert.deepEqual(
            { p: usage?.prompt_tokens, c: usage?.completion_tokens, cached: usage?.prompt_tokens_details?.cached_tokens },
            { p: 11, c: 7, cached: 3 },
        );
        const upstream = await assertUpstream('/v1/chat/completions', MODELS.chat.upstream);
        assert.equal(upstream.json.stream, true);
    });

    test('create, streamed without include_usage: no usage-only chunk reaches the SDK', async () => {
        const stream = await client.chat.completions.create({ model, messages, stream: true });
        let text = '';
        for await (const chunk of stream) {
            assert.ok(chunk.choices.length > 0, `unrequested usage chunk: ${JSON.stringify(chunk)}`);
            text += chunk.choices[0].delta?.content ?? '';
        }
        assert.equal(text, TEXT);
    });

    test('stream helper with a tool call: argument deltas accumulate to the arguments', async () => {
        await stack.mock.enqueue({ tool_call_arguments: TOOL_PIECES });
        const deltas = [];
        const runner = client.chat.completions.stream({
            model,
            messages: [{ role: 'user', content: 'Weather in Paris?' }],
            tools: [WEATHER_TOOL],
            stream_options: { include_usage: true },
        });
        // The first tool_calls chunk carries the call's id and name with arguments "".
        runner.on('tool_calls.function.arguments.delta', (event) => event.arguments_delta && deltas.push(event.arguments_delta));
        const final = await runner.finalChatCompletion();
        const message = final.choices[0].message;
        assert.equal(final.choices[0].finish_reason, 'tool_calls');
        assert.equal(message.tool_calls.length, 1);
        assert.equal(message.tool_calls[0].type, 'function');
        assert.equal(message.tool_calls[0].function.name, 'get_weather');
        assert.equal(message.tool_calls[0].function.arguments, TOOL_PIECES.join(''));
        assert.deepEqual(JSON.parse(message.tool_calls[0].function.arguments), { city: 'Paris', unit: 'c' });
        assert.deepEqual(deltas, TOOL_PIECES);
        assert.equal(final.usage?.completion_tokens, 7);
        const upstream = await assertUpstream('/v1/chat/completions', MODELS.chat.upstream);
        assert.equal(upstream.json.tools[0].function.name, 'get_weather');
    });

    test('create, not streamed, with a tool call', async () => {
        await stack.mock.enqueue({ tool_call_arguments: TOOL_PIECES });
        const completion = await client.chat.completions.create({ model, messages, tools: [WEATHER_TOOL] });
        const call = completion.choices[0].message.tool_calls[0];
        assert.equal(completion.choices[0].finish_reason, 'tool_calls');
        assert.equal(call.function.name, 'get_weather');
        assert.deepEqual(JSON.parse(call.function.arguments), { city: 'Paris', unit: 'c' });
    });

    test('a stream is passed on as it comes, not buffered', async () => {
        await stack.mock.enqueue(PACED_BEHAVIOR);
        const arrivals = [];
        let text = '';
        for await (const chunk of await client.chat.completions.create({ model, messages, stream: true })) {
            const piece = chunk.choices[0]?.delta?.content;
            if (piece) {
                arrivals.push(performance.now());
                text += piece;
            }
        }
        assert.equal(text, PACED_TEXT);
        assertPaced(arrivals);
    });

    test('ten concurrent streams run at once upstream, not one after another', async () => {
        const count = 10;
        await stack.mock.enqueue(...Array.from({ length: count }, () => PACED_BEHAVIOR));
        const started = performance.now();
        const texts = await Promise.all(
            Array.from({ length: count }, async () => {
                let text = '';
                for await (const chunk of await client.chat.completions.create({ model, messages, stream: true }))
                    text += chunk.choices[0]?.delta?.content ?? '';
                return text;
            }),
        );
        const elapsed = performance.now() - started;
        assert.deepEqual(texts, Array(count).fill(PACED_TEXT));
        const stats = await stack.mock.stats();
        // Each stream takes about 1.3 s (nine chunks 150 ms apart); in series ten take 13 s.
        assert.ok(stats.max_concurrent >= 8, `at most ${stats.max_concurrent} upstream requests at once`);
        assert.ok(elapsed < 5000, `${count} concurrent streams took ${elapsed.toFixed(0)} ms`);
    });

    test('a client leaving mid-stream aborts the upstream request; the gateway serves on', async () => {
        const leaving = scratchModel('chat');
        await stack.mock.enqueue({ ...PACED_BEHAVIOR, chunk_delay_ms: 500 });
        const stream = await client.chat.completions.create({ model: leaving, messages, stream: true });
        for await (const chunk of stream) {
            if (chunk.choices[0]?.delta?.content)
                break; // the SDK aborts the HTTP request
        }
        const stats = await stack.mock.waitForStats((s) => s.aborted >= 1);
        assert.equal(stats.aborted, 1, `upstream not aborted: ${JSON.stringify(stats)}`);
        const completion = await client.chat.completions.create({ model: leaving, messages });
        assert.equal(completion.choices[0].message.content, TEXT);
    });

    test('an image part reaches the upstream unchanged', async () => {
        const url = `data:image/png;base64,${TINY_PNG_BASE64}`;
        const content = [
            { type: 'text', text: 'What is in this image?' },
            { type: 'image_url', image_url: { url, detail: 'low' } },
        ];
        const completion = await client.chat.completions.create({ model, messages: [{ role: 'user', content }] });
        assert.equal(completion.choices[0].message.content, TEXT);
        const upstream = await assertUpstream('/v1/chat/completions', MODELS.chat.upstream);
        assert.deepEqual(upstream.json.messages[0].content, content);
    });

    test('usage of a stream is recorded in the request log', async () => {
        const logged = scratchModel('chat');
        const stream = await client.chat.completions.create({ model: logged, messages, stream: true });
        for await (const chunk of stream)
            assert.ok(chunk);
        const row = await stack.waitForLogRow(logged);
        assert.equal(String(row.status), '200');
        assert.equal(row.stream, true);
        assert.equal(row.protocol, 'openai');
        assert.equal(row.upstream_model, MODELS.chat.upstream);
        assert.deepEqual([row.input_tokens, row.output_tokens, row.cached_tokens], [11, 7, 3]);
    });

    test('a wrong key is an AuthenticationError (401)', async () => {
        const bad = new OpenAI({ baseURL: `${stack.gatewayUrl}/v1`, apiKey: 'sk-wrong', maxRetries: 0 });
        await assert.rejects(bad.chat.completions.create({ model, messages }), (error) => {
            assert.ok(error instanceof OpenAI.AuthenticationError, `${error.constructor.name}: ${error.message}`);
            assert.equal(error.status, 401);
            return true;
        });
        assert.equal((await stack.mock.requests()).length, 0, 'an unauthenticated request reached the upstream');
    });

    test('an unknown model is a NotFoundError (404)', async () => {
        await assert.rejects(client.chat.completions.create({ model: 'no-such-model', messages }), (error) => {
            assert.ok(error instanceof OpenAI.NotFoundError, `${error.constructor.name}: ${error.message}`);
            assert.equal(error.status, 404);
            assert.match(error.message, /no-such-model/);
            return true;
        });
    });

    test('an upstream 429 stays a RateLimitError', async () => {
        await stack.mock.enqueue({ kind: 'http_error', status: 429, headers: { 'Retry-After': '1' } });
        await assert.rejects(client.chat.completions.create({ model: scratchModel('chat'), messages }), (error) => {
            assert.ok(error instanceof OpenAI.RateLimitError, `${error.constructor.name}: ${error.message}`);
            assert.equal(error.status, 429);
            return true;
        });
    });

    test('an error event after output makes the SDK stream throw an APIError', async () => {
        await stack.mock.enqueue({ kind: 'error_after_content', status: 500 });
        const stream = await client.chat.completions.create({ model: scratchModel('chat'), messages, stream: true });
        let text = '';
        await assert.rejects(
            (async () => {
                for await (const chunk of stream)
                    text += chunk.choices[0]?.delta?.content ?? '';
            })(),
            (error) => {
                assert.ok(error instanceof OpenAI.APIError, `${error.constructor.name}: ${error.message}`);
                return true;
            },
        );
        assert.ok(text.length > 0, 'no output before the error');
    });

    test('an error event before any output fails over, unseen by the SDK', async () => {
        const failover = failoverModel('chat');
        await stack.mock.enqueue({ kind: 'error_before_content', status: 500 });
        const stream = await client.chat.completions.create({ model: failover.name, messages, stream: true });
        let text = '';
        for await (const chunk of stream)
            text += chunk.choices[0]?.delta?.content ?? '';
        assert.equal(text, TEXT);
        const models = (await stack.mock.requests()).map((r) => JSON.parse(r.body).model);
        assert.deepEqual(models, [failover.primary, failover.backup]);
    });

    test('models.list names the gateway models', async () => {
        const ids = [];
        for await (const m of client.models.list())
            ids.push(m.id);
        assert.ok(ids.includes(model), `models: ${ids.join(', ')}`);
    });

    // GET /v1/models/{id} shares its path with Gemini's POST /v1/models/{model}:... .
    test('models.retrieve answers the model', async () => {
        const m = await client.models.retrieve(model);
        assert.equal(m.id, model);
        assert.equal(m.object, 'model');
        await assert.rejects(client.models.retrieve('no-such-model'), OpenAI.NotFoundError);
    });
});

// The text of a Responses object's message items (a streamed final response has no
// output_text convenience field).
function outputText(response) {
    return response.output
        .filter((item) => item.type === 'message')
        .flatMap((item) => item.content)
        .filter((part) => part.type === 'output_text')
        .map((part) => part.text)
        .join('');
}

describe('OpenAI Responses', () => {
    const model = MODELS.responses.name;
    const FUNCTION_TOOL = {
        type: 'function',
        name: 'get_weather',
        description: 'Current weather of a city',
        parameters: WEATHER_TOOL.function.parameters,
        strict: false,
    };

    test('create, not streamed: output_text and usage', async () => {
        const response = await client.responses.create({ model, input: 'Say hello' });
        assert.equal(response.object, 'response');
        assert.equal(response.status, 'completed');
        assert.equal(response.output_text, TEXT);
        assert.equal(response.usage.input_tokens, 11);
        assert.equal(response.usage.output_tokens, 7);
        assert.equal(response.usage.input_tokens_details.cached_tokens, 3);
        await assertUpstream('/v1/responses', MODELS.responses.upstream);
    });

    test('create, streamed: text deltas, response.completed with usage', async () => {
        const stream = await client.responses.create({ model, input: 'Say hello', stream: true });
        const types = [];
        let text = '';
        let completed = null;
        for await (const event of stream) {
            types.push(event.type);
            if (event.type === 'response.output_text.delta')
                text += event.delta;
            if (event.type === 'response.completed')
                completed = event.response;
        }
        assert.equal(types[0], 'response.created');
        assert.equal(types.at(-1), 'response.completed');
        assert.ok(types.includes('response.output_text.done'), types.join(' '));
        assert.equal(text, TEXT);
        assert.equal(completed.usage.input_tokens, 11);
        assert.equal(completed.usage.output_tokens, 7);
        assert.equal(outputText(completed), TEXT);
    });

    test('a stream is passed on as it comes, not buffered', async () => {
        await stack.mock.enqueue(PACED_BEHAVIOR);
        const arrivals = [];
        let text = '';
        for await (const event of await client.responses.create({ model, input: 'count', stream: true })) {
            if (event.type === 'response.output_text.delta') {
                arrivals.push(performance.now());
                text += event.delta;
            }
        }
        assert.equal(text, PACED_TEXT);
        assertPaced(arrivals);
    });

    test('an input image reaches the upstream unchanged', async () => {
        const input = [
            {
                role: 'user',
                content: [
                    { type: 'input_text', text: 'What is in this image?' },
                    { type: 'input_image', image_url: `data:image/png;base64,${TINY_PNG_BASE64}`, detail: 'low' },
                ],
            },
        ];
        const response = await client.responses.create({ model, input });
        assert.equal(response.output_text, TEXT);
        const upstream = await assertUpstream('/v1/responses', MODELS.responses.upstream);
        assert.deepEqual(upstream.json.input, input);
    });

    test('stream helper with a function call: argument deltas and the final call', async () => {
        await stack.mock.enqueue({ tool_call_arguments: TOOL_PIECES });
        const deltas = [];
        const stream = client.responses.stream({ model, input: 'Weather in Paris?', tools: [FUNCTION_TOOL] });
        stream.on('response.function_call_arguments.delta', (event) => deltas.push(event.delta));
        const final = await stream.finalResponse();
        const call = final.output.find((item) => item.type === 'function_call');
        assert.ok(call, `no function_call in ${JSON.stringify(final.output)}`);
        assert.equal(call.name, 'get_weather');
        assert.equal(call.arguments, TOOL_PIECES.join(''));
        assert.deepEqual(deltas, TOOL_PIECES);
        const upstream = await assertUpstream('/v1/responses', MODELS.responses.upstream);
        assert.equal(upstream.json.tools[0].name, 'get_weather');
    });

    test('usage of a stream is recorded in the request log', async () => {
        const logged = scratchModel('responses');
        await client.responses.stream({ model: logged, input: 'log me' }).finalResponse();
        const row = await stack.waitForLogRow(logged);
        assert.equal(String(row.status), '200');
        assert.equal(row.protocol, 'openai-responses');
        assert.deepEqual([row.input_tokens, row.output_tokens, row.cached_tokens], [11, 7, 3]);
    });

    test('an error event before any output fails over, unseen by the SDK', async () => {
        const failover = failoverModel('responses');
        await stack.mock.enqueue({ kind: 'error_before_content', status: 500 });
        const final = await client.responses.stream({ model: failover.name, input: 'hi' }).finalResponse();
        assert.equal(outputText(final), TEXT);
        const models = (await stack.mock.requests()).map((r) => JSON.parse(r.body).model);
        assert.deepEqual(models, [failover.primary, failover.backup]);
    });

    test('a wrong key is an AuthenticationError (401)', async () => {
        const bad = new OpenAI({ baseURL: `${stack.gatewayUrl}/v1`, apiKey: 'sk-wrong', maxRetries: 0 });
        await assert.rejects(bad.responses.create({ model, input: 'hi' }), OpenAI.AuthenticationError);
    });

    test('an unknown model is a NotFoundError (404)', async () => {
        await assert.rejects(client.responses.create({ model: 'no-such-model', input: 'hi' }), OpenAI.NotFoundError);
    });

    test('an upstream error event after output fails the SDK stream', async () => {
        await stack.mock.enqueue({ kind: 'error_after_content', status: 500 });
        const stream = await client.responses.create({ model: scratchModel('responses'), input: 'hi', stream: true });
        const types = [];
        let failure = null;
        try {
            for await (const event of stream)
                types.push(event.type);
        } catch (error) {
            failure = error;
        }
        // The SDK throws on the "error" event (or the stream ends with response.failed).
        assert.ok(failure instanceof OpenAI.APIError || types.includes('response.failed'), `events: ${types.join(' ')}`);
        assert.ok(types.includes('response.output_text.delta'), `events: ${types.join(' ')}`);
    });
});
