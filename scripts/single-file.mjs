// Builds dist/briefwissel.html from a release dist/: one file with the CSS, the JS glue, the wasm
// (base64) and the corpus artifact (if the app fetches it separately) inlined, for file:// use.
// Usage: node scripts/single-file.mjs [dist] [output]
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { withCspHashes } from "./csp.mjs";

const dist = process.argv[2] || "dist";
const output = process.argv[3] || join(dist, "briefwissel.html");

function fail(message) {
  console.error(`single-file: ${message}`);
  process.exit(1);
}

function readDist(href) {
  const path = join(dist, href.replace(/^\.?\//, "").split(/[?#]/)[0]);
  if (!existsSync(path)) fail(`${href} is referenced by index.html but ${path} does not exist`);
  return readFileSync(path);
}

const attr = (tag, name) => (tag.match(new RegExp(`\\b${name}\\s*=\\s*["']([^"']*)["']`, "i")) || [])[1];
// "</script" inside inlined text would end the element early.
const safeScriptText = (text) => text.replace(/<\/script/gi, "<\\/script");

let html = readFileSync(join(dist, "index.html"), "utf8");

// 1. The loader names the glue and the wasm: either Trunk's inline module script, or an external
//    boot script carrying them in data-js / data-wasm (Trunk.toml pattern_script).
const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
const bootTag = scripts.find((m) => /\bdata-wasm\s*=/.test(m[1]) && /\bdata-js\s*=/.test(m[1]));
const inlineLoader = scripts.find((m) => /type=["']module["']/.test(m[1]) && /import\s+init/.test(m[2]));
const loader = bootTag || inlineLoader;
if (!loader) fail("no wasm loader in index.html (neither Trunk's inline `import init` nor a script with data-js/data-wasm)");
const jsHref = bootTag ? attr(bootTag[1], "data-js") : (loader[2].match(/from\s+'([^']+\.js)'/) || [])[1];
const wasmHref = bootTag ? attr(bootTag[1], "data-wasm") : (loader[2].match(/'([^']+_bg\.wasm)'/) || [])[1];
if (!jsHref || !wasmHref) fail("cannot find the glue .js and _bg.wasm names in the loader");

let glue = readDist(jsHref).toString("utf8");
if (/^\s*import\s/m.test(glue)) {
  fail(`${jsHref} imports other modules (wasm-bindgen snippets); inline them or avoid inline_js`);
}
// The glue is minified (scripts/compact.mjs): its exports are one `export{…,x as default,…}` at the end.
// The module becomes part of an inline script, so that clause goes and its default export is called.
const exportClause = glue.match(/export\s*\{([^}]*)\}\s*;?\s*$/);
const init = exportClause && exportClause[1].split(",").map((e) => e.trim().split(/\s+as\s+/)).find((e) => e[1] === "default");
if (!init) fail(`${jsHref} does not end with an export clause that names a default export`);
glue = glue.slice(0, exportClause.index);
const wasmBase64 = readDist(wasmHref).toString("base64");

const boot = `${glue}
const __bwWasmText = document.getElementById("briefwissel-wasm").textContent;
const __bwWasmBytes = Uint8Array.from(atob(__bwWasmText), (c) => c.charCodeAt(0));
const __bwWasm = await ${init[0]}({ module_or_path: __bwWasmBytes });
dispatchEvent(new CustomEvent("TrunkApplicationStarted", { detail: { wasm: __bwWasm } }));
`;
const wasmBlock = `<script type="application/octet-stream" id="briefwissel-wasm">${wasmBase64}</script>`;
html = html.replace(loader[0], () => `${wasmBlock}\n<script type="module">${safeScriptText(boot)}</script>`);

// Own documents need the reader module (lezer/), a worker and storage, which one file opened from
// disk does not have: the field is disabled and the section says so.
const NO_OWN_DOCUMENTS =
  "Toevoegen kan niet in dit losse bestand: de lezer van eigen documenten zit er niet in, en een pagina die als bestand (file://) is geopend, mag geen lezer starten en niets bewaren. Open Briefwissel via de website om eigen documenten toe te voegen.";
if (html.includes('id="eigen"')) {
  const before = html;
  html = html
    .replace(/(<input\b[^>]*data-testid="add-document")/, "$1 disabled")
    .replace(/<p id="eigen-status"([^>]*)><\/p>/, (_, rest) => `<p id="eigen-status"${rest}>${NO_OWN_DOCUMENTS}</p>`);
  if (!html.includes(NO_OWN_DOCUMENTS) || !/data-testid="add-document" disabled/.test(html) || html === before) {
    fail("the own-documents section (#eigen) has no add-document field or status line to mark as unavailable");
  }
}

// 2. Preloads of files that are now inline go; stylesheets become <style>; the icon a data: URL.
let corpusHref = null;
html = html.replace(/<link\b[^>]*>/gi, (tag) => {
  const rel = (attr(tag, "rel") || "").toLowerCase();
  const href = attr(tag, "href") || "";
  if (/\bid=["']briefwissel-corpus["']/i.test(tag) || /corpus[^/]*\.(bin|postcard)$/.test(href)) {
    corpusHref = href;
    return "";
  }
  if (rel === "modulepreload" || rel === "preload" || rel === "manifest") return "";
  if (rel === "stylesheet") return `<style>${readDist(href).toString("utf8")}</style>`;
  if (rel === "icon" && href.endsWith(".svg")) {
    return `<link rel="icon" type="image/svg+xml" href="data:image/svg+xml;base64,${readDist(href).toString("base64")}">`;
  }
  return tag;
});

// 3. The corpus artifact, when the app fetches it instead of embedding it in the wasm.
if (!corpusHref) {
  const candidates = readdirSync(dist).filter((f) => /^corpus[^/]*\.(bin|postcard)$/.test(f));
  if (candidates.length > 1) fail(`several corpus files in ${dist}: ${candidates.join(", ")}`);
  corpusHref = candidates[0] || null;
}
if (corpusHref) {
  const block = `<script type="application/octet-stream" id="briefwissel-corpus-data">${readDist(corpusHref).toString("base64")}</script>`;
  html = html.replace(/<\/body>/i, () => `${block}\n</body>`);
}
// The search-index chunks and text shards next to the corpus head, each under the id the app looks for.
const chunks = readdirSync(dist).filter((f) => /^(zoekindex|tekst)-[0-9a-f]+\.bin$/.test(f)).sort();
if (chunks.length) {
  const blocks = chunks.map((f) => {
    const hash = f.slice(f.indexOf("-") + 1, -".bin".length);
    return `<script type="application/octet-stream" id="briefwissel-chunk-${hash}">${readDist(f).toString("base64")}</script>`;
  });
  html = html.replace(/<\/body>/i, () => `${blocks.join("\n")}\n</body>`);
}

// 4. The parse report (verantwoording.html) as a section at the end, shown when it or a note in it
// is the target: the footer and the cards' note links point into it, its links to documents become
// routes of this file, and the originals (not in the single file) are named without a link.
if (existsSync(join(dist, "verantwoording.html"))) {
  const report = readDist("verantwoording.html").toString("utf8");
  const main = report.match(/<main>([\s\S]*)<\/main>/);
  if (!main) fail("verantwoording.html has no <main>");
  const body = main[1]
    .replace(/<a href="document\/([^"]+)">/g, (_, id) => `<a href="?pad=%2Fdocument%2F${id}">`)
    .replace(/<a href="originals\/[^"]*">([^<]*)<\/a>/g, "$1");
  const section = `<section id="verantwoording" class="single-file-report">${body}</section>`;
  const style = "<style>.single-file-report{display:none}.single-file-report:target,.single-file-report:has(:target){display:block}</style>";
  // The app's cards link to verantwoording.html#<note>: here that note is in this page. A real
  // fragment navigation (not the app's pushState) makes it the :target that shows the section.
  // Links resolve against <base> (the folder), so the script also sends the report's routes to this file.
  const redirect = `<script>addEventListener("click",(e)=>{const a=e.target.closest&&e.target.closest('a[href^="verantwoording.html"],a[href="#verantwoording"],a[href^="?pad="]');if(!a)return;e.preventDefault();e.stopPropagation();const h=a.getAttribute("href");if(h[0]==="?"){location.href=location.pathname+h;return;}location.hash=h.split("#")[1]||"verantwoording";},true);</script>`;
  html = html.replace(/href="verantwoording\.html"/g, 'href="#verantwoording"');
  html = html.replace(/<\/head>/i, () => `${style}\n</head>`);
  html = html.replace(/<\/body>/i, () => `${section}\n${redirect}\n</body>`);
}

// 5. The CSP: drop the hashes of the old loader, hash the new inline scripts and styles.
html = html.replace(/ 'sha256-[A-Za-z0-9+/=]+'/g, "");
html = withCspHashes(html);

writeFileSync(output, html);
const mb = (n) => `${(n / 1048576).toFixed(2)} MB`;
console.log(
  `single-file: wrote ${output} (${mb(Buffer.byteLength(html))}; wasm ${wasmHref}` +
    `${corpusHref ? `, corpus ${corpusHref}` : ", corpus embedded in wasm"}, ${chunks.length} index chunks and text shards)`,
);
