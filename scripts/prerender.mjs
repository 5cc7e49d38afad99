// The start page's first results as static HTML (issue 14): the built app is opened once in headless
// Chromium and what it draws on the start page (header, search bar, filters with their counts, the
// result count and the first page of questions) is written into index.html at <!--voorvertoning-->.
// A first visit then reads results as soon as the HTML has arrived, before the app's code and the
// corpus; the app draws the same page again when it has started, and the copy steps aside.
// The copy is what the app itself draws, so there is no second renderer to keep in step. Around it:
// - a script before it hides it where it would be wrong: a link with filters or search, another route
//   (vraag/, document/, overzicht), the single file (file:) and a device that keeps own documents;
// - a script after it marks "first-results" and removes the copy once the app shows its own count and
//   whole first page (or says that it cannot start); meanwhile the app's nodes stay hidden.
// In the copy, form fields are disabled (nothing filters before the app runs), ids get a "vv-" prefix
// (the app draws the same ids) and test ids are dropped (tests find the app's elements, not the copy).
// Usage: import { withStartPage } from "./prerender.mjs" (scripts/postbuild.mjs); skipped, with a
// message, when Chromium or playwright-core is missing (CHROMIUM_PATH to point at another Chromium).
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";

export const MARKER = "<!--voorvertoning-->";
const END = "<!--/voorvertoning-->";
const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

/** Hides the copy where it would not be the page asked for (runs before the copy is parsed). */
const BEFORE = `(function(){var e;try{e=localStorage.getItem("briefwissel-eigen")}catch(x){}if(/\\/(vraag|document|overzicht)(\\/|$)/.test(location.pathname)||location.search||location.protocol=="file:"||e)document.documentElement.classList.add("zonder-voorvertoning")})();`;
/** Marks the first results, then removes the copy when the app has drawn its own (runs after the copy). */
const AFTER = `(function(){var c=document.getElementById("voorvertoning"),d=document.documentElement;if(d.classList.contains("zonder-voorvertoning")){c.remove();return}performance.mark("first-results");new MutationObserver(function(_,w){if(document.querySelector("#voorvertoning~main .load-error")||document.querySelector("#voorvertoning~main [data-testid=result-count]")&&!document.querySelector("#voorvertoning~main [aria-busy]")){c.remove();w.disconnect()}}).observe(document.body,{childList:true,subtree:true,attributes:true,attributeFilter:["aria-busy"]})})();`;
const STYLE = `.zonder-voorvertoning #voorvertoning{display:none}html:not(.zonder-voorvertoning) #voorvertoning~:not(#eigen,.site-footer,noscript){display:none}`;

/** `html` (dist/index.html, CSP hashes not yet updated) with the start page's copy at the marker, drawn by
 * the app in `dir`; unchanged (and a message on stderr) when there is no Chromium to draw it. */
export async function withStartPage(dir, html) {
  const at = html.indexOf(MARKER);
  if (at < 0) throw new Error(`prerender: index.html has no ${MARKER}`);
  const end = html.indexOf(END, at);
  const without = end < 0 ? html : html.slice(0, at) + MARKER + html.slice(end + END.length);
  let chromium;
  try {
    ({ chromium } = await import("playwright-core"));
  } catch {
    console.error("prerender: no playwright-core (npm ci); the start page ships without its first results as HTML");
    return without;
  }
  if (!existsSync(CHROMIUM)) {
    console.error(`prerender: no Chromium at ${CHROMIUM} (CHROMIUM_PATH); the start page ships without its first results as HTML`);
    return without;
  }
  const copy = await drawStartPage(chromium, dir);
  const block = `${MARKER}<style>${STYLE}</style><script>${BEFORE}</script><div id="voorvertoning">${copy}</div><script>${AFTER}</script>${END}`;
  return without.replace(MARKER, () => block);
}

/** A free TCP port on 127.0.0.1. */
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
    probe.on("error", reject);
  });
}

/** Serves `dir` (scripts/static-server.mjs), opens the start page and returns the copy's HTML. */
async function drawStartPage(chromium, dir) {
  const port = await freePort();
  const serverScript = fileURLToPath(new URL("./static-server.mjs", import.meta.url));
  const server = spawn(process.execPath, [serverScript, "--dir", dir, "--port", String(port)], { stdio: ["ignore", "pipe", "inherit"] });
  await new Promise((resolve, reject) => {
    server.stdout.once("data", resolve);
    server.once("exit", (code) => reject(new Error(`prerender: the static server stopped (exit ${code})`)));
  });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
  try {
    const context = await browser.newContext({ serviceWorkers: "block", viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const problems = [];
    page.on("pageerror", (error) => problems.push(error.message));
    await page.goto(`http://127.0.0.1:${port}/`);
    try {
      await page.waitForSelector("main [data-testid=result-count]", { timeout: 60_000 });
      await page.waitForFunction(() => !document.querySelector("main [aria-busy]") && !document.getElementById("voorvertoning"), null, { timeout: 60_000 });
    } catch (error) {
      throw new Error(`prerender: the app did not draw the start page (${error.message.split("\n")[0]}; ${problems.join("; ") || "no page error"})`);
    }
    return await page.evaluate(copyOfApp);
  } finally {
    await browser.close();
    server.kill();
  }
}

/** Runs in the page: the app's nodes (not the static section, footer or scripts) as the copy's HTML. */
function copyOfApp() {
  const own = (e) => !["SCRIPT", "NOSCRIPT", "STYLE", "TEMPLATE"].includes(e.tagName) && e.id !== "eigen" && !e.classList.contains("site-footer");
  const nodes = [...document.body.children].filter(own).map((e) => e.cloneNode(true));
  const holder = document.createElement("div");
  holder.append(...nodes);
  const walker = document.createTreeWalker(holder, NodeFilter.SHOW_COMMENT);
  const comments = [];
  while (walker.nextNode()) comments.push(walker.currentNode);
  comments.forEach((c) => c.remove());
  for (const e of holder.querySelectorAll("*")) {
    e.removeAttribute("data-testid");
    e.removeAttribute("aria-busy");
    if (e.id) e.id = `vv-${e.id}`;
    for (const name of ["for", "aria-labelledby", "aria-describedby", "aria-controls", "commandfor"]) {
      const value = e.getAttribute(name);
      if (value) e.setAttribute(name, value.split(/\s+/).map((id) => `vv-${id}`).join(" "));
    }
    const href = e.getAttribute("href");
    // Drawn at the root of the server: links relative to the site root (the page's <base>) instead.
    if (href?.startsWith("#")) e.setAttribute("href", `#vv-${href.slice(1)}`);
    else if (href?.startsWith("/")) e.setAttribute("href", `.${href}`);
    if (["INPUT", "BUTTON", "SELECT", "TEXTAREA"].includes(e.tagName)) e.setAttribute("disabled", "");
  }
  return holder.innerHTML;
}
