// The judged query set: a reader for its small TOML subset and recall/precision scoring of result lists against it.

/** Parses the TOML subset of judged_queries.toml: `# comments`, `[[table]]` arrays of tables, `key = value`
 * with basic "strings" (escapes), 'literal strings', integers, booleans and (multi-line) arrays of those.
 * Returns the root table; `[[query]]` tables end up in `root.query`. Throws with a line number on anything else. */
export function parseTomlSubset(text) {
  const root = {};
  let table = root;
  let at = 0;
  const lineAt = () => text.slice(0, at).split("\n").length;
  const fail = (what) => {
    throw new Error(`judged TOML, line ${lineAt()}: ${what}`);
  };
  const skipBlank = (newlines) => {
    for (;;) {
      const c = text[at];
      if (c === " " || c === "\t" || c === "\r" || (newlines && c === "\n")) at++;
      else if (c === "#") while (at < text.length && text[at] !== "\n") at++;
      else return;
    }
  };
  const ESCAPES = { '"': '"', "\\": "\\", n: "\n", t: "\t", r: "\r", b: "\b", f: "\f" };
  const basicString = () => {
    let out = "";
    for (at++; ; at++) {
      const c = text[at];
      if (c === undefined || c === "\n") fail("unterminated string");
      if (c === '"') return at++, out;
      if (c !== "\\") {
        out += c;
        continue;
      }
      const e = text[++at];
      if (e in ESCAPES) out += ESCAPES[e];
      else if (e === "u" || e === "U") {
        const digits = e === "u" ? 4 : 8;
        out += String.fromCodePoint(parseInt(text.slice(at + 1, at + 1 + digits), 16));
        at += digits;
      } else fail(`unknown escape \\${e}`);
    }
  };
  const value = () => {
    const c = text[at];
    if (c === '"') return basicString();
    if (c === "'") {
      const end = text.indexOf("'", at + 1);
      if (end < 0) fail("unterminated literal string");
      const s = text.slice(at + 1, end);
      at = end + 1;
      return s;
    }
    if (c === "[") {
      const items = [];
      at++;
      for (;;) {
        skipBlank(true);
        if (text[at] === "]") return at++, items;
        items.push(value());
        skipBlank(true);
        if (text[at] === ",") at++;
        else if (text[at] !== "]") fail("expected , or ] in array");
      }
    }
    const word = /^(true|false|[+-]?\d+)/.exec(text.slice(at, at + 32));
    if (!word) fail(`unsupported value starting with ${JSON.stringify(c)}`);
    at += word[0].length;
    return word[0] === "true" ? true : word[0] === "false" ? false : Number(word[0]);
  };
  for (;;) {
    skipBlank(true);
    if (at >= text.length) return root;
    if (text.startsWith("[[", at)) {
      const end = text.indexOf("]]", at);
      if (end < 0) fail("unterminated [[table]]");
      const name = text.slice(at + 2, end).trim();
      table = {};
      (root[name] ??= []).push(table);
      at = end + 2;
      continue;
    }
    const key = /^[A-Za-z0-9_-]+/.exec(text.slice(at, at + 100));
    if (!key) fail("expected a key or [[table]]");
    at += key[0].length;
    skipBlank(false);
    if (text[at] !== "=") fail(`expected = after ${key[0]}`);
    at++;
    skipBlank(false);
    table[key[0]] = value();
    skipBlank(false);
    if (at < text.length && text[at] !== "\n") fail("expected the end of the line");
  }
}

/** The judged queries: { text, class, why, relevant: [question id], documents: [letter id] | null }. */
export function judgedQueries(tomlText) {
  return (parseTomlSubset(tomlText).query ?? []).map((q) => ({
    text: q.text,
    class: q.class,
    why: q.why ?? "",
    relevant: q.relevant ?? [],
    documents: q.documents ?? null,
  }));
}

/** Recall and precision of one result list. Precision of an empty result is 1 when nothing is relevant,
 * else 0 (a query that finds nothing while something is relevant scores no precision, as in trec_eval). */
export function scoreResult(relevantIds, foundIds) {
  const relevant = new Set(relevantIds);
  const found = [...new Set(foundIds)];
  const correct = found.filter((id) => relevant.has(id)).length;
  return {
    relevant: relevant.size,
    found: found.length,
    correct,
    recall: relevant.size === 0 ? 1 : correct / relevant.size,
    precision: found.length === 0 ? (relevant.size === 0 ? 1 : 0) : correct / found.length,
    missed: [...relevant].filter((id) => !found.includes(id)),
    wrong: found.filter((id) => !relevant.has(id)),
  };
}

/** Sums of a group of per-query scores: micro (over all (query, question) pairs) and macro (mean of the queries). */
export function summarize(scores) {
  const sum = (key) => scores.reduce((n, s) => n + s[key], 0);
  const mean = (key) => (scores.length ? sum(key) / scores.length : null);
  const [relevant, found, correct] = ["relevant", "found", "correct"].map(sum);
  return {
    queries: scores.length,
    relevant,
    found,
    correct,
    recall: relevant === 0 ? 1 : correct / relevant,
    precision: found === 0 ? (relevant === 0 ? 1 : 0) : correct / found,
    mean_recall: mean("recall"),
    mean_precision: mean("precision"),
  };
}

/** Per class (in the order classes first appear) and in total, for each engine's per-query scores.
 * `perQuery` is [{ class, engines: { name: score } }]; the total also gives the mean of the class figures. */
export function summarizeByClass(perQuery, engineNames) {
  const classes = [...new Set(perQuery.map((q) => q.class))];
  const byClass = classes.map((name) => {
    const rows = perQuery.filter((q) => q.class === name);
    return { class: name, engines: Object.fromEntries(engineNames.map((e) => [e, summarize(rows.map((q) => q.engines[e]))])) };
  });
  const total = Object.fromEntries(
    engineNames.map((e) => {
      const all = summarize(perQuery.map((q) => q.engines[e]));
      const classMean = (key) => byClass.reduce((n, c) => n + c.engines[e][key], 0) / (byClass.length || 1);
      return [e, { ...all, class_mean_recall: classMean("recall"), class_mean_precision: classMean("precision") }];
    }),
  );
  return { byClass, total };
}
