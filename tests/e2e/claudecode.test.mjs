// Claude Code (npm "@anthropic-ai/claude-code"), unmodified, in print mode against the gateway:
// `claude -p "say hi" --output-format json` with ANTHROPIC_BASE_URL pointing at the gateway,
// nonessential traffic (telemetry, auto-update, error reports) off through its documented
// CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC, and HOME / CLAUDE_CONFIG_DIR in a temp dir.
// Skipped, with the reason, when the claude binary cannot run on this machine.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, beforeEach, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { ACCESS_KEY, MODELS, UPSTREAM_KEY, runProcess, scratchModel, startStack } from './harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const TEXT = 'Hello from the mock provider.';

// The native binary that the package's postinstall puts at bin/claude.exe, else the package's
// own fallback launcher (for installs that ran without scripts).
async function findClaude() {
    const candidates = [
        [path.join(here, 'node_modules', '.bin', 'claude'), []],
        [process.execPath, [path.join(here, 'node_modules', '@anthropic-ai', 'claude-code', 'cli-wrapper.cjs')]],
    ];
    const problems = [];
    for (const [file, prefix] of candidates) {
        if (!existsSync(file) || (prefix.length > 0 && !existsSync(prefix[0]))) {
            problems.push(`${prefix[0] ?? file}: missing`);
            continue;
        }
        const result = await runProcess(file, [...prefix, '--version'], { timeoutMs: 30000 });
        if (result.code === 0 && /Claude Code/.test(result.stdout))
            return { file, prefix, version: result.stdout.trim() };
        problems.push(`${prefix[0] ?? file} --version: exit ${result.code}: ${(result.stderr || result.stdout).trim().slice(0, 200)}`);
    }
    return { problem: problems.join('; ') };
}

let stack;
let claude;
let home;

before(async () => {
    claude = await findClaude();
    if (claude.problem)
        return;
    stack = await startStack();
    home = await mkdtemp(path.join(os.tmpdir(), 'llmo-e2e-claude-'));
});
after(async () => {
    await stack?.stop();
    if (home)
        await rm(home, { recursive: true, force: true });
});
beforeEach(async () => {
    await stack?.mock.reset();
});

// Runs `claude -p <prompt> --output-format json` against the gateway; `auth` is the env that
// carries the key. Only PATH is taken from the outer environment, so a developer's own
// ANTHROPIC_* settings cannot leak in.
async function runClaude(prompt, { model, auth, extraEnv = {} }) {
    const env = {
        PATH: process.env.PATH,
        HOME: home,
        CLAUDE_CONFIG_DIR: path.join(home, '.claude'),
        TMPDIR: os.tmpdir(),
        ANTHROPIC_BASE_URL: stack.gatewayUrl,
        ANTHROPIC_MODEL: model,
        ANTHROPIC_DEFAULT_HAIKU_MODEL: model,
        ANTHROPIC_DEFAULT_SONNET_MODEL: model,
        ANTHROPIC_DEFAULT_OPUS_MODEL: model,
        CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
        DISABLE_TELEMETRY: '1',
        DISABLE_AUTOUPDATER: '1',
        DISABLE_ERROR_REPORTING: '1',
        // No side requests (titles, flavor text) that could take a behavior queued for the test.
        DISABLE_NON_ESSENTIAL_MODEL_CALLS: '1',
        ...auth,
        ...extraEnv,
    };
    const result = await runProcess(
        claude.file,
        [...claude.prefix, '-p', prompt, '--output-format', 'json'],
        { env, cwd: home, timeoutMs: 60000 },
    );
    const where = `exit ${result.code}${result.timedOut ? ' (timed out)' : ''}\nstdout: ${result.stdout}\nstderr: ${result.stderr}`;
    let json = null;
    try {
        json = JSON.parse(result.stdout);
    } catch {
        assert.fail(`claude printed no JSON result: ${where}`);
    }
    return { ...result, json, where };
}

