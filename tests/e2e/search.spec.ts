// Journey: a reader searches the texts, sees the matches highlighted, and diacritics do not matter.
import { expect, test } from "@playwright/test";
import { corpus, fold, questionsWithWord } from "./corpus";
import { ExplorerPage } from "./pages/explorer-page";

/** Words of the question texts with how many questions use them, most used first. */
function wordsByUse(filter: (word: string) => boolean): Array<[string, number]> {
  const uses = new Map<string, number>();
  for (const q of corpus().questions) {
    const words = new Set(q.text.toLowerCase().match(/\p{L}+/gu) || []);
    for (const w of words) if (filter(w)) uses.set(w, (uses.get(w) || 0) + 1);
  }
  return [...uses.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

test("searching for a word finds every question using it and highlights the matches", async ({ page }) => {
  const total = corpus().questions.length;
  const candidates = wordsByUse((w) => w.length >= 9 && w === fold(w));
  const found = candidates.find(([, n]) => n >= 3 && n <= total / 3);
  expect(found, "a searchable word in the corpus").toBeTruthy();
  const [word] = found!;
  const containing = questionsWithWord(word).map((q) => q.id);

  const explorer = new ExplorerPage(page);
  await explorer.open();
  await explorer.searchFor(word);
  await expect.poll(() => explorer.count()).toBeLessThan(total);
  const shown = await explorer.count();
  // Other forms and compounds may add questions; the search never loses the literal ones.
  expect(shown).toBeGreaterThanOrEqual(containing.length);
  await expect.poll(() => new URLSearchParams(explorer.query()).get("q")).toBe(word);

  await expect(explorer.marks.first()).toBeVisible();
  const marked = await explorer.marks.allTextContents();
  const start = fold(word).slice(0, 5);
  expect(marked.some((m) => fold(m).includes(start)), `marks ${marked.slice(0, 5)} contain "${start}"`).toBe(true);

  if (shown <= 10) {
    const listed = await explorer.questionIds();
    for (const id of containing) expect(listed, `question ${id} contains "${word}"`).toContain(id);
  }
});

test("a word with diacritics finds the same questions written with or without them", async ({ page }) => {
  const withMarks = wordsByUse((w) => w.length >= 5 && w !== fold(w));
  test.skip(withMarks.length === 0, "the corpus has no words with diacritics");
  const [word] = withMarks[0];
  const explorer = new ExplorerPage(page);
  await explorer.open(`?q=${encodeURIComponent(word)}`);
  const accented = await explorer.count();
  expect(accented).toBeGreaterThanOrEqual(questionsWithWord(word).length);
  await explorer.open(`?q=${encodeURIComponent(fold(word))}`);
  await explorer.expectCount(accented);
});

test("a quoted phrase matches fewer or as many questions as its words apart", async ({ page }) => {
  const [[first], [second]] = wordsByUse((w) => w.length >= 6);
  const text = corpus().questions.map((q) => q.text).join("\n").toLowerCase();
  const phraseMatch = text.match(new RegExp(`\\b(${first})\\s+(\\p{L}{4,})\\b`, "u"));
  const phrase = phraseMatch ? `${phraseMatch[1]} ${phraseMatch[2]}` : `${first} ${second}`;
  const explorer = new ExplorerPage(page);
  await explorer.open(`?q=${encodeURIComponent(phrase)}`);
  const loose = await explorer.count();
  await explorer.open(`?q=${encodeURIComponent(`"${phrase}"`)}`);
  const quoted = await explorer.count();
  expect(quoted).toBeLessThanOrEqual(loose);
  if (phraseMatch) expect(quoted).toBeGreaterThan(0);
});
