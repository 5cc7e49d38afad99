// Journeys: which questions are still open past their answer term, and how long they have waited,
// counted against the reader's own date (a fixed clock here, so the test does not rot); per ministry.
import { expect, test } from "@playwright/test";
import { corpus, term } from "./corpus";
import { ExplorerPage } from "./pages/explorer-page";

const TODAY = "2024-12-10";

test.beforeEach(async ({ page }) => {
  await page.clock.setFixedTime(new Date(`${TODAY}T12:00:00`));
});

test("the termijn filter lists the open questions past their term on the reader's date", async ({ page }) => {
  const c = corpus();
  const late = c.questions.filter((q) => !q.answer_id && term(q, TODAY).term === "verlopen");
  const within = c.questions.filter((q) => term(q, TODAY).term === "binnen");
  expect(late.length).toBeGreaterThan(0);
  const explorer = new ExplorerPage(page);
  await explorer.open();
  await explorer.toggle("beantwoord", "nee");
  await explorer.toggle("termijn", "verlopen");
  await explorer.expectCount(late.length);
  await expect.poll(() => explorer.query()).toBe("beantwoord=nee&termijn=verlopen");
  const card = explorer.questions.first();
  await expect(card.getByTestId("status")).toContainText("verstreken");
  await explorer.open("?termijn=binnen");
  await explorer.expectCount(within.length);
});

test("a postponed question keeps six weeks: within its term on 1 December 2024, past it on 10 December", async ({ page }) => {
  const postponed = corpus().questions.find((q) => q.postponed_on && !q.answer_id);
  expect(postponed, "kv-008 postpones its questions").toBeTruthy();
  const q = postponed!;
  await page.clock.setFixedTime(new Date("2024-12-01T12:00:00"));
  await page.goto(`vraag/${q.id}`);
  // Sent in on 25 October 2024 and postponed: the term runs to 6 December 2024.
  await expect(page.getByTestId("status")).toContainText("termijn na uitstel tot 6 december 2024", { timeout: 30_000 });
  await page.clock.setFixedTime(new Date(`${TODAY}T12:00:00`));
  await page.goto(`vraag/${q.id}`);
  await expect(page.getByTestId("status")).toContainText("termijn na uitstel verstreken", { timeout: 30_000 });
});

test("an answer that names the notice postponing it is judged against six weeks, and its document says where the notice is", async ({ page }) => {
  // kv-075: asked 11 October 2024, answered 15 November 2024 (35 days); its header prints "Zie ook
  // Aanhangsel Handelingen, vergaderjaar 2024–2025, nr. 426", the Mededeling not in the corpus.
  const id = "kv-075-antwoord-op-vragen-van-het-lid-paulusma-pdf";
  await page.goto(`vraag/${id}-v1`);
  await expect(page.getByTestId("status")).toContainText("beantwoord na 35 dagen (binnen de termijn na uitstel)", { timeout: 30_000 });
  await page.goto(`document/${id}`);
  // The app's own page (the static copy of the page stands beside it until the app replaces it).
  const facts = page.getByTestId("document").locator("dl.facts");
  await expect(facts).toContainText("Uitstel gemeld in", { timeout: 30_000 });
  await expect(facts).toContainText("Aanhangsel Handelingen 2024–2025, nr. 426");
});

test("sorting by waiting time puts the longest-waiting open question first", async ({ page }) => {
  const open = corpus()
    .questions.filter((q) => !q.answer_id)
    .map((q) => ({ q, days: term(q, TODAY).days }))
    .filter((x) => x.days !== null);
  const longest = Math.max(...open.map((x) => x.days!));
  const explorer = new ExplorerPage(page);
  await explorer.open("?beantwoord=nee");
  await page.getByLabel("Sorteren:").selectOption("wachttijd");
  await expect(page).toHaveURL(/sorteer=wachttijd/);
  const first = (await explorer.questionIds())[0];
  const firstDays = open.find((x) => x.q.id === first)?.days;
  expect(firstDays).toBe(longest);
  await expect(explorer.questions.first().getByTestId("status")).toContainText(`(${longest} dagen open)`);
});

test("the ministry facet and the overview's figures per ministry link to the lists they count", async ({ page }) => {
  const c = corpus();
  const explorer = new ExplorerPage(page);
  await explorer.open();
  await explorer.toggle("ministerie", "def");
  await explorer.expectCount(c.questions.filter((q) => q.ministries.includes("def")).length);
  await expect.poll(() => explorer.query()).toBe("ministerie=def");

  await page.goto("overzicht");
  const table = page.getByTestId("termijn-ministerie");
  await expect(table).toBeVisible({ timeout: 30_000 });
  // The ministry with the most open questions past their term on the reader's date.
  const pastOf = (id: string) =>
    c.questions.filter((q) => q.ministries.includes(id) && !q.answer_id && term(q, TODAY).term === "verlopen").length;
  const worst = c.ministries.map((m) => ({ m, n: pastOf(m.id) })).sort((a, b) => b.n - a.n)[0];
  expect(worst.n).toBeGreaterThan(0);
  const link = table.locator(`tr[data-value="${worst.m.id}"] td:last-child a`);
  await expect(link).toHaveText(String(worst.n));
  await link.click();
  await explorer.expectCount(worst.n);
  await expect.poll(() => explorer.query()).toContain(`ministerie=${worst.m.id}`);
});