describe('Claude Code', () => {
    test('claude -p "say hi" with ANTHROPIC_AUTH_TOKEN', async (t) => {
        if (claude.problem)
            return t.skip(`Claude Code cannot run here: ${claude.problem}`);
        const model = scratchModel('anthropic');
        const run = await runClaude('say hi', { model, auth: { ANTHROPIC_AUTH_TOKEN: ACCESS_KEY } });
        assert.equal(run.code, 0, run.where);
        assert.equal(run.json.is_error, false, run.where);
        assert.equal(run.json.result, TEXT);
        assert.equal(run.json.usage.output_tokens, 7);
        assert.equal(run.json.usage.cache_read_input_tokens, 3);

        const requests = await stack.mock.requests();
        assert.ok(requests.length >= 1, 'Claude Code reached no upstream');
        for (const request of requests) {
            assert.equal(request.path.split('?')[0], '/v1/messages');
            assert.equal(request.headers['x-api-key'], UPSTREAM_KEY);
            const body = JSON.parse(request.body);
            assert.equal(body.model, MODELS.anthropic.upstream);
            assert.equal(body.stream, true);
        }
        const row = await stack.waitForLogRow(model);
        assert.equal(String(row.status), '200');
        assert.match(row.user_agent, /^claude-cli\//);
        assert.deepEqual([row.input_tokens, row.output_tokens, row.cached_tokens], [11, 7, 3]);
    });

    test('a tool-use round trip with ANTHROPIC_API_KEY (streamed input_json deltas)', async (t) => {
        if (claude.problem)
            return t.skip(`Claude Code cannot run here: ${claude.problem}`);
        // The first answer asks for Bash `echo`, the second (after the tool result) is text.
        await stack.mock.enqueue({
            tool_call_name: 'Bash',
            tool_call_arguments: ['{"command":', '"echo llmo-e2e-tool-ran",', '"description":"Print a marker"}'],
        });
        const run = await runClaude('run the marker command', {
            model: scratchModel('anthropic'),
            auth: { ANTHROPIC_API_KEY: ACCESS_KEY },
        });
        assert.equal(run.code, 0, run.where);
        assert.equal(run.json.is_error, false, run.where);
        assert.equal(run.json.result, TEXT);
        assert.equal(run.json.num_turns, 2, run.where);

        const requests = await stack.mock.requests();
        const last = JSON.parse(requests.at(-1).body);
        const toolResult = last.messages
            .at(-1)
            .content.find((block) => block.type === 'tool_result');
        assert.ok(toolResult, `the second request has no tool_result: ${JSON.stringify(last.messages.at(-1))}`);
        const previous = last.messages.at(-2).content.find((block) => block.type === 'tool_use');
        assert.equal(previous.name, 'Bash');
        assert.deepEqual(previous.input, { command: 'echo llmo-e2e-tool-ran', description: 'Print a marker' });
        assert.equal(toolResult.tool_use_id, previous.id);
    });

    test('a wrong key ends in "Failed to authenticate" with status 401', async (t) => {
        if (claude.problem)
            return t.skip(`Claude Code cannot run here: ${claude.problem}`);
        // Claude Code retries a 401 for minutes by default; one retry is enough here.
        const run = await runClaude('say hi', {
            model: MODELS.anthropic.name,
            auth: { ANTHROPIC_API_KEY: 'sk-wrong' },
            extraEnv: { CLAUDE_CODE_MAX_RETRIES: '1' },
        });
        assert.notEqual(run.code, 0, run.where);
        assert.equal(run.json.is_error, true, run.where);
        assert.equal(run.json.api_error_status, 401, run.where);
        assert.equal((await stack.mock.requests()).length, 0);
    });

    test('an unknown model ends in an error with status 404', async (t) => {
        if (claude.problem)
            return t.skip(`Claude Code cannot run here: ${claude.problem}`);
        const run = await runClaude('say hi', {
            model: 'no-such-model',
            auth: { ANTHROPIC_AUTH_TOKEN: ACCESS_KEY },
            extraEnv: { CLAUDE_CODE_MAX_RETRIES: '1' },
        });
        assert.equal(run.json.is_error, true, run.where);
        assert.equal(run.json.api_error_status, 404, run.where);
    });
});
