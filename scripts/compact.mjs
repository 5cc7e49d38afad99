// Build-time minification of the shipped JS and CSS (the wasm-bindgen glue, boot.js, sw.js, the style
// sheet) with esbuild: 0.9 KB brotli less than stripping comments and indentation by hand.
// Where index.html carries subresource-integrity hashes, they are recomputed for the files that changed
// (its own links ask Trunk for none: data-integrity="none", see scripts/budget.mjs).
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { transformSync } from "esbuild";

/** `text` minified by esbuild. The wasm-bindgen glue and boot.js are ES modules (their top-level
 * names may be renamed); sw.js is a classic worker script, whose top-level names stay. Legal
 * comments (`//!`) stay, so sw.js keeps its `//! @precache` line for postbuild. */
export function minify(text, name) {
  const loader = name.endsWith(".css") ? "css" : "js";
  const format = loader === "js" && name !== "sw.js" ? "esm" : undefined;
  return transformSync(text, { loader, format, minify: true, legalComments: "inline" }).code;
}

/** Minifies the .js and .css files at the top of `dir`; returns what each saved, in bytes. */
export function compactAssets(dir) {
  const saved = [];
  for (const name of readdirSync(dir)) {
    if (!name.endsWith(".js") && !name.endsWith(".css")) continue;
    const path = join(dir, name);
    const before = readFileSync(path, "utf8");
    // Minifying minified code renames again: only a shorter text is written, so that a second run
    // (scripts/serve.sh runs postbuild after Trunk's hook) leaves the files as they are.
    const after = minify(before, name);
    if (after.length >= before.length) continue;
    writeFileSync(path, after);
    saved.push([name, before.length - after.length]);
  }
  return saved;
}

/** `html` with the `integrity` of every link to a file of `dir` recomputed from the file as it is now. */
export function withIntegrity(html, dir) {
  return html.replace(/<link\b[^>]*>/gi, (tag) => {
    const href = tag.match(/\bhref="\.?\/?([^"?#]+)"/);
    const integrity = tag.match(/\bintegrity="(sha256|sha384|sha512)-[^"]*"/);
    if (!href || !integrity) return tag;
    let bytes;
    try {
      bytes = readFileSync(join(dir, href[1]));
    } catch {
      return tag;
    }
    const digest = createHash(integrity[1]).update(bytes).digest("base64");
    return tag.replace(integrity[0], `integrity="${integrity[1]}-${digest}"`);
  });
}

/** `html` with its style sheet (the one file Trunk links with rel="stylesheet") inline: the first page is
 * drawn one round trip sooner (no request for it), and later scripts no longer wait for it to arrive.
 * The file stays for the parse report (verantwoording.html), whose CSP allows no inline style. */
export function withInlineStyleSheet(html, dir) {
  return html.replace(/<link\b[^>]*\brel="stylesheet"[^>]*>/gi, (tag) => {
    const href = tag.match(/\bhref="\.?\/?([^"?#]+\.css)"/);
    if (!href || !existsSync(join(dir, href[1]))) return tag;
    const css = readFileSync(join(dir, href[1]), "utf8");
    return css.includes("</") ? tag : `<style>${css}</style>`;
  });
}
