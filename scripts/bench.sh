#!/usr/bin/env bash
# Runs every benchmark of issue 5 in one go and writes docs/performance.md:
# scale corpus → exports → Pagefind/MiniSearch peer sites → native criterion benches → app release
# builds (one per scale) → browser benchmarks in one Chromium session → search quality on the judged
# query set and index size (1× only) → report.
# Not part of the test suite. Takes 20–40 minutes on 2 cores for 1x and 100x, some 75 with 500x.
#   BENCH_SCALES="1x"        only today's corpus (default "1x 100x"; "1x 100x 500x" adds the 500x corpus,
#                            204 MB of text: generated in under a minute, built in under half a minute)
#   BENCH_QUICK=1            fewer repetitions (for trying the scripts, not for the published figures)
#   BENCH_SKIP_NATIVE=1 / BENCH_SKIP_BROWSER=1 / BENCH_SKIP_QUALITY=1   leave a part out
#   BENCH_REUSE_APP=1        reuse bench/out/app-<scale> from an earlier run instead of rebuilding
#   BENCH_SKIP_SETUP=1       do not run scripts/setup.sh first
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
OUT="$ROOT/bench/out"
SCALES="${BENCH_SCALES:-1x 100x}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"
say() { printf 'bench: %s\n' "$*"; }
mkdir -p "$OUT"
# Written only when 1x is measured in this run; an older run's figures must not reach the report.
rm -rf "$OUT/judged-1x.json" "$OUT/index-size-1x.json" "$OUT/index-size-1x" "$OUT"/build-*.json
# Nor may the figures of a scale this run leaves out.
for s in 1x 100x 500x; do
  case " $SCALES " in *" $s "*) ;; *) rm -f "$OUT/native-$s.json" "$OUT/browser-$s.json" "$OUT/text-ratio-$s.json" ;; esac
done

if [ -x scripts/setup.sh ] && [ "${BENCH_SKIP_SETUP:-}" != 1 ]; then
  say "tools (scripts/setup.sh: wasm target, trunk, wasm-bindgen, chromium, npm devDependencies)"
  scripts/setup.sh
fi

say "npm packages for the bench (pagefind, minisearch, playwright-core)"
if [ ! -x bench/node_modules/.bin/pagefind ] || [ ! -d bench/node_modules/playwright-core ] || [ ! -d bench/node_modules/minisearch ]; then
  (cd bench && npm install --no-audit --no-fund)
fi

# The tools profile (Cargo.toml): opt-level 3, as build.rs parses in the site build; the release
# profile's opt-level "z" is for the wasm shell.
say "optimised build of the corpus tools (cargo --profile tools)"
cargo build --profile tools -q -p briefwissel-corpus --bin briefwissel --bin briefwissel-scale
BIN="$CARGO_TARGET_DIR/tools"

data_dir() { if [ "$1" = 1x ]; then echo "$ROOT/data/documents"; else echo "$ROOT/.scale/$1"; fi; }

for scale in $SCALES; do
  if [ "$scale" != 1x ]; then
    factor="${scale%x}"
    manifest=".scale/$scale/scale-manifest.json"
    if [ ! -f "$manifest" ] || [ "$BIN/briefwissel-scale" -nt "$manifest" ] \
      || [ "$(find data/documents -newer "$manifest" | head -1)" != "" ]; then
      say "generating the ${scale} corpus"
      "$BIN/briefwissel-scale" --factor "$factor" --output ".scale/$scale"
    fi
    node bench/text-ratio.mjs data/documents ".scale/$scale" > "$OUT/text-ratio-$scale.json"
  fi
  say "build time at $scale (bench/build-time.mjs: briefwissel artifact, whole runs)"
  node bench/build-time.mjs "$BIN/briefwissel" "$(data_dir "$scale")" --runs "$([ "$scale" = 500x ] && echo 1 || echo 3)" > "$OUT/build-$scale.json"
  say "export and peer sites for $scale"
  "$BIN/briefwissel" export "$(data_dir "$scale")" > "$OUT/export-$scale.json"
  node bench/peer-site.mjs "$OUT/export-$scale.json" "$OUT/peer-$scale"
done

