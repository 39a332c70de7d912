#!/usr/bin/env bash
# Package test: builds the .deb with scripts/package.sh and checks what a user would get.
#
#   tst_package_deb.sh BUILD_DIR      (or LLMO_PACKAGE_DEB=path.deb to check a built one)
#
# BUILD_DIR is reused when it exists (incremental); tests/package/CMakeLists.txt passes the
# test tree itself when that is an optimised build, else a Release tree beside it.
#  - the file list has the binary, desktop entry, metainfo, icons, autostart template, man page,
#    copyright and changelog; the translations are embedded in the binary (Qt resources)
#  - Depends has the Qt libraries (dpkg-shlibdeps) and the run-time plugin packages
#  - lintian finds no errors; desktop-file-validate and appstreamcli validate pass
#  - the binary unpacked with dpkg -x runs --version, and --headless --port 0 against the
#    system Qt: answers GET /health and exits 0 on SIGTERM
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build="${1:?usage: tst_package_deb.sh BUILD_DIR}"
work="$(mktemp -d)"
server_pid=""
cleanup() {
    [ -n "$server_pid" ] && kill -KILL "$server_pid" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT

failures=0
pass() { echo "PASS: $*"; }
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

# LLMO_PACKAGE_DEB checks an existing package instead of building one.
if [ -n "${LLMO_PACKAGE_DEB:-}" ]; then
    deb="$LLMO_PACKAGE_DEB"
else
    deb="$("$root/scripts/package.sh" --build-dir "$build" --reuse --output "$work/out" | tail -n 1)"
fi
if [ -z "$deb" ] || [ ! -f "$deb" ]; then
    echo "FAIL: scripts/package.sh made no package"
    exit 1
fi
echo "package: $deb"

# ---- file list -----------------------------------------------------------------------------
id="io.github.llm_orchestrator"
dpkg-deb -c "$deb" | awk '{print $6}' | sed 's#^\./#/#' > "$work/files"
for path in \
    /usr/bin/llm-orchestrator \
    "/usr/share/applications/$id.desktop" \
    "/usr/share/metainfo/$id.metainfo.xml" \
    "/usr/share/icons/hicolor/scalable/apps/$id.svg" \
    "/usr/share/llm-orchestrator/autostart/$id.desktop" \
    /usr/share/man/man1/llm-orchestrator.1.gz \
    /usr/share/doc/llm-orchestrator/copyright \
    /usr/share/doc/llm-orchestrator/changelog.Debian.gz \
    /usr/share/lintian/overrides/llm-orchestrator; do
    if grep -qxF "$path" "$work/files"; then pass "contains $path"; else fail "missing $path"; fi
done
for size in 16 22 24 32 48 64 128 256 512; do
    path="/usr/share/icons/hicolor/${size}x${size}/apps/$id.png"
    grep -qxF "$path" "$work/files" || fail "missing $path"
done
pass "PNG icons checked (16..512)"

# ---- control fields ------------------------------------------------------------------------
depends="$(dpkg-deb -f "$deb" Depends)"
for pkg in libqt6core6 libqt6network6 libqt6httpserver6 libqt6sql6 libqt6widgets6 \
    libqt6sql6-sqlite qt6-qpa-plugins; do
    if grep -qE "(^|, )$pkg( |,|$)" <<<"$depends"; then pass "Depends: $pkg"; else fail "Depends lacks $pkg: $depends"; fi
done
[ "$(dpkg-deb -f "$deb" Package)" = "llm-orchestrator" ] || fail "package name"

# ---- lintian -------------------------------------------------------------------------------
lintian --fail-on error "$deb" > "$work/lintian" 2>&1
lintian_rc=$?
grep -v "running with root privileges" "$work/lintian"
if [ "$lintian_rc" -eq 0 ]; then pass "lintian: no errors"; else fail "lintian reported errors"; fi

# ---- unpacked files ------------------------------------------------------------------------
x="$work/x"
dpkg-deb -x "$deb" "$x"
if desktop-file-validate "$x/usr/share/applications/$id.desktop" \
    "$x/usr/share/llm-orchestrator/autostart/$id.desktop"; then
    pass "desktop-file-validate"
else
    fail "desktop-file-validate"
fi
if appstreamcli validate --no-net "$x/usr/share/metainfo/$id.metainfo.xml"; then
    pass "appstreamcli validate"
else
    fail "appstreamcli validate"
fi
version="$(dpkg-deb -f "$deb" Version)"
version="${version%-*}"
grep -q "<release version=\"$version\"" "$x/usr/share/metainfo/$id.metainfo.xml" \
    || fail "metainfo has no release $version"
# sed reads to the end (head would close the pipe early: SIGPIPE fails it under pipefail).
changelog_first="$(zcat "$x/usr/share/doc/llm-orchestrator/changelog.Debian.gz" | sed -n 1p)"
grep -qF "($(dpkg-deb -f "$deb" Version))" <<<"$changelog_first" \
    || fail "changelog's first entry is not this version"

# Translations are compiled into the binary as Qt resources (:/i18n/llm-orchestrator_<lang>.qm);
# rcc stores resource names in UTF-16 big-endian.
bin="$x/usr/bin/llm-orchestrator"
languages="$(find "$root/translations" -name 'llm-orchestrator_*.ts' -printf '%f\n' 2>/dev/null \
    | sed 's/^llm-orchestrator_\(.*\)\.ts$/\1/')"
if [ -z "$languages" ]; then
    echo "SKIP: translations: no translations/llm-orchestrator_*.ts in the source tree yet"
else
    # Resource names are UTF-16 in the binary. Read the strings once: `strings | grep -q`
    # under pipefail fails when grep exits early and strings gets SIGPIPE.
    resource_names="$(strings -e b "$bin")"
    for lang in $languages; do
        if grep -qF "llm-orchestrator_$lang.qm" <<<"$resource_names"; then
            pass "translation $lang embedded"
        else
            fail "translation $lang is not embedded in the binary"
        fi
    done
fi

# ---- the unpacked binary against the system Qt ----------------------------------------------
out="$("$bin" --version 2>&1)"
if grep -qF "$version" <<<"$out"; then pass "--version: $out"; else fail "--version said '$out'"; fi

unset LLMO_PORT LLMO_BIND LLMO_DATABASE LLMO_API_KEY LLMO_ADMIN_TOKEN DISPLAY WAYLAND_DISPLAY
LLMO_DATA_DIR="$work/data" "$bin" --headless --port 0 > "$work/server.out" 2> "$work/server.err" &
server_pid=$!
url=""
for _ in $(seq 1 100); do
    url="$(grep -oE 'http://127\.0\.0\.1:[0-9]+' "$work/server.out" | head -n 1)"
    [ -n "$url" ] && break
    kill -0 "$server_pid" 2>/dev/null || break
    sleep 0.1
done
if [ -z "$url" ]; then
    fail "--headless did not report its URL"
    cat "$work/server.out" "$work/server.err"
else
    health="$(curl -s --max-time 5 "$url/health")"
    if grep -q '"status" *: *"ok"' <<<"$health"; then pass "GET $url/health: $health"; else fail "GET /health said '$health'"; fi
    kill -TERM "$server_pid"
    for _ in $(seq 1 100); do
        kill -0 "$server_pid" 2>/dev/null || break
        sleep 0.1
    done
    kill -0 "$server_pid" 2>/dev/null && fail "still running 10 s after SIGTERM"
    wait "$server_pid"
    rc=$?
    server_pid=""
    if [ "$rc" -eq 0 ]; then pass "exit 0 on SIGTERM"; else fail "exit $rc on SIGTERM"; cat "$work/server.err"; fi
fi

echo "$failures failure(s)"
[ "$failures" -eq 0 ]
