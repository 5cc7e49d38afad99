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
  expect(new URLSearchParams(explorer.query()).getAll("partij")).toEqual([abbreviation(first)]);

  await explorer.toggle("partij", abbreviation(second));
  const either = count({ parties: [first, second] });
  await explorer.expectCount(either);
  expect(either).toBeGreaterThan(count({ parties: [first] }));
  expect(new URLSearchParams(explorer.query()).getAll("partij").sort()).toEqual(
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

test("questions whose documents name no party are listed under 'Partij onbekend', and on the overview", async ({
  page,
}) => {
  const without = corpus().questions.filter((q) => q.parties.length === 0);
  expect(without.length).toBeGreaterThan(0);
  const explorer = new ExplorerPage(page);
  await explorer.open();
  await expect(page.locator("label", { has: explorer.facet("partij", "onbekend") })).toContainText(
    `Partij onbekend`,
  );
  await explorer.toggle("partij", "onbekend");
  await explorer.expectCount(without.length);
  expect(explorer.query()).toBe("partij=onbekend");
  const shown = await explorer.questionIds();
  expect(shown.length).toBeGreaterThan(0);
  for (const id of shown) expect(without.map((q) => q.id)).toContain(id);
  await expect(page.locator("[data-testid=question] .badge.party")).toHaveCount(0);

  await page.goto("overzicht");
  const bar = page.locator("a[href*='partij=onbekend']");
  await expect(bar.first()).toBeVisible({ timeout: 30_000 });
  await expect(bar.first()).toContainText(String(without.length));
  await bar.first().click();
  await explorer.expectCount(without.length);
  await expect(explorer.facet("partij", "onbekend")).toBeChecked();
});
