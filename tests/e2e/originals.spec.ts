// Journey: a reader cites a question by the page of its PDF original and opens the original to check it.
import { expect, type Page, test } from "@playwright/test";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { DIST, SUBPATH, SUBPATH_PORT } from "../../playwright.config";
import { corpus, type Document } from "./corpus";
import { DocumentPage, QuestionPage } from "./pages/document-page";
import { untilOfflineReady } from "./pages/explorer-page";

// Aanhangsel 1178 (2023–2024): 9 questions by Sneller (D66) on quantumproof encryption; `pdfinfo`
// says 5 pages, and `pdftotext -layout` puts Vraag 1 on page 1, Vraag 2–4 on page 2, Vraag 5–7 on
// page 3 and Vraag 8–9 on page 4.
const PDF_FILE = "1c0f765c-d7b4-455e-a241-35a4e9a9dc36.pdf";
const PRINTED_PAGES: Record<string, number> = { 1: 1, 2: 2, 3: 2, 4: 2, 5: 3, 6: 3, 7: 3, 8: 4, 9: 4 };

function original(file: string): Document {
  const doc = corpus().documents.find((d) => d.file === file);
  if (!doc) throw new Error(`no document for ${file} in the export`);
  return doc;
}

/** The document page's fact "Origineel": format and page count. */
const originalFact = (page: Page) => page.locator(".facts dt", { hasText: /^Origineel$/ }).locator("xpath=following-sibling::dd[1]");

/** RFC 3986 encoding of a file name, as the app writes its links. */
const encoded = (name: string) =>
  encodeURIComponent(name).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

test("a PDF original's document page shows its pages, the page of each question and opens the PDF", async ({
  page,
  baseURL,
}) => {
  const doc = original(PDF_FILE);
  expect(doc.pages).toBe(5);
  const questions = corpus().questions.filter((q) => q.document_id === doc.id);
  expect(questions.map((q) => q.number)).toEqual(Object.keys(PRINTED_PAGES));
  for (const q of questions) expect(q.page, `vraag ${q.number}`).toBe(PRINTED_PAGES[q.number]);

  const view = new DocumentPage(page);
  await view.openDocument(doc.id);
  await expect(view.questions).toHaveCount(9);
  await expect(originalFact(page)).toHaveText("PDF, 5 pagina's");

  // Each question says its page, and for a PDF that is a link to the original at that page.
  for (const q of questions) {
    const pageRef = view.question(q.id).locator(":scope > a");
    await expect(pageRef).toHaveText(`p. ${q.page}`);
    await expect(pageRef).toHaveAttribute("href", new RegExp(`originals/${encoded(PDF_FILE)}#page=${q.page}$`));
  }

  const link = page.getByRole("link", { name: "Origineel openen (PDF)" });
  const href = new URL((await link.getAttribute("href"))!, baseURL).href;
  expect(href).toBe(new URL(`originals/${encoded(PDF_FILE)}`, baseURL).href);
  const response = await page.request.get(href);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/pdf");
  expect((await response.body()).subarray(0, 5).toString("latin1")).toBe("%PDF-");

  // The question card (single question page) cites the page after the document.
  const fifth = questions.find((q) => q.number === "5")!;
  const card = new QuestionPage(page);
  await card.open(fifth.id);
  await expect(card.shown(fifth.id).locator('dd:has(a[href*="document/"])')).toContainText("· p. 3", {
    timeout: 30_000,
  });
});

test("the link to the original leaves the app for the PDF (the app does not route it)", async ({ page }) => {
  const doc = original(PDF_FILE);
  const view = new DocumentPage(page);
  await view.openDocument(doc.id);
  const fifth = corpus().questions.find((q) => q.document_id === doc.id && q.number === "5")!;
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url().includes(`/originals/${encoded(PDF_FILE)}`)),
    view.question(fifth.id).locator(":scope > a").click(),
  ]);
  expect(response.status()).toBe(200);
  await expect(page.locator("main h1", { hasText: "Pagina niet gevonden" })).toHaveCount(0);
});

test("a Word original with spaces and parentheses in its name is linked, served and precached", async ({
  page,
  context,
  baseURL,
}) => {
  const doc = corpus().documents.find((d) => d.file.endsWith(".docx") && /[ ()]/.test(d.file));
  test.skip(!doc, "no Word original with such a name in the corpus");
  const view = new DocumentPage(page);
  await view.openDocument(doc!.id);
  await expect(originalFact(page)).toHaveText(`Word, ${doc!.pages} pagina's`);
  // A page of a Word file cannot be opened: the page is said, not linked.
  const first = corpus().questions.find((q) => q.document_id === doc!.id && q.page !== null)!;
  await expect(view.question(first.id).locator(":scope > .page")).toHaveText(`p. ${first.page}`);
  await expect(page.locator(".doc-question > a")).toHaveCount(0);
  const link = page.getByRole("link", { name: "Origineel downloaden (Word)" });
  const href = new URL((await link.getAttribute("href"))!, baseURL).href;
  expect(href.endsWith(`originals/${encoded(doc!.file)}`)).toBe(true);
  const response = await page.request.get(href);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("wordprocessingml");

  // The service worker precaches the originals under the same URL as the link: they open offline.
  await untilOfflineReady(page);
  await context.setOffline(true);
  const offline = await page.evaluate(async (url) => {
    const r = await fetch(url);
    return { ok: r.ok, size: (await r.arrayBuffer()).byteLength };
  }, href);
  await context.setOffline(false);
  expect(offline.ok).toBe(true);
  expect(offline.size).toBe((await response.body()).length);
});

test("under a sub-path the original's link stays under it", async ({ page }) => {
  const doc = original(PDF_FILE);
  const root = `http://127.0.0.1:${SUBPATH_PORT}${SUBPATH}`;
  await page.goto(`${root}document/${encodeURIComponent(doc.id)}`);
  const link = page.getByRole("link", { name: "Origineel openen (PDF)" });
  await expect(link).toBeVisible({ timeout: 30_000 });
  const href = new URL((await link.getAttribute("href"))!, root).href;
  expect(href).toBe(`${root}originals/${encoded(PDF_FILE)}`);
  const response = await page.request.get(href);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/pdf");
});

test("the single file names the original but has no link to it", async ({ page }) => {
  const doc = original(PDF_FILE);
  const file = pathToFileURL(resolve(`${DIST}/briefwissel.html`)).href;
  await page.goto(`${file}?pad=${encodeURIComponent(`/document/${doc.id}`)}`);
  await expect(originalFact(page)).toHaveText("PDF, 5 pagina's", { timeout: 30_000 });
  await expect(page.getByRole("link", { name: /^Origineel/ })).toHaveCount(0);
  await expect(page.locator(".doc-question > .page").first()).toHaveText("p. 1");
  await expect(page.locator(".doc-question > a")).toHaveCount(0);
});
