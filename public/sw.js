// Briefwissel's service worker: precaches the content-hashed shell, the corpus, its search index, its
// text shards and the PDF and Word originals (originals/) so the app, and the sources it cites, work offline; tells
// the pages how far its copy is, and keeps a large one (PRECACHE.ask) only after the reader's yes.
// scripts/postbuild.mjs replaces the next line with the version of each build and the name of its
// file list (precache-<version>.json: the list grows with the corpus, so it is data, not worker
// code), so every deploy changes this file and the browser installs a new worker, which then waits
// until the page asks it to take over ("nieuwe versie beschikbaar").
const PRECACHE = { version: "dev", list: "", ask: 0 }; //! @precache

// One scope, so the minifier may shorten the names (the line above stays as postbuild writes it).
(() => {
const CACHE_PREFIX = "briefwissel-";
const CACHE_NAME = `${CACHE_PREFIX}${PRECACHE.version}`;
/** Holds the reader's yes to keeping a large offline copy (outside the versioned caches, so it outlives them). */
const YES = "bw-offline-ja";
const scopeUrl = (path) => new URL(path, self.registration.scope).href;
const INDEX_URL = scopeUrl("index.html");
// cache: "reload" bypasses the HTTP cache so the precache matches this deploy; a file named by a long
// hex id (a content hash, or an original's id) never changes, so the copy the page just downloaded is
// taken as it is.
const fresh = (url) => new Request(scopeUrl(url), { cache: isHashed(scopeUrl(url)) ? "default" : "reload" });

/** The precache list ({shell, content}: [URL, bytes] each): this version's copy in the cache, else
 * from the network (then kept, so it is there offline and after the next deploy removes it). */
let listed;
function list() {
  listed ??= (async () => {
    if (!PRECACHE.list) return { shell: [], content: [] };
    const cache = await caches.open(CACHE_NAME);
    let response = await cache.match(scopeUrl(PRECACHE.list));
    if (!response) {
      response = await fetch(fresh(PRECACHE.list));
      if (!response.ok) throw new Error(`${PRECACHE.list}: HTTP ${response.status}`);
      await cache.put(scopeUrl(PRECACHE.list), response.clone());
    }
    return response.json();
  })();
  listed.catch(() => (listed = undefined));
  return listed;
}
const bytes = (files) => files.reduce((n, [, b]) => n + b, 0);

/** Whether the content is kept offline: small enough, or the reader said yes once. */
async function keeping() {
  const { content } = await list();
  return bytes(content) <= PRECACHE.ask || !!(await (await caches.open(YES)).match(scopeUrl("ja")));
}

/** Tells `page`, else every page, how far the offline copy is: bytes stored of all, whether it
 * waits for a yes, or what went wrong. */
async function tell({ stored, total, ask, error }, page) {
  for (const to of page ? [page] : await self.clients.matchAll({ includeUncontrolled: true, type: "window" })) {
    to.postMessage({ type: "offline", stored, total, ask, error });
  }
}

/** Where the offline copy stands: the cache, the listed files it lacks, bytes stored of all. */
async function standing() {
  const { shell, content } = await list();
  const cache = await caches.open(CACHE_NAME);
  const held = new Set((await cache.keys()).map((r) => r.url));
  const all = [...shell, ...content];
  const missing = all.filter(([url]) => !held.has(scopeUrl(url)));
  return { cache, missing, stored: bytes(all) - bytes(missing), total: bytes(all), ask: !(await keeping()) };
}

/** Stores what the cache lacks of `files`, four at a time, telling the pages (unless `quiet`) at
 * most every 200 ms and at the end; after a failure the others stop and the pages hear why. */
async function store(files, quiet) {
  const now = await standing();
  const waiting = now.missing.filter(([url]) => files.some(([f]) => f === url));
  let { stored } = now;
  let told = 0;
  let failed;
  const next = async () => {
    try {
      for (let file = waiting.shift(); file && !failed; file = waiting.shift()) {
        const response = await fetch(fresh(file[0]));
        if (!response.ok) throw new Error(`${decodeURIComponent(file[0])}: HTTP ${response.status}`);
        await now.cache.put(scopeUrl(file[0]), response);
        stored += file[1];
        if (!quiet && !failed && Date.now() - told >= 200) {
          told = Date.now();
          await tell({ stored, total: now.total });
        }
      }
    } catch (error) {
      failed ??= error;
    }
  };
  await Promise.all([next(), next(), next(), next()]);
  if (failed) {
    const error = failed.name === "QuotaExceededError" ? "de opslag van dit apparaat is vol" : String(failed.message ?? failed);
    if (!quiet) await tell({ stored, total: now.total, error });
    throw failed;
  }
  if (!quiet) await tell({ stored, total: now.total });
}

/** Stores the content too when it is to be kept and not all there: one such run at a time. */
let completing;
function complete() {
  completing ??= (async () => {
    if (await keeping()) await store((await list()).content);
  })().finally(() => (completing = undefined));
  return completing;
}

self.addEventListener("install", (event) => {
  // The shell always. The content too when it is small or the reader said yes before: waited for,
  // so a page this worker takes over reads offline; if it cannot be kept the pages are told and the
  // update goes on (the next page's question tries again). Else the pages say how large it is.
  event.waitUntil(
    (async () => {
      await store((await list()).shell, true);
      if (await keeping()) await complete().catch(() => {});
      else await tell(await standing());
    })(),
  );
  // The first install has no old version to protect: no waiting then (handled by the browser);
  // later installs wait for the page's SKIP_WAITING message.
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names.filter((n) => n.startsWith(CACHE_PREFIX) && n !== CACHE_NAME).map((n) => caches.delete(n)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("message", (event) => {
  const type = event.data?.type;
  if (type === "SKIP_WAITING") self.skipWaiting();
  // A page asks where the offline copy stands (it shows it); a copy that stopped partway goes on.
  else if (type === "offline?" && PRECACHE.list)
    event.waitUntil(
      (async () => {
        const now = await standing();
        await tell(now, event.source);
        if (now.missing.length && !now.ask) await complete();
      })(),
    );
  // The reader says yes to a large copy (to the worker that asked: after an update, the new one).
  else if (type === "offline-ja")
    event.waitUntil(
      (async () => {
        await (await caches.open(YES)).put(scopeUrl("ja"), new Response("ja"));
        await complete();
      })(),
    );
});

function isHashed(url) {
  return /-[0-9a-f]{8,}(_bg)?\.[a-z0-9]+$/.test(new URL(url).pathname);
}

async function fromCacheOrNetwork(request) {
  const cache = await caches.open(CACHE_NAME);
  const cached = await cache.match(request, { ignoreSearch: true });
  if (cached) return cached;
  const response = await fetch(request);
  // Content-hashed files are kept as they are used (the reader, index chunks), but the content of
  // a large offline copy only after the reader's yes.
  if (response.ok && isHashed(request.url)) keepIfWanted(cache, request, response.clone()).catch(() => {});
  return response;
}

async function keepIfWanted(cache, request, response) {
  const { content } = await list();
  const isContent = content.some(([url]) => scopeUrl(url) === request.url.split("?")[0]);
  if (!isContent || (await keeping())) await cache.put(request, response);
}

async function appShell() {
  // This version's index.html: the page never mixes a new shell with this worker's assets.
  const cache = await caches.open(CACHE_NAME);
  const cached = await cache.match(INDEX_URL);
  if (cached) return cached;
  return fetch(INDEX_URL);
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || !request.url.startsWith(self.registration.scope)) return;
  // Routes by their prefix, not by a dot (`vraag/2024Z1.2` is a route, `originals/a.pdf` a file).
  const path = url.pathname.slice(new URL(self.registration.scope).pathname.length);
  const isRoute = /^(|index\.html|overzicht\/?|(vraag|document)\/[^/]+\/?)$/.test(path);
  if (request.mode === "navigate" && isRoute) {
    // Every route (list, vraag/<id>, document/<id>, overzicht) is the same app shell.
    event.respondWith(appShell().catch(() => fetch(request)));
    return;
  }
  // Any other page that cannot be had offline (a path the app does not know): the app says so.
  const response = fromCacheOrNetwork(request);
  event.respondWith(request.mode === "navigate" ? response.catch(appShell) : response);
});
})();
