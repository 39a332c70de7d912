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
    cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DLLMO_WERROR=ON \
        -DLLMO_BUILD_TESTS=ON ${LLMO_SANITIZE:+-DLLMO_SANITIZE=ON}
fi
cmake --build "$build" -j2

export QT_QPA_PLATFORM=offscreen
ctest --test-dir "$build" --output-on-failure -j2 --timeout 300
