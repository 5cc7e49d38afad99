// Journey: on a phone the filters wait behind "Filters (n)", a modal panel that keeps focus inside,
// closes with Escape or "Toon N vragen" and gives focus back; on a wide screen they are the sidebar,
// and a long facet (parties) can be narrowed by typing.
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { abbreviation, corpus, count, fold, ranked } from "./corpus";
import { ExplorerPage } from "./pages/explorer-page";

const PHONE = { width: 390, height: 844 };

/** The two parties with the most questions, and a theme the first shares questions with. */
function filters() {
  const [[first], [second]] = ranked((q) => q.parties);
  const [[theme]] = ranked((q) => (q.parties.includes(first) ? q.themes : []));
  return { first, second, theme };
}

/** Whether the focused element is outside `selector` (the page body, where focus rests between
 * the dialog's last element and the browser's own controls, is not "outside"). */
const focusOutside = (page: Page, selector: string) =>
  page.evaluate((sel) => {
    const active = document.activeElement;
    return !!active && active !== document.body && !document.querySelector(sel)!.contains(active);
  }, selector);

test("on a phone the filters open as a panel that keeps focus inside and closes with Escape, back on its button", async ({
  page,
}) => {
  await page.setViewportSize(PHONE);
  const { first, theme } = filters();
  const explorer = new ExplorerPage(page);
  await explorer.open(`?partij=${encodeURIComponent(abbreviation(first))}&thema=${theme}&q=minister`);
  // Two filters in the panel; the search text is not one of them.
  const open = page.getByRole("button", { name: "Filters (2)" });
  await expect(open).toBeVisible();
  await expect(explorer.facet("partij", abbreviation(first))).toBeHidden();
  await expect(page.getByRole("dialog")).toHaveCount(0);

  await open.click();
  const panel = page.getByRole("dialog", { name: "Filters" });
  await expect(panel).toBeVisible();
  await expect(explorer.facet("partij", abbreviation(first))).toBeChecked();
  // It opens on its count ("Toon N vragen"), not on a text field that would raise a phone's keyboard.
  await expect(page.getByTestId("filters-close")).toBeFocused();
  // Tab from "Toon N vragen" (the last stop) right round the panel and back to it: focus never lands
  // outside the panel on the way. A date field has three stops (day, month, year).
  const stops = await panel.locator("input:not([disabled]), button").count();
  const onClose = () => page.getByTestId("filters-close").evaluate((b) => b === document.activeElement);
  let tabs = 0;
  do {
    await page.keyboard.press("Tab");
    tabs++;
    expect(await focusOutside(page, "#filterpaneel"), `tab ${tabs} left the panel`).toBe(false);
  } while (!(await onClose()) && tabs < 3 * stops + 10);
  expect(await onClose(), "tabbing comes round to the panel's last button").toBe(true);
  expect(tabs, "and passes every control of the panel on the way").toBeGreaterThan(stops);

  await page.keyboard.press("Escape");
  await expect(panel).toBeHidden();
  await expect(open).toBeFocused();
});

test("on a phone, choosing in the panel updates 'Toon N vragen', which closes it onto the results", async ({ page }) => {
  await page.setViewportSize(PHONE);
  const { first, second } = filters();
  const explorer = new ExplorerPage(page);
  await explorer.open(`?partij=${encodeURIComponent(abbreviation(first))}`);
  await page.getByRole("button", { name: "Filters (1)" }).click();
  const close = page.getByTestId("filters-close");
  await expect(close).toHaveText(`Toon ${count({ parties: [first] })} vragen`);

  await explorer.toggle("partij", abbreviation(second));
  const both = count({ parties: [first, second] });
  await expect(close).toHaveText(`Toon ${both} vragen`);
  await close.click();
  await expect(page.getByRole("dialog")).toHaveCount(0);
  const open = page.getByRole("button", { name: "Filters (2)" });
  await expect(open).toBeFocused();
  await explorer.expectCount(both);
  // The results follow the button at once, on the first screen.
  const button = (await open.boundingBox())!;
  const firstResult = (await explorer.questions.first().boundingBox())!;
  expect(firstResult.y).toBeGreaterThan(button.y);
  expect(firstResult.y + 40).toBeLessThan(PHONE.height);
});

test("the open filter panel has no WCAG 2.2 A/AA violations", async ({ page }) => {
  await page.setViewportSize(PHONE);
  const explorer = new ExplorerPage(page);
  await explorer.open("");
  await page.getByRole("button", { name: "Filters (0)" }).click();
  await expect(page.getByRole("dialog", { name: "Filters" })).toBeVisible();
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"])
    .analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(" | ")}`)).toEqual([]);
});

test("on a wide screen the facets are the sidebar, with no Filters button", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const { first } = filters();
  const explorer = new ExplorerPage(page);
  await explorer.open("");
  await expect(page.getByTestId("filters-open")).toBeHidden();
  await expect(page.getByTestId("filters-close")).toBeHidden();
  await explorer.toggle("partij", abbreviation(first));
  await explorer.expectCount(count({ parties: [first] }));
});

test("typing in a long facet's field lists only the values whose name holds the text, and never hides a chosen one", async ({
  page,
}) => {
  const parties = ranked((q) => q.parties).map(([p]) => p);
  // A piece of text that some parties' names hold and others not: the ending of the second name.
  const [first, second] = parties;
  const piece = second.slice(-3);
  const holding = parties.filter((p) => fold(p).includes(fold(piece)));
  expect(holding.length).toBeLessThan(parties.length);

  const explorer = new ExplorerPage(page);
  await explorer.open("");
  const listed = page.locator('input[data-facet="partij"]');
  const names = () => listed.evaluateAll((boxes) => boxes.map((b) => b.closest("label")!.querySelector(".facet-label")!.textContent));
  const everyListed = await names();
  await page.getByLabel("Partij zoeken").fill(piece.toUpperCase());
  const expected = everyListed.filter((name) => fold(name || "").includes(fold(piece)));
  await expect.poll(names).toEqual(expected);
  for (const party of holding) expect(expected).toContain(party);

  // A chosen party stays listed whatever is typed.
  await page.getByLabel("Partij zoeken").fill("");
  await explorer.toggle("partij", abbreviation(first));
  await page.getByLabel("Partij zoeken").fill("zzz");
  await expect.poll(names).toEqual([first]);
});
