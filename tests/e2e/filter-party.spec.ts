// Journey: a reader narrows the list to one party, then adds a second (OR within the facet).
import { expect, test } from "@playwright/test";
import { abbreviation, corpus, count, ranked } from "./corpus";
import { ExplorerPage } from "./pages/explorer-page";

test("choosing two parties lists the questions of either party, with the export's counts", async ({ page }) => {
  const [[first], [second]] = ranked((q) => q.parties);
  const explorer = new ExplorerPage(page);
  await explorer.open();
  await explorer.expectCount(corpus().questions.length);

  await explorer.toggle("partij", abbreviation(first));
  await explorer.expectCount(count({ parties: [first] }));
  await expect.poll(() => new URLSearchParams(explorer.query()).getAll("partij")).toEqual([abbreviation(first)]);

  await explorer.toggle("partij", abbreviation(second));
  const either = count({ parties: [first, second] });
  await explorer.expectCount(either);
  expect(either).toBeGreaterThan(count({ parties: [first] }));
  await expect.poll(() => new URLSearchParams(explorer.query()).getAll("partij").sort()).toEqual(
    [abbreviation(first), abbreviation(second)].sort(),
  );

  const byId = new Map(corpus().questions.map((q) => [q.id, q]));
  const listed = await explorer.questionIds();
  expect(listed.length).toBeGreaterThan(0);
  for (const id of listed) {
    expect(byId.get(id)?.parties.some((p) => p === first || p === second), id).toBe(true);
  }
});

test("a party given in the URL by name, abbreviation or alias selects the same questions", async ({ page }) => {
  const [[name]] = ranked((q) => q.parties);
  const explorer = new ExplorerPage(page);
  await explorer.open(`?partij=${encodeURIComponent(abbreviation(name))}`);
  await explorer.expectCount(count({ parties: [name] }));
  await explorer.open(`?partij=${encodeURIComponent(name)}`);
  await explorer.expectCount(count({ parties: [name] }));
  await expect(explorer.facet("partij", abbreviation(name))).toBeChecked();
});

test("answer letters that print no party show the party the member registry gives, and no question is left without one", async ({
  page,
}) => {
  const c = corpus();
  expect(c.questions.filter((q) => q.parties.length === 0)).toHaveLength(0);
  const looked = c.questions.filter((q) => q.askers.some((a) => a.party_on !== null));
  expect(looked.length, "Word answer letters whose askers' party comes from data/members.csv").toBeGreaterThan(0);
  const q = looked[0];
  const party = c.parties.find((p) => p.name === q.parties[0])!;
  const explorer = new ExplorerPage(page);
  await page.goto(`vraag/${q.id}`);
  await expect(page.getByTestId("question").locator(".badge.party")).toHaveText([party.abbreviation], { timeout: 30_000 });
  await explorer.open();
  await expect(explorer.facet("partij", "onbekend")).toHaveCount(0);
});

test("a filter change shows the new count with the first three questions, and the rest of the page right after", async ({ page }) => {
  const [[party]] = ranked((q) => q.parties);
  const expected = count({ parties: [party] });
  expect(expected, "the most frequent party has more than a page of questions").toBeGreaterThan(10);
  const explorer = new ExplorerPage(page);
  await explorer.open();
  // How many cards the list holds when the count first says the new number.
  await page.evaluate((expected) => {
    const w = window as unknown as { cardsWithCount?: number };
    new MutationObserver((_, observer) => {
      if (document.querySelector("[data-testid=result-count]")?.textContent?.startsWith(`${expected} `)) {
        w.cardsWithCount = document.querySelectorAll("ol.question-list > li").length;
        observer.disconnect();
      }
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  }, expected);
  await explorer.toggle("partij", abbreviation(party));
  await explorer.expectCount(expected);
  const ids = await explorer.questionIds();
  expect(ids).toHaveLength(10);
  const byId = new Map(corpus().questions.map((q) => [q.id, q]));
  for (const id of ids) expect(byId.get(id)?.parties, id).toContain(party);
  expect(await page.evaluate(() => (window as unknown as { cardsWithCount?: number }).cardsWithCount)).toBe(3);
});

test("a filter ticked and unticked again within one frame still lists the whole page", async ({ page }) => {
  const [[party]] = ranked((q) => q.parties);
  const explorer = new ExplorerPage(page);
  await explorer.open();
  const before = await explorer.questionIds();
  expect(before).toHaveLength(10);
  // On, then off in the next task: both before the frame that would draw the rest of the first change.
  // The second click finds the box again: a chosen value's row is drawn anew at the top.
  await explorer.facet("partij", abbreviation(party)).evaluate((box: HTMLInputElement) => {
    const again = () => document.querySelector<HTMLInputElement>(`input[name="${box.name}"][value="${box.value}"]`);
    box.click();
    setTimeout(() => again()?.click(), 0);
  });
  await expect(explorer.facet("partij", abbreviation(party))).not.toBeChecked();
  await explorer.expectCount(corpus().questions.length);
  await expect(page.locator("ol.question-list")).not.toHaveAttribute("aria-busy", "true", { timeout: 5_000 });
  expect(await explorer.questionIds()).toEqual(before);
});
