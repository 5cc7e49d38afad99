// Global setup: checks that the release build exists and writes the corpus export (the CLI's JSON)
// that the specs compute their expected counts from.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { DIST } from "../../playwright.config";
import { EXPORT_PATH } from "./corpus";
import { OWN_DIST } from "./own-dist";

export default function globalSetup(): void {
  for (const file of [`${DIST}/index.html`, `${DIST}/sw.js`]) {
    if (!existsSync(file)) throw new Error(`${file} is missing: run \`trunk build --release\` first`);
  }
  if (!existsSync(`${DIST}/briefwissel.html`)) {
    execFileSync("node", ["scripts/single-file.mjs", DIST, `${DIST}/briefwissel.html`], { stdio: "inherit" });
  }
  execFileSync("node", ["scripts/own-dist.mjs", DIST, OWN_DIST], { stdio: "inherit" });
  const given = process.env.BRIEFWISSEL_EXPORT;
  if (given && given !== EXPORT_PATH && existsSync(given)) {
    process.env.BRIEFWISSEL_EXPORT = given;
    return;
  }
  if (given === EXPORT_PATH && existsSync(EXPORT_PATH)) return;
  mkdirSync("target/e2e", { recursive: true });
  const json = execFileSync(
    "cargo",
    ["run", "-q", "-p", "briefwissel-corpus", "--bin", "briefwissel", "--", "export", "data/documents"],
    { maxBuffer: 512 * 1024 * 1024, stdio: ["ignore", "pipe", "inherit"] },
  );
  writeFileSync(EXPORT_PATH, json);
  process.env.BRIEFWISSEL_EXPORT = EXPORT_PATH;
}
