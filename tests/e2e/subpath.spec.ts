// Journey: an organisation hosts the same dist/ under a sub-path (like GitHub Pages project sites).
import { expect, test } from "@playwright/test";
import { SUBPATH, SUBPATH_PORT } from "../../playwright.config";
import { abbreviation, corpus, count, ranked } from "./corpus";
import { ExplorerPage } from "./pages/explorer-page";

const ROOT = `http://127.0.0.1:${SUBPATH_PORT}${SUBPATH}`;

test.use({ baseURL: ROOT });

test("the app, its links, deep links and the service worker all stay under the sub-path", async ({ page }) => {
  const failed: string[] = [];
  page.on("response", (r) => {
    if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
  });
  const outside: string[] = [];
  page.on("request", (r) => {
    if (!r.url().startsWith(ROOT) && !r.url().startsWith("data:")) outside.push(r.url());
  });

  const explorer = new ExplorerPage(page);
  await explorer.open();
  await explorer.expectCount(corpus().questions.length);
  const [[party]] = ranked((q) => q.parties);
  await explorer.toggle("partij", abbreviation(party));
  await explorer.expectCount(count({ parties: [party] }));
  await expect.poll(() => new URL(page.url()).searchParams.getAll("partij")).toEqual([abbreviation(party)]);
  expect(new URL(page.url()).pathname).toBe(SUBPATH);

  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  expect(scope).toBe(ROOT);

  // Follow the first question's own link, then reload the deep link from the server.
  const first = explorer.questions.first();
  const id = await first.getAttribute("data-question-id");
  await first.locator("h3 a").click();
  await expect(page).toHaveURL(`${ROOT}vraag/${id}`);
  await page.reload();
  await expect(page.locator(`[data-testid=question][data-question-id="${id}"]`)).toBeVisible({ timeout: 30_000 });

  const q = corpus().questions.find((x) => x.id === id)!;
  await page.goto(`${ROOT}document/${encodeURIComponent(q.document_id)}`);
  await expect(page.locator(`.doc-question[data-question-id="${id}"]`)).toBeVisible({ timeout: 30_000 });

  expect(failed).toEqual([]);
  expect(outside).toEqual([]);
});
