// Playwright: the end-to-end suite against the release build in dist/, served on 127.0.0.1 by
// scripts/static-server.mjs at "/" and under the sub-path "/briefwissel/", in Debian's Chromium.
import { defineConfig } from "@playwright/test";
import { OWN_DIST, OWN_PORT } from "./tests/e2e/own-dist";

export const ROOT_PORT = 4173;
export const SUBPATH_PORT = 4174;
export const SUBPATH = "/briefwissel/";
/** The release build under test (BRIEFWISSEL_DIST to test a copy elsewhere). */
export const DIST = process.env.BRIEFWISSEL_DIST || "dist";

export default defineConfig({
  testDir: "tests/e2e",
  testMatch: "*.spec.ts",
  globalSetup: "./tests/e2e/global-setup.ts",
  outputDir: "target/e2e/results",
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  reporter: [["list"], ["json", { outputFile: "target/e2e/report.json" }]],
  use: {
    baseURL: `http://127.0.0.1:${ROOT_PORT}/`,
    browserName: "chromium",
    locale: "nl-NL",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
      ],
    },
  },
  webServer: [
    {
      command: `node scripts/static-server.mjs --dir ${DIST} --port ${ROOT_PORT}`,
      url: `http://127.0.0.1:${ROOT_PORT}/`,
      reuseExistingServer: false,
      timeout: 20_000,
    },
    {
      // The build with a corpus that leaves out what own-documents.spec.ts adds (tests/e2e/own-dist.ts).
      command: `node scripts/static-server.mjs --dir ${OWN_DIST} --port ${OWN_PORT}`,
      port: OWN_PORT,
      reuseExistingServer: false,
      timeout: 20_000,
    },
    {
      command: `node scripts/static-server.mjs --dir ${DIST} --port ${SUBPATH_PORT} --prefix ${SUBPATH}`,
      url: `http://127.0.0.1:${SUBPATH_PORT}${SUBPATH}`,
      reuseExistingServer: false,
      timeout: 20_000,
    },
  ],
});
