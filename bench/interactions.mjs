// Interaction latency: the event that changes the input (click on a checkbox, keydown in the search box, or a URL
// change) → result DOM updated. A click starts at the click, not at pointerdown: the time a button is held down
// (here: the driver's round trip between mouse down and up) is not the app's.
// "Updated" means the result-count text or the first listed question ids changed (MutationObserver).
// Beside it, the browser's Event Timing API times every interaction to the next paint: Chromium reports the ones
// of 16 ms or more (durationThreshold) and counts all of them (performance.interactionCount).
import { readFileSync } from "node:fs";
import { listPage } from "./list-page.mjs";

/** The search texts of bench/queries.json, which `interact` types one after the other. */
export const QUERY_TERMS = JSON.parse(readFileSync(new URL("./queries.json", import.meta.url), "utf8"))
  .queries.map((q) => q.q)
  .filter(Boolean);

const OBSERVER = `(() => {
  const signature = () => {
    const count = document.querySelector('[data-testid="result-count"]');
    const ids = [...document.querySelectorAll('[data-testid="question"]')].slice(0, 5).map((e) => e.dataset.questionId);
    return (count ? count.textContent : "") + "|" + ids.join(",");
  };
  const lat = (window.__lat = { start: null, before: null, results: [], signature });
  const begin = (t) => { lat.start = t; lat.before = signature(); };
  lat.begin = begin;
  for (const type of ["click", "keydown"]) addEventListener(type, (e) => begin(e.timeStamp), true);
  new MutationObserver(() => {
    if (lat.start !== null && signature() !== lat.before) {
      lat.results.push(performance.now() - lat.start);
      lat.start = null;
    }
  }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  lat.interactionsAtStart = performance.interactionCount ?? 0;
  lat.slow = new Map();
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      // Per interaction its longest entry, split into input delay, the handlers, and what follows them until the paint.
      if (e.interactionId && e.duration >= (lat.slow.get(e.interactionId)?.duration ?? 0)) {
        lat.slow.set(e.interactionId, { duration: e.duration, input_delay: e.processingStart - e.startTime,
          handlers: e.processingEnd - e.processingStart, to_paint: e.startTime + e.duration - e.processingEnd });
      }
    }
  }).observe({ type: "event", durationThreshold: 16 });
})()`;

const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] : null;
};
export const summary = (xs) => ({ n: xs.length, p50_ms: percentile(xs, 50), p95_ms: percentile(xs, 95), max_ms: percentile(xs, 100) });

/** A fresh context (no service worker) with `url` open, its first results shown and the observers installed. */
export async function openLoaded(browser, url) {
  const context = await browser.newContext({ serviceWorkers: "block" });
  const page = await context.newPage();
  await page.goto(url, { waitUntil: "commit" });
  // The app's own first results: the start page's HTML copy (scripts/prerender.mjs) marks "first-results"
  // before the app runs, and leaves once the app has drawn the page itself.
  await page.waitForFunction(() => performance.getEntriesByName("first-results").length > 0 && !document.getElementById("voorvertoning"), null, { timeout: 120_000 });
  await page.waitForTimeout(200);
  await page.evaluate(OBSERVER);
  return { context, page };
}

/** Event Timing since the observers were installed (or since the last call): how many interactions there were,
 * the p95 to the next paint ("<16" when fewer than 5% of them took 16 ms or more), and where the time of the ones
 * of 16 ms or more went (p50 and p95 of input delay, handlers, and handlers' end to the paint; the duration is
 * rounded to 8 ms by the browser, so the last part is as coarse). */