if [ "${BENCH_SKIP_NATIVE:-}" != 1 ]; then
  say "native benchmarks (criterion)"
  BRIEFWISSEL_BENCH_SCALES="$(echo $SCALES | tr ' ' ',')" BRIEFWISSEL_BENCH_OUT="$OUT" CRITERION_HOME="$OUT/criterion" \
    cargo bench -q -p briefwissel-corpus --bench scale -- --noplot
fi

if [ "${BENCH_SKIP_BROWSER:-}" != 1 ]; then
  for scale in $SCALES; do
    if [ "$scale" != 1x ] && ! grep -q BRIEFWISSEL_DOCUMENTS build.rs; then
      say "build.rs does not read BRIEFWISSEL_DOCUMENTS, so the app cannot be built against $scale; skipped"
      continue
    fi
    if [ "${BENCH_REUSE_APP:-}" = 1 ] && [ -f "$OUT/app-$scale/index.html" ]; then
      say "reusing the app build in $OUT/app-$scale"
    else
      say "app release build against the $scale corpus"
      BRIEFWISSEL_DOCUMENTS="$(data_dir "$scale")" trunk build --release --dist "$OUT/app-$scale" >"$OUT/trunk-$scale.log" 2>&1 \
        || { tail -30 "$OUT/trunk-$scale.log"; exit 1; }
    fi
    if [ "${BENCH_QUICK:-}" = 1 ]; then reps=(--loads 1 --throttled-loads 1 --interactions 50)
    elif [ "$scale" = 1x ]; then reps=(--loads 5 --throttled-loads 3 --interactions 60 --event-timing-runs 3)
    else reps=(--loads 3 --throttled-loads 1 --interactions 60); fi
    say "browser benchmarks at $scale"
    node bench/browser.mjs --scale "$scale" --app "$OUT/app-$scale" --peer "$OUT/peer-$scale/site" --out "$OUT/browser-$scale.json" "${reps[@]}"
  done
fi

if [[ " $SCALES " == *" 1x "* ]] && [ "${BENCH_SKIP_QUALITY:-}" != 1 ]; then
  say "search index size at 1x (example index_size)"
  cargo run --release -q -p briefwissel-corpus --example index_size -- "$(data_dir 1x)" "$OUT/index-size-1x" > "$OUT/index-size-1x.json"
  say "search quality on the judged query set at 1x (Briefwissel CLI and Pagefind in Chromium)"
  node bench/judged.mjs --bin "$BIN/briefwissel" --data "$(data_dir 1x)" --peer "$OUT/peer-1x/site" \
    --export "$OUT/export-1x.json" --out "$OUT/judged-1x.json"
fi

say "versions"
node - "$OUT/versions.json" <<'EOF'
const { execSync } = require("node:child_process");
const { writeFileSync, readFileSync } = require("node:fs");
const run = (cmd) => { try { return execSync(cmd, { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim(); } catch { return "unknown"; } };
const pkg = (name) => { try { return JSON.parse(readFileSync(`bench/node_modules/${name}/package.json`, "utf8")).version; } catch { return "unknown"; } };
const cpu = run("grep -m1 'model name' /proc/cpuinfo").replace(/^model name\s*:\s*/, "");
const mem = run("awk '/MemTotal/ { printf \"%.0f GiB\", $2/1048576 }' /proc/meminfo");
writeFileSync(process.argv[2], JSON.stringify({
  date: new Date().toISOString(),
  commit: run("git rev-parse --short HEAD") + (run("git status --porcelain") ? " (with uncommitted changes)" : ""),
  machine: `${cpu}, ${run("nproc")} cores, ${mem}, ${run("uname -sr")}`,
  rustc: run("rustc --version"),
  trunk: run("trunk --version"),
  node: process.version,
  chromium: run("/usr/bin/chromium --version"),
  "playwright-core": pkg("playwright-core"),
  pagefind: pkg("pagefind"),
  minisearch: pkg("minisearch"),
  "scale seed": (() => { try { return JSON.parse(readFileSync(".scale/100x/scale-manifest.json", "utf8")).seed; } catch { return "–"; } })(),
}, null, 2));
EOF

node bench/report.mjs "$OUT" docs/performance.md
say "done: docs/performance.md"
