#!/usr/bin/env bash
# Builds the widget into dist/: the wasm (release, wasm-bindgen --target web,
# wasm-opt -Oz) and www/. Every URL is relative, so dist/ works from any
# sub-path of any static host. Run scripts/setup.sh first (serve.sh and
# test.sh do).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --quiet --release --lib --target wasm32-unknown-unknown
rm -rf pkg dist
wasm-bindgen --target web --no-typescript --out-dir pkg target/wasm32-unknown-unknown/release/alliance_map.wasm
node_modules/.bin/wasm-opt -Oz --enable-bulk-memory --enable-reference-types --enable-multivalue \
  --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
  --strip-debug --strip-producers pkg/alliance_map_bg.wasm -o pkg/alliance_map_bg.wasm
mkdir -p dist/pkg
cp -R www/. dist/
cp pkg/alliance_map.js pkg/alliance_map_bg.wasm dist/pkg/
node scripts/minify.mjs dist
node scripts/preload.mjs dist
echo "built dist/ ($(wc -c < dist/pkg/alliance_map_bg.wasm) bytes of wasm)" >&2
