#!/usr/bin/env bash
# Installs what the project needs to build and run on Debian 12, only what is missing.
# Sourced by run.sh and test.sh; safe to call again (a second call installs nothing).
set -euo pipefail

LLMO_BUILD_PACKAGES=(
    cmake g++ make ninja-build pkg-config
    qt6-base-dev qt6-base-dev-tools qt6-httpserver-dev qt6-websockets-dev qt6-charts-dev
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
    libqt6sql6-sqlite libgl-dev libqt6svg6 qt6-svg-dev qt6-qpa-plugins
)

llmo_missing_packages() {
    local missing=()
    for pkg in "$@"; do
        if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
            missing+=("$pkg")
        fi
    done
    echo "${missing[@]:-}"
}

llmo_install_packages() {
    local missing
    missing=$(llmo_missing_packages "$@")
    [ -z "$missing" ] && return 0
    echo "Installing: $missing" >&2
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing >&2
}
