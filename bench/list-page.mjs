// A second floor under the app's Event Timing: a plain page (no framework, no wasm) that filters the same corpus
// and redraws ten result cards, with the app's test ids, so that `interact` clicks and types on it as on the app
// (the same keystrokes; the first 16 checkboxes are its parties, not the app's parties and themes). What it
// measures is the cost, in this browser, of drawing a new page of results at all.

/** The page: party checkboxes, a search field, a count and ten cards (question, meta line, start of the answer),
 * redrawn from `docs` (the peer's docs.json: qid, text, answer, partij, thema, datum) on every change. */
export function listPage(docs) {
  const parties = [...new Set(docs.flatMap((d) => [].concat(d.partij ?? [])))].sort().slice(0, 16);
  const rows = docs.map((d) => ({
    id: d.qid,
    t: d.text ?? "",
    a: d.answer ?? "",
    p: [].concat(d.partij ?? []),
    d: d.datum ?? "",
    th: [].concat(d.thema ?? []),
  }));
  const attr = (s) => String(s).replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`);
  const boxes = parties.map((p) => `<label><input type="checkbox" data-facet="partij" data-value="${attr(p)}"> ${attr(p)}</label>`);
  return `<!doctype html><html lang="nl"><head><meta charset="utf-8"><style>
body{font:16px/1.5 system-ui,sans-serif;margin:0;display:flex;gap:24px;padding:16px}
aside{width:240px}label{display:block}main{flex:1}ol{list-style:none;padding:0}
li{border:1px solid #ccc;border-radius:6px;padding:12px;margin:0 0 12px}h3{margin:0 0 4px;font-size:17px}
.meta{color:#555;font-size:14px;margin:0 0 4px}p{margin:0}
</style></head><body><aside>${boxes.join("")}</aside><main>
<input type="search" data-testid="search-input" style="width:100%;font-size:16px">
<p data-testid="result-count"></p><ol id="list"></ol></main>
<script>
const docs = ${JSON.stringify(rows).replace(/</g, "\\u003c")};
for (const d of docs) d.low = (d.t + " " + d.a).toLowerCase();
const esc = (s) => s.replace(/[&<>"]/g, (c) => "&#" + c.charCodeAt(0) + ";");
function draw() {
  const q = document.querySelector("[type=search]").value.trim().toLowerCase();
  const on = [...document.querySelectorAll("[data-facet]:checked")].map((e) => e.dataset.value);
  const hits = docs.filter((d) => (!q || d.low.includes(q)) && (!on.length || d.p.some((p) => on.includes(p))));
  document.querySelector("[data-testid=result-count]").textContent = hits.length + " vragen";
  document.getElementById("list").innerHTML = hits.slice(0, 10).map((d) =>
    '<li data-testid="question" data-question-id="' + esc(d.id) + '"><h3>' + esc(d.t.slice(0, 140)) + "</h3>" +
    '<p class="meta">' + esc(d.p.join(", ") + " · " + d.d + " · " + d.th.join(", ")) + "</p>" +
    "<p>" + esc(d.a.slice(0, 260)) + "</p></li>").join("");
}
document.addEventListener("change", draw);
document.querySelector("[type=search]").addEventListener("input", draw);
draw();
</script></body></html>`;
}
