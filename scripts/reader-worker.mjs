// Builds the reader worker (crates/reader-worker) into <dir>/lezer/: the wasm and its wasm-bindgen
// glue, the worker script and the page module (public/lezer/), all content-hashed, and points the
// boot script at the page module (data-eigen in index.html). The app shell does not include any of
// it: boot.js imports the page module only when somebody adds a document.
// Usage: node scripts/reader-worker.mjs [dir] [release|debug]   (Trunk's hook passes its staging dir)
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { minify } from "./compact.mjs";

const dir = process.argv[2] || process.env.TRUNK_STAGING_DIR || "dist";
const profile = process.argv[3] || process.env.TRUNK_PROFILE || "release";
const root = new URL("..", import.meta.url).pathname;
const target = process.env.CARGO_TARGET_DIR || join(root, "target");
const run = (cmd, args) => execFileSync(cmd, args, { stdio: ["ignore", "inherit", "inherit"], cwd: root });

run("cargo", [
  "build",
  "--target",
  "wasm32-unknown-unknown",
  "-p",
  "briefwissel-reader-worker",
  ...(profile === "release" ? ["--release"] : []),
]);
const built = join(target, "wasm32-unknown-unknown", profile, "briefwissel_reader_worker.wasm");
const work = mkdtempSync(join(tmpdir(), "briefwissel-lezer-"));
run("wasm-bindgen", ["--target", "web", "--no-typescript", "--out-dir", work, "--out-name", "lezer", built]);
if (profile === "release") {
  // -O1 on the size-optimised Rust build (the release profile), not -O3 or -Oz: their inlining
  // builds functions of up to 116 kB, and while the worker reads, V8's optimising compiler spends
  // 0.6 s on them on background threads (one function alone 0.2 s), beside the worker and the
  // page on two cores: a facet click then takes 23-27 ms (p95) instead of 15. With -O1 that
  // compile is 0.18 s and the file is smaller too (743 kB brotli instead of 775 kB); reading is
  // as fast (docs/performance.md, "Own documents"). Building the crate at opt-level 2 or "s"
  // instead made it larger and no better.
  // binaryen from npm (package.json): Debian's older wasm-opt writes wasm that crashes in browsers.
  const wasmOpt = join(root, "node_modules", ".bin", "wasm-opt");
  run(existsSync(wasmOpt) ? wasmOpt : "wasm-opt", ["-O1", join(work, "lezer_bg.wasm"), "-o", join(work, "lezer_bg.wasm")]);
}

const hash = (bytes) => createHash("sha256").update(bytes).digest("hex").slice(0, 16);
const out = join(dir, "lezer");
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
/** Writes `bytes` as `<stem>-<hash><suffix>` in lezer/ and returns that name. */
function place(stem, suffix, bytes) {
  const name = `${stem}-${hash(bytes)}${suffix}`;
  writeFileSync(join(out, name), bytes);
  return name;
}

const wasm = place("lezer", "_bg.wasm", readFileSync(join(work, "lezer_bg.wasm")));
const glue = place("lezer", ".js", minify(readFileSync(join(work, "lezer.js"), "utf8"), "lezer.js"));
const template = (file) => readFileSync(join(root, "public", "lezer", file), "utf8");
const werker = place(
  "werker",
  ".js",
  minify(template("werker.js").replace("@LEZER_JS@", glue).replace("@LEZER_WASM@", wasm), "werker.js"),
);
const eigen = place("eigen", ".js", minify(template("eigen.js").replace("@WERKER@", werker), "eigen.js"));
rmSync(work, { recursive: true, force: true });

const indexPath = join(dir, "index.html");
const html = readFileSync(indexPath, "utf8");
const boot = /(<script\b[^>]*\bdata-wasm=[^>]*?)(\s+data-eigen="[^"]*")?(>)/;
if (!boot.test(html)) {
  console.error("reader-worker: index.html has no boot script (data-wasm) to point at the reader");
  process.exit(1);
}
writeFileSync(indexPath, html.replace(boot, `$1 data-eigen="./lezer/${eigen}"$3`));
console.log(`reader-worker: lezer/${eigen}, lezer/${werker}, lezer/${glue}, lezer/${wasm}`);
