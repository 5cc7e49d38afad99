// Times adding an own document in Chromium (issue 13): the 4-page PDF that scripts/own-dist.mjs
// leaves out of the published corpus, added alone, in fresh browser contexts (empty storage). Cold:
// the first add in a page (the reader's module and wasm are fetched and compiled); warm: the same
// PDF removed and added again in that page. Prints every sample (none are dropped) and the medians,
// in the worker's steps (read, merge with the published corpus, index) and on the page.
// Usage: node bench/own-documents.mjs [--runs 7] [--dist target/e2e/dist-eigen]   (builds that copy when missing)
import { chromium } from "playwright-core";
import { existsSync } from "node:fs";
import { buildOwnDist, LEFT_OUT, OWN_DIST } from "../scripts/own-dist.mjs";
import { serve } from "./serve.mjs";

const arg = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : fallback;
};
const runs = Number(arg("runs", 7));
const dist = arg("dist", OWN_DIST);
if (!existsSync(`${dist}/index.html`)) buildOwnDist("dist", dist);

const STEPS = ["lees", "samenvoegen", "indexeren", "werker", "pagina"];
const server = await serve(dist);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium", args: ["--no-sandbox"] });
const samples = { cold: [], warm: [] };

async function addPdf(page) {
  await page.locator("[data-testid=add-document]").setInputFiles(LEFT_OUT.pdf);
  await page.locator("#eigen-status").filter({ hasText: /^1 van 1 gelezen$/ }).waitFor({ timeout: 120_000 });
  const own = page.locator("#eigen");
  const sample = {};
  for (const step of STEPS) sample[step] = Number(await own.getAttribute(`data-${step}-ms`));
  return sample;
}

for (let run = 0; run < runs; run++) {
  const context = await browser.newContext({ serviceWorkers: "block" });
  const page = await context.newPage();
  await page.goto(`${server.url}/`);
  await page.locator("[data-testid=result-count]").filter({ hasText: /\d/ }).waitFor({ timeout: 60_000 });
  samples.cold.push(await addPdf(page));
  await page.locator("[data-testid=remove-own]").click();
  await page.locator("[data-testid=own-document]").waitFor({ state: "detached" });
  samples.warm.push(await addPdf(page));
  await context.close();
}
await browser.close();
await server.close();

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`own documents: 4-page PDF (${LEFT_OUT.pdf.split("/").pop()}), ${runs} runs each, no sample dropped`);
console.log(`| add | ${STEPS.map((s) => `${s} ms`).join(" | ")} |`);
console.log(`| --- | ${STEPS.map(() => "---").join(" | ")} |`);
for (const [kind, list] of Object.entries(samples)) {
  console.log(`| ${kind}, median | ${STEPS.map((s) => median(list.map((x) => x[s]))).join(" | ")} |`);
  console.log(`| ${kind}, all | ${STEPS.map((s) => list.map((x) => x[s]).join(", ")).join(" | ")} |`);
}
