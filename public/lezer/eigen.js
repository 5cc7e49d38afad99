// Own documents: reads the files a reader adds in a Web Worker (the build's parser, as wasm), keeps
// them in IndexedDB on this device and hands the app the published corpus with them merged in.
// Loaded by boot.js only when somebody adds a document or this device keeps some. Nothing is sent
// anywhere: the only requests are for this reader's own code, the first time it is used.
// scripts/reader-worker.mjs fills in the worker's content-hashed name.
const WERKER = "./@WERKER@";
/** localStorage key: set while this device keeps own documents, so boot.js loads this module. */
const FLAG = "briefwissel-eigen";
/** The build's size limit (parse::MAX_FILE_BYTES): a larger file is not read into memory. */
const MAX_BYTES = 64 * 1024 * 1024;
/** The progress line ("3 van 12 gelezen") changes at most this often, in ms. */
const PROGRESS_MS = 200;

let section, status, messages, list;

/** Wires the static section (index.html, #eigen); restores what this device keeps. */
export function start(element) {
  section = element;
  status = section.querySelector("#eigen-status");
  list = section.querySelector("#eigen-lijst");
  messages = section.querySelector("#eigen-meldingen");
  serially(restore);
  // `files`: an array of File (boot.js copies the field's list before emptying it). `ready`: somebody
  // is about to choose or drop files, so the worker starts fetching and compiling the reader now.
  // `data-toevoegingen` on the section counts the adds that are over (for tests: a round's end).
  let adds = 0;
  const added = () => (section.dataset.toevoegingen = String(++adds));
  return { add: (files) => serially(() => add(files)).finally(added), ready: () => void reader() };
}

/** One round at a time (the worker answers one request at a time): files added while another
 * round runs wait for it. */
let rounds = Promise.resolve();
function serially(work) {
  rounds = rounds.then(work).catch(fail);
  return rounds;
}

// ---- storage (IndexedDB: the files, and the merged corpus for the published corpus it was made for)

