// Journey: a colleague opens briefwissel.html from an e-mail attachment, over file://, with no server.
import { expect, test } from "@playwright/test";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { DIST } from "../../playwright.config";
import { abbreviation, corpus, count, ranked } from "./corpus";
import { ExplorerPage } from "./pages/explorer-page";

const FILE_URL = pathToFileURL(resolve(`${DIST}/briefwissel.html`)).href;

test("the single file works from disk: results, filters, search and documents", async ({ page, context }) => {
  const requested: string[] = [];
  context.on("request", (r) => requested.push(r.url()));
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));

  const explorer = new ExplorerPage(page);
  await page.goto(FILE_URL);
  await explorer.waitForResults();
  await explorer.expectCount(corpus().questions.length);

  const [[party]] = ranked((q) => q.parties);
  await explorer.toggle("partij", abbreviation(party));
  await explorer.expectCount(count({ parties: [party] }));
  expect(page.url().startsWith(FILE_URL)).toBe(true);

  await explorer.searchFor("minister");
  await expect.poll(() => explorer.count()).toBeGreaterThan(0);
  await expect(explorer.marks.first()).toBeVisible();

  // Open a document through the app's own link and come back.
  await explorer.questions.first().locator("dd a").first().click();
  await expect(page.locator(".doc-question").first()).toBeVisible({ timeout: 30_000 });
  await page.goBack();
  await explorer.waitForResults();

  expect(errors).toEqual([]);
  const fetched = requested.filter((u) => !u.startsWith(FILE_URL) && !u.startsWith("data:"));
  expect(fetched).toEqual([]);
});
