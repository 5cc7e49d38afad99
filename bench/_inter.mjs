import { chromium } from "playwright-core";
import { readFileSync } from "node:fs";
import { serve } from "./serve.mjs";
import { measureInteractions } from "./interactions.mjs";
const dist = process.argv[2] ?? "dist";
const server = await serve(dist, { precompress: true });
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
const terms = JSON.parse(readFileSync(new URL("./queries.json", import.meta.url), "utf8")).queries.map((q) => q.q).filter(Boolean);
for (let run = 0; run < 3; run++) {
  const r = await measureInteractions(browser, `${server.url}/`, { count: 60, terms });
  console.log(JSON.stringify({ all: r.all, facet: r.facet, event_timing: r.event_timing, skipped: r.skipped, error: r.error }));
}
await browser.close(); await server.close();
