// Journey: a colleague opens briefwissel.html from an e-mail attachment, over file://, with no server.
import { expect, test } from "@playwright/test";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { DIST } from "../../playwright.config";
import { abbreviation, corpus, count, ranked } from "./corpus";
import { ExplorerPage } from "./pages/explorer-page";

const FILE_URL = pathToFileURL(resolve(`${DIST}/briefwissel.html`)).href;

test("the single file works from disk: results, filters, search and documents", async ({ page, context }) => {
  const requested: string[] = [];
  context.on("request", (r) => requested.push(r.url()));
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));

  const explorer = new ExplorerPage(page);
  await page.goto(FILE_URL);
  await explorer.waitForResults();
  await explorer.expectCount(corpus().questions.length);

  const [[party]] = ranked((q) => q.parties);
  await explorer.toggle("partij", abbreviation(party));
  await explorer.expectCount(count({ parties: [party] }));
  expect(page.url().startsWith(FILE_URL)).toBe(true);

  await explorer.searchFor("minister");
  await expect.poll(() => explorer.count()).toBeGreaterThan(0);
  await expect(explorer.marks.first()).toBeVisible();

  // Open a document through the app's own link and come back.
  await explorer.questions.first().locator("dd a").first().click();
  await expect(page.locator(".doc-question").first()).toBeVisible({ timeout: 30_000 });
  await page.goBack();
  await explorer.waitForResults();

  expect(errors).toEqual([]);
  const fetched = requested.filter((u) => !u.startsWith(FILE_URL) && !u.startsWith("data:"));
  expect(fetched).toEqual([]);
});

test("the single file carries its Verantwoording: the footer and a card's note open it in the page", async ({ page }) => {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  const explorer = new ExplorerPage(page);
  await page.goto(FILE_URL);
  await explorer.waitForResults();
  const report = page.locator("#verantwoording");
  await expect(report).toBeHidden();
  await page.getByTestId("report-page-link").click();
  await expect(report).toBeVisible();
  await expect(report.getByTestId("report-document")).toHaveCount(corpus().documents.length);
  // Its document titles open that document in this file.
  const first = corpus().documents.find((d) => d.id === "002_9993184b351c6e06");
  if (!first) throw new Error("seed 002 is in the export");
  await report.locator(`[data-document-id="${first.id}"] h3 a`).click();
  await expect(page.locator(".doc-question").first()).toBeVisible();
  await expect.poll(() => new URL(page.url()).searchParams.get("pad")).toBe(`/document/${first.id}`);

  // A question with a note (kv-069 prints "Vraag 7" twice): its card's link shows that note.
  const noted = corpus().questions.find((q) => q.report_note !== undefined);
  if (!noted) throw new Error("some question has a note");
  await page.goto(`${FILE_URL}?pad=${encodeURIComponent(`/vraag/${noted.id}`)}`);
  const card = page.locator(`[data-testid=question][data-question-id="${noted.id}"]`);
  await card.getByTestId("report-note").click();
  await expect(page.locator(":target")).toBeVisible();
  await expect(page.locator(":target")).toHaveAttribute("id", `doc-${noted.document_id}-${noted.report_note}`);
  expect(errors).toEqual([]);
});

test("the single file says plainly that it cannot add documents, and why", async ({ page }) => {
  const explorer = new ExplorerPage(page);
  await page.goto(FILE_URL);
  await explorer.waitForResults();
  await expect(page.getByTestId("add-document")).toBeDisabled();
  await expect(page.locator("#eigen-status")).toContainText("Toevoegen kan niet in dit losse bestand");
  await expect(page.locator("#eigen-status")).toContainText("file://");
  await expect(page.locator("#eigen-status")).toContainText("Open Briefwissel via de website");
});
