// A static file server on 127.0.0.1 for the browser benchmarks: compresses like a production host
// (brotli when the browser accepts it, else gzip), falls back to index.html for app routes, and
// remembers each file's brotli size so the report can count "brotli bytes before first results".
import { createServer } from "node:http";
import { readFileSync, readdirSync, statSync, existsSync } from "node:fs";
import { join, extname, normalize } from "node:path";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".webmanifest": "application/manifest+json",
  ".bin": "application/octet-stream",
  ".pf_meta": "application/octet-stream",
  ".pf_index": "application/octet-stream",
  ".pf_fragment": "application/octet-stream",
  ".pf_filter": "application/octet-stream",
};
const ALREADY_COMPRESSED = new Set([".pf_meta", ".pf_index", ".pf_fragment", ".pf_filter", ".png", ".jpg"]);

/** Starts a server for `root` (with `precompress`, every file, in subfolders too, is compressed before
 * the first request, so no measured request waits for the compressor); resolves to { url, close, sizes } where sizes maps URL path → { raw, br }. */
export function serve(root, { spaFallback = true, precompress = false } = {}) {
  const cache = new Map();
  const sizes = new Map();
  /** Every response: wall-clock time it was sent (ms since epoch), path and body bytes sent. */
  const log = [];
  const load = (file) => {
    let entry = cache.get(file);
    if (!entry) {
      const raw = readFileSync(file);
      const precompressed = ALREADY_COMPRESSED.has(extname(file));
      // Quality 11 as a static host's precompressed files; 9 above 8 MB to keep the setup time sane.
      const quality = raw.length > 8e6 ? 9 : 11;
      const br = precompressed ? raw : brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: quality } });
      const gz = precompressed ? raw : gzipSync(raw, { level: 9 });
      entry = { raw, br, gz, precompressed };
      cache.set(file, entry);
    }
    return entry;
  };
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    let file = normalize(join(root, path));
    if (!file.startsWith(normalize(root))) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
    // A route's own page, as static hosts find it: /vraag/<id> from vraag/<id>.html.
    if (!existsSync(file) && !path.endsWith("/") && existsSync(`${file}.html`)) file = `${file}.html`;
    if (!existsSync(file)) {
      if (!spaFallback || extname(path) !== "") {
        res.writeHead(404).end("not found");
        return;
      }
      file = join(root, "index.html");
    }
    const entry = load(file);
    sizes.set(path, { raw: entry.raw.length, br: entry.br.length });
    const accept = String(req.headers["accept-encoding"] || "");
    const headers = { "Content-Type": TYPES[extname(file)] || "application/octet-stream", "Cache-Control": "no-cache" };
    let body = entry.raw;
    if (!entry.precompressed && /\bbr\b/.test(accept)) {
      headers["Content-Encoding"] = "br";
      body = entry.br;
    } else if (!entry.precompressed && /\bgzip\b/.test(accept)) {
      headers["Content-Encoding"] = "gzip";
      body = entry.gz;
    }
    headers["Content-Length"] = body.length;
    res.writeHead(200, headers);
    res.end(body);
    log.push({ t: Date.now(), path, bytes: body.length });
  });
  const loadAll = (dir) => {
    for (const name of readdirSync(dir)) {
      const file = join(dir, name);
      if (statSync(file).isDirectory()) loadAll(file);
      else load(file);
    }
  };
  if (precompress) loadAll(root);
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      resolve({ url: `http://127.0.0.1:${port}`, sizes, log, close: () => new Promise((r) => server.close(r)) });
    });
  });
}
