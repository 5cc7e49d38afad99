// Journey: a reader filters on a theme and on the period in which questions were asked.
import { expect, test } from "@playwright/test";
import { corpus, count, ranked } from "./corpus";
import { ExplorerPage } from "./pages/explorer-page";

function quartileDates(): [string, string] {
  const dates = corpus()
    .questions.map((q) => q.asked_on)
    .filter((d): d is string => !!d)
    .sort();
  expect(dates.length).toBeGreaterThan(3);
  return [dates[Math.floor(dates.length / 4)], dates[Math.floor((dates.length * 3) / 4)]];
}

test("choosing a theme lists exactly the questions with that theme", async ({ page }) => {
  const themes = ranked((q) => q.themes);
  const [theme] = themes.find(([id]) => id !== "overig") || themes[0];
  const explorer = new ExplorerPage(page);
  await explorer.open();
  await explorer.toggle("thema", theme);
  await explorer.expectCount(count({ themes: [theme] }));
  await expect.poll(() => new URLSearchParams(explorer.query()).getAll("thema")).toEqual([theme]);
});

test("a date range keeps the questions asked on or between its two days", async ({ page }) => {
  const [from, to] = quartileDates();
  const explorer = new ExplorerPage(page);
  await explorer.open();
  await explorer.setDates(from, null);
  await explorer.expectCount(count({ from }));
  await explorer.setDates(null, to);
  await explorer.expectCount(count({ from, to }));
  await expect
    .poll(() => {
      const params = new URLSearchParams(explorer.query());
      return [params.get("van"), params.get("tot")];
    })
    .toEqual([from, to]);
});

test("theme, party and dates combine with AND", async ({ page }) => {
  const [from, to] = quartileDates();
  const [[party]] = ranked((q) => q.parties);
  const [[theme]] = ranked((q) => q.themes);
  const abbr = corpus().parties.find((p) => p.name === party)!.abbreviation;
  const explorer = new ExplorerPage(page);
  await explorer.open(`?partij=${encodeURIComponent(abbr)}&thema=${theme}&van=${from}&tot=${to}`);
  await explorer.expectCount(count({ parties: [party], themes: [theme], from, to }));
  await explorer.clearAll.click();
  await explorer.expectCount(corpus().questions.length);
});
