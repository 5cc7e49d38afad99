// Two or more builds compared on one question of bench/own-documents.mjs: interaction latency while
// fifty documents are added (files set on the field straight away), with runs of the builds taking
// turns in one browser so that the machine's drift falls on all of them alike. Per build: n, p50,
// p95, max, the interactions that changed nothing (not counted), the slowest with when they started
// (ms after the files were set), and the median per 100 ms after the files were set.
// Each build is a copy whose published corpus leaves the fifty out (scripts/own-dist.mjs).
// Only interactions that started before the status line said all were read are counted (the rest
// are reported as such), and a run whose add does not finish stops the bench.
// Usage: node bench/own-documents-ab.mjs RUNS DIST... [--warm N]
//   --warm N: N interactions before the add, in the same page (its code is then no longer cold).
import { chromium } from "playwright-core";
import { MANY_LEFT_OUT } from "../scripts/own-dist.mjs";
import { QUERY_TERMS, interact, openLoaded, summary } from "./interactions.mjs";
import { serve } from "./serve.mjs";

const args = process.argv.slice(2);
const warmAt = args.indexOf("--warm");
const warm = warmAt >= 0 ? Number(args.splice(warmAt, 2)[1]) : 0;
if (!(warm >= 0)) throw new Error("--warm needs a number of interactions");
const [runs, ...dists] = [Number(args[0]), ...args.slice(1)];
if (!runs || !dists.length) throw new Error("usage: node bench/own-documents-ab.mjs RUNS DIST... [--warm N]");
const terms = QUERY_TERMS;

const servers = await Promise.all(dists.map((d) => serve(d, { precompress: true })));
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium", args: ["--no-sandbox"] });
const samples = dists.map(() => ({ at: [], skipped: 0, after: 0 }));
const done = new RegExp(`^${MANY_LEFT_OUT.length} van ${MANY_LEFT_OUT.length} gelezen$`);
for (let turn = 0; turn < runs; turn++) {
  // A B B A …: no build always goes first.
  const order = dists.map((_, i) => i);
  for (const which of turn % 2 ? order.reverse() : order) {
    const { context, page } = await openLoaded(browser, `${servers[which].url}/`);
    if (warm) await interact(page, { count: warm, terms });
    // Each latency with the time its input came, after the files were set; and when the add was done.
    await page.evaluate((pattern) => {
      const lat = window.__lat;
      lat.when = [];
      const push = lat.results.push.bind(lat.results);
      lat.results.push = (ms) => (lat.when.push([lat.start - window.__added, ms]), push(ms));
      const status = document.querySelector("#eigen-status");
      new MutationObserver(() => {
        if (window.__done === undefined && new RegExp(pattern).test(status.textContent)) window.__done = performance.now() - window.__added;
      }).observe(status, { childList: true, characterData: true, subtree: true });
    }, done.source);
    const status = page.locator("#eigen-status");
    const finished = async () => done.test((await status.textContent()) ?? "");
    await page.evaluate(() => (window.__added = performance.now()));
    await page.locator("[data-testid=add-document]").setInputFiles(MANY_LEFT_OUT);
    const { kinds, skipped } = await interact(page, { count: 10_000, terms, until: finished });
    await status.filter({ hasText: done }).waitFor({ timeout: 120_000 }); // a run whose add fails stops the bench
    const { when, finishedAt } = await page.evaluate(() => ({ when: window.__lat.when, finishedAt: window.__done }));
    // Only what interact timed (a search box click or Ctrl+A can also end in a change), started before the add was done.
    const timed = [...kinds.facet, ...kinds.enter, ...kinds.keystroke];
    const own = when.filter(([, ms]) => {
      const i = timed.indexOf(ms);
      return i >= 0 && timed.splice(i, 1);
    });
    samples[which].at.push(...own.filter(([t]) => t < finishedAt));
    samples[which].after += own.filter(([t]) => t >= finishedAt).length;
    samples[which].skipped += skipped;
    await context.close();
  }
}
await Promise.all(servers.map((s) => s.close()));
await browser.close();

const f = (x) => x.toFixed(1);
console.log(`${runs} runs of each build, taking turns (A B, then B A)${warm ? `, ${warm} interactions before each add` : ""}`);
dists.forEach((dist, i) => {
  const { at, skipped, after } = samples[i];
  const all = summary(at.map(([, ms]) => ms));
  if (!all.n) return console.log(`\n${dist}: no interaction was timed; changed nothing: ${skipped}`);
  console.log(`\n${dist}: n ${all.n}, p50 ${f(all.p50_ms)}, p95 ${f(all.p95_ms)}, max ${f(all.max_ms)} ms; changed nothing (not counted): ${skipped}; started after the add was done (not counted): ${after}`);
  const slowest = [...at].sort((a, b) => b[1] - a[1]).slice(0, 10);
  console.log(`slowest (ms, at ms after the add): ${slowest.map(([t, ms]) => `${f(ms)} at ${Math.round(t)}`).join(", ")}`);
  const buckets = new Map();
  for (const [t, ms] of at) buckets.set(Math.floor(t / 100) * 100, [...(buckets.get(Math.floor(t / 100) * 100) ?? []), ms]);
  for (const [from, list] of [...buckets].sort((a, b) => a[0] - b[0])) {
    const s = summary(list);
    console.log(`  ${from}–${from + 100} ms: n ${s.n}, p50 ${f(s.p50_ms)}, max ${f(s.max_ms)}`);
  }
});
