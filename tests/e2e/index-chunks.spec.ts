// Journey: the first results come from the corpus head alone; the search index follows in chunks,
// a search waits for the chunks it needs, and a chunk that cannot be fetched is said, not hidden.
import { expect, test, type Page } from "@playwright/test";
import { readdirSync } from "node:fs";
import { DIST } from "../../playwright.config";
import { ExplorerPage } from "./pages/explorer-page";

test.use({ serviceWorkers: "block" });

const chunkFiles = () => readdirSync(DIST).filter((f) => /^zoekindex-[0-9a-f]+\.bin$/.test(f));

/** Start times (ms since navigation) of the index chunk requests, and of the first results. */
async function timings(page: Page): Promise<{ firstResults: number; chunks: number[] }> {
  return page.evaluate(() => ({
    firstResults: performance.getEntriesByName("first-results")[0]?.startTime ?? -1,
    chunks: performance
      .getEntriesByType("resource")
      .filter((e) => /zoekindex-[0-9a-f]+\.bin$/.test(e.name))
      .map((e) => e.startTime),
  }));
}

test("the start page shows results before any index chunk is fetched, then fetches them all", async ({ page }) => {
  const files = chunkFiles();
  expect(files.length, "the build ships index chunks").toBeGreaterThan(0);
  const explorer = new ExplorerPage(page);
  await explorer.open();
  await expect.poll(async () => (await timings(page)).chunks.length, { timeout: 15_000 }).toBe(files.length);
  const { firstResults, chunks } = await timings(page);
  expect(firstResults).toBeGreaterThan(0);
  for (const start of chunks) expect(start).toBeGreaterThan(firstResults);
});

test("a shared search link loads the chunks it needs and counts like a search typed later", async ({ page, browser }) => {
  const explorer = new ExplorerPage(page);
  await explorer.open();
  await expect.poll(async () => (await timings(page)).chunks.length, { timeout: 15_000 }).toBe(chunkFiles().length);
  await explorer.searchFor("asielzoekers");
  await expect.poll(() => explorer.count()).toBeGreaterThan(0);
  const typed = await explorer.count();

  const context = await browser.newContext({ serviceWorkers: "block" });
  const fresh = new ExplorerPage(await context.newPage());
  await fresh.open("?q=asielzoekers");
  await fresh.expectCount(typed);
  const { chunks } = await timings(fresh.page);
  expect(chunks.length).toBeGreaterThan(0);
  await expect(fresh.page.getByTestId("index-failed")).toHaveCount(0);
  await context.close();
});

test("when the index cannot be fetched, a search says so instead of showing an empty result as true", async ({ page }) => {
  await page.route(/zoekindex-[0-9a-f]+\.bin$/, (route) => route.abort());
  const explorer = new ExplorerPage(page);
  await explorer.open();
  const total = await explorer.count();
  expect(total).toBeGreaterThan(0);
  await explorer.searchFor("asielzoekers");
  const alert = page.getByTestId("index-failed");
  await expect(alert).toBeVisible();
  await expect(alert).toContainText("zoekindex");
  await expect(alert).toHaveAttribute("role", "alert");
});

test("a search typed before the index file has arrived says the index is loading, then shows the same results", async ({ page }) => {
  // Hold every index file back (the index file itself and its chunks) until the search is typed.
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/zoekindex-[0-9a-f]+\.bin$/, async (route) => {
    await held;
    await route.continue();
  });
  const explorer = new ExplorerPage(page);
  await explorer.open();
  expect(await explorer.count()).toBeGreaterThan(0);
  const all = await explorer.count();
  await explorer.searchFor("asielzoekers");
  await expect(page.getByTestId("index-loading")).toBeVisible();
  release();
  await expect(page.getByTestId("index-loading")).toHaveCount(0);
  await expect.poll(() => explorer.count()).toBeLessThan(all);
  const waited = await explorer.count();
  expect(waited).toBeGreaterThan(0);
  await explorer.open("?q=asielzoekers");
  await explorer.expectCount(waited);
});
