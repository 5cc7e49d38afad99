// Two or more builds compared on one question of bench/own-documents.mjs: interaction latency while
// fifty documents are added (files set on the field straight away), with runs of the builds taking
// turns in one browser so that the machine's drift falls on all of them alike. Per build: n, p50,
// p95, max, the interactions that changed nothing (not counted), the slowest with when they started
// (ms after the files were set), and the median per 100 ms after the files were set.
// Each build is a copy whose published corpus leaves the fifty out (scripts/own-dist.mjs).
// Usage: node bench/own-documents-ab.mjs RUNS DIST... [--warm N]
//   --warm N: N interactions before the add, in the same page (its code is then no longer cold).
import { chromium } from "playwright-core";
import { readFileSync } from "node:fs";
import { MANY_LEFT_OUT } from "../scripts/own-dist.mjs";
import { interact, openLoaded, summary } from "./interactions.mjs";
import { serve } from "./serve.mjs";

const args = process.argv.slice(2);
const warmAt = args.indexOf("--warm");
const warm = warmAt >= 0 ? Number(args.splice(warmAt, 2)[1]) : 0;
const [runs, ...dists] = [Number(args[0]), ...args.slice(1)];
if (!runs || !dists.length) throw new Error("usage: node bench/own-documents-ab.mjs RUNS DIST... [--warm N]");
const terms = JSON.parse(readFileSync(new URL("./queries.json", import.meta.url), "utf8"))
  .queries.map((q) => q.q)
  .filter(Boolean);

const servers = await Promise.all(dists.map((d) => serve(d, { precompress: true })));
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium", args: ["--no-sandbox"] });
const samples = dists.map(() => ({ at: [], skipped: 0 }));
for (let run = 0; run < runs * dists.length; run++) {
  const which = run % dists.length;
  const { context, page } = await openLoaded(browser, `${servers[which].url}/`);
  if (warm) await interact(page, { count: warm, terms });
  // Each latency with the time its input came, after the files were set.
  await page.evaluate(() => {
    const lat = window.__lat;
    lat.when = [];
    const push = lat.results.push.bind(lat.results);
    lat.results.push = (ms) => (lat.when.push([lat.start - window.__added, ms]), push(ms));
  });
  const status = page.locator("#eigen-status");
  const finished = async () => /^50 van 50 gelezen$/.test((await status.textContent()) ?? "");
  await page.evaluate(() => (window.__added = performance.now()));
  await page.locator("[data-testid=add-document]").setInputFiles(MANY_LEFT_OUT);
  const { skipped } = await interact(page, { count: 10_000, terms, until: finished });
  samples[which].skipped += skipped;
  samples[which].at.push(...(await page.evaluate(() => window.__lat.when)));
  await context.close();
}
await Promise.all(servers.map((s) => s.close()));
await browser.close();

const f = (x) => x.toFixed(1);
console.log(`${runs} runs of each build, taking turns${warm ? `, ${warm} interactions before each add` : ""}`);
dists.forEach((dist, i) => {
  const { at, skipped } = samples[i];
  const all = summary(at.map(([, ms]) => ms));
  if (!all.n) return console.log(`\n${dist}: no interaction was timed; changed nothing: ${skipped}`);
  console.log(`\n${dist}: n ${all.n}, p50 ${f(all.p50_ms)}, p95 ${f(all.p95_ms)}, max ${f(all.max_ms)} ms; changed nothing (not counted): ${skipped}`);
  const slowest = [...at].sort((a, b) => b[1] - a[1]).slice(0, 10);
  console.log(`slowest (ms, at ms after the add): ${slowest.map(([t, ms]) => `${f(ms)} at ${Math.round(t)}`).join(", ")}`);
  const buckets = new Map();
  for (const [t, ms] of at) buckets.set(Math.floor(t / 100) * 100, [...(buckets.get(Math.floor(t / 100) * 100) ?? []), ms]);
  for (const [from, list] of [...buckets].sort((a, b) => a[0] - b[0])) {
    const s = summary(list);
    console.log(`  ${from}–${from + 100} ms: n ${s.n}, p50 ${f(s.p50_ms)}, max ${f(s.max_ms)}`);
  }
});