function database() {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open("briefwissel", 1);
    request.onupgradeneeded = () => {
      request.result.createObjectStore("bestanden", { keyPath: "naam" });
      request.result.createObjectStore("corpus");
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function inStore(store, mode, work) {
  const db = await database();
  return new Promise((resolve, reject) => {
    const tx = db.transaction(store, mode);
    const request = work(tx.objectStore(store));
    tx.oncomplete = () => resolve(request?.result);
    tx.onerror = tx.onabort = () => reject(tx.error ?? new Error("opslag mislukt"));
  }).finally(() => db.close());
}

const storedFiles = () => inStore("bestanden", "readonly", (s) => s.getAll());
const storedCorpus = () => inStore("corpus", "readonly", (s) => s.get("samengevoegd"));

// ---- the published corpus and the worker

function publishedHref() {
  return document.getElementById("briefwissel-corpus").href;
}

/** The published corpus head the app loaded: the service worker's copy (no request), else the HTTP cache. */
async function publishedHead() {
  const href = publishedHref();
  const cached = globalThis.caches ? await caches.match(href) : undefined;
  const response = cached ?? (await fetch(href));
  return new Uint8Array(await response.arrayBuffer());
}

let worker;
/** The worker, started on first use or when files are about to come (`ready`). One that could not
 * start is not asked again: the next round starts a new one (the network may be back). */
function reader() {
  if (!worker) {
    const started = new Worker(new URL(WERKER, import.meta.url), { type: "module" });
    started.addEventListener("error", () => {
      started.terminate();
      if (worker === started) worker = undefined;
    });
    worker = started;
  }
  return worker;
}
function ask(message, onProgress) {
  const worker = reader();
  return new Promise((resolve, reject) => {
    worker.onmessage = ({ data }) => {
      if (data.type === "bezig") onProgress?.(data.name);
      else if (data.type === "fout") reject(new Error(data.message));
      else resolve(data);
    };
    worker.onerror = (event) => reject(new Error(event.message || "de lezer kon niet starten"));
    worker.postMessage(message);
  });
}

// ---- adding, removing, restoring

async function add(chosen) {
  if (!chosen.length) return;
  messages.replaceChildren();
  const refused = [];
  const readable = [];
  const refuse = (file, melding) => refused.push({ naam: file.name, status: "geweigerd", melding, meldingen: [] });
  // Room for twice the new files' bytes must be left on the device (as before), checked as they are read.
  const estimate = (await navigator.storage?.estimate?.()) ?? {};
  const fits = (bytes) => !estimate.quota || (estimate.usage ?? 0) + 2 * bytes <= estimate.quota;
  let newBytes = 0;
  // One file after the other: the page's part of reading stays in small pieces, a file that
  // cannot be read is refused without stopping the others, and reading stops once they cannot fit.
  for (const file of chosen) {
    let bytes;
    try {
      bytes = await bytesUpTo(file, MAX_BYTES);
    } catch (error) {
      refuse(file, `${file.name}: error: het bestand kan niet worden gelezen (${error?.message ?? error}); niet verwerkt`);
      continue;
    }
    if (bytes) {
      newBytes += bytes.byteLength;
      if (!fits(newBytes)) {
        // Too much for this device: nothing is added; the sizes are asked for the message only.
        const wanted = chosen.map((f) => f.size).filter((n) => n <= MAX_BYTES);
        say(
          `Niet genoeg opslagruimte op dit apparaat: ${size(estimate.usage ?? 0)} van ${size(estimate.quota)} is in gebruik ` +
            `en ${size(wanted.reduce((sum, n) => sum + n, 0))} past er niet meer bij. Verwijder eerst eigen documenten of maak ruimte vrij.`,
        );
        return;
      }
      readable.push({ naam: file.name, grootte: bytes.byteLength, bytes: bytes.buffer, nieuw: true });
    }
    // Over the limit: the build's message, which says how large it is (one look at the disk).
    else refuse(file, (await ask({ type: "te-groot", name: file.name, size: Math.max(file.size, MAX_BYTES + 1) })).message);
  }
  const kept = new Map((await storedFiles()).map((f) => [f.naam, f]));
  for (const file of readable) kept.set(file.naam, file);
  const outcomes = await readAll([...kept.values()]);
  show([...refused, ...outcomes.filter((o) => o.nieuw || o.status !== "toegevoegd")]);
}

/** The file's bytes, or `undefined` when it has more than `limit`. Read as a stream: a file's `size`
 * costs the page a synchronous look at the disk (8–37 ms for fifty files in Chromium, measured
 * here), and a file over the limit is never held in memory whole. */
async function bytesUpTo(file, limit) {
  const chunks = [];
  let length = 0;
  const reader = file.stream().getReader();
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    length += read.value.byteLength;
    if (length > limit) {
      await reader.cancel().catch(() => {});
      return undefined;
    }
    chunks.push(read.value);
  }
  const bytes = new Uint8Array(length);
  chunks.reduce((at, chunk) => (bytes.set(chunk, at), at + chunk.byteLength), 0);
  return bytes;
}

async function remove(names) {
  const all = await storedFiles();
  await inStore("bestanden", "readwrite", (s) => names.forEach((n) => s.delete(n)));
  messages.replaceChildren();
  await readAll(all.filter((f) => !names.includes(f.naam)));
  say(names.length === 1 ? `${names[0]} is van dit apparaat verwijderd.` : "Alle eigen documenten zijn van dit apparaat verwijderd.");
}

/** Reads `files` (all that this device will keep) into the published corpus and hands it to the app. */
async function readAll(files) {
  const head = await publishedHead();
  if (!files.length) {
    await inStore("corpus", "readwrite", (s) => s.delete("samengevoegd"));
    localStorage.removeItem(FLAG);
    hand(head);
    await render([]);
    return [];
  }
  let done = 0;
  let shown = 0;
  let said = performance.now();
  say(`0 van ${files.length} gelezen`);
  const started = performance.now();
  const back = await ask(
    { type: "lees", head: head.buffer, base: publishedHref(), files: files.map((f) => ({ name: f.naam, bytes: f.bytes })) },
    // At most a few lines a second: each one is a frame to draw, and a person cannot read more.
    () => {
      const now = performance.now();
      if (done > shown && now - said >= PROGRESS_MS) {
        say(`${done} van ${files.length} gelezen`);
        [shown, said] = [done, now];
      }
      done++;
    },
  );
  const outcomes = back.report.map((o, i) => ({ ...o, nieuw: files[i].nieuw }));
  const keep = files
    .map((f, i) => ({ f, o: outcomes[i] }))
    .filter(({ o }) => o.status === "toegevoegd")
    .map(({ f, o }) => ({ naam: f.naam, grootte: f.grootte, bytes: f.bytes, document: o.document, vragen: o.vragen }));
  try {
    await inStore("bestanden", "readwrite", (s) => {
      s.clear();
      keep.forEach((f) => s.put(f));
    });
    await inStore("corpus", "readwrite", (s) => s.put({ kop: publishedHref(), bytes: back.artifact }, "samengevoegd"));
  } catch (error) {
    throw new Error(
      error?.name === "QuotaExceededError"
        ? "de opslag van dit apparaat is vol; verwijder eigen documenten of maak ruimte vrij"
        : `opslaan mislukt (${error?.message ?? error})`,
    );
  }
  if (keep.length) localStorage.setItem(FLAG, String(keep.length));
  else localStorage.removeItem(FLAG);
  hand(back.artifact);
  // Timings for the benchmark (bench/own-documents.mjs): the worker's steps and the whole round on the page.
  section.dataset.leesMs = String(Math.round(back.ms.lezen));
  section.dataset.samenvoegenMs = String(Math.round(back.ms.samenvoegen));
  section.dataset.indexerenMs = String(Math.round(back.ms.indexeren));
  section.dataset.werkerMs = String(Math.round(back.ms.totaal));
  section.dataset.paginaMs = String(Math.round(performance.now() - started));
  say(`${files.length} van ${files.length} gelezen`);
  await render(keep);
  return outcomes;
}

async function restore() {
  if (!localStorage.getItem(FLAG)) return;
  const [files, merged] = await Promise.all([storedFiles(), storedCorpus()]);
  if (merged && merged.kop === publishedHref()) {
    hand(merged.bytes);
    await render(files);
  } else {
    // Made for another version of the published corpus: read again.
    await readAll(files);
  }
}

/** The app (src/app.rs, listen_for_own_documents) replaces its corpus with this artifact. */
function hand(bytes) {
  window.dispatchEvent(new CustomEvent("briefwissel-eigen", { detail: bytes }));
}

// ---- what the reader sees

function say(text) {
  status.textContent = text;
}

function fail(error) {
  say(`Eigen documenten: ${error?.message ?? error}.`);
}

function size(bytes) {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1).replace(".", ",")} MB` : `${Math.ceil(bytes / 1024)} kB`;
}

function element(tag, attributes, ...children) {
  const el = document.createElement(tag);
  Object.entries(attributes).forEach(([k, v]) => el.setAttribute(k, v));
  el.append(...children);
  return el;
}

const documentLink = (id, text) => element("a", { href: `document/${encodeURIComponent(id)}` }, text);

/** One line per file of this round that was not simply added again. */
function show(outcomes) {
  messages.replaceChildren(
    ...outcomes.map((o) => {
      const line =
        o.status === "toegevoegd"
          ? [`${o.naam}: toegevoegd, ${o.vragen === 1 ? "1 vraag" : `${o.vragen} vragen`}. `, documentLink(o.document, "Bekijk")]
          : o.status === "staat-al-in-briefwissel"
            ? [`${o.naam} staat al in Briefwissel: `, documentLink(o.document, o.titel || o.document), ` (${o.waarom}).`]
            : [o.melding];
      const notes = o.meldingen?.length ? [element("ul", {}, ...o.meldingen.map((m) => element("li", {}, m)))] : [];
      return element("li", { "data-testid": "add-message", "data-status": o.status }, ...line, ...notes);
    }),
  );
}

async function render(files) {
  const items = files.map((f) =>
    element(
      "li",
      { "data-testid": "own-document" },
      documentLink(f.document, f.naam),
      ` — ${f.vragen === 1 ? "1 vraag" : `${f.vragen} vragen`}, ${size(f.grootte)} `,
      button("Verwijder", "remove-own", `Verwijder ${f.naam}`, () => remove([f.naam])),
    ),
  );
  const total = files.reduce((sum, f) => sum + f.grootte, 0);
  const estimate = (await navigator.storage?.estimate?.()) ?? {};
  const free = estimate.quota ? `; vrij op dit apparaat: ${size(Math.max(0, estimate.quota - (estimate.usage ?? 0)))}` : "";
  const footer = files.length
    ? [
        element("li", { class: "eigen-opslag", "data-testid": "own-storage" }, `${files.length} eigen ${files.length === 1 ? "document" : "documenten"}, ${size(total)} op dit apparaat${free}. `,
          button("Alles verwijderen", "remove-all-own", "Alle eigen documenten verwijderen", () => remove(files.map((f) => f.naam)))),
      ]
    : [];
  list.replaceChildren(...items, ...footer);
}

function button(text, testid, label, onClick) {
  const b = element("button", { type: "button", "data-testid": testid, "aria-label": label }, text);
  b.addEventListener("click", () => serially(onClick));
  return b;
}
