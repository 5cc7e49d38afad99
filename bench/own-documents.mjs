// Times adding an own document in Chromium (issue 13): the 4-page PDF that scripts/own-dist.mjs
// leaves out of the published corpus, added alone, in fresh browser contexts (empty storage). Cold:
// the first add in a page (the reader's module and wasm are fetched and compiled); warm: the same
// PDF removed and added again in that page. Prints every sample (none are dropped) and the medians,
// in the worker's steps (read, merge with the published corpus, index) and on the page.
// Then fifty documents at once (the first fifty written questions, left out of a second build copy): interaction
// latency while they are read (facet clicks and keystrokes, as bench/interactions.mjs times them, and by Event
// Timing to the next paint) and after, on the grown corpus. Two ways in, each in its own fresh contexts: the
// files set on the field straight away (no file dialog: the reader starts when they arrive; the budget's row),
// and through the file dialog, chosen DIALOG_MS after it opened (the reader starts when the dialog opens).
// Usage: node bench/own-documents.mjs [--runs 7] [--many-runs 5] [--dist target/e2e/dist-eigen]
//        [--many-dist target/bench/dist-eigen-50]   (builds the copies when missing)
import { chromium } from "playwright-core";
import { existsSync } from "node:fs";
import { buildOwnDist, LEFT_OUT, MANY_LEFT_OUT, OWN_DIST } from "../scripts/own-dist.mjs";
import { QUERY_TERMS, eventTiming, interact, interactionSummary, openLoaded } from "./interactions.mjs";
import { serve } from "./serve.mjs";

const arg = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : fallback;
};
const runs = Number(arg("runs", 7));
const manyRuns = Number(arg("many-runs", 5));
const dist = arg("dist", OWN_DIST);
const manyDist = arg("many-dist", "target/bench/dist-eigen-50");
if (!existsSync(`${dist}/index.html`)) buildOwnDist("dist", dist);
if (!existsSync(`${manyDist}/index.html`)) buildOwnDist("dist", manyDist, MANY_LEFT_OUT);
const terms = QUERY_TERMS;

const STEPS = ["lees", "samenvoegen", "indexeren", "werker", "pagina"];
const server = await serve(dist, { precompress: true });
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
await server.close();

// ---- fifty at once
/** How long the bench's reader takes to choose fifty files in the dialog: a person takes longer. */
const DIALOG_MS = 1000;
const manyServer = await serve(manyDist, { precompress: true });
const many = { duringEvents: [], afterEvents: [], outcomes: [], ms: [] };
const dialog = { events: [], ms: [] };
const merge = (into, { kinds, skipped }) => {
  into.kinds ??= { facet: [], enter: [], keystroke: [] };
  for (const k of Object.keys(kinds)) into.kinds[k].push(...kinds[k]);
  into.skipped = (into.skipped ?? 0) + skipped;
};
const during = {};
const after = {};
for (let run = 0; run < manyRuns; run++) {
  const { context, page } = await openLoaded(browser, `${manyServer.url}/`);
  const status = page.locator("#eigen-status");
  const finished = async () => /^50 van 50 gelezen$/.test((await status.textContent()) ?? "");
  await page.locator("[data-testid=add-document]").setInputFiles(MANY_LEFT_OUT);
  merge(during, await interact(page, { count: 10_000, terms, until: finished }));
  await status.filter({ hasText: /^50 van 50 gelezen$/ }).waitFor({ timeout: 120_000 });
  many.duringEvents.push(await eventTiming(page));
  many.ms.push(Number(await page.locator("#eigen").getAttribute("data-pagina-ms")));
  const statuses = await page.locator("[data-testid=add-message]").evaluateAll((ls) => ls.map((l) => l.dataset.status));
  const counts = statuses.reduce((c, s) => c.set(s, (c.get(s) ?? 0) + 1), new Map());
  many.outcomes.push([...counts].map(([s, n]) => `${n} ${s}`).join(", "));
  merge(after, await interact(page, { count: 60, terms }));
  many.afterEvents.push(await eventTiming(page));
  await context.close();
}
const viaDialog = {};
for (let run = 0; run < manyRuns; run++) {
  const { context, page } = await openLoaded(browser, `${manyServer.url}/`);
  const status = page.locator("#eigen-status");
  const finished = async () => /^50 van 50 gelezen$/.test((await status.textContent()) ?? "");
  const chooser = page.waitForEvent("filechooser");
  await page.locator("[data-testid=add-document]").click();
  await page.waitForTimeout(DIALOG_MS);
  await (await chooser).setFiles(MANY_LEFT_OUT);
  merge(viaDialog, await interact(page, { count: 10_000, terms, until: finished }));
  await status.filter({ hasText: /^50 van 50 gelezen$/ }).waitFor({ timeout: 120_000 });
  dialog.events.push(await eventTiming(page));
  dialog.ms.push(Number(await page.locator("#eigen").getAttribute("data-pagina-ms")));
  await context.close();
}
await manyServer.close();
await browser.close();

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`own documents: 4-page PDF (${LEFT_OUT.pdf.split("/").pop()}), ${runs} runs each, no sample dropped`);
console.log(`| add | ${STEPS.map((s) => `${s} ms`).join(" | ")} |`);
console.log(`| --- | ${STEPS.map(() => "---").join(" | ")} |`);
for (const [kind, list] of Object.entries(samples)) {
  console.log(`| ${kind}, median | ${STEPS.map((s) => median(list.map((x) => x[s]))).join(" | ")} |`);
  console.log(`| ${kind}, all | ${STEPS.map((s) => list.map((x) => x[s]).join(", ")).join(" | ")} |`);
}

const row = (name, measured, events) => {
  const all = interactionSummary(measured);
  const ev = events.reduce((a, e) => ({ n: a.n + e.interactions, slow: a.slow + e.at_least_16_ms }), { n: 0, slow: 0 });
  const f = (x) => (x == null ? "–" : x.toFixed(1));
  console.log(
    `| ${name} | ${all.all.n} | ${f(all.all.p50_ms)} | ${f(all.all.p95_ms)} | ${f(all.all.max_ms)} | ${f(all.facet.p95_ms)} | ${all.skipped} | ` +
      `${events.map((e) => e.p95_ms).join(", ")} | ${ev.slow} of ${ev.n} |`,
  );
};
console.log();
console.log(`fifty documents at once (${MANY_LEFT_OUT.length} written questions, txt), ${manyRuns} runs, each in a fresh context`);
console.log(`outcomes per run: ${many.outcomes.join(" | ")}`);
console.log(`the whole add on the page, ms: ${many.ms.join(", ")} (median ${median(many.ms)}); through the dialog: ${dialog.ms.join(", ")} (median ${median(dialog.ms)})`);
console.log("| interactions | n | p50 ms | p95 ms | max ms | facet p95 ms | changed nothing (not counted) | Event Timing p95 per run, ms | Event Timing ≥ 16 ms |");
console.log("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
row("while the fifty are read", during, many.duringEvents);
row(`the same, chosen in the file dialog ${DIALOG_MS / 1000} s after it opened`, viaDialog, dialog.events);
row("after, on the grown corpus", after, many.afterEvents);
