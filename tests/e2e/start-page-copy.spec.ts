// Journey: the start page arrives with its first results as HTML (scripts/prerender.mjs), readable
// before the app's code and the corpus have loaded; the app then draws the same page and the copy
// steps aside. A link with filters, or to another page, never shows the copy.
import { expect, test, type Page } from "@playwright/test";
import { ExplorerPage } from "./pages/explorer-page";

test.use({ serviceWorkers: "block" });

const copy = (page: Page) => page.locator("#voorvertoning");

/** The question ids and the result count line of the list inside `scope` ("#voorvertoning" or "main"). */
async function listIn(page: Page, scope: string): Promise<{ ids: string[]; count: string }> {
  return page.evaluate((scope) => {
    const root = document.querySelector(scope)!;
    const ids = [...root.querySelectorAll("ol.question-list > li [data-question-id], ol.question-list > li[data-question-id]")].map(
      (e) => (e as HTMLElement).dataset.questionId!,
    );
    const count = root.querySelector(".result-count, p[aria-live]")?.textContent ?? "";
    return { ids, count };
  }, scope);
}

test("without any script the start page shows the result count and the first ten questions", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("./");
  await expect(copy(page)).toBeVisible();
  const { ids, count } = await listIn(page, "#voorvertoning");
  expect(ids).toHaveLength(10);
  expect(count).toMatch(/^\d+ vragen gevonden, 1–10 getoond$/);
  // The copy's form fields do nothing before the app runs: they are disabled.
  await expect(page.locator("#voorvertoning input[type=checkbox]").first()).toBeDisabled();
  await expect(page.locator("#voorvertoning input[type=search]").first()).toBeDisabled();
  await context.close();
});

test("the copy is the page the app draws: the same count and the same ten questions in the same order", async ({ browser, page }) => {
  const noScript = await browser.newContext({ javaScriptEnabled: false });
  const still = await noScript.newPage();
  await still.goto("./");
  const drawnAtBuild = await listIn(still, "#voorvertoning");
  await noScript.close();

  const explorer = new ExplorerPage(page);
  await explorer.open();
  await expect(copy(page)).toHaveCount(0);
  const drawnNow = await listIn(page, "main");
  expect(drawnNow.ids).toEqual(drawnAtBuild.ids);
  expect(drawnNow.count).toBe(drawnAtBuild.count);
  expect(await explorer.questionIds()).toEqual(drawnAtBuild.ids);
  // One list, one main: the copy left, the app's own page is shown.
  await expect(page.locator("ol.question-list")).toHaveCount(1);
  await expect(page.locator("main")).toBeVisible();
});

test("the first results are marked when the HTML has arrived, while the app still waits for the corpus", async ({ page }) => {
  // The corpus never comes: the app has started and shows its loading line, hidden behind the copy.
  await page.route(/corpus-[0-9a-f]+\.bin$/, () => {});
  await page.goto("./");
  await expect(page.locator("body > main .loading")).toHaveCount(1);
  await expect(page.locator("body > main")).toBeHidden();
  await expect(copy(page)).toBeVisible();
  expect(await page.evaluate(() => performance.getEntriesByName("first-results").length)).toBe(1);
});

/** The app's module, its wasm and the corpus as fetched by the page: name (without its content hash), what
 * fetched it ("link": a preload) and when it began (Resource Timing, ms since the page's start). */
