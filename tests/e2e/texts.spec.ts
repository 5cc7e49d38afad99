// Journey: the texts of questions, answers and letters come in shards, for what is shown. A first visit
// fetches those of the cards on screen and of the next page, not all; a phrase search reads those of its
// candidates; a download fetches what it needs; a shard that cannot be fetched is said where its text
// would stand, and comes when the reader filters again.
import { expect, test, type Page } from "@playwright/test";
import { readdirSync, readFileSync } from "node:fs";
import { DIST } from "../../playwright.config";
import { corpus, fold, type Question } from "./corpus";
import { DocumentPage } from "./pages/document-page";
import { ExplorerPage } from "./pages/explorer-page";

test.use({ serviceWorkers: "block" });

const SHARD = /tekst-[0-9a-f]+\.bin$/;
const shardFiles = () => readdirSync(DIST).filter((f) => SHARD.test(f));

/** The text shards this page has fetched (resource timing). */
const fetchedShards = (page: Page) =>
  page.evaluate(() =>
    performance
      .getEntriesByType("resource")
      .map((e) => e.name)
      .filter((name) => /tekst-[0-9a-f]+\.bin$/.test(name)),
  );

/** A text without its layout: the card draws paragraphs and "- " list items as elements. */
const letters = (text: string) => text.replace(/\s+/g, "");
const withoutListMarks = (text: string) => letters(text.replace(/^- /gm, ""));

function expectSameText(shown: string, stored: string, what: string) {
  expect([letters(stored), withoutListMarks(stored)], what).toContain(letters(shown));
}

const questionById = () => new Map(corpus().questions.map((q) => [q.id, q]));
const answerText = (q: Question) => corpus().answers.find((a) => a.id === q.answer_id)?.text ?? null;

test("a first visit fetches the texts of the cards on screen and of the next page, not all of them", async ({ page }) => {
  const all = shardFiles();
  expect(all.length, "the build ships its texts in several shards").toBeGreaterThan(1);
  const explorer = new ExplorerPage(page);
  await explorer.open();
  const byId = questionById();
  const cards = explorer.questions;
  expect(await cards.count()).toBeGreaterThan(0);
  for (const card of await cards.all()) {
    const id = (await card.getAttribute("data-question-id")) ?? "";
    const stored = byId.get(id);
    expect(stored, id).toBeDefined();
    const shown = card.locator(".question-text");
    await expect(shown).not.toContainText("Tekst wordt geladen");
    expectSameText((await shown.textContent()) ?? "", stored!.text, id);
  }
  // Settled: what a first visit fetches, without a search or a click.
  await page.waitForTimeout(500);
  const fetched = await fetchedShards(page);
  expect(fetched.length).toBeGreaterThan(0);
  expect(fetched.length, `fetched ${fetched.length} of ${all.length} shards`).toBeLessThan(all.length);
});

