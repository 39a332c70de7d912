// Starts the mock provider (llmo-e2e-mock) and the gateway (llm-orchestrator --headless) as
// child processes for one test file, and stops them again, always: after() hooks, process
// exit and the runner's signals all kill what was started. Paths come from the environment
// set by run.mjs (LLMO_E2E_GATEWAY, LLMO_E2E_MOCK).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const ACCESS_KEY = 'sk-e2e';
export const UPSTREAM_KEY = 'sk-upstream-e2e';
export const ADMIN_TOKEN = 'admin-e2e-token';

// One model per protocol, each routed to the mock under an upstream name of its own, so that
// tests can check that the gateway rewrote the model name.
export const MODELS = {
    chat: { name: 'gpt-e2e', type: 'openai', upstream: 'gpt-upstream' },
    responses: { name: 'resp-e2e', type: 'openai-responses', upstream: 'resp-upstream' },
    anthropic: { name: 'claude-e2e', type: 'anthropic', upstream: 'claude-upstream' },
    gemini: { name: 'gemini-e2e', type: 'gemini', upstream: 'gemini-upstream' },
};

// Failures leave marks on a route (a 429's cooldown, an open circuit), and a route is one
// model on one provider: tests that make the upstream fail use a model of their own, routed
// like the protocol's main model, so that they do not disturb the tests after them.
const SCRATCH_MODELS_PER_PROTOCOL = 8;
const scratchUsed = {};
export function scratchModel(protocol) {
    const n = (scratchUsed[protocol] = (scratchUsed[protocol] ?? 0) + 1);
    if (n > SCRATCH_MODELS_PER_PROTOCOL)
        throw new Error(`more than ${SCRATCH_MODELS_PER_PROTOCOL} scratch models of ${protocol}: raise the limit`);
    return `${MODELS[protocol].name}-scratch-${n}`;
}

// A model of `protocol` with two routes to the mock: upstream model "<upstream>-primary" first,
// then "<upstream>-backup"; two attempts. For one test per file (its routes keep their state).
export function failoverModel(protocol) {
    const m = MODELS[protocol];
    return { name: `${m.name}-failover`, primary: `${m.upstream}-primary`, backup: `${m.upstream}-backup` };
}

const children = new Set();

function killAll(signal) {
    for (const child of children) {
        try {
            child.kill(signal);
        } catch {
            // already gone
        }
    }
}
process.on('exit', () => killAll('SIGKILL'));
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.once(signal, () => {
        killAll('SIGKILL');
        process.exit(128 + os.constants.signals[signal]);
    });
}

function requiredEnv(name) {
    const value = process.env[name];
    if (!value)
        throw new Error(`${name} is not set: run the suite through tests/e2e/run.mjs`);
    return value;
}

