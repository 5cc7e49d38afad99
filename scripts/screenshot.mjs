// Takes docs/screenshot.png of the real app for the README (headless Debian Chromium).
// Usage: node scripts/screenshot.mjs [url] [output]; serve dist first (scripts/static-server.mjs).
import { chromium } from "@playwright/test";

const url = process.argv[2] || "http://127.0.0.1:8080/";
const output = process.argv[3] || "docs/screenshot.png";
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 860 }, locale: "nl-NL", colorScheme: "light" });
  await page.goto(url);
  await page.getByTestId("result-count").waitFor({ timeout: 30_000 });
  await page.getByTestId("question").first().waitFor();
  await page.locator("ol.question-list:not([aria-busy=true])").waitFor({ state: "attached" });
  await page.screenshot({ path: output });
  console.log(`screenshot: wrote ${output} of ${page.url()}`);
} finally {
  await browser.close();
}
