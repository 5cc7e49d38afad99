// The start page's first results as static HTML (issue 14): the built app is opened once in headless
// Chromium and what it draws on the start page (header, search bar, filters with their counts, the
// result count and the first page of questions) is written into index.html at <!--voorvertoning-->.
// A first visit then reads results as soon as the HTML has arrived, before the app's code and the
// corpus; the app draws the same page again when it has started, and the copy steps aside.
// The copy is what the app itself draws, so there is no second renderer to keep in step. Around it:
// - a script before it hides it where it would be wrong: a link with filters or search, another route
//   (vraag/, document/, overzicht), the single file (file:) and a device that keeps own documents;
// - a script after it marks "first-results" and removes the copy once the app has drawn a page of its own
//   (the whole first page of the list, another page it was sent to, or that it cannot start); meanwhile
//   the app's nodes stay hidden. On a later day than the build, the figures that depend on today's date
//   are hidden in the copy until the app draws them.
// - the head's preloads of the app's code and the corpus wait in a <template> (inert: nothing is fetched)
//   until the first results are marked, so on a slow link they do not share it with the page and its
//   style sheet; where the copy is not shown they are started at once, from the head (before the style
//   sheet, which would hold back any later script).
// In the copy, form fields are disabled (nothing filters before the app runs), its ids get a "vv-" prefix
// (the app draws the same ids), and test ids and the fields' names and values are dropped (tests and
// handlers find the app's elements, not the copy's).
// Usage: import { withPrerenderedPages } from "./prerender.mjs" (scripts/postbuild.mjs); skipped, with a
// message, when Chromium or playwright-core is missing (CHROMIUM_PATH to point at another Chromium).
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { MAX_QUESTIONS, drawRoutePages } from "./deep-links.mjs";

export const MARKER = "<!--voorvertoning-->";
const END = "<!--/voorvertoning-->";
const HEAD = "<!--voorvertoning-kop-->";
const HEAD_END = "<!--/voorvertoning-kop-->";
/** The head's preloads (the corpus, the app's module and wasm): they wait for the first results. */
const PRELOAD = /<link\b[^>]*\brel="(?:preload|modulepreload)"[^>]*>[ \t]*\n?/g;
const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
/** The code that draws the copies and its page limit, as a short hash: a copy drawn otherwise is drawn again. */
const DRAWN_BY = createHash("sha256")
  .update(readFileSync(fileURLToPath(import.meta.url)))
  .update(readFileSync(fileURLToPath(new URL("./deep-links.mjs", import.meta.url))))
  .update(String(MAX_QUESTIONS))
  .digest("hex")
  .slice(0, 12);

/** Parameters that sites and chat apps add to a shared link to track its clicks (`?fbclid=…`, `utm_source`): the
 * page's first script takes them out of the address, so that the link shows what it was shared for. */
const TRACKING = String.raw`^(utm_\w+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|twclid|igshid|mc_cid|mc_eid|_ga|_gl)$`;
/** Takes tracking parameters (TRACKING) out of the address first. Then hides the copy where it would not be
 * the page asked for, and then starts the preloads at once (runs in the head, before the style sheet): only the
 * page it was drawn for (its script's data-pad: "" for the start page, "vraag/<id>" for a question, read
 * against the <base> that index.html's first script sets) with no query gets it. On a later day than it was
 * drawn, the figures that follow from today's date (open questions' days and terms, the answer-term facet) are
 * hidden until the app draws them anew. */
const BEFORE = `(function(){var e,l=location,d=document.documentElement,n=new Date,p=document.currentScript.getAttribute("data-pad")||"",b=new URL(document.baseURI).pathname,r=l.pathname.indexOf(b)?"?":l.pathname.slice(b.length).replace(/^index\\.html$/,""),q=new URLSearchParams(l.search),t=0;Array.from(q.keys()).forEach(function(k){if(/${TRACKING}/.test(k)){q.delete(k);t=1}});if(t)try{history.replaceState(history.state,"",l.pathname+((q=""+q)?"?"+q:"")+l.hash)}catch(x){}try{e=localStorage.getItem("briefwissel-eigen")}catch(x){}if(r!=p||l.search||l.protocol=="file:"||e){d.classList.add("zonder-voorvertoning");document.head.append(document.getElementById("voorvertoning-laden").content)}d.dataset.vandaag=n.getFullYear()+"-"+(n.getMonth()+1)+"-"+n.getDate()})();`;
/** Marks the first results and starts the preloads, then removes the copy once the app has drawn a page of
 * its own: anything in its <main> but the loading line, and the whole first page of a list (no aria-busy).
 * A link in the copy that has the keyboard focus hands it to the app's link to the same place (the same one
 * among several), and a page that had a title of its own gets the app's back (the app keeps one title). */
