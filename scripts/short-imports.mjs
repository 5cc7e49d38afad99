// Short names for the functions the app's wasm imports from its JavaScript glue: wasm-bindgen names each
// one after the browser API it wraps with a 16-digit hash ("__wbg_remove_8228e91d7ddbc755", in the module
// "./briefwissel-app_bg.js"), and both the wasm's import section and the glue spell every name out: some
// 10 KB of names, most of it hashes that brotli cannot shrink (2.4 KB brotli of wasm, 1.7 KB of glue). Each
// name becomes a short one ("$a", "$b", …; the module "a") in both files at once, as a minifier renames,
// and the pair gets a new content hash in its file names (index.html follows), so a cache never pairs a
// renamed wasm with a glue of other names. Run by scripts/postbuild.mjs before the glue is minified.
// Usage: import { shortenImports } from "./short-imports.mjs"
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** The module name the renamed imports come from. */
const SHORT_MODULE = "a";

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

/** A reader of `wasm` from byte `at`: unsigned LEB128 numbers and names, never past the end. */
function reader(wasm, at) {
  const byte = () => {
    if (at >= wasm.length) throw new Error("the wasm file ends in the middle of a section");
    return wasm[at++];
  };
  const number = () => {
    let n = 0;
    let shift = 0;
    let b;
    do {
      b = byte();
      n += (b & 0x7f) * 2 ** shift;
      shift += 7;
    } while (b & 0x80);
    return n;
  };
  const text = () => {
    const length = number();
    if (at + length > wasm.length) throw new Error("a name runs past the end of the wasm file");
    const s = wasm.subarray(at, at + length).toString("utf8");
    at += length;
    return s;
  };
  const skip = (n) => {
    if (at + n > wasm.length) throw new Error("a section runs past the end of the wasm file");
    at += n;
  };
  return { byte, number, text, skip, at: () => at };
}

/** The sections of a wasm binary: [{ id, header, start, end }] (`header`: where its id byte is;
 * `start`, `end`: its contents). */
function sections(wasm) {
  if (wasm.length < 8 || wasm.readUInt32BE(0) !== 0x0061736d || wasm.readUInt32LE(4) !== 1) {
    throw new Error("not a version 1 wasm file");
  }
  const found = [];
  const read = reader(wasm, 8);
  while (read.at() < wasm.length) {
    const header = read.at();
    const id = read.byte();
    const size = read.number();
    const start = read.at();
    read.skip(size);
    found.push({ id, header, start, end: start + size });
  }
  return found;
}

/** The imports of a wasm import section: [{ module, field, rest }] (`rest`: the import's kind and
 * type, copied as they are). */
function readImports(wasm, section) {
  const read = reader(wasm, section.start);
  const count = read.number();
  const imports = [];
  for (let i = 0; i < count; i++) {
    const module = read.text();
    const field = read.text();
    const from = read.at();
    const kind = read.byte();
    if (kind !== 0) throw new Error(`import ${module}.${field} is not a function (kind ${kind})`);
    read.number();
    imports.push({ module, field, rest: wasm.subarray(from, read.at()) });
  }
  if (read.at() !== section.end) throw new Error("the import section has bytes after its imports");
  return imports;
}

/** The n-th short name: $a, $b, …, $z, $ba, $bb, … (`$` first: never a JS keyword, and no name the
 * minifier gives). */
function shortName(n) {
  let name = String.fromCharCode(97 + (n % 26));
  for (n = Math.floor(n / 26); n > 0; n = Math.floor(n / 26)) name = String.fromCharCode(97 + (n % 26)) + name;
  return `$${name}`;
}

const escaped = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** `name` as a whole word of JavaScript. */
const word = (name) => new RegExp(`(?<![\\w$])${escaped(name)}(?![\\w$])`, "g");

/** Renames the app's wasm imports in `dir` (its one `briefwissel-app-<hash>_bg.wasm` and the glue
 * `briefwissel-app-<hash>.js` next to it) and gives both a new hash. Returns what it did, for the log.
 * Throws, naming the reason, when the pair is not as wasm-bindgen writes it. */
export function shortenImports(dir) {
  const files = readdirSync(dir);
  const wasms = files.filter((f) => /^briefwissel-app-[0-9a-f]+_bg\.wasm$/.test(f));
  if (wasms.length !== 1) throw new Error(`${wasms.length} app wasm files in ${dir}, expected one`);
  const [wasmName] = wasms;
  const stem = wasmName.replace(/_bg\.wasm$/, "");
  const glueName = `${stem}.js`;
  if (!files.includes(glueName)) throw new Error(`no glue ${glueName} next to ${wasmName}`);
  const wasm = readFileSync(join(dir, wasmName));
  const originalGlue = readFileSync(join(dir, glueName), "utf8");
  let glue = originalGlue;
  const importSection = sections(wasm).find((s) => s.id === 2);
  if (!importSection) return `${wasmName} imports nothing`;
  const imports = readImports(wasm, importSection);
  const modules = [...new Set(imports.map((i) => i.module))];
  if (modules.length === 1 && modules[0] === SHORT_MODULE) return `${wasmName} has short import names already`;
  if (modules.length !== 1 || !modules[0].endsWith("_bg.js")) {
    throw new Error(`${wasmName} imports from ${modules.join(", ")}, not from one wasm-bindgen glue module`);
  }
  const quotedModule = JSON.stringify(modules[0]);
  if (glue.split(quotedModule).length !== 2) throw new Error(`${glueName} names ${modules[0]} other than once`);
  // Every name must stand in the glue as a whole word; the longest are replaced first.
  const renamed = new Map(imports.map((imp, i) => [imp.field, shortName(i)]));
  for (const [field, short] of [...renamed].sort((a, b) => b[0].length - a[0].length)) {
    if (!word(field).test(glue)) throw new Error(`${glueName} does not name the import ${field}`);
    if (word(short).test(glue)) throw new Error(`${glueName} already uses the name ${short}`);
    glue = glue.replace(word(field), short);
  }
  glue = glue.replace(quotedModule, JSON.stringify(SHORT_MODULE));
  const name = (s) => [...leb(Buffer.byteLength(s)), ...Buffer.from(s)];
  const body = [...leb(imports.length)];
  for (const imp of imports) body.push(...name(SHORT_MODULE), ...name(renamed.get(imp.field)), ...imp.rest);
  const renamedWasm = Buffer.concat([
    wasm.subarray(0, importSection.header),
    Buffer.from([2, ...leb(body.length), ...body]),
    wasm.subarray(importSection.end),
  ]);
  // New names from the new contents; index.html is written last, so a build stopped halfway still
  // names the old pair, which is still there.
  const hash = createHash("sha256").update(renamedWasm).update(glue).digest("hex").slice(0, 16);
  const newStem = `briefwissel-app-${hash}`;
  writeFileSync(join(dir, `${newStem}_bg.wasm`), renamedWasm);
  writeFileSync(join(dir, `${newStem}.js`), glue);
  const indexPath = join(dir, "index.html");
  writeFileSync(indexPath, readFileSync(indexPath, "utf8").split(stem).join(newStem));
  rmSync(join(dir, wasmName));
  rmSync(join(dir, glueName));
  const savedGlue = Buffer.byteLength(originalGlue) - Buffer.byteLength(glue);
  return `${imports.length} import names shortened (wasm -${wasm.length - renamedWasm.length} B, glue -${savedGlue} B); ${stem} is now ${newStem}`;
}
