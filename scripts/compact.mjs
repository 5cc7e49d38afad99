// Build-time compaction of the shipped JS and CSS (the wasm-bindgen glue, boot.js, sw.js, the style
// sheet): comments on their own lines and leading indentation go; code is not rewritten or renamed.
// A JS file with a template literal that spans lines is left as it is (its indentation is text).
// Trunk's subresource-integrity hashes in index.html are recomputed for the files that changed.
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** The JS text without whole-line comments and indentation, or `null` when that is not safe. */
export function compactJs(text) {
  const code = text.split("\n").filter((line) => !/^\s*\/\//.test(line));
  if (code.some((line) => (line.match(/`/g) || []).length % 2 === 1)) return null;
  return text
    .replace(/^[ \t]*\/\*\*?(?:(?!\*\/)[\s\S])*\*\/[ \t]*\n/gm, "")
    .replace(/^[ \t]*\/\/.*\n/gm, "")
    .replace(/^[ \t]+/gm, "");
}

/** The CSS text without comments on their own lines, indentation, blank lines, and the spaces
 * around `{ } ; , >` and after `:` (never inside quoted strings). */
export function compactCss(text) {
  const lines = text
    .replace(/^[ \t]*\/\*(?:(?!\*\/)[\s\S])*\*\/[ \t]*\n/gm, "")
    .replace(/^[ \t]+/gm, "")
    .replace(/\n{2,}/g, "\n");
  // Odd pieces are quoted strings ("…"), kept as they are.
  return lines
    .split(/("(?:[^"\\\n]|\\.)*")/)
    .map((piece, i) => (i % 2 ? piece : piece.replace(/\s*([{};,>])\s*/g, "$1").replace(/:\s+/g, ":")))
    .join("");
}

/** Compacts the .js and .css files at the top of `dir`; returns what each saved, in bytes. */
export function compactAssets(dir) {
  const saved = [];
  for (const name of readdirSync(dir)) {
    const kind = name.endsWith(".js") ? "js" : name.endsWith(".css") ? "css" : null;
    if (!kind) continue;
    const path = join(dir, name);
    const before = readFileSync(path, "utf8");
    const after = kind === "js" ? compactJs(before) : compactCss(before);
    if (after === null) {
      console.log(`compact: ${name} has a template literal over several lines; left as it is`);
      continue;
    }
    if (after !== before) writeFileSync(path, after);
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
