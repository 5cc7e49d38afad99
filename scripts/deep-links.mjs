// Every question and document page as static HTML (issue 14): after the start page, scripts/prerender.mjs
// lets the same app, in the same headless Chromium, walk its list pages and every vraag/<id> and
// document/<id> page they link to (and the pages those link to), and copies what it draws. Each page is
// written as dist/vraag/<id>.html and dist/document/<id>.html: index.html with that page's copy and its
// title. A static host serves /vraag/<id> from vraag/<id>.html (GitHub Pages, Netlify and
// scripts/static-server.mjs do); where one does not, the app's own fallback (404.html) still draws it.
// A link to a question then reads at once, without JavaScript too (crawlers, chat link previews,
// screen readers on slow devices), and the app takes over behind it as on the start page.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

/** The folders of the route pages in dist/. */
export const ROUTE_DIRS = ["vraag", "document"];
/** More questions than this and the pages are not drawn (Chromium draws some 40 per second): the build says so.
 * BRIEFWISSEL_PAGES_DEBUG=1 prints how long each page took. */
export const MAX_QUESTIONS = Number(process.env.BRIEFWISSEL_PAGES_MAX || 5000);

/** Runs in the page: goes to `href` inside the app (as a click on a link does) and waits until its <main>
 * shows that page's own content, drawn and settled. Returns the app's copy (window.__copyOfApp), the page's
 * title (its first heading) and the vraag/ and document/ routes it links to. */
async function visit({ href, listPage }) {
  const main = () => document.querySelector("body > main");
  const before = main()?.innerHTML;
  history.pushState(null, "", href);
  dispatchEvent(new PopStateEvent("popstate", { state: null }));
  const wait = () => new Promise((resolve) => setTimeout(resolve, 5));
  const drawn = () => {
    const m = main();
    if (!m?.firstElementChild || m.querySelector(":scope>.loading,[aria-busy]")) return false;
    if (listPage) return m.querySelector(".pagination span")?.textContent.startsWith(`Pagina ${listPage} `) ?? listPage === 1;
    return m.innerHTML !== before;
  };
  let last = "";
  for (let tries = 0; tries < 2000; tries++) {
    await wait();
    if (!drawn()) continue;
    const now = main().innerHTML;
    if (now === last) break;
    last = now;
  }
  if (!drawn()) return { error: `the app did not draw ${href} within 10 s` };
  const routes = new Set();
  for (const a of main().querySelectorAll("a[href]")) {
    const url = new URL(a.href);
    if (url.origin === location.origin && /^\/(vraag|document)\/[^/]+$/.test(url.pathname)) routes.add(url.pathname.slice(1));
  }
  const title = main().querySelector("h1")?.textContent.trim() ?? "";
  return { copy: listPage ? null : window.__copyOfApp(), title, routes: [...routes] };
}

/** Draws every question and document page the app's lists lead to, on `page` (the start page, drawn).
 * Returns [{ route: "vraag/<id>", copy: { html, drawnOn }, title }]; [] (with a message) when the corpus has
 * more questions than MAX_QUESTIONS. A page the app cannot draw is named and left out. */
export async function drawRoutePages(page, copyOfApp) {
  const { questions, listPages } = await page.evaluate(() => ({
    questions: Number(document.querySelector("main [data-testid=result-count]")?.textContent.match(/^(\d+)/)?.[1] ?? 0),
    listPages: Number(document.querySelector("main .pagination span")?.textContent.match(/van (\d+)/)?.[1] ?? 1),
  }));
  if (questions > MAX_QUESTIONS) {
    console.error(
      `prerender: ${questions} questions, more than the ${MAX_QUESTIONS} whose pages this build draws (BRIEFWISSEL_PAGES_MAX); ` +
        "their links are served the app, which draws them, without a static copy",
    );
    return [];
  }
  await page.evaluate(`window.__copyOfApp = ${copyOfApp}`);
  const seen = new Set();
  const queue = [];
  const follow = (routes) => {
    for (const r of routes) if (!seen.has(r)) seen.add(r), queue.push(r);
  };
  const debug = process.env.BRIEFWISSEL_PAGES_DEBUG;
  for (let k = 1; k <= listPages; k++) {
    const t0 = Date.now();
    const result = await page.evaluate(visit, { href: `/?pagina=${k}`, listPage: k });
    if (debug) console.error(`list ${k}: ${Date.now() - t0} ms, ${result.error ?? result.routes.length}`);
    if (result.error) throw new Error(`prerender: ${result.error}`);
    follow(result.routes);
  }
  const drawn = [];
  while (queue.length) {
    const route = queue.shift();
    const t0 = Date.now();
    const result = await page.evaluate(visit, { href: `/${route}`, listPage: 0 });
    if (debug) console.error(`${route}: ${Date.now() - t0} ms, ${result.error ?? result.routes.length}`);
    if (result.error) {
      console.error(`prerender: ${route} left without a static copy: ${result.error}`);
      continue;
    }
    follow(result.routes);
    drawn.push({ route, copy: result.copy, title: result.title });
  }
  return drawn;
}

/** The file a route's page is written to: vraag/<id> → <dir>/vraag/<id>.html (the id as the host reads it);
 * null for an id that would name a file outside its folder (a "/" or ".." in it). */
export function routePageFile(dir, route) {
  const [kind, ...id] = route.split("/");
  const name = decodeURIComponent(id.join("/"));
  if (!ROUTE_DIRS.includes(kind) || id.length !== 1 || /[/\\]/.test(name) || name === "." || name === "..") return null;
  return join(dir, kind, `${name}.html`);
}

/** Writes the route pages ([{ route, html }]) into `dir`, after removing those of an earlier build. */
export function writeRoutePages(dir, pages) {
  for (const sub of ROUTE_DIRS) rmSync(join(dir, sub), { recursive: true, force: true });
  for (const { route, html } of pages) {
    const file = routePageFile(dir, route);
    if (!file) {
      console.error(`prerender: ${route} left without a static copy: its id cannot be a file name`);
      continue;
    }
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, html);
  }
}
