#!/usr/bin/env node
// Runs the end-to-end suite: installs the pinned npm packages (npm ci from package-lock.json)
// when node_modules is missing or stale, then runs every *.test.mjs file here with node:test.
// Exit code: 0 all passed, 1 a test failed (or the install failed), 77 the suite cannot run on
// this machine: Node older than 20 or no npm (ctest reports it as skipped, with the reason).
//
//   node tests/e2e/run.mjs --gateway <llm-orchestrator> --mock <llmo-e2e-mock> [node --test args]
//
// (ctest passes both paths; see CMakeLists.txt.)
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SKIP = 77;
const here = path.dirname(fileURLToPath(import.meta.url));

function skip(reason) {
    console.log(`e2e: SKIPPED: ${reason}`);
    process.exit(SKIP);
}

// Arguments.
const args = process.argv.slice(2);
const env = { ...process.env };
const passThrough = [];
for (let i = 0; i < args.length; ++i) {
    if (args[i] === '--gateway' || args[i] === '--mock') {
        env[args[i] === '--gateway' ? 'LLMO_E2E_GATEWAY' : 'LLMO_E2E_MOCK'] = path.resolve(args[++i] ?? '');
    } else {
        passThrough.push(args[i]);
    }
}
for (const name of ['LLMO_E2E_GATEWAY', 'LLMO_E2E_MOCK']) {
    if (!env[name] || !existsSync(env[name])) {
        console.error(`e2e: ${name} (${env[name] ?? 'not set'}) is not an existing file; pass --gateway and --mock`);
        process.exit(1);
    }
}

// The pinned SDKs need Node 20 (@google/genai 2.x; the newest openai, @google/genai and Claude
// Code releases need 22, hence the pins). Debian 12's own nodejs is 18: see README.md.
const major = Number(process.versions.node.split('.')[0]);
if (major < 20)
    skip(`Node ${process.versions.node} is too old: the SDKs need Node 20 or newer (see tests/e2e/README.md)`);

// Install: npm ci when the lock file changed since the last install (hash stamp). A lock
// directory keeps two build trees running ctest at once from installing over each other.
function installIfNeeded() {
    const lockFile = path.join(here, 'package-lock.json');
    const stamp = path.join(here, 'node_modules', '.llmo-e2e-installed');
    const hash = createHash('sha256').update(readFileSync(lockFile)).digest('hex');
    const current = () => existsSync(stamp) && readFileSync(stamp, 'utf8') === hash;
    if (current())
        return;
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    if (spawnSync(npm, ['--version'], { stdio: 'ignore' }).status !== 0)
        skip('npm is not installed (Debian: apt-get install npm, or NodeSource nodejs)');
    const lockDir = path.join(here, '.install-lock');
    const deadline = Date.now() + 300_000;
    for (;;) {
        try {
            mkdirSync(lockDir);
            break;
        } catch {
            // A lock older than 10 minutes is left over from a killed run.
            if (Date.now() - statSync(lockDir, { throwIfNoEntry: false })?.mtimeMs > 600_000)
                rmSync(lockDir, { recursive: true, force: true });
            if (Date.now() > deadline) {
                console.error(`e2e: waited 5 minutes for ${lockDir}; remove it if no install is running`);
                process.exit(1);
            }
            Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 500);
        }
    }
    try {
        if (current())
            return;
        console.log('e2e: installing the SDKs (npm ci)...');
        const started = Date.now();
        const result = spawnSync(npm, ['ci', '--no-audit', '--no-fund', '--loglevel=error'], {
            cwd: here,
            stdio: 'inherit',
        });
        if (result.status !== 0) {
            console.error(`e2e: npm ci failed (exit ${result.status}): no network, or no access to the npm registry?`);
            process.exit(1);
        }
        writeFileSync(stamp, hash);
        console.log(`e2e: installed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    } finally {
        rmSync(lockDir, { recursive: true, force: true });
    }
}
installIfNeeded();

const files = readdirSync(here)
    .filter((f) => f.endsWith('.test.mjs'))
    .sort()
    .map((f) => path.join(here, f));
// --test-timeout came with Node 20.11; without it a hung test is still ended by ctest's TIMEOUT.
const [, minor] = process.versions.node.split('.').map(Number);
const timeout = major > 20 || minor >= 11 ? ['--test-timeout=60000'] : [];
const result = spawnSync(
    process.execPath,
    ['--test', '--test-reporter=spec', ...timeout, ...passThrough, ...files],
    { cwd: here, env, stdio: 'inherit' },
);
if (result.error) {
    console.error(`e2e: cannot run node --test: ${result.error.message}`);
    process.exit(1);
}
process.exit(result.status === 0 ? 0 : 1);
