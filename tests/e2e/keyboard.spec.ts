// Journey: a reader who uses only the keyboard searches, filters and sees where the focus is.
import { expect, type Page, test } from "@playwright/test";
import { corpus, count, ranked, abbreviation } from "./corpus";
import { ExplorerPage } from "./pages/explorer-page";

/** Presses Tab until `selector` has the focus (at most `limit` times). */
async function tabTo(page: Page, selector: string, limit = 200): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tab never reached ${selector}`);
}

async function focusOutline(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const style = getComputedStyle(el);
    return `${style.outlineStyle} ${style.outlineWidth} ${style.boxShadow}`;
  });
}

test("search and filters work with the keyboard alone, with a visible focus", async ({ page }) => {
  const [[party]] = ranked((q) => q.parties);
  const explorer = new ExplorerPage(page);
  await explorer.open();

  await tabTo(page, "#zoek");
  expect(await focusOutline(page)).not.toMatch(/^none 0px none$/);
  await page.keyboard.press("Escape");

  const abbr = abbreviation(party);
  await tabTo(page, `input[type=checkbox][name="partij"][value="${abbr}"]`);
  const outline = await focusOutline(page);
  expect(outline, "focused checkbox shows an outline or ring").not.toMatch(/^none 0px none$/);
  await page.keyboard.press("Space");
  await explorer.expectCount(count({ parties: [party] }));

  await tabTo(page, "[data-testid=clear-all]");
  await page.keyboard.press("Enter");
  await explorer.expectCount(corpus().questions.length);
});

test("a value ticked with the space bar keeps the focus while it moves to the top of its facet and back", async ({ page }) => {
  // The party with the fewest questions is listed last: ticking it moves it to the top.
  const parties = ranked((q) => q.parties);
  const [last] = parties[parties.length - 1];
  const abbr = abbreviation(last);
  const explorer = new ExplorerPage(page);
  await explorer.open();
  const box = page.locator(`input[type=checkbox][name="partij"][value="${abbr}"]`);
  await tabTo(page, `input[type=checkbox][name="partij"][value="${abbr}"]`);
  const focused = () => box.evaluate((el) => el === document.activeElement);

  await page.keyboard.press("Space");
  await explorer.expectCount(count({ parties: [last] }));
  await expect(page.locator('input[name="partij"]').first()).toHaveAttribute("value", abbr);
  await expect.poll(focused, "the ticked box still has the focus").toBe(true);
  expect(await focusOutline(page)).not.toMatch(/^none 0px none$/);

  await page.keyboard.press("Space");
  await explorer.expectCount(corpus().questions.length);
  await expect(box).not.toBeChecked();
  await expect.poll(focused, "the unticked box still has the focus").toBe(true);
});

test("the first Tab reaches a skip link to the content", async ({ page }) => {
  const explorer = new ExplorerPage(page);
  await explorer.open();
  await page.keyboard.press("Tab");
  const focused = await page.evaluate(() => document.activeElement?.textContent?.trim() || "");
  expect(focused).toMatch(/inhoud/i);
});
