// Journey: a question sent in one document and answered in another letter is one question, shown with
// its answer and a link to the letter, and the letter's page shows that same question.
import { expect, test } from "@playwright/test";
import { corpus } from "./corpus";

test("a question answered in another letter shows that answer and links to the letter, which shows the same question", async ({ page }) => {
  const c = corpus();
  const linked = c.questions.filter((q) => q.sources.length > 1);
  expect(linked.length, "the corpus has a questions document with a separate answer letter").toBeGreaterThan(0);
  const q = linked[0];
  const letter = c.documents.find((d) => d.id === q.sources[1].document_id)!;
  expect(q.sources[1].role).toBe("antwoord");
  // Each question is one record: no other question of the letter repeats it.
  expect(c.questions.filter((o) => o.document_id === letter.id && o.text === q.text)).toHaveLength(0);

  await page.goto(`vraag/${q.id}`);
  const card = page.getByTestId("question");
  await expect(card).toHaveCount(1);
  await expect(card.getByTestId("answer")).toBeVisible();
  const link = card.getByTestId("linked-document");
  await expect(link).toHaveText(letter.title);
  await expect(card.locator("dt", { hasText: "Antwoord in" })).toBeVisible();
  await link.click();
  await expect(page).toHaveURL(new RegExp(`document/${letter.id}`));
  await expect(page.locator(`[data-testid=document-question][data-question-id="${q.id}"]`)).toBeVisible();
});
