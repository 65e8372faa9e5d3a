#!/usr/bin/env bash
# Installs exactly the Debian 12 packages Shotcraft needs to build, test and run.
# Idempotent: when every package is already present it returns without touching apt.
set -euo pipefail

packages=(
  # toolchain
  build-essential cmake ninja-build pkg-config ccache clang-14 libclang-rt-14-dev clang-format
  # Qt 6 (6.4 on Debian 12)
  qt6-base-dev qt6-base-dev-tools qt6-websockets-dev qt6-httpserver-dev qt6-svg-dev
  libqt6svg6 qt6-qpa-plugins
  # libraries
  nlohmann-json3-dev libsqlitecpp-dev libsqlite3-dev qtkeychain-qt6-dev libbenchmark-dev
  # runtime tools: animatics, PDF checks (pdfinfo, pdftotext), fonts, packaging checks
  ffmpeg poppler-utils fonts-dejavu-core sqlite3 file dpkg-dev xvfb xauth
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "install-deps: done"
