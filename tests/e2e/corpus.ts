// The corpus as the CLI exports it, and the filter rules the app must agree with (computed here
// from the export, never hard-coded): OR within a facet, AND across facets, inclusive dates.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";

export const EXPORT_PATH = resolve("target/e2e/corpus.json");

export interface Party { name: string; abbreviation: string; aliases: string[] }
export interface Theme { id: string; label: string; group: string }
export interface Question {
  id: string;
  document_id: string;
  number: string;
  parties: string[];
  themes: string[];
  asked_on: string | null;
  text: string;
  answer_id: string | null;
  /** Page of the PDF or Word original where the question stands (null for text files). */
  page: number | null;
  /** Every document the question stands in, its own first, with its role. */
  sources: Array<{ document_id: string; role: "vragen" | "uitstel" | "antwoord" }>;
  /** Date of a postponement notice among its sources. */
  postponed_on: string | null;
  /** Answering was postponed (a notice among its sources, or one its answer names): six weeks. */
  postponed: boolean;
  /** Ids of the ministries it was put to or answered by. */
  ministries: string[];
  /** `party_on` is set when the party was not printed but looked up in the member registry. */
  askers: Array<{ name: string | null; party: string | null; party_as_printed: string; party_on: string | null }>;
  /** Number (1-based) of the note in its document's row of verantwoording.html that concerns it. */
  report_note?: number;
}
export interface Answer { id: string; text: string; question_ids: string[]; page: number | null; answered_on: string | null; answered_by: string | null }
export interface Ministry { id: string; name: string; abbreviation: string }
export interface Document {
  id: string;
  kind: string;
  title: string;
  chamber: string | null;
  /** Source file name, e.g. `1c0f765c-….pdf` or `002_99.txt`. */
  file: string;
  /** Page count of a PDF or Word original (null for text files). */
  pages: number | null;
}
export interface Corpus {
  documents: Document[];
  questions: Question[];
  answers: Answer[];
  parties: Party[];
  themes: Theme[];
  ministries: Ministry[];
}

let cached: Corpus | null = null;
export function corpus(): Corpus {
  if (!cached) {
    const path = process.env.BRIEFWISSEL_EXPORT || EXPORT_PATH;
    cached = JSON.parse(readFileSync(path, "utf8")) as Corpus;
    if (cached.questions.length === 0) throw new Error(`${path} has no questions`);
  }
  return cached;
}

export interface Filter {
  parties?: string[]; // canonical names
  themes?: string[]; // ids
  from?: string; // YYYY-MM-DD
  to?: string;
}

export function matches(q: Question, f: Filter): boolean {
  if (f.parties?.length && !q.parties.some((p) => f.parties!.includes(p))) return false;
  if (f.themes?.length && !q.themes.some((t) => f.themes!.includes(t))) return false;
  if (f.from || f.to) {
    if (!q.asked_on) return false;
    if (f.from && q.asked_on < f.from) return false;
    if (f.to && q.asked_on > f.to) return false;
  }
  return true;
}

export function count(f: Filter): number {
  return corpus().questions.filter((q) => matches(q, f)).length;
}

export function abbreviation(name: string): string {
  const party = corpus().parties.find((p) => p.name === name);
  if (!party) throw new Error(`party ${name} is not in the registry`);
  return party.abbreviation;
}

/** Values used by questions, most frequent first (ties by name), with their counts. */
export function ranked(values: (q: Question) => string[]): Array<[string, number]> {
  const counts = new Map<string, number>();
  for (const q of corpus().questions) for (const v of values(q)) counts.set(v, (counts.get(v) || 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/** Lower case without diacritics, as the search compares words. */
export function fold(text: string): string {
  return text.normalize("NFD").replace(/\p{Diacritic}/gu, "").toLowerCase();
}

/** Questions whose own text or answer text contains this word (folded, whole word). */
export function questionsWithWord(word: string): Question[] {
  const c = corpus();
  const answers = new Map(c.answers.map((a) => [a.id, a.text]));
  const pattern = new RegExp(`(^|[^\\p{L}\\p{N}])${fold(word)}($|[^\\p{L}\\p{N}])`, "u");
  return c.questions.filter((q) => {
    const answer = q.answer_id ? answers.get(q.answer_id) || "" : "";
    return pattern.test(fold(q.text)) || pattern.test(fold(answer));
  });
}

/** Questions whose heading, own text or answer text contains `piece` anywhere, even inside a word
 * (folded): "asiel" in asielzoekers. */
export function questionsContaining(piece: string): Question[] {
  const c = corpus();
  const answers = new Map(c.answers.map((a) => [a.id, a.text]));
  const wanted = fold(piece);
  return c.questions.filter((q) => {
    const answer = q.answer_id ? answers.get(q.answer_id) || "" : "";
    const heading = (q as Question & { heading?: string | null }).heading || "";
    return [heading, q.text, answer].some((t) => fold(t).includes(wanted));
  });
}

/** Days from one ISO date to another. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * Where a question stands against its answer term on `today` (the Reglement van Orde's three weeks,
 * six after a postponement): "verlopen", "binnen" or "onbekend", and the days it took or has been open.
 */
export function term(q: Question, today: string): { term: "verlopen" | "binnen" | "onbekend"; days: number | null } {
  const answer = q.answer_id ? corpus().answers.find((a) => a.id === q.answer_id) : undefined;
  const until = q.answer_id ? answer?.answered_on ?? null : today;
  if (!q.asked_on || !until) return { term: "onbekend", days: null };
  const days = Math.max(0, daysBetween(q.asked_on, until));
  const allowed = q.postponed ? 42 : 21;
  return { term: days > allowed ? "verlopen" : "binnen", days };
}
