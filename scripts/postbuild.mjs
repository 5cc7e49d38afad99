// Trunk post_build step (also runnable by hand on dist/): short names for the wasm's imports
// (scripts/short-imports.mjs), minifies the JS and CSS (scripts/compact.mjs),
// CSP hashes for inline scripts and styles, the start page's first results as HTML (scripts/prerender.mjs),
// the service worker's precache list and version, and
// 404.html for hosts without an SPA fallback.
// Usage: node scripts/postbuild.mjs [dir]   (default: $TRUNK_STAGING_DIR, else dist)
import { createHash } from "node:crypto";
import { compactAssets, withInlineStyleSheet, withIntegrity } from "./compact.mjs";
import { shortenImports } from "./short-imports.mjs";
import { inlineScripts, withCspHashes } from "./csp.mjs";
import { startPageCopy, withPrerenderedPages } from "./prerender.mjs";
import { ROUTE_DIRS, writeRoutePages } from "./deep-links.mjs";
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { filesUnder } from "./files-under.mjs";

const dir = process.argv[2] || process.env.TRUNK_STAGING_DIR || "dist";
const indexPath = join(dir, "index.html");
if (!existsSync(indexPath)) {
  console.error(`postbuild: ${indexPath} does not exist`);
  process.exit(1);
}


const NOT_PRECACHED = new Set(["sw.js", "404.html", "briefwissel.html"]);
/** Content (corpus, index, originals) of more bytes than this is kept offline only when the reader
 * says so: the page says how much first. A phone's storage and data plan are the reader's. */
const OFFLINE_ASK_ABOVE = 25 * 1024 * 1024;
// The reader of own documents (lezer/) is not precached: a first visit does not pay for it. The
// service worker keeps its content-hashed files once they are used, so adding works offline after.
// Nor are the question and document pages (vraag/, document/): offline, the app draws them itself.

function writePrecache(root) {
  const swPath = join(root, "sw.js");
  if (!existsSync(swPath)) {
    console.error("postbuild: no sw.js in the build (add <link data-trunk rel=\"copy-file\" href=\"public/sw.js\">)");
    return;
  }
  const files = filesUnder(root)
    .map((p) => relative(root, p).split("\\").join("/"))
    .filter((f) => !NOT_PRECACHED.has(f) && !f.endsWith(".map") && !f.startsWith("lezer/") && !/^precache-/.test(f))
    .filter((f) => !ROUTE_DIRS.some((d) => f.startsWith(`${d}/`)))
    .sort();
  const version = createHash("sha256");
  for (const f of files) version.update(f).update("\0").update(readFileSync(join(root, f))).update("\0");
  // URLs, not paths: originals/ holds names with spaces and parentheses. Each segment is encoded as
  // the app encodes its links (RFC 3986 unreserved bytes only, src/format.rs original_path), so the
  // worker's cache has the file under the very URL the link asks for. This includes the originals
  // (PDF and Word, under a megabyte): a reader offline can still check a source.
  const encode = (f) =>
    f
      .split("/")
      .map((s) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
      .join("/");
  const precache = { version: version.digest("hex").slice(0, 16), list: "", ask: OFFLINE_ASK_ABOVE };
  precache.list = `precache-${precache.version}.json`;
  for (const old of readdirSync(root).filter((f) => /^precache-[0-9a-f]+\.json$/.test(f))) rmSync(join(root, old));
  // [URL, bytes] per file: the shell (what starts the app) and the content (the corpus, its search
  // index, its text shards and the originals, which grow with the corpus and are kept only after
  // asking when large).
  const entry = (f) => [encode(f), statSync(join(root, f)).size];
  const isContent = (f) => /^((corpus|zoekindex|tekst)-[0-9a-f]+\.bin|originals\/.*)$/.test(f);
  const list = { shell: files.filter((f) => !isContent(f)).map(entry), content: files.filter(isContent).map(entry) };
  writeFileSync(join(root, precache.list), JSON.stringify(list));
  const sw = readFileSync(swPath, "utf8");
  const marker = /^.*\/\/! @precache$/m;
  if (!marker.test(sw)) {
    console.error("postbuild: sw.js has no line ending in //! @precache");
    process.exit(1);
  }
  writeFileSync(swPath, sw.replace(marker, `const PRECACHE = ${JSON.stringify(precache)}; //! @precache`));
  console.log(`postbuild: sw.js precaches ${files.length} files, version ${precache.version}`);
}

console.log(`postbuild: ${shortenImports(dir)}`);
const saved = compactAssets(dir);
console.log(`postbuild: minified ${saved.map(([n, b]) => `${n} (-${b} B)`).join(", ") || "nothing (already minified)"}`);
const shell = withCspHashes(withInlineStyleSheet(withIntegrity(readFileSync(indexPath, "utf8"), dir), dir));
writeFileSync(indexPath, shell);
// The app draws its start page once (scripts/prerender.mjs); the copy and its two scripts get CSP hashes too.
// So do every question and document page (scripts/deep-links.mjs), each written as a file of its own.
const drawingSince = Date.now();
const drawn = await withPrerenderedPages(dir, shell);
const html = withCspHashes(drawn.html);
// The pages first: index.html names what its copies were drawn from, and a later postbuild keeps them.
if (drawn.pages) {
  writeRoutePages(dir, drawn.pages.map(({ route, html }) => ({ route, html: withCspHashes(html) })));
  console.log(`postbuild: ${drawn.pages.length} question and document pages as HTML (${ROUTE_DIRS.join("/, ")}/), drawn in ${((Date.now() - drawingSince) / 1000).toFixed(1)} s`);
}
writeFileSync(indexPath, html);
console.log(`postbuild: start page copy ${startPageCopy(html)?.length ?? 0} B; CSP hashes for ${inlineScripts(html).length} inline script(s)`);
writePrecache(dir);
writeFileSync(join(dir, "404.html"), html);
