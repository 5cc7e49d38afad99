// The build step that gives the wasm's imports short names (scripts/short-imports.mjs), on a wasm file made
// here by hand: the renamed pair still links and runs, the files get a new hash that index.html follows,
// a second run changes nothing, and a glue that does not name an import stops the build with the reason.
import { expect, test } from "@playwright/test";
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { shortenImports } from "../../scripts/short-imports.mjs";

const MODULE = "./briefwissel-app_bg.js";
const IMPORT = "__wbg_hello_0123456789abcdef";
const STEM = "briefwissel-app-00000000000000aa";

const bytes = (s: string) => [s.length, ...Buffer.from(s)];
const section = (id: number, body: number[]) => [id, body.length, ...body];

/** A wasm module that imports one function () -> () and exports `run`, which calls it. */
function wasm(): Buffer {
  return Buffer.from([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, [1, 0x60, 0, 0]),
    ...section(2, [1, ...bytes(MODULE), ...bytes(IMPORT), 0, 0]),
    ...section(3, [1, 0]),
    ...section(7, [1, ...bytes("run"), 0, 1]),
    ...section(10, [1, 4, 0, 0x10, 0, 0x0b]),
  ]);
}

/** The glue as an expression: its import object, which counts the calls. */
const glue = `({${JSON.stringify(MODULE)}:{${IMPORT}:function(){globalThis.calls=(globalThis.calls||0)+1}}})`;

function build(glueText = glue): string {
  const dir = mkdtempSync(join(tmpdir(), "short-imports-"));
  writeFileSync(join(dir, `${STEM}_bg.wasm`), wasm());
  writeFileSync(join(dir, `${STEM}.js`), glueText);
  writeFileSync(join(dir, "index.html"), `<link rel="modulepreload" href="./${STEM}.js"><script data-wasm="./${STEM}_bg.wasm"></script>`);
  return dir;
}

test("the renamed wasm and glue still link and run, under a new hash that index.html names", async () => {
  const dir = build();
  const said = shortenImports(dir);
  expect(said).toContain("1 import names shortened");
  const names = readdirSync(dir).filter((f) => f.startsWith("briefwissel-app-"));
  expect(names).toHaveLength(2);
  const stem = names.find((f) => f.endsWith(".js"))!.replace(/\.js$/, "");
  expect(stem).not.toBe(STEM);
  expect(readFileSync(join(dir, "index.html"), "utf8")).toBe(
    `<link rel="modulepreload" href="./${stem}.js"><script data-wasm="./${stem}_bg.wasm"></script>`,
  );
  const renamedGlue = readFileSync(join(dir, `${stem}.js`), "utf8");
  expect(renamedGlue).not.toContain(IMPORT);
  expect(renamedGlue).not.toContain(MODULE);
  const imports = eval(renamedGlue);
  const { instance } = await WebAssembly.instantiate(readFileSync(join(dir, `${stem}_bg.wasm`)), imports);
  const before = (globalThis as { calls?: number }).calls ?? 0;
  (instance.exports.run as () => void)();
  expect((globalThis as { calls?: number }).calls).toBe(before + 1);
  expect(WebAssembly.Module.imports(new WebAssembly.Module(readFileSync(join(dir, `${stem}_bg.wasm`))))).toEqual([
    { module: "a", name: "$a", kind: "function" },
  ]);

  expect(shortenImports(dir)).toContain("short import names already");
  expect(readdirSync(dir).filter((f) => f.startsWith("briefwissel-app-")).sort()).toEqual(names.sort());
});

test("a glue that does not name an import of the wasm stops the build and says which", () => {
  const dir = build(glue.replace(IMPORT, "__wbg_other_0123456789abcdef"));
  expect(() => shortenImports(dir)).toThrow(`does not name the import ${IMPORT}`);
  expect(readdirSync(dir).sort()).toEqual([`${STEM}.js`, `${STEM}_bg.wasm`, "index.html"]);
});
