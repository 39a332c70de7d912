#!/usr/bin/env bash
# Builds the Debian package from a clean Release build and prints the .deb's path (last line
# of stdout; everything else goes to stderr).
#
#   scripts/package.sh [--build-dir DIR] [--output DIR] [--reuse] [--jobs N]
#
#   --build-dir DIR  build directory (default: build-package/ in the checkout)
#   --output DIR     where the .deb goes (default: the build directory)
#   --reuse          keep DIR's earlier build instead of starting clean (incremental; an
#                    existing configured tree keeps its own options, e.g. a RelWithDebInfo
#                    build with tests)
#   --jobs N         parallel build jobs (default: the number of cores)
#
# Installs the tools it needs when missing (cmake, dpkg-dev, lintian, librsvg2-bin...), like
# scripts/run.sh. Compiler and linker flags come from dpkg-buildflags with all hardening on.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=deps.sh
source "$root/scripts/deps.sh"

build="$root/build-package"
output=""
reuse=0
jobs="$(nproc)"
while [ $# -gt 0 ]; do
    case "$1" in
        --build-dir) build="$2"; shift 2 ;;
        --output) output="$2"; shift 2 ;;
        --reuse) reuse=1; shift ;;
        --jobs) jobs="$2"; shift 2 ;;
        -h|--help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "package.sh: unknown option '$1' (see --help)" >&2; exit 2 ;;
    esac
done
build="$(realpath -m "$build")"
output="$(realpath -m "${output:-$build}")"

llmo_install_packages "${LLMO_BUILD_PACKAGES[@]}" \
    dpkg-dev fakeroot file lintian librsvg2-bin desktop-file-utils appstream binutils

if [ "$reuse" -eq 0 ]; then
    rm -rf "$build"
fi
if [ ! -f "$build/CMakeCache.txt" ]; then
    export DEB_BUILD_MAINT_OPTIONS="hardening=+all"
    CXXFLAGS="$(dpkg-buildflags --get CPPFLAGS) $(dpkg-buildflags --get CXXFLAGS)"
    LDFLAGS="$(dpkg-buildflags --get LDFLAGS)"
    export CXXFLAGS LDFLAGS
    cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release \
        -DLLMO_BUILD_TESTS=OFF -DLLMO_BUILD_BENCH=OFF >&2
else
    # Picks up changed CMake files; keeps the tree's options.
    cmake "$build" >&2
fi
cmake --build "$build" -j "$jobs" >&2

mkdir -p "$output"
rm -f "$output"/llm-orchestrator_*.deb
(cd "$build" && cpack -G DEB -B "$output" >&2)
rm -rf "$output/_CPack_Packages"

debs=("$output"/llm-orchestrator_*.deb)
[ -f "${debs[0]}" ] || { echo "package.sh: cpack made no .deb in $output" >&2; exit 1; }
echo "${debs[0]}"
