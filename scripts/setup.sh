#!/usr/bin/env bash
# Installs what building and testing need, skipping what is already there, so
# a second run takes seconds. Usage: scripts/setup.sh [build|test]
#   build: Rust wasm target, wasm-bindgen-cli (the version in Cargo.lock), npm packages
#   test:  the above plus Debian's Chromium and ChromeDriver
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-build}"
say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown Rust target"
  rustup target add wasm32-unknown-unknown
fi

# wasm-bindgen-cli must match the wasm-bindgen crate exactly.
want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" != "$want" ]; then
  say "installing wasm-bindgen-cli $want (a few minutes, once)"
  # --locked pins its own lockfile, which fails here on a pinned dependency;
  # then resolve afresh (same wasm-bindgen-cli version), and say so.
  if ! cargo install wasm-bindgen-cli --version "$want" --locked 2>/tmp/wasm-bindgen-locked.log; then
    say "cargo install --locked failed ($(grep -m1 -i 'error' /tmp/wasm-bindgen-locked.log || echo 'see /tmp/wasm-bindgen-locked.log')); installing wasm-bindgen-cli $want without --locked"
    cargo install wasm-bindgen-cli --version "$want" --force
  fi
fi

if [ ! -x node_modules/.bin/wasm-opt ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages from package-lock.json"
  npm ci --no-audit --no-fund --loglevel=error
fi

if [ "$mode" = test ]; then
  if ! python3 -c 'import networkx' 2>/dev/null; then
    say "installing networkx (PyPI) for the interoperability tests"
    python3 -m pip install --quiet --disable-pip-version-check -r tests/interop/requirements.txt
  fi
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    say "installing Chromium and ChromeDriver from Debian"
    sudo_cmd=""
    [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
fi
