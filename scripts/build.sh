#!/usr/bin/env bash
# Builds the widget into dist/: the wasm (release, wasm-bindgen --target web,
# wasm-opt -Oz), the layout worker's own wasm (crates/layout-worker/, for
# datasets compiled with --no-layout; wasm-opt -O3: speed, it is off the
# critical path) and www/. Every URL is relative, so dist/ works from any
# sub-path of any static host. Run scripts/setup.sh first (serve.sh and
# test.sh do).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --quiet --release --lib --target wasm32-unknown-unknown
# Its own workspace and target dir: the main build's lock is not shared.
CARGO_TARGET_DIR="$PWD/target/layout-worker" cargo build --quiet --release --target wasm32-unknown-unknown \
  --manifest-path crates/layout-worker/Cargo.toml
rm -rf pkg dist
wasm_opt() {
  node_modules/.bin/wasm-opt "$1" --enable-bulk-memory --enable-reference-types --enable-multivalue \
    --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
    --strip-debug --strip-producers "$2" -o "$2"
}
wasm-bindgen --target web --no-typescript --out-dir pkg target/wasm32-unknown-unknown/release/alliance_map.wasm
wasm-bindgen --target web --no-typescript --out-dir pkg target/layout-worker/wasm32-unknown-unknown/release/layout_worker.wasm
wasm_opt -Oz pkg/alliance_map_bg.wasm
wasm_opt -O3 pkg/layout_worker_bg.wasm
mkdir -p dist/pkg
cp -R www/. dist/
cp pkg/alliance_map.js pkg/alliance_map_bg.wasm pkg/layout_worker.js pkg/layout_worker_bg.wasm dist/pkg/
node scripts/minify.mjs dist
node scripts/preload.mjs dist
echo "built dist/ ($(wc -c < dist/pkg/alliance_map_bg.wasm) bytes of wasm; layout worker $(wc -c < dist/pkg/layout_worker_bg.wasm))" >&2
