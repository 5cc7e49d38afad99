// The search sections of docs/performance.md: quality on the judged query set (bench/out/judged-1x.json) and the index size (bench/out/index-size-1x.json).
import { readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants } from "node:zlib";

const read = (path) => (existsSync(path) ? JSON.parse(readFileSync(path, "utf8")) : null);
const percent = (x) => (x == null ? "–" : `${(100 * x).toFixed(1)} %`);
const kb = (x) => (x == null ? "–" : x >= 1e6 ? `${(x / 1e6).toFixed(2)} MB` : `${(x / 1e3).toFixed(1)} kB`);
const code = (s) => "`" + String(s).replace(/\|/g, "\\|") + "`";
const RECALL_AIM = 0.95;
const PRECISION_AIM = 0.9;

/** "Search quality on the judged query set (1×)", or no lines when the bench run did not measure it. */
export function searchQualitySection(outDir) {
  const judged = read(join(outDir, "judged-1x.json"));
  if (!judged) return [];
  const lines = [];
  const out = (s = "") => lines.push(s);
  const engines = (x) => [x.briefwissel, x.pagefind];
  out("## Search quality on the judged query set (1×)");
  out();
  out(`${judged.per_query.length} queries of ${code(judged.judged)}, judged by reading the documents, not by running a search engine`);
  out("(rules and doubtful cases in `JUDGED.md` next to it): a question is relevant when its heading, question text or answer");
  out("contains every query word as the word, an inflection or a real compound part; `\"…\"` needs the words in order, `-word` excludes.");
  out("Briefwissel = `briefwissel search` (release CLI; the same Rust engine the app runs as wasm), every result.");
  out("Pagefind = `pagefind.search(text)` on the peer site in Chromium, every result (not only the first page; a result's URL");
  out("names the question page, mapped to the question id through the site's `docs.json`), with the text exactly as in the judged set.");
  out("Recall = correct ÷ relevant, precision = correct ÷ found; class and total rows sum over all (query, question) pairs");
  out(`(micro); the last row is the plain mean of the class rows. An empty result has precision ${judged.precision_of_empty_result}.`);
  out();
  out("| class | queries | relevant | Briefwissel recall | Briefwissel precision | Pagefind recall | Pagefind precision |");
  out("| --- | --- | --- | --- | --- | --- | --- |");
  for (const c of judged.by_class) {
    const [b, p] = engines(c.engines);
    out(`| ${c.class} | ${b.queries} | ${b.relevant} | ${percent(b.recall)} | ${percent(b.precision)} | ${percent(p.recall)} | ${percent(p.precision)} |`);
  }
  const [b, p] = engines(judged.total);
  out(`| **all (micro)** | ${b.queries} | ${b.relevant} | **${percent(b.recall)}** | **${percent(b.precision)}** | **${percent(p.recall)}** | **${percent(p.precision)}** |`);
  out(`| mean of the classes | | | ${percent(b.class_mean_recall)} | ${percent(b.class_mean_precision)} | ${percent(p.class_mean_recall)} | ${percent(p.class_mean_precision)} |`);
  out();
  const aim = (t) => (t.recall >= RECALL_AIM && t.precision >= PRECISION_AIM ? "✅ met" : "❌ not met");
  out(`Aim: recall ≥ ${RECALL_AIM * 100} % with precision ≥ ${PRECISION_AIM * 100} % over all queries (micro). Briefwissel: ${aim(b)}`);
  out(`(${b.correct} correct of ${b.found} found, ${b.relevant} relevant); Pagefind: ${aim(p)} (${p.correct} correct of ${p.found} found).`);
  out();
  if (judged.briefwissel_letters) {
    const l = judged.briefwissel_letters;
    out(`Letters (documents without questions, the judged \`documents\`): Briefwissel finds ${l.correct} of ${l.relevant} with ${l.found - l.correct}`);
    out(`wrong (recall ${percent(l.recall)}, precision ${percent(l.precision)}); the Pagefind site has question pages only.`);
    out();
  }
  if (judged.unknown_judged_ids?.length) out(`Judged ids not in the corpus (they count as misses): ${judged.unknown_judged_ids.join(", ")}.`), out();
  out("Reading the Pagefind figures:");
  out();
  out("- Pagefind has no `-word` exclusion: it searches the minus word like any other word, so `politie -wolvega` finds");
  out("  what `politie wolvega` finds. The exclusion rows measure that, not a tuning of Pagefind.");
  out("- Each peer page carries its document's title (\"Vragen van het lid … aan de Minister van Klimaat en Groene Groei over …\")");
  out("  in its indexed body, as in the speed benchmarks. The judged set does not count titles, so a question whose document");
  out("  title holds the query word is found even where the question and answer do not mention it (`klimaat`, `financien`, …)" +
    (judged.title_hits ? `: ${judged.title_hits.pagefind} of Pagefind's ${p.found - p.correct} wrong hits are in a document whose title` : "."));
  if (judged.title_hits) out(`  contains a query word's letters (Briefwissel: ${judged.title_hits.briefwissel} of ${b.found - b.correct}).`);
  out();
  out("<details><summary>Per query: found / correct of each engine</summary>");
  out();
  out("| query | class | relevant | Briefwissel found | Briefwissel correct | Pagefind found | Pagefind correct |");
  out("| --- | --- | --- | --- | --- | --- | --- |");
  for (const q of judged.per_query) {
    const [qb, qp] = engines(q.engines);
    out(`| ${code(q.text)} | ${q.class} | ${qb.relevant} | ${qb.found} | ${qb.correct} | ${qp.found} | ${qp.correct} |`);
  }
  out();
  out("</details>");
  out();
  return lines;
}

