#!/usr/bin/env bash
# Builds the widget into dist/: the wasm (the `wasm` profile of Cargo.toml:
# opt-level "z"; the native CLI keeps opt-level 3), wasm-bindgen --target web,
# wasm-opt -Oz), the layout worker's own wasm (crates/layout-worker/, for
# datasets compiled with --no-layout; wasm-opt -O3: speed, it is off the
# critical path) and www/. Every URL is relative, so dist/ works from any
# sub-path of any static host. Run scripts/setup.sh first (serve.sh and
# test.sh do).
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
# Two wasm modules: the full facade (src/wasm.rs) and the small first-frame
# module (crates/paint/), which draws the map before the full one has downloaded.
step "compiling the full widget wasm (src/wasm.rs; about 2 minutes on a fresh machine)"
cargo build --quiet --profile wasm --lib --target wasm32-unknown-unknown
step "compiling the first-frame wasm (crates/paint)"
cargo build --quiet --profile wasm --target wasm32-unknown-unknown -p alliance-map-paint
# The layout worker (only for datasets built with --no-layout) has its own
# workspace and target dir: the main build's lock is not shared.
step "compiling the layout worker's wasm (crates/layout-worker)"
CARGO_TARGET_DIR="$PWD/target/layout-worker" cargo build --quiet --release --target wasm32-unknown-unknown \
  --manifest-path crates/layout-worker/Cargo.toml
step "wasm-bindgen and wasm-opt"
rm -rf pkg dist
wasm_opt() {
  node_modules/.bin/wasm-opt "$1" --enable-bulk-memory --enable-reference-types --enable-multivalue \
    --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
    --strip-debug --strip-producers "$2" -o "$2"
}
wasm-bindgen --target web --no-typescript --out-dir pkg target/wasm32-unknown-unknown/wasm/alliance_map.wasm
wasm-bindgen --target web --no-typescript --out-dir pkg target/wasm32-unknown-unknown/wasm/alliance_map_paint.wasm
wasm-bindgen --target web --no-typescript --out-dir pkg target/layout-worker/wasm32-unknown-unknown/release/layout_worker.wasm
wasm_opt -Oz pkg/alliance_map_bg.wasm
wasm_opt -Oz pkg/alliance_map_paint_bg.wasm
# Speed over size: the worker is off the critical path (-Oz saves 1.3 KB).
wasm_opt -O3 pkg/layout_worker_bg.wasm
step "bundling www/ into dist/ (esbuild)"
mkdir -p dist/pkg
cp -R www/. dist/
cp pkg/*.js pkg/*.wasm dist/pkg/
node scripts/minify.mjs dist
node scripts/preload.mjs dist
echo "built dist/ ($(wc -c < dist/pkg/alliance_map_paint_bg.wasm) bytes of first-frame wasm, $(wc -c < dist/pkg/alliance_map_bg.wasm) of full wasm, $(wc -c < dist/pkg/layout_worker_bg.wasm) of layout worker)" >&2