const AFTER = `(function(){var c=document.getElementById("voorvertoning"),d=document.documentElement;if(d.classList.contains("zonder-voorvertoning")){c.remove();return}if(c.dataset.getekend!=d.dataset.vandaag)d.classList.add("voorvertoning-oud");performance.mark("first-results");document.head.append(document.getElementById("voorvertoning-laden").content);new MutationObserver(function(_,w){var m=document.querySelector("#voorvertoning~main");if(m&&m.firstElementChild&&!m.querySelector(":scope>.loading,[aria-busy]")){var f=c.contains(document.activeElement)&&document.activeElement,s=function(r){return[].filter.call(r.querySelectorAll("a[href]"),function(a){return a.href==f.href})},i=f&&f.href?s(c).indexOf(f):-1;c.remove();w.disconnect();if(i>=0&&s(document.body)[i])s(document.body)[i].focus();if(c.dataset.titel)document.title=c.dataset.titel;performance.mark("app-eigen-pagina")}}).observe(document.body,{childList:true,subtree:true,attributes:true,attributeFilter:["aria-busy"]})})();`;
const STYLE = `.zonder-voorvertoning #voorvertoning{display:none}html:not(.zonder-voorvertoning) #voorvertoning~:not(#eigen,.site-footer,noscript){display:none}.voorvertoning-oud #voorvertoning [data-datumgevoelig]{visibility:hidden}`;

/** `html` (dist/index.html, CSP hashes not yet updated) with the start page's copy at the marker, drawn by
 * the app in `dir`, and the question and document pages (scripts/deep-links.mjs) as [{ route, html }]:
 * pages null when those in `dir` are still this build's (a second postbuild over it). Without Chromium the
 * html has no copy and pages is [] (and a message on stderr says so). */
export async function withPrerenderedPages(dir, html) {
  if (!html.includes(MARKER)) throw new Error(`prerender: index.html has no ${MARKER}`);
  const present = startPageCopy(html);
  const without = withoutStartPage(html);
  // What the copy was drawn from: the app's code and the corpus file (both content-hashed). A second
  // postbuild over the same build (Trunk's hook, then scripts/serve.sh or test.sh) keeps the copy it has,
  // if this file and scripts/deep-links.mjs are as they were (DRAWN_BY).
  const from = [html.match(/data-wasm="([^"]+)"/)?.[1], html.match(/href="([^"]*corpus-[0-9a-f]+\.bin)"/)?.[1], DRAWN_BY].join(" ");
  if (present?.includes(`data-van="${from}"`)) return { html, pages: null };
  let chromium;
  try {
    ({ chromium } = await import("playwright-core"));
  } catch {
    console.error("prerender: no playwright-core (npm ci); the start page ships without its first results as HTML");
    return { html: without, pages: [] };
  }
  if (!existsSync(CHROMIUM)) {
    console.error(`prerender: no Chromium at ${CHROMIUM} (CHROMIUM_PATH); the start page ships without its first results as HTML`);
    return { html: without, pages: [] };
  }
  const { start, routes } = await drawPages(chromium, dir);
  const page = copyWriter(without, from);
  return { html: page(start, "", null), pages: routes.map((r) => ({ route: r.route, html: page(r.copy, r.route, r.title) })) };
}

/** Writes a page's copy into `without` (index.html without one): returns (copy, pad, title) → that page's
 * html, for the page at `pad` ("" for the start page) with `title` if one is given. The head's parts are
 * found once for all pages. */
function copyWriter(without, from) {
  const head = without.match(/<head>([\s\S]*?)<\/head>/)?.[1] ?? "";
  const preloads = (head.match(PRELOAD) ?? []).join("").trim();
  const rest = head.replace(PRELOAD, "");
  const sheet = rest.search(/<link\b[^>]*\brel="stylesheet"|<style\b/);
  if (sheet < 0) throw new Error("prerender: index.html's head has no style sheet to start the preloads before");
  const shellTitle = rest.match(/<title>([^<]*)<\/title>/)?.[1];
  return (copy, pad, title) => {
    // Without JavaScript there is no <base> from index.html's first script: a page at vraag/<id> names the
    // site's root itself (the script's base, put first, wins where it runs; both are the same folder).
    const root = pad ? `<base href="${"../".repeat(pad.split("/").length - 1)}">` : "";
    const headBlock = `${HEAD}${root}<template id="voorvertoning-laden">${preloads}</template><script${pad ? ` data-pad="${escapeHtml(pad)}"` : ""}>${BEFORE}</script>${HEAD_END}`;
    let newHead = `${rest.slice(0, sheet)}${headBlock}${rest.slice(sheet)}`;
    let titled = "";
    if (title && shellTitle != null) {
      newHead = newHead.replace(/<title>[^<]*<\/title>/, () => `<title>${escapeHtml(title)} — Briefwissel</title>`);
      titled = ` data-titel="${shellTitle.replace(/"/g, "&quot;")}"`;
    }
    // A link within the page (the skip link) names the page itself: the <base> is the site's root.
    const html = pad ? copy.html.replace(/href="#/g, `href="./${pad}#`) : copy.html;
    const block = `${MARKER}<style>${STYLE}</style><div id="voorvertoning" data-getekend="${copy.drawnOn}" data-van="${from}"${titled}>${html}</div><script>${AFTER}</script>${END}`;
    return without.replace(head, () => newHead).replace(MARKER, () => block);
  };
}

const escapeHtml = (text) => text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);

