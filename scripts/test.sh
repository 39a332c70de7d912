#!/usr/bin/env bash
# Sets up everything on a fresh Debian 12 machine, builds with warnings as errors, and runs the
# whole test suite (ctest). Exits non-zero when anything fails.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=deps.sh
source "$root/scripts/deps.sh"
llmo_install_packages "${LLMO_BUILD_PACKAGES[@]}"

build="${LLMO_TEST_BUILD_DIR:-$root/build-test}"
if [ ! -f "$build/CMakeCache.txt" ]; then
    # RelWithDebInfo: the Debian package test packages this very tree instead of compiling a
    # Release tree of its own (which would double the suite's time).
    cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE="${LLMO_TEST_BUILD_TYPE:-RelWithDebInfo}" -DLLMO_WERROR=ON \
        -DLLMO_BUILD_TESTS=ON ${LLMO_SANITIZE:+-DLLMO_SANITIZE=ON}
fi
cmake --build "$build" -j2

# --- End-to-end SDK suite (tests/e2e) ---
# ctest runs it as e2e_sdks (it installs the SDKs itself with npm ci); it needs Node.js 20+ and
# npm. ctest only says "skipped" (or leaves it out when node was missing at configure time), so
# say why here.
if ! command -v npm >/dev/null 2>&1 \
    || ! node -e 'process.exit(Number(process.versions.node.split(".")[0]) < 20 ? 1 : 0)' 2>/dev/null; then
    echo "note: Node.js 20+ with npm not found: the end-to-end SDK tests (tests/e2e) will not run;" \
        "see tests/e2e/README.md" >&2
fi
# --- end of the e2e block ---

export QT_QPA_PLATFORM=offscreen
ctest --test-dir "$build" --output-on-failure -j2 --timeout 300
