#!/usr/bin/env bash
# Writes docs/screenshots/<page>.png for every page of the desktop app: builds it, then for
# each page starts it under Xvfb on a fresh demo data dir (--demo-data: six providers, routed
# models, tool keys and a month of traffic), lets it capture its window
# (--screenshot-page / --screenshot-out) and quit.
#
#   scripts/screenshots.sh                  all pages into docs/screenshots/
#   PAGES="dashboard logs" scripts/screenshots.sh
#   OUT_DIR=/tmp/shots DEMO_ROWS=200000 scripts/screenshots.sh
#   PALETTE=dark scripts/screenshots.sh      <page>-dark.png on a dark palette
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=deps.sh
source "$root/scripts/deps.sh"
llmo_install_packages "${LLMO_BUILD_PACKAGES[@]}" xvfb xauth fonts-dejavu-core

build="${BUILD_DIR:-$root/build-screenshots}"
out="${OUT_DIR:-$root/docs/screenshots}"
pages="${PAGES:-dashboard providers models health logs settings}"
rows="${DEMO_ROWS:-50000}"
palette="${PALETTE:-}"
suffix=""
[ -n "$palette" ] && suffix="-$palette"

if [ ! -f "$build/CMakeCache.txt" ]; then
    cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DLLMO_BUILD_TESTS=OFF \
        -DLLMO_BUILD_BENCH=OFF >&2
fi
cmake --build "$build" -j"${JOBS:-2}" --target llm-orchestrator >&2

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"
for page in $pages; do
    # A fresh data dir and settings per page: the demo data is only written into an empty
    # one, and no window state from an earlier run leaks in. English, Fusion, no desktop theme.
    env -u QT_QPA_PLATFORMTHEME -u QT_STYLE_OVERRIDE \
        XDG_CONFIG_HOME="$work/config-$page" XDG_DATA_HOME="$work/share-$page" \
        XDG_RUNTIME_DIR="$work" LLMO_SCREENSHOT_PALETTE="$palette" \
        LANG=C.UTF-8 LC_ALL=C.UTF-8 LANGUAGE=en QT_QPA_PLATFORM=xcb \
        xvfb-run -a -s "-screen 0 1440x900x24" \
        "$build/src/app/llm-orchestrator" --data-dir "$work/data-$page" --port 0 \
        --demo-data --demo-rows "$rows" \
        --screenshot-page "$page" --screenshot-out "$out/$page$suffix.png" >"$work/$page.log" 2>&1 \
        || { cat "$work/$page.log" >&2; echo "screenshot of $page failed" >&2; exit 1; }
    echo "$out/$page$suffix.png"
done
