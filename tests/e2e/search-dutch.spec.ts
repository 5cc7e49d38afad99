// Journeys: Dutch search as a reader types it: letter by letter, compounds highlighted, a phrase, an exclusion, a suggestion.
import { expect, test } from "@playwright/test";
import { corpus, fold, questionsContaining } from "./corpus";
import { ExplorerPage } from "./pages/explorer-page";

const answerText = (id: string | null) => (id ? corpus().answers.find((a) => a.id === id)?.text : undefined);

test("typing asiel letter by letter never shows zero and ends with every question about asiel", async ({ page }) => {
  // Every word containing "asiel" in this corpus is an asylum word (asielzoekers, asielopvang, …).
  const about = questionsContaining("asiel");
  expect(about.length, "the corpus speaks of asiel").toBeGreaterThan(10);
  const explorer = new ExplorerPage(page);
  await explorer.open();
  for (const letter of "asiel") {
    await explorer.search.press(letter);
    const typed = await explorer.search.inputValue();
    await expect.poll(() => new URLSearchParams(explorer.query()).get("q")).toBe(typed);
    await expect.poll(() => explorer.count(), { message: `results while typing "${typed}"` }).toBeGreaterThan(0);
  }
  await explorer.expectCount(about.length);
  // The compound part is marked, not the whole compound: "asiel" in "asielzoekers".
  await expect(explorer.marks.first()).toBeVisible();
  const marks = (await explorer.marks.allTextContents()).map(fold);
  expect(new Set(marks), `marks ${marks.slice(0, 8)}`).toEqual(new Set(["asiel"]));
  const insideWords = await explorer.marks.evaluateAll(
    (nodes) => nodes.filter((n) => /^\p{L}/u.test(n.nextSibling?.textContent || "")).length,
  );
  expect(insideWords, "some marks are the first part of a longer word").toBeGreaterThan(0);
});

test("a half-typed word lists the words it begins, a finished word its compounds", async ({ page }) => {
  const explorer = new ExplorerPage(page);
  await explorer.open(`?q=${encodeURIComponent("vluchtel")}`);
  expect(await explorer.count()).toBe(questionsContaining("vluchtel").length);
  await explorer.open(`?q=${encodeURIComponent("opvang ")}`);
  // Compounds with opvang (kinderopvang, opvanglocaties) count; the letters "opvang" inside
  // any word are the most there can be.
  const compound = corpus().questions.filter((q) =>
    questionsContaining("opvang").some((c) => c.id === q.id) &&
    /\p{L}opvang|opvang\p{L}/u.test(fold(q.text + " " + (answerText(q.answer_id) || ""))),
  );
  expect(compound.length, "the corpus has opvang compounds").toBeGreaterThan(0);
  const shown = await explorer.count();
  expect(shown).toBeGreaterThanOrEqual(compound.length);
  expect(shown).toBeLessThanOrEqual(questionsContaining("opvang").length);
});

test("a quoted phrase finds the questions with those words in a row", async ({ page }) => {
  const phrase = "openbaar ministerie";
  const inARow = questionsContaining(phrase);
  expect(inARow.length, "the corpus has the phrase").toBeGreaterThan(0);
  const explorer = new ExplorerPage(page);
  await explorer.open();
  await explorer.searchFor(`"${phrase}"`);
  await explorer.expectCount(inARow.length);
  const marks = (await explorer.marks.allTextContents()).map((m) => fold(m).replace(/\s+/g, " "));
  expect(marks).toContain(phrase);
});

test("a word after a minus sign leaves out every question that uses it", async ({ page }) => {
  const explorer = new ExplorerPage(page);
  await explorer.open(`?q=${encodeURIComponent("asiel")}`);
  const all = await explorer.count();
  await explorer.searchFor("asiel -opvang");
  const withOpvang = new Set(questionsContaining("opvang").map((q) => q.id));
  const expected = questionsContaining("asiel").filter((q) => !withOpvang.has(q.id)).length;
  expect(expected).toBeLessThan(all);
  await explorer.expectCount(expected);
  for (const id of await explorer.questionIds()) expect(withOpvang.has(id), `${id} mentions opvang`).toBe(false);
});

test("a misspelt word offers 'Bedoelde u' and one click searches the suggestion", async ({ page }) => {
  const explorer = new ExplorerPage(page);
  await explorer.open();
  await explorer.searchFor("asiell");
  await explorer.expectCount(0);
  const suggestion = page.getByTestId("suggestion");
  await expect(suggestion).toContainText("Bedoelde u asiel?");
  await page.getByTestId("suggestion-apply").click();
  await expect(explorer.search).toHaveValue("asiel");
  await explorer.expectCount(questionsContaining("asiel").length);
  await expect.poll(() => new URLSearchParams(explorer.query()).get("q")).toBe("asiel");
  await expect(suggestion).toHaveCount(0);
});

test("the search hint says how to write phrases and exclusions", async ({ page }) => {
  const explorer = new ExplorerPage(page);
  await explorer.open();
  const hint = page.locator("#zoek-hint");
  await expect(hint).toContainText('"exacte frase"');
  await expect(hint).toContainText("-woord");
  await expect(explorer.search).toHaveAttribute("aria-describedby", "zoek-hint");
  expect(corpus().questions.length).toBeGreaterThan(0);
});
