#!/usr/bin/env bash
# Builds the widget into dist/: the wasm (release, wasm-bindgen --target web,
# wasm-opt -Oz) and www/. Every URL is relative, so dist/ works from any
# sub-path of any static host. Run scripts/setup.sh first (serve.sh and
# test.sh do).
set -euo pipefail
cd "$(dirname "$0")/.."
# Two wasm modules: the full facade (src/wasm.rs) and the small first-frame
# module (paint/), which draws the map before the full one has downloaded.
cargo build --quiet --release --lib --target wasm32-unknown-unknown
cargo build --quiet --release --target wasm32-unknown-unknown -p alliance-map-paint
rm -rf pkg dist
for module in alliance_map alliance_map_paint; do
  wasm-bindgen --target web --no-typescript --out-dir pkg "target/wasm32-unknown-unknown/release/$module.wasm"
  node_modules/.bin/wasm-opt -Oz --enable-bulk-memory --enable-reference-types --enable-multivalue \
    --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
    --strip-debug --strip-producers "pkg/${module}_bg.wasm" -o "pkg/${module}_bg.wasm"
done
mkdir -p dist/pkg
cp -R www/. dist/
cp pkg/*.js pkg/*.wasm dist/pkg/
node scripts/minify.mjs dist
node scripts/preload.mjs dist
echo "built dist/ ($(wc -c < dist/pkg/alliance_map_paint_bg.wasm) bytes of first-frame wasm, $(wc -c < dist/pkg/alliance_map_bg.wasm) of full wasm)" >&2