export async function eventTiming(page) {
  await page.waitForTimeout(100); // entries arrive after the paint
  const { all, slow } = await page.evaluate(() => {
    const lat = window.__lat;
    const now = performance.interactionCount ?? 0;
    const result = { all: now - lat.interactionsAtStart, slow: [...lat.slow.values()] };
    lat.interactionsAtStart = now;
    lat.slow = new Map();
    return result;
  });
  const sorted = slow.map((e) => e.duration).sort((a, b) => a - b);
  const rank = Math.ceil(0.95 * all) - 1; // the p95 interaction's place among all, fastest first
  const fast = all - sorted.length;
  const p95 = all === 0 ? null : rank < fast ? "<16" : sorted[rank - fast];
  const parts = Object.fromEntries(
    ["input_delay", "handlers", "to_paint"].map((k) => {
      const xs = slow.map((e) => Math.max(0, e[k]));
      return [k, { p50_ms: percentile(xs, 50), p95_ms: percentile(xs, 95) }];
    }),
  );
  return { interactions: all, at_least_16_ms: sorted.length, p95_ms: p95, max_ms: sorted.at(-1) ?? (all ? "<16" : null), slow_parts: parts };
}

/** Waits until one more latency was recorded; false (and the pending start cleared) on timeout. */
async function recorded(page, before, timeout) {
  try {
    await page.waitForFunction((n) => window.__lat.results.length > n, before, { timeout, polling: "raf" });
    return true;
  } catch {
    await page.evaluate(() => (window.__lat.start = null));
    return false;
  }
}

/** Runs every query string twice on a loaded page: peers through their JS API, Briefwissel through a URL change (popstate). */
export async function measureWarmQueries(browser, url, queryStrings, name) {
  const { context, page } = await openLoaded(browser, url);
  const times = [];
  let unchanged = 0;
  try {
    for (let round = 0; round < 2; round++) {
      for (const qs of queryStrings) {
        if (name === "briefwissel") {
          const n = await page.evaluate(() => window.__lat.results.length);
          await page.evaluate((qs) => {
            window.__lat.begin(performance.now());
            history.pushState(null, "", "?" + qs);
            dispatchEvent(new PopStateEvent("popstate", { state: null }));
          }, qs);
          if (await recorded(page, n, 2000)) times.push(await page.evaluate(() => window.__lat.results.at(-1)));
          else unchanged++;
        } else {
          times.push(
            await page.evaluate(async (qs) => {
              const t0 = performance.now();
              await window.__peerRun(qs);
              return performance.now() - t0;
            }, qs),
          );
        }
      }
    }
  } catch (error) {
    return { error: String(error).split("\n")[0], ...summary(times) };
  } finally {
    await context.close();
  }
  return { ...summary(times), unchanged };
}

/** Facet clicks and search keystrokes/Enter on an open Briefwissel page (openLoaded), until `count` latencies
 * are recorded or `until()` says stop. Returns the latencies by kind and how many changed nothing. */
export async function interact(page, { count, terms, until = async () => false }) {
  const kinds = { facet: [], enter: [], keystroke: [] };
  let skipped = 0;
  const total = () => kinds.facet.length + kinds.enter.length + kinds.keystroke.length;
  const enough = async () => total() >= count || (await until());
  const measure = async (kind, action, timeout = 3000) => {
    const n = await page.evaluate(() => window.__lat.results.length);
    await action();
    if (await recorded(page, n, timeout)) kinds[kind].push(await page.evaluate(() => window.__lat.results.at(-1)));
    else skipped++;
  };
  const values = await page.evaluate(() =>
    [...document.querySelectorAll('input[type="checkbox"][data-facet="partij"], input[type="checkbox"][data-facet="thema"]')]
      .filter((e) => !e.disabled)
      .slice(0, 16)
      .map((e) => [e.dataset.facet, e.dataset.value]),
  );
  done: for (let round = 0; round < 3 && total() < count / 2; round++) {
    for (const [facet, value] of values) {
      const box = page.locator(`input[type="checkbox"][data-facet="${facet}"][data-value="${value}"]`).first();
      if ((await box.count()) === 0 || (await box.isDisabled())) continue;
      await measure("facet", () => box.click()); // on
      await measure("facet", () => box.click()); // off again
      if (await until()) break done;
      if (total() >= count / 2) break;
    }
  }
  const search = page.locator('[data-testid="search-input"]').first();
  if ((await search.count()) > 0 && !(await enough())) {
    done: for (let round = 0; round < 4; round++) {
      for (const term of terms) {
        await search.click();
        await page.keyboard.press("Control+A");
        for (const ch of term) await measure("keystroke", () => page.keyboard.type(ch), 400);
        await measure("enter", () => page.keyboard.press("Enter"), 400);
        await page.keyboard.press("Control+A");
        await measure("keystroke", () => page.keyboard.press("Backspace"), 400);
        await measure("enter", () => page.keyboard.press("Enter"), 400);
        if (await enough()) break done;
      }
    }
  }
  return { kinds, skipped };
}

