import { chromium } from "playwright-core";
import { serve } from "./serve.mjs";
import { measureInteractions } from "./interactions.mjs";
import { readFileSync } from "node:fs";
const queries = JSON.parse(readFileSync(new URL("./queries.json", import.meta.url)));
const terms = queries.queries.map((q) => q.q).filter(Boolean);
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-dev-shm-usage"] });
for (const dir of process.argv.slice(2)) {
  const app = await serve(dir, { precompress: true });
  for (let i = 0; i < 3; i++) {
    const r = await measureInteractions(browser, app.url + "/", { count: 60, terms });
    console.log(dir, JSON.stringify(r.all), "facet p95", r.facet.p95_ms, "key p95", r.keystroke.p95_ms);
  }
  await app.close?.();
}
await browser.close(); process.exit(0);
