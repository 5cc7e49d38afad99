// Journey: a corpus too large to keep without asking (here: a copy of the build whose service worker
// asks above 1 kB); the page says how much an offline copy holds, keeps nothing of the content
// until the reader says yes, and then reads offline.
import { expect, test } from "@playwright/test";
import { type ChildProcess } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { cachedFiles, megabytes, offlineFiles, total } from "./offline-copy";
import { ExplorerPage } from "./pages/explorer-page";
import { serveCopy } from "./served-copy";

const PORT = 4177;
const DEPLOY = "target/e2e/deploy-ask";
let server: ChildProcess;

test.beforeAll(async () => {
  server = await serveCopy(DEPLOY, PORT, (dir) => {
    const sw = readFileSync(`${dir}/sw.js`, "utf8");
    const asking = sw.replace(/"ask":\d+/, '"ask":1024');
    if (asking === sw) throw new Error("sw.js has no ask threshold to lower");
    writeFileSync(`${dir}/sw.js`, asking);
  });
});

test.afterAll(() => {
  server?.kill();
});

const isContent = (file: string) => /^(corpus-|zoekindex-|tekst-)[0-9a-f]+\.bin$|^originals\//.test(file);

test("a large offline copy is kept only after the reader says yes, and then reads offline", async ({ page, context }) => {
  const explorer = new ExplorerPage(page);
  const held = megabytes(total(offlineFiles(DEPLOY).values()));
  await page.goto(`http://127.0.0.1:${PORT}/`);
  await explorer.waitForResults();
  const status = page.getByTestId("offline-status");
  await expect(status).toHaveText(`Offline lezen bewaart ${held} op dit apparaat. Bewaar voor offline lezen`, { timeout: 30_000 });

  // Nothing of the content is kept, not even what the page loads through the worker: the corpus on
  // a reload, the search index for a search.
  await page.reload();
  await explorer.waitForResults();
  await explorer.searchFor("minister");
  await expect.poll(() => explorer.count()).toBeGreaterThan(0);
  await page.waitForTimeout(1000);
  const before = await cachedFiles(page);
  expect(before).toContain("index.html");
  expect(before.filter(isContent)).toEqual([]);
  await expect(status).toContainText("Offline lezen bewaart");

  await page.getByTestId("offline-keep").click();
  await expect(status).toHaveText(`Briefwissel werkt offline: ${held} op dit apparaat.`, { timeout: 30_000 });
  const after = await cachedFiles(page);
  expect([...offlineFiles(DEPLOY).keys()].filter((f) => !after.includes(f))).toEqual([]);

  const online = await explorer.count();
  await context.setOffline(true);
  await page.reload();
  await explorer.waitForResults();
  await explorer.expectCount(online);
  await context.setOffline(false);
});