/** Brotli size (quality 11, as bench/serve.mjs sends text) of a part the index_size example wrote, or null. */
function brotliSize(partsDir, name) {
  const file = join(partsDir, `${name}.bin`);
  if (!existsSync(file)) return null;
  return brotliCompressSync(readFileSync(file), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
}

/** "Search index size (1×)", or no lines when the bench run did not measure it. */
export function indexSizeSection(outDir) {
  const size = read(join(outDir, "index-size-1x.json"));
  if (!size) return [];
  const partsDir = join(outDir, "index-size-1x");
  const raw = size.raw_bytes;
  const lines = [];
  const out = (s = "") => lines.push(s);
  out("## Search index size (1×)");
  out();
  out("From `cargo run --release -p briefwissel-corpus --example index_size -- data/documents` (`Bundle::build`, then");
  out(`\`encode_split\` with chunks of ${size.chunk_target_bytes / 1024} KiB): ${size.terms} terms for ${size.questions} questions. Each part is`);
  out("its postcard encoding; brotli is quality 11 of that part alone (parts compress a little better inside the whole head).");
  out();
  out("| part | raw | brotli | loaded |");
  out("| --- | --- | --- | --- |");
  const PARTS = [
    ["head (corpus columns without the texts, names of the index file and text shards)", "head", "before first results"],
    ["  corpus columns", "corpus_columns", "in the head"],
    ["text shards (questions, answers, letters)", "texts", "for the cards and pages shown"],
    ["index file (index without posting lists)", "index_file", "after the first results, or with a ?q= link"],
    ["  terms (sorted, concatenated)", "terms", "in the index file"],
    ["  term lengths", "term_lengths", "in the index file"],
    ["  compounds (parts of compound words)", "compounds", "in the index file"],
    ["  posting-list lengths", "posting_lengths", "in the index file"],
    ["  unit lengths + chunk table", ["unit_lengths", "chunk_table"], "in the index file"],
    [`posting-list chunks (${size.chunk_count}, largest ${kb(size.largest_chunk_bytes)})`, "chunks", "when a search needs them"],
    ["whole unsplit artifact (for comparison)", "whole_artifact", "not shipped to the web"],
  ];
  for (const [label, keys, when] of PARTS) {
    const names = [keys].flat();
    const rawSum = names.reduce((n, k) => n + (raw[k] ?? 0), 0);
    const brotli = names.map((k) => brotliSize(partsDir, k));
    const brotliSum = brotli.includes(null) ? null : brotli.reduce((n, x) => n + x, 0);
    out(`| ${label.replace(/^ +/, (s) => "&nbsp;".repeat(s.length))} | ${kb(rawSum)} | ${kb(brotliSum)} | ${when} |`);
  }
  out();
  const browser = read(join(outDir, "browser-1x.json"));
  const sent = browser?.targets?.briefwissel?.start_page?.files_before?.find(([path]) => path.includes("corpus-"));
  const before = browser?.targets?.briefwissel?.start_page?.served_bytes_before;
  out("The head is one of the files the app loads before its first results" + (sent ? ` (this run sent it as ${kb(sent[1])} of the start page's ${kb(before)})` : "") + ".");
  out("The index file is fetched right after the first results are on screen (or at once, with the head, for a shared `?q=` link),");
  out("and posting-list chunks when a search text needs them, so the index's size, and any growth of it, counts in the");
  out('"bytes sent before first filtered results" rows above, and not in the start page\'s.');
  out();
  return lines;
}