// Spawns `file`; resolves with the child once `ready(stdoutSoFar)` returns a truthy value.
function startChild(file, args, { env, ready, timeoutMs = 15000, label }) {
    return new Promise((resolve, reject) => {
        const child = spawn(file, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
        children.add(child);
        let out = '';
        let err = '';
        let settled = false;
        const timer = setTimeout(() => finish(new Error(`${label} did not start in ${timeoutMs} ms`)), timeoutMs);
        function finish(error, value) {
            if (settled)
                return;
            settled = true;
            clearTimeout(timer);
            if (error) {
                error.message += `\n${label} stdout: ${out}\n${label} stderr: ${err}`;
                child.kill('SIGKILL');
                reject(error);
            } else {
                resolve(value);
            }
        }
        child.stdout.setEncoding('utf8');
        child.stderr.setEncoding('utf8');
        child.stdout.on('data', (chunk) => {
            out += chunk;
            const value = ready(out);
            if (value)
                finish(null, { child, value });
        });
        child.stderr.on('data', (chunk) => {
            err += chunk;
        });
        child.on('error', (error) => finish(error));
        child.on('exit', (code, signal) => {
            children.delete(child);
            finish(new Error(`${label} exited (code ${code}, signal ${signal})`));
        });
        child.output = () => ({ stdout: out, stderr: err });
    });
}

// Stops a child with SIGTERM (the gateway flushes its log), SIGKILL after `graceMs`.
function stopChild(child, graceMs = 5000) {
    if (child.exitCode !== null || child.signalCode !== null)
        return Promise.resolve();
    return new Promise((resolve) => {
        const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
        child.once('exit', () => {
            clearTimeout(timer);
            resolve();
        });
        child.kill('SIGTERM');
    });
}

// Runs a program to its end (killed after `timeoutMs`); resolves {code, signal, stdout, stderr,
// timedOut}. The child is killed with the others if the test process goes away.
export function runProcess(file, args, { env, cwd, timeoutMs = 60000 } = {}) {
    return new Promise((resolve) => {
        const child = spawn(file, args, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
        children.add(child);
        let stdout = '';
        let stderr = '';
        let timedOut = false;
        const timer = setTimeout(() => {
            timedOut = true;
            child.kill('SIGKILL');
        }, timeoutMs);
        child.stdout.setEncoding('utf8').on('data', (chunk) => (stdout += chunk));
        child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
        let settled = false;
        const done = (code, signal) => {
            if (settled)
                return;
            settled = true;
            clearTimeout(timer);
            children.delete(child);
            resolve({ code, signal, stdout, stderr, timedOut });
        };
        child.on('error', (error) => {
            stderr += String(error);
            done(null, null);
        });
        child.on('close', done);
    });
}

function freePort() {
    return new Promise((resolve, reject) => {
        const server = net.createServer();
        server.once('error', reject);
        server.listen(0, '127.0.0.1', () => {
            const { port } = server.address();
            server.close(() => resolve(port));
        });
    });
}

// The mock's control API (tests/e2e/mockcontrolserver.h).
export class MockControl {
    constructor(controlUrl) {
        this.url = controlUrl;
    }

    async #call(method, route, body) {
        const response = await fetch(this.url + route, {
            method,
            headers: body === undefined ? {} : { 'content-type': 'application/json' },
            body: body === undefined ? undefined : JSON.stringify(body),
        });
        if (!response.ok)
            throw new Error(`mock control ${method} ${route}: ${response.status} ${await response.text()}`);
        return response.status === 204 ? null : response.json();
    }

    // Queues behaviors (one per upstream request, in order); see mockcontrolserver.h.
    enqueue(...behaviors) {
        return this.#call('POST', '/behaviors', behaviors);
    }

    reset() {
        return this.#call('POST', '/reset');
    }

    // The requests the gateway sent to the mock: [{method, path, protocol, headers, body}].
    requests() {
        return this.#call('GET', '/requests');
    }

    // {requests, aborted, in_flight, max_concurrent} since the last reset.
    stats() {
        return this.#call('GET', '/stats');
    }

    // Polls stats() until `predicate` holds; returns the last stats (the caller asserts).
    async waitForStats(predicate, timeoutMs = 5000) {
        const deadline = Date.now() + timeoutMs;
        for (;;) {
            const stats = await this.stats();
            if (predicate(stats) || Date.now() > deadline)
                return stats;
            await new Promise((r) => setTimeout(r, 50));
        }
    }
}

// A 1x1 PNG, for image parts that must reach the upstream unchanged.
export const TINY_PNG_BASE64 =
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

// A paced stream for checking that the gateway passes events on as they come instead of
// buffering: five words, PACED_DELAY_MS apart (the mock waits between all its chunks).
export const PACED_TEXT = 'one two three four five';
export const PACED_DELAY_MS = 150;
export const PACED_BEHAVIOR = { text: PACED_TEXT, chunk_delay_ms: PACED_DELAY_MS };

// Asserts that text pieces arrived spread out over time (at least three chunk delays between
// the first and the last), not all at once at the end; `arrivals` are performance.now() stamps.
export function assertPaced(arrivals) {
    assert.ok(arrivals.length >= 4, `only ${arrivals.length} text pieces`);
    const spread = arrivals.at(-1) - arrivals[0];
    assert.ok(spread >= 3 * PACED_DELAY_MS,
        `text pieces arrived within ${spread.toFixed(0)} ms: the stream was buffered, not passed on`);
}

function gatewayConfig(mockPort) {
    const root = `http://127.0.0.1:${mockPort}`;
    const providers = Object.entries(MODELS).map(([key, m]) => ({
        name: `mock-${key}`,
        type: m.type,
        base_url: m.type.startsWith('openai') ? `${root}/v1` : root,
        api_keys: [UPSTREAM_KEY],
        timeout_ms: 10000,
        // No probes: they would take behaviors queued for a test.
        probe: { interval_s: 0 },
    }));
    const models = [];
    for (const [key, m] of Object.entries(MODELS)) {
        const names = [m.name];
        for (let i = 1; i <= SCRATCH_MODELS_PER_PROTOCOL; ++i)
            names.push(`${m.name}-scratch-${i}`);
        for (const name of names) {
            models.push({
                name,
                max_attempts: 1,
                routes: [{ provider: `mock-${key}`, model: m.upstream, weight: 1, priority: 0 }],
            });
        }
        // Two routes tried in turn (see failoverModel()).
        models.push({
            name: `${m.name}-failover`,
            max_attempts: 2,
            routes: [
                { provider: `mock-${key}`, model: `${m.upstream}-primary`, weight: 1, priority: 0 },
                { provider: `mock-${key}`, model: `${m.upstream}-backup`, weight: 1, priority: 1 },
            ],
        });
    }
    return { providers, models };
}

// Starts mock + gateway. Returns {gatewayUrl, mockRoot, mock (MockControl), dataDir, stop(),
// gatewayOutput(), adminGet(path), waitForLogRow(model)}.
export async function startStack() {
    const gatewayExe = requiredEnv('LLMO_E2E_GATEWAY');
    const mockExe = requiredEnv('LLMO_E2E_MOCK');
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'llmo-e2e-'));
    const started = [];
    const stop = async () => {
        await Promise.all(started.map((c) => stopChild(c)));
        await rm(dataDir, { recursive: true, force: true });
    };
    try {
        const mock = await startChild(mockExe, ['--api-key', UPSTREAM_KEY, '--name', 'e2e'], {
            env: process.env,
            label: 'llmo-e2e-mock',
            ready: (out) => out.match(/listening (\d+) control (\d+)/),
        });
        started.push(mock.child);
        const [, mockPort, controlPort] = mock.value;

        const configFile = path.join(dataDir, 'config.json');
        await writeFile(configFile, JSON.stringify(gatewayConfig(mockPort), null, 2));
        const env = {
            ...process.env,
            LLMO_API_KEY: ACCESS_KEY,
            LLMO_ADMIN_TOKEN: ADMIN_TOKEN,
            QT_QPA_PLATFORM: 'offscreen',
        };
        for (const name of ['LLMO_PORT', 'LLMO_BIND', 'LLMO_DATA_DIR', 'LLMO_DATABASE'])
            delete env[name];
        // The free port may be taken between the probe and the gateway's bind: retry (exit 3).
        let gateway;
        for (let attempt = 0; ; ++attempt) {
            const port = await freePort();
            try {
                gateway = await startChild(
                    gatewayExe,
                    ['--headless', '--port', String(port), '--data-dir', dataDir, '--import', configFile],
                    { env, label: 'llm-orchestrator', ready: (out) => out.includes('serving on') && port },
                );
                break;
            } catch (error) {
                if (attempt >= 2 || !/code 3\b/.test(error.message))
                    throw error;
            }
        }
        started.push(gateway.child);
        const gatewayUrl = `http://127.0.0.1:${gateway.value}`;

        const adminGet = async (route) => {
            const response = await fetch(gatewayUrl + route, {
                headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
            });
            if (!response.ok)
                throw new Error(`GET ${route}: ${response.status} ${await response.text()}`);
            return response.json();
        };
        // The request log is written in batches off the request path: poll until the log has a
        // row for `model` (use a scratch model, so the row is the test's own).
        const waitForLogRow = async (model, timeoutMs = 5000) => {
            const deadline = Date.now() + timeoutMs;
            for (;;) {
                const { items } = await adminGet(`/admin/logs?limit=10&model=${encodeURIComponent(model)}`);
                if (items.length > 0)
                    return items[0];
                if (Date.now() > deadline)
                    throw new Error(`no request log row for ${model} after ${timeoutMs} ms`);
                await new Promise((r) => setTimeout(r, 100));
            }
        };

        return {
            gatewayUrl,
            mockRoot: `http://127.0.0.1:${mockPort}`,
            mock: new MockControl(`http://127.0.0.1:${controlPort}`),
            dataDir,
            gatewayOutput: () => gateway.child.output(),
            adminGet,
            waitForLogRow,
            stop,
        };
    } catch (error) {
        await stop();
        throw error;
    }
}

// The mock's last recorded request, parsed body included.
export async function lastUpstreamRequest(stack) {
    const requests = await stack.mock.requests();
    if (requests.length === 0)
        throw new Error('the gateway sent no request to the mock');
    const last = requests[requests.length - 1];
    let json = null;
    try {
        json = JSON.parse(last.body);
    } catch {
        // not JSON (GET)
    }
    return { ...last, json };
}
