// throwaway: wasm memory and app page time after load at a scale, 3 loads, plus after a search and on a document page
import { chromium } from "playwright-core";
import { serve } from "./serve.mjs";
const dir = process.argv[2];
const server = await serve(dir, { precompress: true });
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium" });
for (let run = 0; run < 3; run++) {
  const context = await browser.newContext({ serviceWorkers: "block" });
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__wasmMemories = [];
    const keep = (r) => { const i = r.instance ?? r; for (const v of Object.values(i.exports)) if (v instanceof WebAssembly.Memory) window.__wasmMemories.push(v); return r; };
    const a = WebAssembly.instantiate, b = WebAssembly.instantiateStreaming;
    WebAssembly.instantiate = (...x) => a(...x).then(keep);
    if (b) WebAssembly.instantiateStreaming = (...x) => b(...x).then(keep);
  });
  const texts = [];
  page.on("request", (r) => { if (/tekst-/.test(r.url())) texts.push(r.url()); });
  await page.goto(server.url);
  await page.waitForFunction(() => performance.getEntriesByName("app-eigen-pagina").length > 0, null, { timeout: 120000 });
  await page.waitForTimeout(300);
  const mem = () => page.evaluate(() => Math.max(...window.__wasmMemories.map((m) => m.buffer.byteLength)) / 1e6);
  const appPage = await page.evaluate(() => performance.getEntriesByName("app-eigen-pagina")[0].startTime);
  const afterLoad = await mem(); const atLoad = texts.length;
  await page.fill("#zoek", "asielzoekers");
  await page.waitForTimeout(3000);
  const afterSearch = await mem();
  console.log(JSON.stringify({ run, appPage: Math.round(appPage), afterLoad, afterSearch, shardsAtLoad: atLoad, shardsAfterSearch: texts.length }));
  await context.close();
}
await browser.close();
server.close?.();
process.exit(0);
