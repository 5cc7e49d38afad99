// A copy of the release build whose published corpus leaves out two real documents, so that adding
// them as own documents adds them (every real document is published, and one that is published
// already is not added twice). Same app and reader; only the corpus head is built from the data
// folder without them. Used by the e2e suite (tests/e2e/own-documents.spec.ts) and the benchmark
// (bench/own-documents.mjs, which also builds a copy without fifty documents: MANY_LEFT_OUT).
// Usage: node scripts/own-dist.mjs [dist] [out]
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { filesUnder } from "./files-under.mjs";

export const OWN_DIST = "target/e2e/dist-eigen";
/** Left out of the copy's corpus (tests/e2e/own-documents.json says which and why). */
const { pdf, word } = JSON.parse(readFileSync(new URL("../tests/e2e/own-documents.json", import.meta.url), "utf8"));
export const LEFT_OUT = { pdf, word };
/** The benchmark's fifty: the first fifty written questions of data/documents/kamervragen/, by name. */
export const MANY_LEFT_OUT = readdirSync("data/documents/kamervragen")
  .sort()
  .slice(0, 50)
  .map((name) => join("data/documents/kamervragen", name));


/** Copies `dist` to `out` with a corpus built without `leftOut` (the CLI's `artifact`: the head, its
 * index files and text shards, as the site build splits them). */
export function buildOwnDist(dist = "dist", out = OWN_DIST, leftOut = Object.values(LEFT_OUT)) {
  rmSync(out, { recursive: true, force: true });
  cpSync(dist, out, { recursive: true });
  for (const f of readdirSync(out)) {
    if (/^(corpus|zoekindex|tekst)-[0-9a-f]+\.bin$/.test(f) || f === "briefwissel.html") rmSync(join(out, f));
  }
  const kept = filesUnder("data/documents").filter((f) => !leftOut.includes(f));
  const head = join(out, "corpus-head.bin");
  execFileSync("cargo", ["run", "-q", "-p", "briefwissel-corpus", "--bin", "briefwissel", "--", "artifact", head, ...kept], {
    stdio: ["ignore", "inherit", "inherit"],
  });
  const bytes = readFileSync(head);
  const name = `corpus-${createHash("sha256").update(bytes).digest("hex").slice(0, 16)}.bin`;
  writeFileSync(join(out, name), bytes);
  rmSync(head);
  const index = join(out, "index.html");
  writeFileSync(index, readFileSync(index, "utf8").replace(/href="[^"]*corpus-[0-9a-f]+\.bin"/, `href="${name}"`));
  execFileSync("node", ["scripts/postbuild.mjs", out], { stdio: ["ignore", "ignore", "inherit"] });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) buildOwnDist(process.argv[2], process.argv[3]);