test("typing a search fetches no texts for the letters typed on, and the texts of the last results once the typing pauses", async ({ page }) => {
  const explorer = new ExplorerPage(page);
  await explorer.open();
  // Settled before typing: the search index (fetched in the background once the field has the focus)
  // and the first visit's texts.
  await explorer.search.click();
  const indexFiles = readdirSync(DIST).filter((f) => /^zoekindex-[0-9a-f]+\.bin$/.test(f)).length;
  await expect
    .poll(() => page.evaluate(() => performance.getEntriesByType("resource").filter((e) => /zoekindex-/.test(e.name)).length))
    .toBe(indexFiles);
  let settled = -1;
  await expect
    .poll(async () => {
      const now = (await fetchedShards(page)).length;
      const same = now === settled;
      settled = now;
      return same;
    }, { intervals: [300] })
    .toBe(true);
  // Every letter shows other questions ("w", "wa", "wac", …), in other shards. The letters are typed
  // 40 ms apart by the page's own timers, so that a busy test machine delays them and the app's
  // pause alike.
  const word = "wachttijden";
  const typing = await page.evaluate(async (word) => {
    const input = document.querySelector<HTMLInputElement>("#zoek")!;
    const started = performance.now();
    for (let n = 1; n <= word.length; n++) {
      input.value = word.slice(0, n);
      input.dispatchEvent(new Event("input", { bubbles: true }));
      if (n < word.length) await new Promise((resolve) => setTimeout(resolve, 40));
    }
    return { started, ended: performance.now() };
  }, word);
  await expect(page).toHaveURL(new RegExp(`[?&]q=${word}($|&)`));
  await expect(explorer.questions.first()).toBeVisible();
  const byId = questionById();
  for (const card of await explorer.questions.all()) {
    const id = (await card.getAttribute("data-question-id")) ?? "";
    const shown = card.locator(".question-text");
    await expect(shown).not.toContainText(/wordt geladen/);
    expectSameText((await shown.textContent()) ?? "", byId.get(id)!.text, id);
  }
  const shardsSince = (from: number, to: number) =>
    page.evaluate(
      ([from, to]) =>
        performance
          .getEntriesByType("resource")
          .filter((e) => /tekst-[0-9a-f]+\.bin$/.test(e.name) && e.startTime >= from && e.startTime < to)
          .map((e) => e.name),
      [from, to],
    );
  expect(await shardsSince(typing.started, typing.ended), "shards fetched while the letters were typed").toEqual([]);
  expect((await shardsSince(typing.ended, Infinity)).length, "the last results' texts were fetched after the typing").toBeGreaterThan(0);
});

test("an opened answer shows its text as stored", async ({ page }) => {
  const explorer = new ExplorerPage(page);
  await explorer.open("?beantwoord=ja");
  const card = explorer.questions.first();
  const id = (await card.getAttribute("data-question-id")) ?? "";
  const stored = answerText(questionById().get(id)!);
  expect(stored, `${id} is answered`).not.toBeNull();
  await card.getByTestId("answer").locator("summary").click();
  const paragraphs = card.getByTestId("answer").locator("p:not(.answer-meta), li");
  await expect(paragraphs.first()).toBeVisible();
  await expect(card.getByTestId("answer")).not.toContainText("Tekst wordt geladen");
  const shown = (await paragraphs.allTextContents()).join("\n");
  expectSameText(shown, stored!, id);
  // Under the text: who answered (it comes with the texts) and on which day, for a listed answer
  // that names both.
  const byId = questionById();
  const answerOf = (qid: string) => corpus().answers.find((a) => a.id === byId.get(qid)?.answer_id);
  const named = (await explorer.questionIds()).find((qid) => answerOf(qid)?.answered_by && answerOf(qid)?.answered_on);
  expect(named, "a listed answer names who answered, and when").toBeDefined();
  const answer = answerOf(named!)!;
  const namedCard = explorer.questions.and(page.locator(`[data-question-id="${named}"]`));
  if (named !== id) await namedCard.getByTestId("answer").locator("summary").click();
  const MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];
  const [year, month, day] = answer.answered_on!.split("-").map(Number);
  const who = answer.answered_by!.replace(/\s+/g, " ").trim().replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  await expect(namedCard.locator(".answer-meta")).toHaveText(new RegExp(`^Beantwoord door ${who} op ${day} ${MONTHS[month - 1]} ${year}`));
});

test("a phrase of three words is looked for in the texts of its candidates, and finds what the texts hold", async ({ page }) => {
  const phrase = "het Internationaal Strafhof";
  const words = new RegExp(`(^|[^\\p{L}\\p{N}])${fold(phrase).replace(/ /g, "\\s+")}($|[^\\p{L}\\p{N}])`, "u");
  const holds = (t: string | null | undefined) => words.test(fold(t ?? ""));
  const expected = corpus().questions.filter(
    (q) => holds(q.text) || holds(answerText(q)) || holds((q as Question & { heading?: string }).heading),
  );
  expect(expected.length, "kv-003's answer names the court").toBeGreaterThan(0);
  const explorer = new ExplorerPage(page);
  await explorer.open(`?q=${encodeURIComponent(`"${phrase}"`)}`);
  await explorer.expectCount(expected.length);
  expect(new Set(await explorer.questionIds())).toEqual(new Set(expected.map((q) => q.id)));
});

