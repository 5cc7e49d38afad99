// Briefwissel's service worker: precaches the content-hashed shell, the corpus and the PDF and Word
// originals (originals/) so the app, and the sources it cites, work offline.
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
// cache: "reload" bypasses the HTTP cache so the precache matches this deploy; a content-hashed file
// is the same wherever it comes from, so the copy the page just downloaded is taken as it is.
const fresh = (url) => new Request(scopeUrl(url), { cache: isHashed(scopeUrl(url)) ? "default" : "reload" });

/** The precache list ({shell, content}: [URL, bytes] each), from the network, else from the cache. */
let listed;
function list() {
  listed ??= (async () => {
    if (!PRECACHE.list) return { shell: [], content: [] };
    const cache = await caches.open(CACHE_NAME);
    const response = await fetch(fresh(PRECACHE.list)).catch(() => cache.match(scopeUrl(PRECACHE.list)));
    if (!response?.ok) throw new Error("de lijst van bestanden ontbreekt");
    await cache.put(scopeUrl(PRECACHE.list), response.clone());
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

/** Tells every page how far the offline copy is: bytes stored of all, or that it waits for a yes. */
async function tell(state) {
  for (const page of await self.clients.matchAll({ includeUncontrolled: true, type: "window" })) {
    page.postMessage({ type: "offline", ...state });
  }
}

/** Where the offline copy stands, from what the cache holds. */
async function standing() {
  const { shell, content } = await list();
  const cache = await caches.open(CACHE_NAME);
  const held = new Set((await cache.keys()).map((r) => r.url));
  const all = [...shell, ...content];
  return { stored: bytes(all.filter(([url]) => held.has(scopeUrl(url)))), total: bytes(all), ask: !(await keeping()) };
}

/** Stores `files` (four at a time); with `told`, tells the pages at most every 200 ms and at the end. */
async function store(files, told = 0) {
  const { shell, content } = await list();
  const total = bytes(shell) + bytes(content);
  const cache = await caches.open(CACHE_NAME);
  const held = new Set((await cache.keys()).map((r) => r.url));
  let stored = bytes([...shell, ...content].filter(([url]) => held.has(scopeUrl(url))));
  const waiting = files.filter(([url]) => !held.has(scopeUrl(url)));
  const next = async () => {
    for (let file = waiting.shift(); file; file = waiting.shift()) {
      const response = await fetch(fresh(file[0]));
      if (!response.ok) throw new Error(`${decodeURIComponent(file[0])}: HTTP ${response.status}`);
      await cache.put(scopeUrl(file[0]), response);
      stored += file[1];
      if (told !== false && Date.now() - told >= 200) {
        told = Date.now();
        await tell({ stored, total, ask: false });
      }
    }
  };
  try {
    await Promise.all([next(), next(), next(), next()]);
  } catch (error) {
    await tell({ stored, total, error: error?.name === "QuotaExceededError" ? "de opslag van dit apparaat is vol" : String(error?.message ?? error) });
    throw error;
  }
  if (told !== false) await tell({ stored, total, ask: false });
}

self.addEventListener("install", (event) => {
  // The shell always; the content too when it is small or the reader said yes before, else the
  // pages say how large it is and keep it only on a yes.
  event.waitUntil(
    (async () => {
      const { shell, content } = await list();
      if (await keeping()) await store([...shell, ...content]);
      else {
        await store(shell, false);
        await tell(await standing());
      }
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
  // A page asks where the offline copy stands (it shows it), or says yes to a large one.
  else if (type === "offline?") event.waitUntil(standing().then((s) => event.source?.postMessage({ type: "offline", ...s })));
  else if (type === "offline-ja")
    event.waitUntil(
      (async () => {
        await (await caches.open(YES)).put(scopeUrl("ja"), new Response("ja"));
        const { content } = await list();
        await store(content);
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