/** The start page's copy in `html`: its part in the head (the waiting preloads and the first script) and
 * its part in the body (style, copy, last script), each from its marker to its end; null without a copy. */
export function startPageParts(html) {
  const part = (open, close) => {
    const at = html.indexOf(open);
    const end = at < 0 ? -1 : html.indexOf(close, at);
    return end < 0 ? null : html.slice(at, end + close.length);
  };
  const body = part(MARKER, END);
  return body ? { head: part(HEAD, HEAD_END) ?? "", body } : null;
}

/** Both parts of the copy, for logging and for finding out whether a build has one. */
export function startPageCopy(html) {
  const parts = startPageParts(html);
  return parts ? parts.head + parts.body : null;
}

/** `html` without its copy: the body's marker stays, the preloads go back where the head had them. */
export function withoutStartPage(html) {
  const parts = startPageParts(html);
  if (!parts) return html;
  const links = parts.head.match(PRELOAD) ?? [];
  return html.replace(parts.body, MARKER).replace(parts.head, () => links.join(""));
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

/** Serves `dir` (scripts/static-server.mjs), opens the start page and returns its copy, then the copies of
 * the question and document pages (scripts/deep-links.mjs). */
async function drawPages(chromium, dir) {
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
    const start = await page.evaluate(copyOfApp);
    const routes = await drawRoutePages(page, copyOfApp);
    // Said, not fatal: the copies are drawn; a page error is for the app to fix.
    for (const problem of new Set(problems)) console.error(`prerender: page error while drawing: ${problem}`);
    return { start, routes };
  } finally {
    await browser.close();
    server.kill();
  }
}

/** Runs in the page: the app's nodes (not the static section, footer or scripts) as the copy's HTML, and
 * the day they were drawn on (the page's own date, as the copy's first script reads the reader's). */
function copyOfApp() {
  const now = new Date();
  const drawnOn = `${now.getFullYear()}-${now.getMonth() + 1}-${now.getDate()}`;
  const own = (e) => !["SCRIPT", "NOSCRIPT", "STYLE", "TEMPLATE"].includes(e.tagName) && e.id !== "eigen" && !e.classList.contains("site-footer");
  const nodes = [...document.body.children].filter(own).map((e) => e.cloneNode(true));
  const holder = document.createElement("div");
  holder.append(...nodes);
  const walker = document.createTreeWalker(holder, NodeFilter.SHOW_COMMENT);
  const comments = [];
  while (walker.nextNode()) comments.push(walker.currentNode);
  comments.forEach((c) => c.remove());
  // Figures that follow from today's date: an open question's days and term, the answer-term facet's counts.
  for (const e of holder.querySelectorAll(".status.open")) e.setAttribute("data-datumgevoelig", "");
  for (const box of holder.querySelectorAll('input[data-facet="termijn"]')) {
    box.closest("li")?.querySelector(".facet-count")?.setAttribute("data-datumgevoelig", "");
  }
  const ids = new Set([...holder.querySelectorAll("[id]")].map((e) => e.id));
  const inCopy = (id) => (ids.has(id) ? `vv-${id}` : id);
  for (const e of holder.querySelectorAll("*")) {
    // Tests and the app's handlers look for the app's elements, never the copy's.
    for (const name of ["data-testid", "aria-busy", "name", "value", "data-facet", "data-value"]) e.removeAttribute(name);
    if (e.id) e.id = `vv-${e.id}`;
    for (const name of ["for", "aria-labelledby", "aria-describedby", "aria-controls", "commandfor"]) {
      const value = e.getAttribute(name);
      if (value) e.setAttribute(name, value.split(/\s+/).map(inCopy).join(" "));
    }
    const href = e.getAttribute("href");
    // Drawn at the root of the server: links relative to the site root (the page's <base>) instead.
    if (href?.startsWith("#")) e.setAttribute("href", `#${inCopy(href.slice(1))}`);
    else if (href?.startsWith("/")) e.setAttribute("href", `.${href}`);
    if (["INPUT", "BUTTON", "SELECT", "TEXTAREA"].includes(e.tagName)) e.setAttribute("disabled", "");
  }
  // A link to a question, answer or footnote in a document (document/<id>#vraag-3) finds it without
  // JavaScript by an anchor's name, the fragment's other target (getElementById, and so the app, never
  // matches a name, so the app's own ids stay the only ones).
  for (const e of holder.querySelectorAll('[id^="vv-vraag-"],[id^="vv-antwoord-"],[id^="vv-voetnoot-"]')) {
    const anchor = document.createElement("a");
    anchor.setAttribute("name", e.id.slice(3));
    e.prepend(anchor);
  }
  return { html: holder.innerHTML, drawnOn };
}
