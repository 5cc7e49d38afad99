// Briefwissel's service worker: precaches the content-hashed shell, the corpus and the PDF and Word
// originals (originals/) so the app, and the sources it cites, work offline.
// scripts/postbuild.mjs replaces the next line with the version of each build and the name of its
// file list (precache-<version>.json: the list grows with the corpus, so it is data, not worker
// code), so every deploy changes this file and the browser installs a new worker, which then waits
// until the page asks it to take over ("nieuwe versie beschikbaar").
const PRECACHE = { version: "dev", list: "" }; //! @precache

// One scope, so the minifier may shorten the names (the line above stays as postbuild writes it).
(() => {
const CACHE_PREFIX = "briefwissel-";
const CACHE_NAME = `${CACHE_PREFIX}${PRECACHE.version}`;
const scopeUrl = (path) => new URL(path, self.registration.scope).href;
const INDEX_URL = scopeUrl("index.html");

self.addEventListener("install", (event) => {
  // cache: "reload" bypasses the HTTP cache so the precache matches this deploy.
  const fresh = (file) => new Request(scopeUrl(file), { cache: "reload" });
  event.waitUntil(
    (PRECACHE.list ? fetch(fresh(PRECACHE.list)).then((r) => r.json()) : Promise.resolve([])).then((files) =>
      caches.open(CACHE_NAME).then((cache) => cache.addAll(files.map(fresh))),
    ),
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
  if (event.data && event.data.type === "SKIP_WAITING") self.skipWaiting();
});

function isHashed(url) {
  return /-[0-9a-f]{8,}(_bg)?\.[a-z0-9]+$/.test(new URL(url).pathname);
}

async function fromCacheOrNetwork(request) {
  const cache = await caches.open(CACHE_NAME);
  const cached = await cache.match(request, { ignoreSearch: true });
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok && isHashed(request.url)) cache.put(request, response.clone());
  return response;
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
