// Journey: a reader who wants to quote Briefwissel checks how far to trust a record: the footer's
// Verantwoording lists every document with what was found and what went wrong while reading it.
import { expect, test } from "@playwright/test";
import { corpus } from "./corpus";
import { ExplorerPage, untilOfflineReady } from "./pages/explorer-page";
import { QuestionPage } from "./pages/document-page";

// Read in data/documents: kv-069 (Kathmann, TikTok moderators) prints "Vraag 7" on line 46 and again
// on line 48, where question 8 belongs; there is no "Vraag 8". Seed 002 heads its questions letter
// "Den Haag, 5 december 2026" (line 35) while the cover and the answer date it December 2025.
const KATHMANN = "kv-069-antwoord-op-vragen-van-het-lid-kathmann-pdf.txt";
const JBZ_SEED = "002_9993184b351c6e06.txt";

const documentOf = (file: string) => {
  const doc = corpus().documents.find((d) => d.file === file);
  if (!doc) throw new Error(`no document for ${file} in the export`);
  return doc;
};

test("the footer's Verantwoording lists every document of the export exactly once", async ({ page }) => {
  const explorer = new ExplorerPage(page);
  await explorer.open("");
  await page.getByTestId("report-page-link").click();
  await expect(page).toHaveURL(/verantwoording\.html$/);
  await expect(page.locator("h1")).toHaveText("Verantwoording");
  const rows = page.getByTestId("report-document");
  await expect(rows).toHaveCount(corpus().documents.length);
  const ids = await rows.evaluateAll((els) => els.map((e) => e.getAttribute("data-document-id")));
  expect([...ids].sort()).toEqual(corpus().documents.map((d) => d.id).sort());
  // Every row says what was found and where the text came from.
  for (const row of await rows.all()) {
    await expect(row.locator(".report-facts")).toContainText(/\d+ (vraag|vragen)/);
    await expect(row.locator(".report-source")).toContainText("Bron:");
  }
});

test("the report names the repeated question label and the wrong year, with their lines", async ({ page }) => {
  await page.goto("verantwoording.html");
  const kathmann = page.locator(`[data-testid=report-document][data-document-id="${documentOf(KATHMANN).id}"]`);
  await expect(kathmann.locator(".report-warning", { hasText: "vraag 7 staat twee keer" })).toContainText("regel 48");
  await expect(kathmann.locator(".report-warning", { hasText: "ontbrekende nummers: 8" })).toHaveCount(1);
  const seed = page.locator(`[data-testid=report-document][data-document-id="${documentOf(JBZ_SEED).id}"]`);
  const dates = seed.locator(".report-warning", { hasText: "5 december 2026" });
  await expect(dates).toContainText("regel 35");
  await expect(dates).toContainText("5 december 2025");
});

test("a question card with a note links to that note in the report", async ({ page }) => {
  const doc = documentOf(KATHMANN);
  const seven = corpus().questions.find((q) => q.document_id === doc.id && q.number === "7");
  if (!seven) throw new Error("kv-069 has a question 7 in the export");
  expect(seven.report_note, "question 7 of kv-069 has a note").toBeTruthy();
  const view = new QuestionPage(page);
  await view.open(seven.id);
  const link = view.shown(seven.id).getByTestId("report-note");
  await expect(link).toHaveAttribute("href", `verantwoording.html#doc-${doc.id}-${seven.report_note}`);
  await link.click();
  await expect(page).toHaveURL(new RegExp(`verantwoording\\.html#doc-${doc.id}-${seven.report_note}$`));
  await expect(page.locator(":target")).toContainText("vraag 7 staat twee keer");

  // A question whose document read cleanly has no such link.
  const clean = corpus().questions.find((q) => q.report_note === undefined);
  if (!clean) throw new Error("some question has no note");
  await view.open(clean.id);
  await expect(view.shown(clean.id)).toBeVisible({ timeout: 30_000 });
  await expect(view.shown(clean.id).getByTestId("report-note")).toHaveCount(0);
});

test("the report opens offline after one visit", async ({ page, context }) => {
  const explorer = new ExplorerPage(page);
  await explorer.open("");
  await untilOfflineReady(page);
  await context.setOffline(true);
  await page.goto("verantwoording.html");
  await expect(page.getByTestId("report-document")).toHaveCount(corpus().documents.length);
  await context.setOffline(false);
});
