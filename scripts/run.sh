#!/usr/bin/env bash
# Sets up everything on a fresh Debian 12 machine, builds, and runs LLM Orchestrator.
# Arguments go to the app, e.g. `scripts/run.sh --headless --port 8640`.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=deps.sh
source "$root/scripts/deps.sh"
llmo_install_packages "${LLMO_BUILD_PACKAGES[@]}"

build="$root/build"
if [ ! -f "$build/CMakeCache.txt" ]; then
    cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DLLMO_BUILD_TESTS=OFF >&2
fi
cmake --build "$build" -j2 --target llm-orchestrator >&2
exec "$build/src/app/llm-orchestrator" "$@"
