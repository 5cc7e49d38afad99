// Short names for the functions the app's wasm imports from its JavaScript glue: wasm-bindgen names each
// one after the browser API it wraps with a 16-digit hash ("__wbg_remove_8228e91d7ddbc755", in the module
// "./briefwissel-app_bg.js"), and both the wasm's import section and the glue spell every name out: some
// 10 KB of names, most of it hashes that brotli cannot shrink. Each name becomes a short one ("a", "b", …,
// "ba", …) in both files at once, as a minifier renames. Run by scripts/postbuild.mjs before the glue is
// minified; a build whose names are short already is left as it is.
// Usage: import { shortenImports } from "./short-imports.mjs"
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** Unsigned LEB128 of `n`. */
function leb(n) {
  const out = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n) byte |= 0x80;
    out.push(byte);
  } while (n);
  return out;
}

/** The sections of a wasm binary: [{ id, header, start, end }] (`header`: where its id byte is;
 * `start`, `end`: its contents). */
function sections(wasm) {
  const found = [];
  let at = 8;
  const read = () => {
    let n = 0;
    let shift = 0;
    let byte;
    do {
      byte = wasm[at++];
      n |= (byte & 0x7f) << shift;
      shift += 7;
    } while (byte & 0x80);
    return n >>> 0;
  };
  while (at < wasm.length) {
    const header = at;
    const id = wasm[at++];
    const size = read();
    found.push({ id, header, start: at, end: at + size });
    at += size;
  }
  return found;
}

/** The imports of a wasm import section's contents: [{ module, field, rest }] (`rest`: the import's
 * kind and type, copied as they are). */
function readImports(wasm, section) {
  let at = section.start;
  const read = () => {
    let n = 0;
    let shift = 0;
    let byte;
    do {
      byte = wasm[at++];
      n |= (byte & 0x7f) << shift;
      shift += 7;
    } while (byte & 0x80);
    return n >>> 0;
  };
  const text = () => {
    const length = read();
    const s = wasm.subarray(at, at + length).toString("utf8");
    at += length;
    return s;
  };
  const count = read();
  const imports = [];
  for (let i = 0; i < count; i++) {
    const module = text();
    const field = text();
    const from = at;
    const kind = wasm[at++];
    if (kind === 0) read();
    else throw new Error(`import ${module}.${field} is not a function (kind ${kind}): not renamed`);
    imports.push({ module, field, rest: wasm.subarray(from, at) });
  }
  if (at !== section.end) throw new Error("the import section has bytes after its imports");
  return imports;
}

/** The n-th short name: $a, $b, …, $z, $ba, $bb, … (`$` first: never a JS keyword, and no name the
 * minifier gives). */
function shortName(n) {
  let name = String.fromCharCode(97 + (n % 26));
  for (n = Math.floor(n / 26); n > 0; n = Math.floor(n / 26)) name = String.fromCharCode(97 + (n % 26)) + name;
  return `$${name}`;
}

/** Renames the app's wasm imports in `dir` (its `*_bg.wasm` and the glue `*.js` next to it). Returns
 * [bytes saved in the wasm, in the glue], or null when there was nothing to rename. */
export function shortenImports(dir) {
  const wasmName = readdirSync(dir).find((f) => /^briefwissel-app-[0-9a-f]+_bg\.wasm$/.test(f));
  const glueName = wasmName && wasmName.replace(/_bg\.wasm$/, ".js");
  if (!wasmName || !readdirSync(dir).includes(glueName)) return null;
  const wasm = readFileSync(join(dir, wasmName));
  let glue = readFileSync(join(dir, glueName), "utf8");
  const importSection = sections(wasm).find((s) => s.id === 2);
  if (!importSection) return null;
  const imports = readImports(wasm, importSection);
  const modules = [...new Set(imports.map((i) => i.module))];
  if (modules.length !== 1 || !modules[0].endsWith("_bg.js")) return null;
  const [module] = modules;
  const quotedModule = JSON.stringify(module);
  if (glue.split(quotedModule).length !== 2) throw new Error(`the glue names ${module} other than once`);
  // Every name must stand in the glue as a whole word; the longest are replaced first.
  const renamed = new Map(imports.map((imp, i) => [imp.field, shortName(i)]));
  const word = (name) => new RegExp(`(?<![\\w$])${name.replace(/\$/g, "\\$")}(?![\\w$])`, "g");
  for (const [field, short] of [...renamed].sort((a, b) => b[0].length - a[0].length)) {
    const pattern = word(field);
    const uses = glue.match(pattern)?.length ?? 0;
    if (uses === 0) throw new Error(`the glue does not name the import ${field}`);
    if (word(short).test(glue)) throw new Error(`the glue already uses the name ${short}`);
    glue = glue.replace(pattern, short);
  }
  glue = glue.replace(quotedModule, '"a"');
  const name = (s) => [...leb(Buffer.byteLength(s)), ...Buffer.from(s)];
  const body = [...leb(imports.length)];
  for (const imp of imports) body.push(...name("a"), ...name(renamed.get(imp.field)), ...imp.rest);
  const rewritten = Buffer.concat([
    wasm.subarray(0, importSection.header),
    Buffer.from([2, ...leb(body.length), ...body]),
    wasm.subarray(importSection.end),
  ]);
  const before = [wasm.length, readFileSync(join(dir, glueName), "utf8").length];
  writeFileSync(join(dir, wasmName), rewritten);
  writeFileSync(join(dir, glueName), glue);
  return [before[0] - rewritten.length, before[1] - glue.length];
}
