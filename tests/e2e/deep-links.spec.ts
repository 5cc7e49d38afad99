// Journey: a reader follows a shared link straight to a question or to a place in a document.
import { expect, test } from "@playwright/test";
import { corpus } from "./corpus";
import { DocumentPage, QuestionPage } from "./pages/document-page";

/** A question far enough down its document that jumping to it needs scrolling. */
function laterQuestion() {
  const c = corpus();
  const perDocument = new Map<string, number>();
  for (const q of c.questions) perDocument.set(q.document_id, (perDocument.get(q.document_id) || 0) + 1);
  const sameNumber = (q: { document_id: string; number: string }) =>
    c.questions.filter((o) => o.document_id === q.document_id && o.number === q.number).length;
  const candidates = c.questions.filter((q) => /^\d+$/.test(q.number) && Number(q.number) >= 4 && sameNumber(q) === 1);
  candidates.sort((a, b) => (perDocument.get(b.document_id) || 0) - (perDocument.get(a.document_id) || 0));
  expect(candidates.length).toBeGreaterThan(0);
  return candidates[0];
}

test("/vraag/<id> shows that question", async ({ page }) => {
  const question = laterQuestion();
  const view = new QuestionPage(page);
  await view.open(question.id);
  await expect(view.shown(question.id)).toBeVisible({ timeout: 30_000 });
  const firstWords = question.text.split("\n")[0].replace(/^- /, "").split(/\s+/).slice(0, 5).join(" ");
  await expect(view.shown(question.id)).toContainText(firstWords);
});

test("/document/<id>#vraag-<n> opens the document at that question", async ({ page }) => {
  const question = laterQuestion();
  const doc = new DocumentPage(page);
  await doc.openDocument(question.document_id, `vraag-${question.number}`);
  const count = corpus().questions.filter((q) => q.document_id === question.document_id).length;
  await expect(doc.questions).toHaveCount(count);
  await expect(doc.anchor(`vraag-${question.number}`)).toBeInViewport();
});

test("letters without questions are readable in the document view", async ({ page }) => {
  const c = corpus();
  const withQuestions = new Set(c.questions.map((q) => q.document_id));
  const letter = c.documents.find((d) => !withQuestions.has(d.id));
  test.skip(!letter, "every document has questions");
  await page.goto(`document/${encodeURIComponent(letter!.id)}`);
  await expect(page.locator("main#inhoud")).toContainText(letter!.title.slice(0, 30), { timeout: 30_000 });
});

test("an unknown question id shows a message, not an empty page", async ({ page }) => {
  await page.goto("vraag/bestaat-niet-123");
  await expect(page.locator("main#inhoud")).toContainText(/niet gevonden|bestaat niet|onbekend/i, { timeout: 30_000 });
});

test("every question in a document has its own anchor (no duplicate ids)", async ({ page }) => {
  const c = corpus();
  const perDocument = new Map<string, number>();
  for (const q of c.questions) perDocument.set(q.document_id, (perDocument.get(q.document_id) || 0) + 1);
  const [documentId] = [...perDocument.entries()].sort((a, b) => b[1] - a[1])[0];
  const doc = new DocumentPage(page);
  await doc.openDocument(documentId);
  await expect(doc.questions).toHaveCount(perDocument.get(documentId)!);
  const duplicates = await page.evaluate(() => {
    const seen = new Map<string, number>();
    for (const el of document.querySelectorAll("[id]")) seen.set(el.id, (seen.get(el.id) || 0) + 1);
    return [...seen.entries()].filter(([, n]) => n > 1).map(([id, n]) => `${id} x${n}`);
  });
  expect(duplicates).toEqual([]);
});
