// How well brotli compresses the text of a scale corpus, beside the real text: a generated corpus
// whose copies repeat their originals compresses far better than real text (issue 14 wants the
// 100× ratio within 25% of the 1× ratio). Both with the same settings: quality 9, a 16 MB window.
// Usage: node bench/text-ratio.mjs REAL_DIR SCALED_DIR > OUT.json
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants } from "node:zlib";

const texts = (dir) =>
  readdirSync(dir)
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? texts(path) : path.endsWith(".txt") ? [path] : [];
    })
    .sort();

function ratio(dir) {
  const text = Buffer.concat(texts(dir).map((f) => readFileSync(f)));
  const params = {
    [constants.BROTLI_PARAM_QUALITY]: 9,
    [constants.BROTLI_PARAM_LGWIN]: 24,
    [constants.BROTLI_PARAM_SIZE_HINT]: text.length,
  };
  const brotli = brotliCompressSync(text, { params }).length;
  return { dir, bytes: text.length, brotli_bytes: brotli, ratio: text.length / brotli };
}

const [realDir, scaledDir] = process.argv.slice(2);
const real = ratio(realDir);
const scaled = ratio(scaledDir);
console.log(JSON.stringify({ real, scaled, scaled_over_real: scaled.ratio / real.ratio }, null, 2));
