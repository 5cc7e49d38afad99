#!/usr/bin/env bash
# Builds the app with the bundled corpus and serves it on http://127.0.0.1:8080 (PORT to change).
# Extra arguments go to the server, e.g. `--prefix /briefwissel/` to try a sub-path.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
bash scripts/setup.sh
trunk build --release --offline
node scripts/postbuild.mjs dist
node scripts/single-file.mjs dist dist/briefwissel.html
exec node scripts/static-server.mjs --dir dist --host 127.0.0.1 --port "${PORT:-8080}" "$@"
