// Search quality on the judged query set: Briefwissel (release CLI, the engine the app runs as wasm) and Pagefind (its JS API in Chromium), recall and precision per query class.
// Usage: node bench/judged.mjs --bin TARGET/release/briefwissel --data data/documents --peer bench/out/peer-1x/site --out bench/out/judged-1x.json
//        [--export bench/out/export-1x.json (to score Briefwissel's letters too)] [--judged crates/corpus/tests/fixtures/search/judged_queries.toml]
import { chromium } from "playwright-core";
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { serve } from "./serve.mjs";
import { judgedQueries, scoreResult, summarize, summarizeByClass } from "./judged-set.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const JUDGED_DEFAULT = join(here, "..", "crates/corpus/tests/fixtures/search/judged_queries.toml");
const ENGINES = ["briefwissel", "pagefind"];

function parseArgs(argv) {
  const args = {};
  for (let i = 0; i < argv.length; i += 2) {
    if (!argv[i].startsWith("--") || argv[i + 1] === undefined) return null;
    args[argv[i].slice(2)] = argv[i + 1];
  }
  return ["bin", "data", "peer", "out"].every((k) => args[k]) ? args : null;
}

/** Briefwissel's results for every query text, in one run of `briefwissel search`: Map text → { questions, documents }. */
function briefwisselResults(bin, dataDir, texts) {
  const json = execFileSync(bin, ["search", dataDir, "--", ...texts], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  const results = JSON.parse(json);
  if (results.length !== texts.length) throw new Error(`briefwissel search answered ${results.length} of ${texts.length} queries`);
  return new Map(results.map((r, i) => [texts[i], { questions: r.questions, documents: r.documents }]));
}

/** Pagefind's results for every query text, as typed, through its JS API in the peer site's search page
 * (bench/peer/pagefind.html, served as bench/browser.mjs serves it). All results, not only the first page.
 * A result's URL `/v/N.html` is question N of the peer site's docs.json, which carries the question id. */
async function pagefindResults(siteDir, texts) {
  const pages = JSON.parse(readFileSync(join(siteDir, "docs.json"), "utf8"));
  const questionOfUrl = (url) => {
    const n = /\/v\/(\d+)(?:\.html)?$/.exec(url)?.[1];
    return n === undefined ? null : (pages[Number(n)]?.qid ?? null);
  };
  const server = await serve(siteDir, { spaFallback: false });
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"] });
  try {
    const page = await browser.newPage();
    await page.goto(`${server.url}/pagefind.html`);
    await page.waitForFunction(() => performance.getEntriesByName("first-results").length > 0, null, { timeout: 120_000 });
    const answers = await page.evaluate(async (queries) => {
      // The module the page has already initialised (same URL, so the same instance).
      const pagefind = await import(new URL("./pagefind/pagefind.js", location.href).href);
      const out = [];
      for (const text of queries) {
        const search = await pagefind.search(text);
        const data = await Promise.all(search.results.map((r) => r.data()));
        out.push(data.map((d) => d.url));
      }
      return out;
    }, texts);
    return new Map(
      texts.map((text, i) => {
        const urls = answers[i];
        // A page that is no question page still counts as found (and wrong); none is expected.
        return [text, { questions: urls.map((u) => questionOfUrl(u) ?? `unmapped:${u}`), documents: null }];
      }),
    );
  } finally {
    await browser.close();
    await server.close();
  }
}

/** Ids of the export's documents that hold no question. */
function lettersOf(corpusExport) {
  const withQuestions = new Set(corpusExport.questions.map((q) => q.document_id));
  return new Set(corpusExport.documents.map((d) => d.id).filter((id) => !withQuestions.has(id)));
}

/** Per engine: wrong hits whose document title contains a searched (not excluded) query word, diacritics and case folded. */
function wrongHitsWithWordInTitle(corpusExport, perQuery) {
  const fold = (s) => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
  const titles = new Map(corpusExport.documents.map((d) => [d.id, fold(d.title ?? "")]));
  const titleOf = new Map(corpusExport.questions.map((q) => [q.id, titles.get(q.document_id) ?? ""]));
  const count = (engine) =>
    perQuery.reduce((n, q) => {
      const words = fold(q.text.replace(/"/g, "")).split(/\s+/).filter((w) => w && !w.startsWith("-"));
      return n + q.engines[engine].wrong.filter((id) => words.some((w) => (titleOf.get(id) ?? "").includes(w))).length;
    }, 0);
  return Object.fromEntries(ENGINES.map((e) => [e, count(e)]));
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (!args) {
    console.error("usage: node bench/judged.mjs --bin BRIEFWISSEL --data DATA_DIR --peer PEER_SITE --out FILE [--export EXPORT.json] [--judged FILE]");
    process.exit(2);
  }
  const judgedPath = args.judged ?? JUDGED_DEFAULT;
  const queries = judgedQueries(readFileSync(judgedPath, "utf8"));
  const texts = queries.map((q) => q.text);
  console.log(`judged: ${queries.length} queries; Briefwissel`);
  const results = { briefwissel: briefwisselResults(args.bin, args.data, texts) };
  console.log("judged: Pagefind in Chromium");
  results.pagefind = await pagefindResults(args.peer, texts);

  // Judged ids the corpus does not have would count as misses for both engines: list them.
  const known = new Set(JSON.parse(readFileSync(join(args.peer, "docs.json"), "utf8")).map((p) => p.qid));
  const unknownJudgedIds = [...new Set(queries.flatMap((q) => q.relevant))].filter((id) => !known.has(id));

  // Letters = documents without questions (what the judged `documents` lists); Briefwissel's document
  // hits also name documents with questions (matched in their title or introduction), which are left out here.
  const corpusExport = args.export ? JSON.parse(readFileSync(args.export, "utf8")) : null;
  const letterIds = corpusExport ? lettersOf(corpusExport) : null;
  const perQuery = queries.map((q) => ({
    text: q.text,
    class: q.class,
    engines: Object.fromEntries(ENGINES.map((e) => [e, scoreResult(q.relevant, results[e].get(q.text).questions)])),
    briefwissel_letters:
      letterIds && q.documents
        ? scoreResult(q.documents, results.briefwissel.get(q.text).documents.filter((id) => letterIds.has(id)))
        : null,
  }));
  const { byClass, total } = summarizeByClass(perQuery, ENGINES);
  const letters = perQuery.filter((q) => q.briefwissel_letters);
  const report = {
    judged: judgedPath.replace(join(here, "..") + "/", ""),
    data: args.data,
    started: new Date().toISOString(),
    precision_of_empty_result: "1 when no question is relevant, else 0",
    unknown_judged_ids: unknownJudgedIds,
    by_class: byClass,
    total,
    title_hits: corpusExport ? wrongHitsWithWordInTitle(corpusExport, perQuery) : null,
    briefwissel_letters: letters.length ? summarize(letters.map((q) => q.briefwissel_letters)) : null,
    per_query: perQuery,
  };
  mkdirSync(dirname(args.out), { recursive: true });
  writeFileSync(args.out, JSON.stringify(report, null, 2));
  const percent = (x) => `${(100 * x).toFixed(1)} %`;
  for (const e of ENGINES) {
    const t = total[e];
    console.log(`judged: ${e}: recall ${percent(t.recall)}, precision ${percent(t.precision)} (${t.correct} correct of ${t.found} found, ${t.relevant} relevant)`);
  }
  console.log(`judged: wrote ${args.out}`);
}

await main();
