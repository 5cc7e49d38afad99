// Journey: a new version is deployed while a reader has the old one; the next visit says so.
import { expect, test } from "@playwright/test";
import { type ChildProcess } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { ExplorerPage } from "./pages/explorer-page";
import { serveCopy } from "./served-copy";

const PORT = 4175;
const DEPLOY = "target/e2e/deploy";
let server: ChildProcess;

test.beforeAll(async () => {
  server = await serveCopy(DEPLOY, PORT);
});

test.afterAll(() => {
  server?.kill();
});

test("a new deploy shows 'nieuwe versie beschikbaar' instead of mixing versions", async ({ page }) => {
  const root = `http://127.0.0.1:${PORT}/`;
  const explorer = new ExplorerPage(page);
  await page.goto(root);
  await explorer.waitForResults();
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await expect(page.locator(".update-notice")).toHaveCount(0);

  // "Deploy" a new version: the service worker file changes (postbuild writes a new version).
  const sw = readFileSync(`${DEPLOY}/sw.js`, "utf8");
  const changed = sw.replace(/"version":"([0-9a-f]+)"/, (_, v: string) => `"version":"${v}0"`);
  expect(changed).not.toBe(sw);
  writeFileSync(`${DEPLOY}/sw.js`, changed);

  await page.reload();
  await explorer.waitForResults();
  const notice = page.locator(".update-notice");
  await expect(notice).toBeVisible({ timeout: 30_000 });
  await expect(notice).toContainText(/nieuwe versie beschikbaar/i);

  await notice.getByRole("button").click();
  await explorer.waitForResults();
  await expect(page.locator(".update-notice")).toHaveCount(0, { timeout: 30_000 });
});
