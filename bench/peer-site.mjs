// Builds the peer sites for one corpus export: a static HTML site indexed by Pagefind (one page per
// question with its answer, filters partij/thema/jaar; indexed text: the question's heading, text and answer,
// as Briefwissel indexes a question) and the texts as JSON for the MiniSearch peer.
// Usage: node bench/peer-site.mjs EXPORT.json OUT_DIR
import { mkdirSync, rmSync, writeFileSync, copyFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { eachElement } from "./json-arrays.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const [exportPath, outDir] = process.argv.slice(2);
if (!exportPath || !outDir) {
  console.error("usage: node bench/peer-site.mjs EXPORT.json OUT_DIR");
  process.exit(2);
}

// What the pages need of the export, read an element at a time (the 500× export is larger than one
// JavaScript string may be).
const corpus = { parties: [], questions: [] };
const answers = new Map();
eachElement(exportPath, {
  parties: (p) => corpus.parties.push(p),
  questions: (q) => corpus.questions.push(q),
  answers: (a) => answers.set(a.id, { text: a.text }),
});
const abbreviation = new Map(corpus.parties.map((p) => [p.name, p.abbreviation]));

const escape = (s) =>
  String(s ?? "").replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);
const paragraphs = (text) =>
  String(text ?? "")
    .split(/\n\n+/)
    .map((p) => `<p>${escape(p)}</p>`)
    .join("\n");

rmSync(outDir, { recursive: true, force: true });
const site = join(outDir, "site");
mkdirSync(join(site, "v"), { recursive: true });

const docs = [];
corpus.questions.forEach((q, n) => {
  const answer = q.answer_id ? answers.get(q.answer_id) : undefined;
  const parties = q.parties.map((p) => abbreviation.get(p) ?? p);
  const year = q.asked_on ? q.asked_on.slice(0, 4) : "onbekend";
  const filters = [
    ...parties.map((p) => `<span data-pagefind-filter="partij">${escape(p)}</span>`),
    ...q.themes.map((t) => `<span data-pagefind-filter="thema">${escape(t)}</span>`),
    `<span data-pagefind-filter="jaar">${year}</span>`,
  ].join(" ");
  // Pagefind indexes what Briefwissel indexes for a question (its heading, text and answer) and no more.
  // The filter labels are marked data-pagefind-ignore (out of the index, still read as filters). The
  // page has no title: Pagefind indexes a page's title and its data-pagefind-meta values too (with the
  // document title, "asiel" found 40 questions where Briefwissel, which does not search document titles
  // for questions, finds 25; without it, 25).
  const page = `<!doctype html>
<html lang="nl"><head><meta charset="utf-8"></head>
<body>
<main data-pagefind-body>
<div data-pagefind-ignore>${filters}</div>
<section>${q.heading ? `<h2>${escape(q.heading)}</h2>` : ""}${paragraphs(q.text)}</section>
<section>${answer ? paragraphs(answer.text) : ""}</section>
</main></body></html>\n`;
  writeFileSync(join(site, "v", `${n}.html`), page);
  docs.push({
    id: n,
    qid: q.id,
    text: q.heading ? `${q.heading}\n\n${q.text}` : q.text,
    answer: answer ? answer.text : "",
    partij: parties,
    thema: q.themes,
    datum: q.asked_on ?? "",
  });
});

writeFileSync(join(site, "docs.json"), JSON.stringify(docs));
for (const page of ["pagefind.html", "minisearch.html"]) {
  copyFileSync(join(here, "peer", page), join(site, page));
}
copyFileSync(join(here, "queries.json"), join(site, "queries.json"));
copyFileSync(join(here, "node_modules/minisearch/dist/es/index.js"), join(site, "minisearch.js"));

const started = Date.now();
const pagefindBin = join(here, "node_modules/.bin/pagefind");
const log = execFileSync(pagefindBin, ["--site", site, "--force-language", "nl"], { encoding: "utf8" });
const seconds = (Date.now() - started) / 1000;
writeFileSync(join(outDir, "pagefind.log"), log);
writeFileSync(join(outDir, "peer-build.json"), JSON.stringify({ pages: docs.length, pagefind_index_seconds: seconds }, null, 2));
console.log(`peer site: ${docs.length} question pages, Pagefind indexed in ${seconds.toFixed(1)} s → ${site}`);
