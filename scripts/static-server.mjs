// A small static file server for dist/: SPA fallback to index.html, optional sub-path prefix.
// Usage: node scripts/static-server.mjs [--dir dist] [--port 8080] [--host 127.0.0.1] [--prefix /briefwissel/]
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";

const args = process.argv.slice(2);
function option(name, fallback) {
  const at = args.indexOf(`--${name}`);
  return at >= 0 && at + 1 < args.length ? args[at + 1] : fallback;
}

const root = resolve(option("dir", "dist"));
const port = Number(option("port", process.env.PORT || "8080"));
const host = option("host", "127.0.0.1");
let prefix = option("prefix", "/");
if (!prefix.startsWith("/")) prefix = `/${prefix}`;
if (!prefix.endsWith("/")) prefix = `${prefix}/`;

const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json; charset=utf-8",
  ".webmanifest": "application/manifest+json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
  ".bin": "application/octet-stream",
  ".pdf": "application/pdf",
  ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
};

async function fileAt(path) {
  try {
    const info = await stat(path);
    if (info.isFile()) return path;
    if (info.isDirectory()) {
      const index = join(path, "index.html");
      const indexInfo = await stat(index).catch(() => null);
      if (indexInfo && indexInfo.isFile()) return index;
    }
  } catch {
    // not found
  }
  return null;
}

function cacheControl(relative) {
  // Content-hashed files never change; everything else is revalidated.
  if (/-[0-9a-f]{8,}(_bg)?\.[a-z0-9]+$/.test(relative)) return "public, max-age=31536000, immutable";
  return "no-cache";
}

const server = createServer(async (request, response) => {
  const url = new URL(request.url, "http://localhost");
  let pathname;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    response.writeHead(400).end("bad request\n");
    return;
  }
  if (request.method !== "GET" && request.method !== "HEAD") {
    response.writeHead(405, { Allow: "GET, HEAD" }).end();
    return;
  }
  if (`${pathname}/` === prefix) {
    response.writeHead(301, { Location: prefix + url.search }).end();
    return;
  }
  if (!pathname.startsWith(prefix)) {
    response.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end(`not found (app is at ${prefix})\n`);
    return;
  }
  const relative = normalize(pathname.slice(prefix.length)).replace(/^(\.\.(\/|\\|$))+/, "");
  const candidate = join(root, relative);
  if (candidate !== root && !candidate.startsWith(root + sep)) {
    response.writeHead(403).end();
    return;
  }
  // A route's own page, as static hosts find it: /vraag/<id> from vraag/<id>.html (scripts/deep-links.mjs).
  let file = (await fileAt(candidate)) ?? (!relative.endsWith("/") ? await fileAt(`${candidate}.html`) : null);
  let status = 200;
  if (!file) {
    // SPA fallback: routes such as vraag/<id> get the app shell; missing assets get a 404.
    if (extname(relative) === "" || relative.endsWith("/")) {
      file = join(root, "index.html");
    } else {
      status = 404;
    }
  }
  if (!file) {
    response.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("not found\n");
    return;
  }
  try {
    const body = await readFile(file);
    const type = types[extname(file)] || "application/octet-stream";
    response.writeHead(status, {
      "Content-Type": type,
      "Content-Length": body.length,
      "Cache-Control": cacheControl(file.slice(root.length)),
      "X-Content-Type-Options": "nosniff",
    });
    response.end(request.method === "HEAD" ? undefined : body);
  } catch (error) {
    response.writeHead(500).end(`cannot read ${file}: ${error.message}\n`);
  }
});

server.listen(port, host, () => {
  console.log(`serving ${root} on http://${host}:${port}${prefix}`);
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.close(() => process.exit(0)));
