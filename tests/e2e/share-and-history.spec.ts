// Journey: a reader filters, copies the link to a colleague (a fresh browser), and steps back and forward.
import { expect, test } from "@playwright/test";
import { abbreviation, corpus, count, ranked } from "./corpus";
import { ExplorerPage } from "./pages/explorer-page";

test("a copied link opened in a fresh browser context shows the same results", async ({ page, browser }) => {
  const [[party]] = ranked((q) => q.parties);
  const [[theme]] = ranked((q) => q.themes);
  const explorer = new ExplorerPage(page);
  await explorer.open();
  await explorer.toggle("partij", abbreviation(party));
  await explorer.toggle("thema", theme);
  await explorer.expectCount(count({ parties: [party], themes: [theme] }));
  // The address bar is written in a task after the render; copy the link once it holds both filters.
  await expect
    .poll(() => new URL(page.url()).searchParams.getAll("thema"), { message: "the address bar has the theme" })
    .toContain(theme);
  const link = page.url();
  const ids = await explorer.questionIds();
  const shown = await explorer.count();

  const fresh = await browser.newContext();
  try {
    const other = new ExplorerPage(await fresh.newPage());
    await other.page.goto(link);
    await other.waitForResults();
    await other.expectCount(shown);
    expect(await other.questionIds()).toEqual(ids);
    await expect(other.facet("partij", abbreviation(party))).toBeChecked();
    await expect(other.facet("thema", theme)).toBeChecked();
  } finally {
    await fresh.close();
  }
});

test("reloading restores the view exactly", async ({ page }) => {
  const [[party]] = ranked((q) => q.parties);
  const explorer = new ExplorerPage(page);
  await explorer.open(`?partij=${encodeURIComponent(abbreviation(party))}&sorteer=oudste`);
  const ids = await explorer.questionIds();
  await page.reload();
  await explorer.waitForResults();
  await explorer.expectCount(count({ parties: [party] }));
  expect(await explorer.questionIds()).toEqual(ids);
});

test("back and forward step through filter changes", async ({ page }) => {
  const [[first], [second]] = ranked((q) => q.parties);
  const total = corpus().questions.length;
  const explorer = new ExplorerPage(page);
  await explorer.open();
  await explorer.toggle("partij", abbreviation(first));
  await explorer.expectCount(count({ parties: [first] }));
  await explorer.toggle("partij", abbreviation(second));
  await explorer.expectCount(count({ parties: [first, second] }));

  await page.goBack();
  await explorer.expectCount(count({ parties: [first] }));
  await expect(explorer.facet("partij", abbreviation(second))).not.toBeChecked();
  await page.goBack();
  await explorer.expectCount(total);
  await expect(explorer.facet("partij", abbreviation(first))).not.toBeChecked();
  await page.goForward();
  await explorer.expectCount(count({ parties: [first] }));
  await expect(explorer.facet("partij", abbreviation(first))).toBeChecked();
});

test("the address bar follows every filter change and typed search, one history entry per filter change", async ({
  page,
}) => {
  const [[party]] = ranked((q) => q.parties);
  const explorer = new ExplorerPage(page);
  await explorer.open();
  const start = await page.evaluate(() => history.length);

  await explorer.toggle("partij", abbreviation(party));
  await expect.poll(() => explorer.query()).toBe(`partij=${encodeURIComponent(abbreviation(party))}`);
  expect(await page.evaluate(() => history.length)).toBe(start + 1);

  await explorer.search.pressSequentially("zorg", { delay: 20 });
  await expect.poll(() => new URL(page.url()).searchParams.get("q")).toBe("zorg");
  expect(new URL(page.url()).searchParams.get("partij")).toBe(abbreviation(party));
  expect(await page.evaluate(() => history.length)).toBe(start + 1);

  // What the address bar says is what a reload shows.
  const ids = await explorer.questionIds();
  const shown = await explorer.count();
  await page.reload();
  await explorer.waitForResults();
  await explorer.expectCount(shown);
  expect(await explorer.questionIds()).toEqual(ids);
});

test("a link that a chat app or a site marked with tracking parameters shows what was shared, without them or a notice", async ({
  page,
}) => {
  const [[party]] = ranked((q) => q.parties);
  const explorer = new ExplorerPage(page);
  await explorer.open(`?partij=${encodeURIComponent(abbreviation(party))}&fbclid=IwAR3xYz&utm_source=whatsapp&utm_medium=chat`);
  await explorer.expectCount(count({ parties: [party] }));
  await expect(explorer.facet("partij", abbreviation(party))).toBeChecked();
  await expect.poll(() => [...new URLSearchParams(explorer.query()).keys()]).toEqual(["partij"]);
  await expect(explorer.notices).toHaveCount(0);
});

test("the start page shared with tracking parameters still arrives with its first results as HTML", async ({ page }) => {
  // Without the app's code the page stays as its HTML and first script left it.
  await page.route(/\.wasm$/, (route) => route.abort());
  await page.goto("./?fbclid=IwAR3xYz&utm_campaign=deel");
  await expect(page.locator("#voorvertoning ol.question-list > li")).toHaveCount(10);
  expect(new URL(page.url()).search).toBe("");
});
