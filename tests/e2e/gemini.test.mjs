// The official Google Gen AI SDK (npm "@google/genai"), unmodified, against the gateway through
// its httpOptions.baseUrl: generateContent and generateContentStream (v1beta and v1), function
// calls, thoughts, usage, errors.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';

import { ApiError, GoogleGenAI } from '@google/genai';

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
const WEATHER_DECLARATION = {
    name: 'get_weather',
    description: 'Current weather of a city',
    parametersJsonSchema: {
        type: 'object',
        properties: { city: { type: 'string' }, unit: { type: 'string' } },
        required: ['city'],
    },
};

let stack;

function genai(options = {}) {
    return new GoogleGenAI({
        apiKey: options.apiKey ?? ACCESS_KEY,
        httpOptions: { baseUrl: stack.gatewayUrl, ...(options.apiVersion ? { apiVersion: options.apiVersion } : {}) },
    });
}

before(async () => {
    stack = await startStack();
});
after(async () => {
    await stack?.stop();
});
beforeEach(async () => {
    await stack.mock.reset();
});

describe('Gemini generateContent', () => {
    const model = MODELS.gemini.name;

    // The upstream gets the provider's key as x-goog-api-key, the upstream model in the path
    // (v1beta, whatever version the client used), never the client's key.
    async function assertUpstream(method) {
        const request = await lastUpstreamRequest(stack);
        assert.equal(request.method, 'POST');
        assert.equal(request.path.split('?')[0], `/v1beta/models/${MODELS.gemini.upstream}:${method}`);
        assert.equal(request.headers['x-goog-api-key'], UPSTREAM_KEY);
        assert.ok(!request.path.includes(ACCESS_KEY) && !JSON.stringify(request.headers).includes(ACCESS_KEY),
            'the client key went upstream');
        return request;
    }

    test('generateContent: text, finish reason, usage metadata', async () => {
        const response = await genai().models.generateContent({ model, contents: 'Say hello' });
        assert.equal(response.text, TEXT);
        assert.equal(response.candidates[0].finishReason, 'STOP');
        assert.equal(response.usageMetadata.promptTokenCount, 11);
        assert.equal(response.usageMetadata.candidatesTokenCount, 7);
        assert.equal(response.usageMetadata.cachedContentTokenCount, 3);
        const upstream = await assertUpstream('generateContent');
        assert.equal(upstream.json.contents[0].parts[0].text, 'Say hello');
    });

    test('generateContentStream: chunks join to the text, usage on the last chunk', async () => {
        const stream = await genai().models.generateContentStream({ model, contents: 'Say hello' });
        let text = '';
        let chunks = 0;
        let last = null;
        for await (const chunk of stream) {
            ++chunks;
            text += chunk.text ?? '';
            last = chunk;
        }
        assert.ok(chunks > 2, `only ${chunks} chunks`);
        assert.equal(text, TEXT);
        assert.equal(last.candidates[0].finishReason, 'STOP');
        assert.equal(last.usageMetadata.promptTokenCount, 11);
        assert.equal(last.usageMetadata.candidatesTokenCount, 7);
        const upstream = await assertUpstream('streamGenerateContent');
        assert.match(upstream.path, /alt=sse/);
    });

    test('a stream is passed on as it comes, not buffered', async () => {
        await stack.mock.enqueue(PACED_BEHAVIOR);
        const arrivals = [];
        let text = '';
        for await (const chunk of await genai().models.generateContentStream({ model, contents: 'count' })) {
            if (chunk.text) {
                arrivals.push(performance.now());
                text += chunk.text;
            }
        }
        assert.equal(text, PACED_TEXT);
        assertPaced(arrivals);
    });

    test('inline image data reaches the upstream unchanged', async () => {
        const parts = [{ text: 'What is in this image?' }, { inlineData: { mimeType: 'image/png', data: TINY_PNG_BASE64 } }];
        const response = await genai().models.generateContent({ model, contents: [{ role: 'user', parts }] });
        assert.equal(response.text, TEXT);
        const upstream = await assertUpstream('generateContent');
        assert.deepEqual(upstream.json.contents[0].parts, parts);
    });

    test('apiVersion v1: the same calls under /v1/models/{model}:...', async () => {
        const client = genai({ apiVersion: 'v1' });
        const response = await client.models.generateContent({ model, contents: 'Say hello' });
        assert.equal(response.text, TEXT);
        let text = '';
        for await (const chunk of await client.models.generateContentStream({ model, contents: 'Say hello' }))
            text += chunk.text ?? '';
        assert.equal(text, TEXT);
    });

    test('function call, streamed and not', async () => {
        const args = ['{"city":"Paris",', '"unit":"c"}'];
        await stack.mock.enqueue({ tool_call_arguments: args }, { tool_call_arguments: args });
        const config = { tools: [{ functionDeclarations: [WEATHER_DECLARATION] }] };
        const response = await genai().models.generateContent({ model, contents: 'Weather in Paris?', config });
        assert.equal(response.functionCalls?.length, 1, JSON.stringify(response.candidates));
        assert.equal(response.functionCalls[0].name, 'get_weather');
        assert.deepEqual(response.functionCalls[0].args, { city: 'Paris', unit: 'c' });

        const calls = [];
        for await (const chunk of await genai().models.generateContentStream({ model, contents: 'Weather in Paris?', config }))
            calls.push(...(chunk.functionCalls ?? []));
        assert.equal(calls.length, 1, JSON.stringify(calls));
        assert.deepEqual(calls[0].args, { city: 'Paris', unit: 'c' });
        const upstream = await assertUpstream('streamGenerateContent');
        assert.equal(upstream.json.tools[0].functionDeclarations[0].name, 'get_weather');
    });

    test('thoughts come apart from the answer and count as output', async () => {
        await stack.mock.enqueue({ thinking: 'Let me think.', reasoning_tokens: 4 });
        let text = '';
        let thoughts = '';
        let usage = null;
        const stream = await genai().models.generateContentStream({
            model,
            contents: 'Say hello',
            config: { thinkingConfig: { includeThoughts: true } },
        });
        for await (const chunk of stream) {
            for (const part of chunk.candidates?.[0]?.content?.parts ?? []) {
                if (part.thought)
                    thoughts += part.text ?? '';
                else
                    text += part.text ?? '';
            }
            usage = chunk.usageMetadata ?? usage;
        }
        assert.equal(text, TEXT);
        assert.equal(thoughts.replace(/\s+/g, ' ').trim(), 'Let me think.');
        assert.equal(usage.thoughtsTokenCount, 4);
        assert.equal(usage.candidatesTokenCount, 3);
    });

    test('usage of a stream is recorded in the request log (cached apart)', async () => {
        const logged = scratchModel('gemini');
        for await (const chunk of await genai().models.generateContentStream({ model: logged, contents: 'log me' }))
            assert.ok(chunk);
        const row = await stack.waitForLogRow(logged);
        assert.equal(String(row.status), '200');
        assert.equal(row.stream, true);
        assert.equal(row.protocol, 'gemini');
        assert.deepEqual([row.input_tokens, row.output_tokens, row.cached_tokens], [11, 7, 3]);
    });

    test('a wrong key is an ApiError with status 401', async () => {
        await assert.rejects(genai({ apiKey: 'wrong-key' }).models.generateContent({ model, contents: 'hi' }), (error) => {
            assert.ok(error instanceof ApiError, `${error.constructor.name}: ${error.message}`);
            assert.equal(error.status, 401);
            return true;
        });
        assert.equal((await stack.mock.requests()).length, 0, 'an unauthenticated request reached the upstream');
    });

    test('an unknown model is an ApiError with status 404', async () => {
        await assert.rejects(genai().models.generateContent({ model: 'no-such-model', contents: 'hi' }), (error) => {
            assert.ok(error instanceof ApiError, `${error.constructor.name}: ${error.message}`);
            assert.equal(error.status, 404);
            assert.match(error.message, /no-such-model/);
            return true;
        });
    });

    test('an upstream 429 is an ApiError 429 RESOURCE_EXHAUSTED', async () => {
        await stack.mock.enqueue({ kind: 'http_error', status: 429 });
        await assert.rejects(genai().models.generateContent({ model: scratchModel('gemini'), contents: 'hi' }), (error) => {
            assert.ok(error instanceof ApiError, `${error.constructor.name}: ${error.message}`);
            assert.equal(error.status, 429);
            assert.match(error.message, /RESOURCE_EXHAUSTED/);
            return true;
        });
    });

    test('an error event after output makes the SDK stream throw', async () => {
        await stack.mock.enqueue({ kind: 'error_after_content', status: 503 });
        let text = '';
        await assert.rejects(
            (async () => {
                const stream = await genai().models.generateContentStream({ model: scratchModel('gemini'), contents: 'hi' });
                for await (const chunk of stream)
                    text += chunk.text ?? '';
            })(),
            (error) => {
                // The SDK turns the in-stream {"error":{...}} chunk into an ApiError.
                assert.ok(error instanceof ApiError, `${error.constructor.name}: ${error.message}`);
                assert.equal(error.status, 503);
                assert.match(error.message, /UNAVAILABLE/);
                return true;
            },
        );
        assert.ok(text.length > 0, 'no output before the error');
    });

    test('an error before any output fails over, unseen by the SDK', async () => {
        const failover = failoverModel('gemini');
        await stack.mock.enqueue({ kind: 'error_before_content', status: 503 });
        let text = '';
        for await (const chunk of await genai().models.generateContentStream({ model: failover.name, contents: 'hi' }))
            text += chunk.text ?? '';
        assert.equal(text, TEXT);
        const paths = (await stack.mock.requests()).map((r) => r.path.split(':')[0]);
        assert.deepEqual(paths, [`/v1beta/models/${failover.primary}`, `/v1beta/models/${failover.backup}`]);
    });

    test('models.get answers the model', async () => {
        const m = await genai().models.get({ model });
        assert.ok(m.name === `models/${model}` || m.name === model, JSON.stringify(m));
    });

    // Known gap, reported: :countTokens answers 404 NOT_FOUND ("not served by this gateway").
    test('models.countTokens', { todo: 'gateway does not serve :countTokens' }, async () => {
        const result = await genai().models.countTokens({ model, contents: 'Count these tokens.' });
        assert.ok(result.totalTokens > 0, JSON.stringify(result));
    });

    test('models.list names the gateway models', async () => {
        const names = [];
        for await (const m of await genai().models.list())
            names.push(m.name);
        assert.ok(names.some((n) => n === `models/${model}` || n === model), `models: ${names.join(', ')}`);
    });
});
