// Journey: a reader visits once, loses the network (a train, a plane) and keeps reading.
import { expect, test } from "@playwright/test";
import { abbreviation, count, corpus, ranked } from "./corpus";
import { ExplorerPage, untilOfflineReady } from "./pages/explorer-page";
import { DIST } from "../../playwright.config";
import { cachedFiles, megabytes, offlineFiles, total } from "./offline-copy";

test("after one visit the app reloads, filters, searches and opens documents offline", async ({ page, context }) => {
  const [[party], [second]] = ranked((q) => q.parties);
  const explorer = new ExplorerPage(page);
  await explorer.open(`?partij=${encodeURIComponent(abbreviation(party))}`);
  // Wait until the service worker controls the page and has precached everything.
  await untilOfflineReady(page);
  const online = { count: await explorer.count(), ids: await explorer.questionIds() };

  await context.setOffline(true);
  await page.reload();
  await explorer.waitForResults();
  await explorer.expectCount(online.count);
  expect(await explorer.questionIds()).toEqual(online.ids);

  await explorer.toggle("partij", abbreviation(second));
  await explorer.expectCount(count({ parties: [party, second] }));
  await explorer.searchFor("minister");
  await expect.poll(() => explorer.count()).toBeGreaterThan(0);

  const documentId = corpus().questions[0].document_id;
  await page.goto(`document/${encodeURIComponent(documentId)}`);
  await expect(page.locator(".doc-question").first()).toBeVisible({ timeout: 30_000 });
  await context.setOffline(false);
});

test("offline, a /vraag/ or /document/ link whose id has a dot still opens the app", async ({ page, context }) => {
  const explorer = new ExplorerPage(page);
  await explorer.open("");
  await untilOfflineReady(page);
  await context.setOffline(true);
  // An id with a dot looks like a file name; it is a route all the same (unknown: the not-found view).
  await page.goto("vraag/2024Z18775.v2");
  await expect(page.locator("main#inhoud h1")).toHaveText("Vraag niet gevonden", { timeout: 30_000 });
  await page.goto("document/kv-tk-2024Z18775.pdf");
  await expect(page.locator("main#inhoud h1")).toHaveText("Document niet gevonden", { timeout: 30_000 });
  await context.setOffline(false);
});

test("a first visit shows the offline copy being kept, then how much this device holds", async ({ page }) => {
  // Every text the status line shows, in order.
  await page.addInitScript(() => {
    const seen: string[] = ((window as unknown as { offlineTexts: string[] }).offlineTexts = []);
    new MutationObserver(() => {
      const text = document.getElementById("offline")?.textContent ?? "";
      if (text && seen.at(-1) !== text) seen.push(text);
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  const explorer = new ExplorerPage(page);
  await explorer.open("");
  const held = megabytes(total(offlineFiles(DIST).values()));
  const status = page.getByTestId("offline-status");
  await expect(status).toHaveText(`Briefwissel werkt offline: ${held} op dit apparaat.`, { timeout: 30_000 });
  const texts = await page.evaluate(() => (window as unknown as { offlineTexts: string[] }).offlineTexts);
  expect(texts.length).toBeGreaterThan(1);
  expect(texts.slice(0, -1).every((t) => new RegExp(`^Offline beschikbaar maken: \\d+,\\d MB van ${held}…$`).test(t))).toBe(true);
  // Every file it names is in the service worker's cache.
  const cached = await cachedFiles(page);
  expect([...offlineFiles(DIST).keys()].filter((f) => !cached.includes(f))).toEqual([]);
  // The next visit says the same.
  await page.reload();
  await explorer.waitForResults();
  await expect(status).toHaveText(`Briefwissel werkt offline: ${held} op dit apparaat.`);
});
