// Journey: a reader opens a shared filtered link on a phone and sees at once what it selected and
// the first result; removing a filter is one tap on its chip.
import { expect, test } from "@playwright/test";
import { abbreviation, corpus, count, ranked } from "./corpus";
import { ExplorerPage } from "./pages/explorer-page";

const SIZES = [
  { name: "phone", width: 390, height: 844 },
  { name: "desktop", width: 1280, height: 900 },
];

/** A party and a theme that share questions, from the export (the party with the most). */
function sharedLink() {
  const [[party]] = ranked((q) => q.parties);
  const [[theme]] = ranked((q) => (q.parties.includes(party) ? q.themes : []));
  const themeLabel = corpus().themes.find((t) => t.id === theme)?.label || theme;
  return { party, theme, themeLabel, path: `?partij=${encodeURIComponent(abbreviation(party))}&thema=${theme}` };
}

for (const size of SIZES) {
  test(`at ${size.name} width a shared filtered link shows its chips, the count and the first result without scrolling`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: size.width, height: size.height });
    const link = sharedLink();
    const explorer = new ExplorerPage(page);
    await explorer.open(link.path);
    await explorer.expectCount(count({ parties: [link.party], themes: [link.theme] }));
    const chips = page.getByTestId("active-filters");
    await expect(chips.locator(".chip")).toHaveText([link.party, link.themeLabel].map((t) => new RegExp(`^${t}`)));
    await expect(page.getByRole("link", { name: `Verwijder filter: ${link.party}` })).toBeVisible();

    // Order on the page: search field, chips, count, first result; all on the first screen.
    const box = async (l: ReturnType<typeof page.locator>) => (await l.boundingBox())!;
    const search = await box(explorer.search);
    const row = await box(chips);
    const countBox = await box(explorer.resultCount);
    const first = await box(explorer.questions.first());
    expect(row.y).toBeGreaterThan(search.y);
    expect(countBox.y).toBeGreaterThan(row.y);
    expect(first.y).toBeGreaterThan(countBox.y);
    expect(first.y + 40, "the first result starts on the first screen").toBeLessThan(size.height);
    // No horizontal scrolling (WCAG 1.4.10).
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
}

test("removing a chip updates the count and the address; Wis alles clears every filter", async ({ page }) => {
  const link = sharedLink();
  const explorer = new ExplorerPage(page);
  await explorer.open(link.path);
  await page.getByRole("link", { name: `Verwijder filter: ${link.party}` }).click();
  await explorer.expectCount(count({ themes: [link.theme] }));
  await expect.poll(() => new URL(page.url()).searchParams.getAll("partij")).toEqual([]);
  expect(new URL(page.url()).searchParams.getAll("thema")).toEqual([link.theme]);
  await explorer.clearAll.click();
  await explorer.expectCount(corpus().questions.length);
  await expect(page.getByTestId("active-filters")).toHaveCount(0);
});

test("a chosen value low in a long facet moves to the top of that facet", async ({ page }) => {
  const parties = ranked((q) => q.parties);
  const [last] = parties[parties.length - 1];
  const explorer = new ExplorerPage(page);
  await explorer.open("");
  await explorer.toggle("partij", abbreviation(last));
  await expect(page.locator('input[data-facet="partij"]').first()).toHaveAttribute("data-value", abbreviation(last));
  await expect(page.locator('input[data-facet="partij"]').first()).toBeChecked();
});

test("at phone width a question page and its document reflow without horizontal scrolling", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  // The longest question of the export: the hardest to fit.
  const question = [...corpus().questions].sort((a, b) => b.text.length - a.text.length)[0];
  const pages = [
    { path: `vraag/${encodeURIComponent(question.id)}`, ready: "[data-testid=question]" },
    { path: `document/${encodeURIComponent(question.document_id)}`, ready: ".doc-question" },
  ];
  for (const { path, ready } of pages) {
    await page.goto(path);
    await expect(page.locator(ready).first()).toBeVisible({ timeout: 30_000 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${path} scrolls sideways`).toBeLessThanOrEqual(0);
  }
});

test("printed, a list shows its results and chips without controls, and a document prints where its original is", async ({
  page,
}) => {
  const link = sharedLink();
  const explorer = new ExplorerPage(page);
  await explorer.open(link.path);
  await page.emulateMedia({ media: "print" });
  await expect(explorer.questions.first()).toBeVisible();
  await expect(page.getByTestId("active-filters").locator(".chip").first()).toBeVisible();
  for (const chrome of [explorer.search, page.getByTestId("filters-open"), page.locator("#filterpaneel"), page.getByRole("link", { name: `Verwijder filter: ${link.party}` })]) {
    await expect(chrome).toBeHidden();
  }
  // A document published as PDF: its page links to the original, and print writes that address out.
  const pdf = corpus().documents.find((d) => d.file.endsWith(".pdf"))!;
  await page.goto(`document/${encodeURIComponent(pdf.id)}`);
  const original = page.locator('a[href*="originals/"]').first();
  await expect(original).toBeVisible({ timeout: 30_000 });
  const printed = await original.evaluate((a) => getComputedStyle(a, "::after").content);
  expect(printed).toContain(`originals/${pdf.file}`);
});
