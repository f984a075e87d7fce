#!/usr/bin/env bash
# Runs every test: native Rust tests, the wasm facade in headless Chromium,
# and the end-to-end browser tests. Installs what it needs first.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh test
say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
say "native tests (cargo test)"
cargo test --workspace --quiet
say "wasm facade in headless Chromium (wasm-bindgen-test)"
CHROMEDRIVER=/usr/bin/chromedriver cargo test -p alliance-map-widget --features full --target wasm32-unknown-unknown --lib
say "building the widget"
scripts/build.sh
say "interoperability: networkx reads our GEXF and GraphML; its graphs import, render and build"
python3 tests/interop/networkx_reads.py
node --test tests/interop/
say "the renderer and the first-frame wasm in Node"
node --test tests/js/
say "end-to-end tests in headless Chromium (playwright-core)"
node --test --test-concurrency=1 tests/e2e/
say "the npm package: packed, installed where there is no cargo, its command beside the native one, a Vite app (tests/npm/)"
node --test tests/npm/