/** The latencies of `interact` summarised: all, and per kind. */
export function interactionSummary({ kinds, skipped }) {
  return {
    all: summary([...kinds.facet, ...kinds.enter, ...kinds.keystroke]),
    facet: summary(kinds.facet),
    enter: summary(kinds.enter),
    keystroke: summary(kinds.keystroke),
    skipped,
  };
}

/** Facet clicks and search keystrokes/Enter in Briefwissel, until `count` latencies are recorded. */
export async function measureInteractions(browser, url, { count, terms }) {
  return timeInteractions(await openLoaded(browser, url), async () => {}, { count, terms });
}

/** `interact` on an open page once `prepare(page)` has set it up, then its latencies and Event Timing (or the
 * error); the context is closed either way. */
async function timeInteractions({ context, page }, prepare, { count, terms }) {
  try {
    await prepare(page);
    const measured = await interact(page, { count, terms });
    return { ...interactionSummary(measured), event_timing: await eventTiming(page) };
  } catch (error) {
    return { error: String(error).split("\n")[0] };
  } finally {
    await context.close();
  }
}

/** A page whose one checkbox and one search field change nothing but one line of text: what Event Timing
 * reports for interactions that cost (almost) nothing in this browser, the floor under the app's figures. */
const FLOOR_PAGE = `<!doctype html><html lang="nl"><body><label><input type="checkbox" data-facet="partij" data-value="x"> x</label>
<input type="search" data-testid="search-input"><p data-testid="result-count">0</p>
<script>let n=0;const out=document.querySelector("p");document.querySelector("input").addEventListener("change",()=>{out.textContent=++n});
document.querySelector("[type=search]").addEventListener("input",(e)=>{out.textContent=e.target.value||++n})</script></body></html>`;

/** Event Timing for `count` interactions on FLOOR_PAGE, clicks and keystrokes as `interact` makes them. */
export async function measureEventTimingFloor(browser, { count, terms }) {
  const context = await browser.newContext({ serviceWorkers: "block" });
  const page = await context.newPage();
  try {
    await page.setContent(FLOOR_PAGE);
    await page.waitForTimeout(200);
    await page.evaluate(OBSERVER);
    const box = page.locator("input[type=checkbox]");
    for (let i = 0; i < count / 2; i++) await box.click(), await page.waitForTimeout(100);
    await page.locator("input[type=search]").click();
    let typed = 0;
    done: for (const term of terms) {
      for (const ch of term) {
        await page.keyboard.type(ch), await page.waitForTimeout(100);
        if (++typed >= count / 2) break done;
      }
      await page.keyboard.press("Control+A");
    }
    return await eventTiming(page);
  } catch (error) {
    return { error: String(error).split("\n")[0] };
  } finally {
    await context.close();
  }
}

/** Event Timing for the clicks and keystrokes `interact` makes, on a plain page that redraws ten result cards from
 * `docs` (bench/list-page.mjs): the same interactions as the app's, on the least a page of results can do. */
export async function measureEventTimingListPage(browser, docs, { count, terms }) {
  const context = await browser.newContext({ serviceWorkers: "block" });
  const page = await context.newPage();
  return timeInteractions(
    { context, page },
    async (page) => {
      await page.setContent(listPage(docs));
      await page.waitForTimeout(200);
      await page.evaluate(OBSERVER);
    },
    { count, terms },
  );
}
