// A copy of the release build whose published corpus leaves out the documents that the own-documents
// spec adds (every real document is published, and one that is published already is not added
// twice). Same app, same reader; only the corpus head is built from the data folder without them.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export const OWN_DIST = "target/e2e/dist-eigen";
export const OWN_PORT = 4175;
/** Left out of OWN_DIST's corpus, added in the spec. A 4-page PDF (kamervragen with answers, 6
 * questions) and a Word answer letter (Mutluer and Ellemeet on the Argos broadcast about Sammy
 * Baker, 6 questions repeated before their answers). */
export const LEFT_OUT = {
  pdf: "data/documents/originals/pdf/1b26915f-b542-4707-8495-b5c21f0edfe1.pdf",
  word: "data/documents/originals/docx/Beantwoording van Kamervragen van de leden Mutluer (PvDA) en Ellemeet (GroenLinks) over een uitzending van Argos over de dood van Sammy Baker (.docx",
};

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

export function buildOwnDist(dist: string): void {
  rmSync(OWN_DIST, { recursive: true, force: true });
  cpSync(dist, OWN_DIST, { recursive: true });
  const kept = files("data/documents").filter((f) => !Object.values(LEFT_OUT).includes(f));
  const head = join(OWN_DIST, "corpus-head.bin");
  execFileSync("cargo", ["run", "-q", "--release", "-p", "briefwissel-corpus", "--bin", "briefwissel", "--", "artifact", head, ...kept], {
    stdio: ["ignore", "inherit", "inherit"],
  });
  const bytes = readFileSync(head);
  const name = `corpus-${createHash("sha256").update(bytes).digest("hex").slice(0, 16)}.bin`;
  for (const f of readdirSync(OWN_DIST)) if (/^(corpus|zoekindex)-[0-9a-f]+\.bin$/.test(f) || f === "briefwissel.html") rmSync(join(OWN_DIST, f));
  writeFileSync(join(OWN_DIST, name), bytes);
  rmSync(head);
  const index = join(OWN_DIST, "index.html");
  writeFileSync(index, readFileSync(index, "utf8").replace(/href="[^"]*corpus-[0-9a-f]+\.bin"/, `href="${name}"`));
  execFileSync("node", ["scripts/postbuild.mjs", OWN_DIST], { stdio: ["ignore", "ignore", "inherit"] });
}
