#!/usr/bin/env bash
# Builds the demo (the seed dataset is compiled in) and serves it:
#   scripts/serve.sh [PORT]   (default 8000) → http://localhost:PORT/
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh build
scripts/build.sh
port="${1:-8000}"
echo "serving http://localhost:$port/  (Ctrl-C to stop)" >&2
exec python3 -m http.server "$port" --bind 127.0.0.1 --directory dist
