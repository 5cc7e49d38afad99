#!/usr/bin/env bash
# Installs what Briefwissel needs to build and test, idempotently: tools already present are reused.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION="0.21.14"
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

say() { printf 'setup: %s\n' "$*"; }

# 1. The wasm target.
if rustup target list --installed | grep -qx 'wasm32-unknown-unknown'; then
  say "reuse  rust target wasm32-unknown-unknown"
else
  say "install rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# 2. Trunk, pinned.
if command -v trunk >/dev/null && trunk --version | grep -q " ${TRUNK_VERSION}\$"; then
  say "reuse  trunk ${TRUNK_VERSION}"
else
  say "install trunk ${TRUNK_VERSION} (cargo install, takes several minutes)"
  cargo install trunk --version "${TRUNK_VERSION}" --locked
fi

# 3. wasm-bindgen-cli matching the wasm-bindgen in Cargo.lock.
bindgen_version="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock 2>/dev/null || true)"
if [ -z "${bindgen_version}" ]; then
  say "skip   wasm-bindgen-cli (no wasm-bindgen in Cargo.lock yet)"
elif command -v wasm-bindgen >/dev/null && wasm-bindgen --version | grep -q " ${bindgen_version}\b" \
  && command -v wasm-bindgen-test-runner >/dev/null; then
  say "reuse  wasm-bindgen-cli ${bindgen_version}"
else
  say "install wasm-bindgen-cli ${bindgen_version} (matches Cargo.lock)"
  cargo install wasm-bindgen-cli --version "${bindgen_version}" --force
fi

# 4. Chromium and ChromeDriver from Debian; poppler's pdftotext, the reference the PDF tests compare with.
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] && [ -x /usr/bin/pdftotext ]; then
  say "reuse  $(/usr/bin/chromium --version 2>/dev/null | head -n1), $(pdftotext -v 2>&1 | head -n1)"
else
  say "install chromium, chromium-driver and poppler-utils (apt)"
  if [ "$(id -u)" -ne 0 ]; then
    echo "setup: chromium or pdftotext is missing and this is not root; run: sudo apt-get install -y chromium chromium-driver poppler-utils" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q chromium chromium-driver poppler-utils
fi

# 5. npm devDependencies (Playwright test runner without its browser download, binaryen's wasm-opt).
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
if [ -d node_modules ] && [ -f node_modules/.package-lock.json ] \
  && [ ! package-lock.json -nt node_modules/.package-lock.json ] \
  && [ -x node_modules/.bin/wasm-opt ] && [ -x node_modules/.bin/playwright ]; then
  say "reuse  node_modules (npm devDependencies)"
else
  say "install npm devDependencies (npm ci)"
  npm ci --no-audit --no-fund
fi
say "wasm-opt: $(wasm-opt --version) from $(command -v wasm-opt)"
say "ready"
