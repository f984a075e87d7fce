#!/usr/bin/env bash
# Builds the widget into dist/: the widget's two wasm modules (the `wasm`
# profile of Cargo.toml: opt-level "z"; the native CLI keeps opt-level 3;
# wasm-bindgen --target web, wasm-opt -Oz), the layout worker's wasm
# (crates/layout-worker/, for datasets compiled with --no-layout; wasm-opt
# -O3: speed, it is off the critical path) and www/. Every URL is relative, so dist/ works from any
# sub-path of any static host. Run scripts/setup.sh first (serve.sh and
# test.sh do).
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
# One crate, crates/widget, built twice by feature: the small first-frame
# module (no features), which draws the map before the full one (--features
# full) has downloaded; and the layout worker's wasm. All share one
# workspace and one lockfile; the widget builds with the `wasm` profile
# (size), the worker with `wasm-speed` (opt-level 3).
# Each build overwrites the widget's .wasm, so wasm-bindgen runs after each.
rm -rf pkg dist
wasm=target/wasm32-unknown-unknown/wasm
# --omit-default-module-path: the widget passes each module its wasm's URL
# (new URL('./pkg/…', import.meta.url)); the glue's own default names a file
# beside the glue, which a bundle is not, and made bundlers (Vite) warn.
bindgen() { wasm-bindgen --target web --no-typescript --omit-default-module-path --out-dir pkg --out-name "$2" "$1"; }
step "compiling the first-frame wasm (crates/widget; about 2 minutes on a fresh machine)"
cargo build --quiet --profile wasm --target wasm32-unknown-unknown -p alliance-map-widget
bindgen "$wasm/alliance_map_widget.wasm" alliance_map_paint
step "compiling the full widget wasm (crates/widget --features full)"
cargo build --quiet --profile wasm --target wasm32-unknown-unknown -p alliance-map-widget --features full
bindgen "$wasm/alliance_map_widget.wasm" alliance_map
step "compiling the layout worker's wasm (crates/layout-worker)"
cargo build --quiet --profile wasm-speed --target wasm32-unknown-unknown -p layout-worker
bindgen target/wasm32-unknown-unknown/wasm-speed/layout_worker.wasm layout_worker
step "compiling the compiler module (crates/compiler: the studio's and the npm bin's check, import, layout, build)"
cargo build --quiet --profile wasm-speed --target wasm32-unknown-unknown -p alliance-map-compiler
bindgen target/wasm32-unknown-unknown/wasm-speed/alliance_map_compiler.wasm alliance_map_compiler
step "wasm-opt"
wasm_opt() {
  # shellcheck disable=SC2086 # $1 is the optimisation flags, split on purpose
  node_modules/.bin/wasm-opt $1 --enable-bulk-memory --enable-reference-types --enable-multivalue \
    --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
    --strip-debug --strip-producers "$2" -o "$2"
}
# --converge repeats -Oz until nothing shrinks (35 bytes gzip of the first frame).
wasm_opt "-Oz --converge" pkg/alliance_map_bg.wasm
wasm_opt "-Oz --converge" pkg/alliance_map_paint_bg.wasm
# Speed over size: the worker is off the critical path (-Oz saves 1.3 KB).
wasm_opt -O3 pkg/layout_worker_bg.wasm
# The compiler runs a check per keystroke in the studio and whole builds on
# Node: speed, and it is never on a reader's page.
wasm_opt -O3 pkg/alliance_map_compiler_bg.wasm
step "bundling www/ into dist/ (esbuild)"
mkdir -p dist/pkg
cp -R www/. dist/
cp pkg/*.js pkg/*.wasm dist/pkg/
node scripts/minify.mjs dist
node scripts/preload.mjs dist
node scripts/studio-files.mjs dist
echo "built dist/ ($(wc -c < dist/pkg/alliance_map_paint_bg.wasm) bytes of first-frame wasm, $(wc -c < dist/pkg/alliance_map_bg.wasm) of full wasm, $(wc -c < dist/pkg/layout_worker_bg.wasm) of layout worker, $(wc -c < dist/pkg/alliance_map_compiler_bg.wasm) of compiler)" >&2
