// The build copy without the documents that own-documents.spec.ts adds: scripts/own-dist.mjs builds
// it (global-setup.ts runs it), tests/e2e/own-documents.json names the documents.
import { readFileSync } from "node:fs";

export const OWN_DIST = "target/e2e/dist-eigen";
/** Where the e2e suite serves that copy (playwright.config.ts). */
export const OWN_PORT = 4176;
export const LEFT_OUT: { pdf: string; word: string } = JSON.parse(readFileSync("tests/e2e/own-documents.json", "utf8"));