test("a download carries the text of every question and answer of the selection, fetching those not here yet", async ({ page }) => {
  const explorer = new ExplorerPage(page);
  await explorer.open();
  const total = await explorer.count();
  const before = (await fetchedShards(page)).length;
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download JSON" }).click(),
  ]);
  const json = JSON.parse(readFileSync((await download.path())!, "utf8"));
  expect(json.count).toBe(total);
  expect((await fetchedShards(page)).length).toBeGreaterThan(before);
  const byId = questionById();
  for (const item of json.questions) {
    const stored = byId.get(item.question.id)!;
    expect(item.question.text, item.question.id).toBe(stored.text);
    expect(item.answer?.text ?? null, item.question.id).toBe(answerText(stored));
  }
  await expect(page.getByTestId("export-status")).toHaveCount(0);
});

test("a text that cannot be fetched is said where it would stand, and comes when the reader filters again", async ({ page }) => {
  let blocked = true;
  await page.route(SHARD, (route) => (blocked ? route.abort() : route.continue()));
  const explorer = new ExplorerPage(page);
  await explorer.open();
  const first = explorer.questions.first().locator(".question-text");
  await expect(first).toContainText("De tekst kon niet worden geladen");
  // The search index arriving in the background (a rerun of the same query) asks nothing again:
  // the line keeps saying why, and is not busy.
  const indexFiles = readdirSync(DIST).filter((f) => /^zoekindex-[0-9a-f]+\.bin$/.test(f)).length;
  await expect
    .poll(() => page.evaluate(() => performance.getEntriesByType("resource").filter((e) => /zoekindex-/.test(e.name)).length))
    .toBe(indexFiles);
  await expect(first).toContainText("De tekst kon niet worden geladen");
  await expect(first.locator("[aria-busy]")).toHaveCount(0);
  blocked = false;
  await explorer.toggle("beantwoord", "ja");
  const card = explorer.questions.first();
  const id = (await card.getAttribute("data-question-id")) ?? "";
  await expect(card.locator(".question-text")).not.toContainText(/kon niet worden geladen|wordt geladen/);
  expectSameText((await card.locator(".question-text").textContent()) ?? "", questionById().get(id)!.text, id);
});

interface Block { type: string; value: string | string[] }
interface StoredDocument { id: string; sections: Array<{ blocks: Block[] }>; footnotes: Array<{ number: string; text: string }> }
const storedDocuments = () => corpus().documents as unknown as StoredDocument[];

test("a document page shows its footnotes and the questions it repeats from another letter, as stored", async ({ page }) => {
  const questions = questionById();
  const withFootnotes = storedDocuments().find((d) => d.footnotes.length > 0)!;
  const repeating = storedDocuments().find((d) =>
    d.sections.some((s) => s.blocks.some((b) => b.type === "question" && questions.get(b.value as string)?.document_id !== d.id)),
  );
  expect(withFootnotes, "a document with footnotes").toBeDefined();
  expect(repeating, "an answer letter that repeats questions of another document").toBeDefined();
  const view = new DocumentPage(page);
  await view.openDocument(withFootnotes.id);
  await expect(page.locator(".footnotes li")).toHaveCount(withFootnotes.footnotes.length);
  for (const note of withFootnotes.footnotes) {
    const shown = (await page.locator(`[id="voetnoot-${note.number}"]`).first().textContent()) ?? "";
    expectSameText(shown, `${note.number} ${note.text}`, `voetnoot ${note.number}`);
  }
  await view.openDocument(repeating!.id);
  const placed = repeating!.sections.flatMap((s) => s.blocks).filter((b) => b.type === "question");
  for (const block of placed) {
    const id = block.value as string;
    const paragraphs = view.question(id).locator("p:not(.askers):not(.page), li");
    await expect(view.question(id)).not.toContainText("wordt geladen");
    expectSameText((await paragraphs.allTextContents()).join("\n"), questions.get(id)!.text, id);
  }
});