async function appFetches(page: Page) {
  return page.evaluate(() =>
    (performance.getEntriesByType("resource") as PerformanceResourceTiming[])
      .filter((e) => /(corpus-[0-9a-f]+\.bin|briefwissel-app-[0-9a-f]+(_bg\.wasm|\.js))$/.test(e.name))
      .map((e) => ({ name: e.name.replace(/^.*\//, "").replace(/-[0-9a-f]{16}/, ""), by: e.initiatorType, start: e.startTime }))
      .sort((x, y) => (x.name < y.name ? -1 : 1)),
  );
}

test("the start page asks for the app's code and the corpus only after its first results are shown, each once", async ({ page }) => {
  await page.goto("./");
  await expect(copy(page)).toHaveCount(0);
  const mark = await page.evaluate(() => performance.getEntriesByName("first-results")[0].startTime);
  const fetches = await appFetches(page);
  // Each fetched once, the wasm and the corpus by their preloads (the app's own requests used them).
  expect(fetches.map((f) => f.name)).toEqual(["briefwissel-app.js", "briefwissel-app_bg.wasm", "corpus.bin"]);
  expect(fetches.filter((f) => f.name !== "briefwissel-app.js").map((f) => f.by)).toEqual(["link", "link"]);
  for (const f of fetches) expect(f.start).toBeGreaterThanOrEqual(mark);
});

for (const path of ["?partij=VVD", "vraag/niet-bestaand"]) {
  test(`a link to ${path} preloads the app's code and the corpus from the head, as the page starts`, async ({ page }) => {
    await page.goto(path);
    await expect(page.locator("main#inhoud")).toBeVisible();
    const fetches = await appFetches(page);
    expect(fetches.map((f) => f.name)).toEqual(["briefwissel-app.js", "briefwissel-app_bg.wasm", "corpus.bin"]);
    expect(fetches.filter((f) => f.name !== "briefwissel-app.js").map((f) => f.by)).toEqual(["link", "link"]);
    // Started before the app's own module script ran (it runs once the whole page is parsed).
    const domInteractive = await page.evaluate(() => (performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming).domInteractive);
    for (const f of fetches) expect(f.start).toBeLessThan(domInteractive);
  });
}

test("a link in the copy that has the keyboard focus hands it to the same link of the app", async ({ page }) => {
  // The corpus waits until a link of the copy has the focus.
  let release = () => {};
  const focused = new Promise<void>((resolve) => (release = resolve));
  await page.route(/corpus-[0-9a-f]+\.bin$/, async (route) => {
    await focused;
    await route.continue();
  });
  await page.goto("./");
  const link = page.locator("#voorvertoning ol.question-list a[href]").nth(2);
  await link.focus();
  const href = await link.evaluate((a) => (a as HTMLAnchorElement).href);
  release();
  await expect(copy(page)).toHaveCount(0);
  expect(await page.evaluate(() => (document.activeElement as HTMLAnchorElement | null)?.href)).toBe(href);
  expect(await page.evaluate(() => !!document.activeElement?.closest("main"))).toBe(true);
});

test("when the corpus cannot be loaded the copy steps aside for the app's message", async ({ page }) => {
  await page.route(/corpus-[0-9a-f]+\.bin$/, (route) => route.abort());
  await page.goto("./");
  await expect(page.getByRole("alert").filter({ hasText: "Briefwissel kan niet starten" })).toBeVisible();
  await expect(copy(page)).toHaveCount(0);
});

test("when the app's code cannot load, the page says so and the start page's first results stay readable", async ({ page }) => {
  await page.route(/\.wasm$/, (route) => route.abort());
  await page.goto("./");
  await expect(page.getByRole("alert").filter({ hasText: "Briefwissel kan niet starten" })).toBeVisible();
  await expect(page.getByRole("alert")).toContainText("WebAssembly");
  await expect(page.locator("#voorvertoning ol.question-list > li")).toHaveCount(10);
});

test("a link with filters whose app cannot load says so instead of showing an empty page", async ({ page }) => {
  await page.route(/\.wasm$/, (route) => route.abort());
  await page.goto("?partij=VVD");
  await expect(page.getByRole("alert").filter({ hasText: "Briefwissel kan niet starten" })).toBeVisible();
});

test("on a later day the figures that depend on today's date are hidden in the copy until the app draws them", async ({ page }) => {
  await page.route(/\.wasm$/, (route) => route.abort());
  await page.goto("./");
  const dated = page.locator("#voorvertoning [data-datumgevoelig]");
  expect(await dated.count(), "the answer-term facet's counts depend on today").toBeGreaterThan(0);
  await expect(dated.first()).toBeVisible();
  // The same page two days later (the build drew it today).
  await page.addInitScript(() => {
    const Real = Date;
    const later = () => Real.now() + 2 * 86_400_000;
    // @ts-expect-error a stand-in for the global Date that starts two days on
    globalThis.Date = class extends Real {
      constructor(...args: []) {
        if (args.length) super(...args);
        else super(later());
      }
      static now() {
        return later();
      }
    };
  });
  await page.reload();
  await expect(copy(page)).toBeVisible();
  await expect(dated.first()).toBeHidden();
  await expect(page.locator("#voorvertoning ol.question-list")).toBeVisible();
});

for (const path of ["?partij=VVD", "?q=asiel", "overzicht", "vraag/niet-bestaand", "niet-bestaand"]) {
  test(`a link to ${path} never shows the start page's copy`, async ({ page }) => {
    // Without the app's code the page stays as the HTML left it.
    await page.route(/\.wasm$/, (route) => route.abort());
    await page.goto(path);
    await expect(copy(page)).toHaveCount(0);
    expect(await page.evaluate(() => performance.getEntriesByName("first-results").length)).toBe(0);
  });
}

test("a device that keeps own documents does not see the copy (its count would leave them out)", async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem("briefwissel-eigen", "1"));
  await page.route(/\.wasm$/, (route) => route.abort());
  await page.goto("./");
  await expect(copy(page)).toHaveCount(0);
});
