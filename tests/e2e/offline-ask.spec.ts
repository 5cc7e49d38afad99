// Journey: a corpus too large to keep without asking (here: a copy of the build whose service worker
// asks above 1 kB); the page says how much an offline copy holds, keeps nothing of the content
// until the reader says yes, and then reads offline.
import { expect, test, type Page } from "@playwright/test";
import { type ChildProcess, spawn } from "node:child_process";
import { cpSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { DIST } from "../../playwright.config";
import { megabytes, offlineFiles, total } from "./offline-copy";
import { ExplorerPage } from "./pages/explorer-page";

const PORT = 4177;
const DEPLOY = "target/e2e/deploy-ask";
let server: ChildProcess;

test.beforeAll(async () => {
  rmSync(DEPLOY, { recursive: true, force: true });
  cpSync(DIST, DEPLOY, { recursive: true });
  const sw = readFileSync(`${DEPLOY}/sw.js`, "utf8");
  const asking = sw.replace(/"ask":\d+/, '"ask":1024');
  expect(asking).not.toBe(sw);
  writeFileSync(`${DEPLOY}/sw.js`, asking);
  server = spawn("node", ["scripts/static-server.mjs", "--dir", DEPLOY, "--port", String(PORT)], { stdio: "ignore" });
  for (let i = 0; i < 50; i++) {
    if (await fetch(`http://127.0.0.1:${PORT}/`).then((r) => r.ok, () => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("the server of the asking copy did not start");
});

test.afterAll(() => {
  server?.kill();
});

/** The files in the service worker's caches, as paths under the site. */
const cachedFiles = (page: Page) =>
  page.evaluate(async () => {
    const names = (await caches.keys()).filter((n) => n.startsWith("briefwissel-"));
    const keys = (await Promise.all(names.map(async (n) => (await caches.open(n)).keys()))).flat();
    return keys.map((r) => decodeURIComponent(new URL(r.url).pathname.slice(1)));
  });
const isContent = (file: string) => /^(corpus-|zoekindex-)[0-9a-f]+\.bin$|^originals\//.test(file);

test("a large offline copy is kept only after the reader says yes, and then reads offline", async ({ page, context }) => {
  const explorer = new ExplorerPage(page);
  const files = offlineFiles(DEPLOY);
  await page.goto(`http://127.0.0.1:${PORT}/`);
  await explorer.waitForResults();
  const status = page.getByTestId("offline-status");
  await expect(status).toHaveText(`Offline lezen bewaart ${megabytes(total(files.values()))} op dit apparaat. Bewaar voor offline lezen`, { timeout: 30_000 });

  // Nothing of the content is kept, not even what the page itself loads once the worker controls it.
  await page.reload();
  await explorer.waitForResults();
  await expect(status).toContainText("Offline lezen bewaart");
  const before = await cachedFiles(page);
  expect(before.filter(isContent)).toEqual([]);
  expect(before).toContain("index.html");

  await page.getByTestId("offline-keep").click();
  await expect(status).toHaveText(`Briefwissel werkt offline: ${megabytes(total(files.values()))} op dit apparaat.`, { timeout: 30_000 });
  const after = await cachedFiles(page);
  expect([...files.keys()].filter((f) => !after.includes(f))).toEqual([]);

  const online = await explorer.count();
  await context.setOffline(true);
  await page.reload();
  await explorer.waitForResults();
  await explorer.expectCount(online);
  await context.setOffline(false);
});
