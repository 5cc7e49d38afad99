#!/usr/bin/env bash
# The whole test suite: formatting, lints, native tests, wasm browser tests, release build, size
# budget, single-file build and the Playwright end-to-end suite (incl. offline, sub-path, file://).
# Ends with one line "N passed, N failed" and exits non-zero when anything failed.
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export CARGO_TERM_COLOR=never
LOG_DIR="$ROOT/target/test-logs"
mkdir -p "$LOG_DIR"

PASSED=0
FAILED=0
SUMMARY=()
START=$SECONDS

record() { # name, passed, failed
  PASSED=$((PASSED + $2))
  FAILED=$((FAILED + $3))
  SUMMARY+=("$(printf '%-28s %4d passed %4d failed' "$1" "$2" "$3")")
}
section() { printf '\n=== %s (%ds)\n' "$*" $((SECONDS - START)); }

# A gate that is not a test runner counts as one check.
gate() { # name, command...
  local name="$1"
  shift
  section "$name"
  if "$@"; then record "$name" 1 0; return 0; else record "$name" 0 1; return 1; fi
}

# Runs cargo test, shows its output and sums its "test result:" lines.
cargo_tests() { # name, cargo test args...
  local name="$1"
  shift
  section "$name"
  local log="$LOG_DIR/${name// /-}.log"
  cargo test "$@" 2>&1 | tee "$log"
  local status=${PIPESTATUS[0]}
  local counts
  counts="$(awk '/^test result:/ { for (i = 1; i <= NF; i++) { if ($(i) ~ /^passed/) p += $(i-1); if ($(i) ~ /^failed/) f += $(i-1) } } END { printf "%d %d", p, f }' "$log")"
  local passed="${counts% *}" failed="${counts#* }"
  if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi # build error: no result line
  record "$name" "$passed" "$failed"
  [ "$status" -eq 0 ]
}

section "setup"
if ! bash scripts/setup.sh; then
  echo "setup failed"
  echo "0 passed, 1 failed"
  exit 1
fi

gate "cargo fmt --check" cargo fmt --all -- --check
gate "cargo clippy" cargo clippy --workspace --all-targets -- -D warnings
cargo_tests "native tests" --workspace
# The reader of own documents (crates/reader-worker: the readers and the parser as a lazily loaded
# wasm module) is linted for wasm32 too: its wasm-bindgen exports exist only there.
gate "reader worker lints for wasm32" cargo clippy -q -p briefwissel-reader-worker --target wasm32-unknown-unknown -- -D warnings

# wasm-bindgen browser tests of the app (tests/wasm_*.rs), in headless Chromium via chromedriver.
APP_PACKAGE="$(awk '/^\[package\]/{p=1} p && /^name *=/{gsub(/name *= *|"/, ""); print; exit}' Cargo.toml)"
WASM_TESTS=()
for f in tests/wasm_*.rs; do [ -e "$f" ] && WASM_TESTS+=(--test "$(basename "$f" .rs)"); done
if [ -n "$APP_PACKAGE" ] && [ ${#WASM_TESTS[@]} -gt 0 ]; then
  export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
  export CHROMEDRIVER=/usr/bin/chromedriver
  export WASM_BINDGEN_TEST_TIMEOUT=120
  export WASM_BINDGEN_TEST_WEBDRIVER_JSON="$ROOT/scripts/webdriver.json"
  cargo_tests "wasm browser tests" --target wasm32-unknown-unknown -p "$APP_PACKAGE" "${WASM_TESTS[@]}"
else
  section "wasm browser tests"
  echo "no app package or no tests/wasm_*.rs yet"
  record "wasm browser tests (none)" 0 1
fi

BUILD_OK=0
# Strict: a document in data/ that cannot be read (an error diagnostic) fails the build.
export BRIEFWISSEL_STRICT=1
release_build() { trunk build --release --offline && node scripts/postbuild.mjs dist; }
if gate "trunk build --release" release_build; then BUILD_OK=1; fi

if [ "$BUILD_OK" -eq 1 ]; then
  gate "single-file build" node scripts/single-file.mjs dist dist/briefwissel.html
  gate "size budget" node scripts/budget.mjs dist

  section "corpus export for e2e expectations"
  mkdir -p target/e2e
  if cargo run -q -p briefwissel-corpus --bin briefwissel -- export data/documents >target/e2e/corpus.json; then
    export BRIEFWISSEL_EXPORT="$ROOT/target/e2e/corpus.json"
  fi

  section "playwright e2e (list reporter; json in target/e2e/report.json)"
  rm -f target/e2e/report.json
  playwright test
  e2e_status=$?
  if [ -f target/e2e/report.json ]; then
    read -r e2e_passed e2e_failed < <(node -e '
      const s = JSON.parse(require("fs").readFileSync("target/e2e/report.json", "utf8")).stats;
      console.log((s.expected || 0) + (s.flaky || 0), (s.unexpected || 0));')
  else
    e2e_passed=0 e2e_failed=1
  fi
  if [ "$e2e_status" -ne 0 ] && [ "$e2e_failed" -eq 0 ]; then e2e_failed=1; fi
  record "playwright e2e" "$e2e_passed" "$e2e_failed"
else
  record "e2e (skipped: no build)" 0 1
fi

section "summary"
printf '%s\n' "${SUMMARY[@]}"
echo "${PASSED} passed, ${FAILED} failed"
[ "$FAILED" -eq 0 ]
