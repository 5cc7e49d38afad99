// Briefwissel's reader in a Web Worker: reads the files a reader adds with the build's own parser
// (crates/reader-worker as wasm), off the page's thread. scripts/reader-worker.mjs fills in the
// content-hashed names of the wasm and its glue.
import init, { readOwnDocuments, tooLarge } from "./@LEZER_JS@";

const ready = init({ module_or_path: new URL("./@LEZER_WASM@", import.meta.url) });

self.onmessage = async ({ data }) => {
  try {
    await ready;
    if (data.type === "te-groot") {
      self.postMessage({ type: "te-groot", message: tooLarge(data.name, data.size) ?? null });
      return;
    }
    const started = performance.now();
    const [artifact, report] = readOwnDocuments(
      new Uint8Array(data.head),
      data.files.map((f) => f.name),
      data.files.map((f) => new Uint8Array(f.bytes)),
      (name) => self.postMessage({ type: "bezig", name }),
    );
    const ms = performance.now() - started;
    self.postMessage({ type: "klaar", artifact, report: JSON.parse(report), ms }, [artifact.buffer]);
  } catch (error) {
    self.postMessage({ type: "fout", message: String(error?.message ?? error) });
  }
};
