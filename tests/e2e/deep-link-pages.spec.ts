// Journey: a link to a question or a document, pasted into a chat, opens on that page's own HTML
// (scripts/deep-links.mjs): readable before the app's code and the corpus, and without JavaScript;
// the app then draws the same page and the copy steps aside.
// Expected texts are read from data/documents/kamervragen/kv-010-het-artikel-aidsfonds-maakt-zich-zorgen-pdf.txt:
// written questions by Rooderkerk and Paulusma (both D66) about a rise in hiv infections, 12 questions.
import { expect, test, type Page } from "@playwright/test";
import { SUBPATH, SUBPATH_PORT } from "../../playwright.config";

test.use({ serviceWorkers: "block" });

const DOCUMENT = "kv-010-het-artikel-aidsfonds-maakt-zich-zorgen-pdf";
const QUESTION_3 = `vraag/${DOCUMENT}-v3`;
const copy = (page: Page) => page.locator("#voorvertoning");

test("without any script a link to a question shows that question, who asked it, and its own title", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(QUESTION_3);
  await expect(copy(page)).toBeVisible();
  await expect(copy(page).locator("h1")).toContainText("Vraag 3");
  await expect(copy(page)).toContainText("Kunt u aangeven wat uw inzet is in het terugdringen van het stijgende");
  await expect(copy(page)).toContainText("Rooderkerk");
  await expect(copy(page)).toContainText("Paulusma");
  await expect(copy(page)).toContainText("D66");
  // Question 7 belongs to the same document, not to this page.
  await expect(copy(page)).not.toContainText("Wat is de doelstelling van dit kabinet");
  expect(await page.title()).toMatch(/^Vraag 3 — .* — Briefwissel$/);
  await context.close();
});

test("without any script a link to a document shows all its questions", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`document/${DOCUMENT}`);
  await expect(copy(page)).toBeVisible();
  for (const n of [1, 7, 12]) await expect(copy(page).getByRole("heading", { name: `Vraag ${n}`, exact: true })).toBeVisible();
  await expect(copy(page)).toContainText("Wat is de doelstelling van dit kabinet ten aanzien van het aantal");
  await context.close();
});

test("without any script a link to a question in its document opens the document at that question", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`document/${DOCUMENT}#vraag-7`);
  const question7 = copy(page).getByRole("heading", { name: "Vraag 7", exact: true });
  await expect(question7).toBeInViewport();
  await expect(copy(page).getByRole("heading", { name: "Vraag 1", exact: true })).not.toBeInViewport();
  await context.close();
});

test("the app draws the same question page and the copy steps aside", async ({ browser, page }) => {
  const noScript = await browser.newContext({ javaScriptEnabled: false });
  const still = await noScript.newPage();
  await still.goto(QUESTION_3);
  const drawnAtBuild = (await still.locator("#voorvertoning main h1").textContent())?.trim();
  await noScript.close();

  await page.goto(QUESTION_3);
  await expect(copy(page)).toHaveCount(0);
  await expect(page.locator("main#inhoud h1")).toHaveText(drawnAtBuild!);
  await expect(page.locator("main#inhoud")).toContainText("Kunt u aangeven wat uw inzet is in het terugdringen van het stijgende");
});

test("a question link with a search or filter in it is not answered by the copy", async ({ page }) => {
  // Without the app's code the page stays as the HTML left it.
  await page.route(/\.wasm$/, (route) => route.abort());
  await page.goto(`${QUESTION_3}?q=hiv`);
  await expect(copy(page)).toHaveCount(0);
});

test("every question on the start page has its own page, and each names the page it was drawn for", async ({ page, request }) => {
  const noScript = await page.context().browser()!.newContext({ javaScriptEnabled: false });
  const still = await noScript.newPage();
  await still.goto("./");
  const hrefs = await still.locator("#voorvertoning ol.question-list a[href^='./vraag/']").evaluateAll((links) =>
    [...new Set(links.map((a) => a.getAttribute("href")!.slice(2)))],
  );
  await noScript.close();
  expect(hrefs).toHaveLength(10);
  for (const href of hrefs) {
    const response = await request.get(href);
    expect(response.status()).toBe(200);
    expect(await response.text()).toContain(`data-pad="${href}"`);
  }
});

test("under a sub-path a question link gets its own page too, and its links stay under the sub-path", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL: `http://127.0.0.1:${SUBPATH_PORT}${SUBPATH}` });
  const page = await context.newPage();
  await page.goto(QUESTION_3);
  await expect(copy(page).locator("h1")).toContainText("Vraag 3");
  const document = copy(page).locator(`a[href*="document/${DOCUMENT}"]`).first();
  expect(await document.evaluate((a) => new URL((a as HTMLAnchorElement).href).pathname)).toBe(`${SUBPATH}document/${DOCUMENT}`);
  await context.close();
});

for (const base of ["root", "sub-path"]) {
  test(`with JavaScript, a question link (${base}) shows its copy and marks its first results while the app loads`, async ({ browser }) => {
    const context = await browser.newContext(base === "root" ? {} : { baseURL: `http://127.0.0.1:${SUBPATH_PORT}${SUBPATH}` });
    const page = await context.newPage();
    // The corpus never comes: the app has started and waits, hidden behind the copy.
    await page.route(/corpus-[0-9a-f]+\.bin$/, () => {});
    await page.goto(QUESTION_3);
    await expect(copy(page).locator("h1")).toContainText("Vraag 3");
    await expect(copy(page)).toBeVisible();
    await expect(page.locator("body > main .loading")).toHaveCount(1);
    expect(await page.evaluate(() => performance.getEntriesByName("first-results").length)).toBe(1);
    await context.close();
  });
}

test("the skip link of a question page stays on that page", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(QUESTION_3);
  const skip = copy(page).locator('a[href*="#"]').first();
  const target = new URL(await skip.evaluate((a) => (a as HTMLAnchorElement).href));
  expect(target.pathname).toBe(new URL(page.url()).pathname);
  expect(await copy(page).locator(`[id="${target.hash.slice(1)}"]`).count()).toBe(1);
  await context.close();
});

test("once the app has drawn the question page, the tab has the app's own title again", async ({ page }) => {
  await page.goto("./");
  await expect(copy(page)).toHaveCount(0);
  const appTitle = await page.title();
  await page.goto(QUESTION_3);
  await expect(copy(page)).toHaveCount(0);
  await expect(page.locator("main#inhoud h1")).toContainText("Vraag 3");
  expect(await page.title()).toBe(appTitle);
});
