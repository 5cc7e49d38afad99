// Briefwissel's reader in a Web Worker: reads the files a reader adds with the build's own parser
// (crates/reader-worker as wasm), off the page's thread. scripts/reader-worker.mjs fills in the
// content-hashed names of the wasm and its glue.
import init, { readOwnDocuments, textFileNames, tooLarge } from "./@LEZER_JS@";

const load = () => init({ module_or_path: new URL("./@LEZER_WASM@", import.meta.url) });
let ready = load();

/** The published text shards fetched so far, by address (content-hashed: they never change). */
const shards = new Map();

async function fetchShard(url) {
  if (!shards.has(url.href)) {
    const name = url.pathname.split("/").pop();
    const response = await fetch(url).catch(() => {
      throw new Error(`de gepubliceerde tekst ${name} kon niet worden geladen (geen verbinding?)`);
    });
    if (!response.ok) throw new Error(`de gepubliceerde tekst ${name} kon niet worden geladen (HTTP ${response.status})`);
    shards.set(url.href, new Uint8Array(await response.arrayBuffer()));
  }
  return shards.get(url.href);
}

self.onmessage = async ({ data }) => {
  try {
    // A reader that could not load (the network was away) is loaded again for the next request.
    await ready.catch(() => (ready = load()));
    if (data.type === "te-groot") {
      self.postMessage({ type: "te-groot", message: tooLarge(data.name, data.size) ?? null });
      return;
    }
    // When each step started: reading (the first file), merging, indexing; and the end.
    const at = { begin: performance.now() };
    const head = new Uint8Array(data.head);
    // The published texts are in shards next to the head: an own answer letter is merged with them.
    const texts = await Promise.all(textFileNames(head).map((name) => fetchShard(new URL(name, data.base))));
    const [artifact, report] = readOwnDocuments(
      head,
      texts,
      data.files.map((f) => f.name),
      data.files.map((f) => new Uint8Array(f.bytes)),
      (step, name) => {
        at[step] ??= performance.now();
        if (step === "lezen") self.postMessage({ type: "bezig", name });
      },
    );
    const end = performance.now();
    const ms = {
      lezen: (at.samenvoegen ?? end) - (at.lezen ?? at.begin),
      samenvoegen: (at.indexeren ?? end) - (at.samenvoegen ?? end),
      indexeren: end - (at.indexeren ?? end),
      totaal: end - at.begin,
    };
    self.postMessage({ type: "klaar", artifact, report: JSON.parse(report), ms }, [artifact.buffer]);
  } catch (error) {
    self.postMessage({ type: "fout", message: String(error?.message ?? error) });
  }
};
