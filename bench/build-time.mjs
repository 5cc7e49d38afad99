// Times the whole build of one corpus as the site build does it: `briefwissel artifact --steps OUT DIR` (read every
// file, parse, the passes over the corpus, index, write the artifact), wall time, every run printed.
// Issue 14 asks the 500× build to take under a minute. Prints JSON: runs in seconds, the bytes of the files read,
// and each run's steps as the CLI timed them (`--steps`: milliseconds per step, the profile of a slow build).
// Usage: node bench/build-time.mjs BIN DIR [--runs 3]
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const [bin, dir] = process.argv.slice(2);
const at = process.argv.indexOf("--runs");
const runs = at > 0 ? Number(process.argv[at + 1]) : 3;
if (!bin || !dir || !(runs >= 1)) {
  console.error("usage: node bench/build-time.mjs BIN DIR [--runs N]");
  process.exit(2);
}

/** The bytes of the files the build reads (the same kinds it reads: .txt, .pdf, .docx). */
function fileBytes(path) {
  return readdirSync(path).reduce((sum, name) => {
    const full = join(path, name);
    const info = statSync(full);
    if (info.isDirectory()) return sum + fileBytes(full);
    return /\.(txt|pdf|docx)$/i.test(name) ? sum + info.size : sum;
  }, 0);
}

const scratch = mkdtempSync(join(tmpdir(), "briefwissel-build-"));
const seconds = [];
const steps = [];
try {
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    const result = spawnSync(bin, ["artifact", "--steps", join(scratch, "corpus.bin"), dir], { stdio: ["ignore", "ignore", "pipe"], maxBuffer: 1 << 30 });
    const elapsed = (performance.now() - started) / 1000;
    if (result.status !== 0) {
      console.error(`build-time: ${bin} artifact ${dir} failed (exit ${result.status}): ${String(result.stderr).slice(-2000)}`);
      process.exit(1);
    }
    seconds.push(Number(elapsed.toFixed(2)));
    const line = String(result.stderr).split("\n").findLast((l) => l.startsWith('{"steps_ms"'));
    steps.push(line ? JSON.parse(line).steps_ms : null);
  }
  const artifactBytes = statSync(join(scratch, "corpus.bin")).size;
  console.log(JSON.stringify({ command: `briefwissel artifact --steps OUT ${dir}`, runs: seconds, steps_ms: steps, file_bytes: fileBytes(dir), artifact_bytes: artifactBytes }, null, 2));
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
