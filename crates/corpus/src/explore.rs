//! The explorer: filters questions by facets, date range and search text, counts facets, sorts, finds letters.

use crate::date::Date;
use crate::model::{Chamber, Corpus, DocumentKind};
use crate::order::{by_score_then_rank, sort_ids, sort_items};
use crate::own_documents::is_own;
use crate::query::{own_slug, Query, Sort, UNKNOWN_MINISTRY, UNKNOWN_PARTY, UNKNOWN_PARTY_LABEL};
use crate::search::bitset::Bitset;
use crate::search::expand::Expansion;
use crate::search::suggest::suggestion;
use crate::search::units::{AnswerLookup, Part, UnitMap};
use crate::search::{HighlightTerms, IndexReader, SearchIndex, SearchText};
use crate::texts::Texts;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};
use text_matches::{ReadSearch, TextMatches};

mod terms;
mod text_matches;
mod text_shards;

/// Questions per page in the list.
pub const PAGE_SIZE: usize = 10;

/// One selectable value of a facet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FacetValue {
    /// The value as written in the URL (party abbreviation, theme id, kind or chamber slug, `ja`/`nee`).
    pub value: String,
    /// Dutch label for the interface.
    pub label: String,
    /// Matching questions if this value were the facet's only choice… combined with the other
    /// facets: counted with every other facet, the dates and the search text applied.
    pub count: usize,
    pub selected: bool,
}

/// The facets of the question list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Facets {
    pub parties: Vec<FacetValue>,
    pub themes: Vec<FacetValue>,
    pub kinds: Vec<FacetValue>,
    pub chambers: Vec<FacetValue>,
    pub answered: Vec<FacetValue>,
    pub ministries: Vec<FacetValue>,
    /// Where questions stand against their answer term, as of the explorer's date.
    pub terms: Vec<FacetValue>,
    /// `eigen` (added on this device) and `gepubliceerd`, when there are own documents.
    pub sources: Vec<FacetValue>,
}

/// A document whose own text (title, footnotes or sections outside its questions) matches the
/// search text; this is how letters without questions are found.
#[derive(Debug, Clone, PartialEq)]
pub struct DocumentHit {
    /// Index into `corpus.documents`.
    pub document: u32,
    /// The title or a footnote matches.
    pub title: bool,
    /// Indices into the document's `sections` that match, in order.
    pub sections: Vec<u32>,
    /// Best BM25 score of its matching parts.
    pub score: f32,
}

/// What the explorer shows for a query.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    /// Indices into `corpus.questions` of all matches, in the requested order.
    pub questions: Vec<u32>,
    pub total: usize,
    pub facets: Facets,
    /// Matching documents (only when there is a search text), in the requested order.
    pub document_hits: Vec<DocumentHit>,
    /// What to mark in the texts shown.
    pub highlight: HighlightTerms,
    /// A search text that would find something, when this one finds nothing because some of its
    /// words are in no text ("Bedoelde u …?").
    pub suggestion: Option<String>,
    /// Chunks of a split index that the search text needs and that are not loaded yet. While
    /// this is not empty the outcome is incomplete: it counts no text matches. Load the chunks
    /// with [`Explorer::add_index_chunk`] and run the query again.
    pub missing_index_chunks: Vec<usize>,
    /// The search text needs the index, which has not arrived yet ([`Explorer::set_index`]);
    /// the outcome counts no text matches.
    pub waiting_for_index: bool,
    /// Text shards a phrase search must read and that have not arrived yet
    /// ([`crate::texts::Texts::add_shard`]); the outcome is incomplete until they have.
    pub missing_text_shards: Vec<usize>,
    /// Questions without a date that match everything else but that the date range leaves out
    /// (0 without a range, or when `datum=onbekend` adds them).
    pub undated_left_out: usize,
}

impl Outcome {
    /// The question indices on a 1-based page (empty past the last page).
    pub fn page(&self, page: u32) -> &[u32] {
        let start = (page.max(1) as usize - 1).saturating_mul(PAGE_SIZE);
        let end = start.saturating_add(PAGE_SIZE).min(self.questions.len());
        self.questions.get(start..end).unwrap_or(&[])
    }

    /// False while the outcome waits for the index or some of its chunks (it then counts no
    /// text matches).
    pub fn is_complete(&self) -> bool {
        self.missing_index_chunks.is_empty()
            && !self.waiting_for_index
            && self.missing_text_shards.is_empty()
    }

    /// Number of pages (at least 1).
    pub fn page_count(&self) -> u32 {
        self.total.div_ceil(PAGE_SIZE).max(1) as u32
    }
}

struct FacetEntry {
    /// What a [`Query`] holds for this value (party name, theme id, slug, `ja`/`nee`).
    key: String,
    value: String,
    label: String,
    questions: Bitset,
}

/// Answers queries over one corpus and its index; build once, run often.
pub struct Explorer<'a> {
    corpus: &'a Corpus,
    units: UnitMap,
    /// Set at once, or later by [`Explorer::set_index`] when the index arrives on its own.
    reader: OnceLock<IndexReader<'a>>,
    index_problem: OnceLock<String>,
    answers: AnswerLookup<'a>,
    /// The texts: in the corpus, or in shards that arrive later ([`Explorer::with_text_table`]).
    texts: Texts<'a>,
    /// Facets in order: parties, themes, kinds, chambers, answered, ministries, terms, sources.
    facets: [Vec<FacetEntry>; FACETS],
    newest: Vec<u32>,
    oldest: Vec<u32>,
    /// Longest wait first, as of `today`.
    waiting: Vec<u32>,
    /// Questions without an asked date.
    undated: Bitset,
    newest_rank: Vec<u32>,
    /// Per document: the indices of its questions.
    document_questions: Vec<Vec<u32>>,
    /// Documents that hold questions or answers of their own: their text is on the cards.
    on_cards: Bitset,
    /// The text matches of the last search, reused while only facets change.
    last_text: Mutex<Option<(SearchText, Arc<TextMatches>)>>,
    /// The reading of the last search text, reused while only facets change.
    last_search: Mutex<Option<(String, Arc<ReadSearch>)>>,
}

const PARTIES: usize = 0;
const THEMES: usize = 1;
const KINDS: usize = 2;
const CHAMBERS: usize = 3;
const ANSWERED: usize = 4;
const MINISTRIES: usize = 5;
const TERMS: usize = 6;
const SOURCES: usize = 7;
const FACETS: usize = 8;

impl<'a> Explorer<'a> {
    /// Precomputes facet sets and sort orders. An index that does not belong to the corpus is not
    /// used (searching then finds nothing) and reported by [`Explorer::index_problem`].
    pub fn new(corpus: &'a Corpus, index: &'a SearchIndex) -> Explorer<'a> {
        let explorer = Explorer::waiting_for_index(corpus);
        if let Err(problem) = explorer.set_index(index) {
            let _ = explorer.index_problem.set(problem);
        }
        explorer
    }

    /// An explorer whose search index comes later ([`Explorer::set_index`]): it filters and sorts
    /// at once; a search text gives an outcome that is [`Outcome::waiting_for_index`].
    pub fn waiting_for_index(corpus: &'a Corpus) -> Explorer<'a> {
        let units = UnitMap::new(corpus);
        let n = corpus.questions.len();
        let document_of = crate::lookup::positions(&corpus.documents, |d| &d.id);
        let mut document_questions = vec![Vec::new(); corpus.documents.len()];
        let question_document: Vec<Option<usize>> = corpus
            .questions
            .iter()
            .enumerate()
            .map(|(q, question)| {
                let d = document_of.get(question.document_id.as_str()).copied();
                if let Some(d) = d {
                    document_questions[d].push(q as u32);
                }
                d
            })
            .collect();
        let mut on_cards = Bitset::empty(corpus.documents.len());
        let answer_documents = corpus.answers.iter().map(|a| a.document_id.as_str());
        for d in answer_documents.filter_map(|id| document_of.get(id)) {
            on_cards.insert(*d);
        }
        for (d, questions) in document_questions.iter().enumerate() {
            if !questions.is_empty() {
                on_cards.insert(d);
            }
        }

        let mut parties = FacetBuilder::new(n);
        for p in &corpus.parties {
            parties.declare(&p.name, &p.abbreviation, &p.name);
        }
        parties.declare(UNKNOWN_PARTY, UNKNOWN_PARTY, UNKNOWN_PARTY_LABEL);
        let mut themes = FacetBuilder::new(n);
        for t in &corpus.themes {
            themes.declare(&t.id, &t.id, &t.label);
        }
        let mut kinds = FacetBuilder::new(n);
        let mut chambers = FacetBuilder::new(n);
        for kind in DocumentKind::ALL {
            if corpus.documents.iter().any(|d| d.kind == kind) {
                kinds.declare(kind.slug(), kind.slug(), kind.label());
                kinds.used(kind.slug());
            }
        }
        for chamber in [Chamber::TweedeKamer, Chamber::EersteKamer] {
            if corpus.documents.iter().any(|d| d.chamber == Some(chamber)) {
                chambers.declare(chamber.slug(), chamber.slug(), chamber.label());
                chambers.used(chamber.slug());
            }
        }
        let mut ministries = FacetBuilder::new(n);
        for m in &corpus.ministries {
            ministries.declare(&m.id, &m.id, &m.name);
        }
        ministries.declare(UNKNOWN_MINISTRY, UNKNOWN_MINISTRY, "Ministerie onbekend");
        let mut undated = Bitset::empty(n);
        let mut answered = FacetBuilder::new(n);
        answered.declare("ja", "ja", "Beantwoord");
        answered.declare("nee", "nee", "Nog niet beantwoord");
        answered.used("ja");
        answered.used("nee");
        let mut sources = FacetBuilder::new(n);
        // Shown only where documents were added: a published corpus has no choice to make.
        let has_own = corpus.documents.iter().any(|d| is_own(&d.id));
        if has_own {
            for own in [true, false] {
                let slug = own_slug(own);
                sources.declare(
                    slug,
                    slug,
                    if own {
                        "Eigen documenten"
                    } else {
                        "Gepubliceerd"
                    },
                );
                sources.used(slug);
            }
        }
        for (q, question) in corpus.questions.iter().enumerate() {
            for party in &question.parties {
                parties.add(party, q);
            }
            if question.parties.is_empty() {
                parties.add(UNKNOWN_PARTY, q);
            }
            for theme in &question.themes {
                themes.add(theme, q);
            }
            for ministry in &question.ministries {
                ministries.add(ministry, q);
            }
            if question.ministries.is_empty() {
                ministries.add(UNKNOWN_MINISTRY, q);
            }
            if question.asked_on.is_none() {
                undated.insert(q);
            }
            if let Some(doc) = question_document[q].and_then(|d| corpus.documents.get(d)) {
                kinds.add(doc.kind.slug(), q);
                if let Some(chamber) = doc.chamber {
                    chambers.add(chamber.slug(), q);
                }
            }
            if has_own {
                sources.add(own_slug(is_own(&question.document_id)), q);
            }
            answered.add(
                if question.answer_id.is_some() {
                    "ja"
                } else {
                    "nee"
                },
                q,
            );
        }

        let (newest, oldest) = sort_orders(corpus);
        let mut newest_rank = vec![0u32; n];
        for (rank, &q) in newest.iter().enumerate() {
            newest_rank[q as usize] = rank as u32;
        }
        let answers = AnswerLookup::new(corpus);
        let (terms, waiting) = terms::term_facet_and_waiting(corpus, &answers, None, &newest_rank);
        Explorer {
            corpus,
            units,
            reader: OnceLock::new(),
            index_problem: OnceLock::new(),
            answers,
            texts: Texts::inline(corpus),
            facets: [
                parties.finish(),
                themes.finish(),
                kinds.finish(),
                chambers.finish(),
                answered.finish(),
                ministries.finish(),
                terms,
                sources.finish(),
            ],
            newest,
            oldest,
            waiting,
            undated,
            newest_rank,
            document_questions,
            on_cards,
            last_text: Mutex::new(None),
            last_search: Mutex::new(None),
        }
    }

    pub fn corpus(&self) -> &'a Corpus {
        self.corpus
    }

    /// Whether document `d` holds questions or answers of its own, which the question cards
    /// show; a search lists the other documents it finds on their own.
    pub fn is_on_cards(&self, d: usize) -> bool {
        self.on_cards.contains(d)
    }

    /// The same explorer with the answer terms and waiting times counted up to `today` (the
    /// reader's date); until then, open questions are counted under "termijn onbekend".
    pub fn with_today(mut self, today: Date) -> Explorer<'a> {
        let (terms, waiting) = terms::term_facet_and_waiting(
            self.corpus,
            &self.answers,
            Some(today),
            &self.newest_rank,
        );
        self.facets[TERMS] = terms;
        self.waiting = waiting;
        self
    }

    /// Why the search index could not be used, if it could not.
    pub fn index_problem(&self) -> Option<&str> {
        self.index_problem.get().map(String::as_str)
    }

    /// Takes the search index, checked against the corpus; `Ok` also when one was set before
    /// (the first stays). Searches run after this use it.
    pub fn set_index(&self, index: &'a SearchIndex) -> Result<(), String> {
        if self.reader.get().is_some() {
            return Ok(());
        }
        if index.question_count != self.units.question_count {
            return Err(format!(
                "de zoekindex hoort bij {} vragen, het corpus heeft er {}",
                index.question_count, self.units.question_count
            ));
        }
        let reader = IndexReader::new(index, self.units.total as usize)?;
        let _ = self.reader.set(reader);
        // Searches read before the index came found nothing; read them again.
        self.forget_last_search();
        Ok(())
    }

    /// Forgets the last search (its reading and its matches), which [`Explorer::run`] otherwise
    /// reuses while only facets change: the next run searches from scratch. Benchmarks call it to
    /// time a search, not a cache hit.
    pub fn forget_last_search(&self) {
        if let Ok(mut last) = self.last_search.lock() {
            *last = None;
        }
        if let Ok(mut last) = self.last_text.lock() {
            *last = None;
        }
    }

    /// True once the index is set and usable.
    pub fn has_index(&self) -> bool {
        self.reader.get().is_some()
    }

    /// True when there is no index yet (nor a problem with one).
    fn waits_for_index(&self) -> bool {
        self.reader.get().is_none() && self.index_problem.get().is_none()
    }

    /// Filters, counts and sorts for `query`.
    #[inline(never)]
    pub fn run(&self, query: &Query) -> Outcome {
        let n = self.corpus.questions.len();
        let read = self.read_search(&query.text);
        let ReadSearch {
            search,
            expansion,
            highlight,
        } = &*read;
        let highlight = highlight.clone();
        let missing_index_chunks = self.missing_chunks_of(expansion.as_ref());
        let waiting_for_index = !search.is_blank() && self.waits_for_index();
        let text =
            (!search.is_blank()).then(|| match (expansion, missing_index_chunks.is_empty()) {
                (Some(expansion), true) => self.cached_text_matches(search, expansion),
                _ => Arc::new(TextMatches::nothing(n)),
            });

        let mut common = self.date_mask(query);
        if let Some(text) = &text {
            common.intersect_with(&text.questions);
        }
        let selections = self.selections(query);
        let masks: Vec<Option<Bitset>> = (0..FACETS)
            .map(|f| self.facet_mask(f, &selections[f]))
            .collect();
        let mask_without = |skip: usize| {
            let mut mask = common.clone();
            for (f, m) in masks.iter().enumerate() {
                if let (true, Some(m)) = (f != skip, m) {
                    mask.intersect_with(m);
                }
            }
            mask
        };
        let matches = mask_without(usize::MAX);
        let facet_values = |f: usize| self.facet_values(f, &mask_without(f), &selections[f]);
        let facets = Facets {
            parties: facet_values(PARTIES),
            themes: facet_values(THEMES),
            kinds: facet_values(KINDS),
            chambers: facet_values(CHAMBERS),
            answered: facet_values(ANSWERED),
            ministries: facet_values(MINISTRIES),
            terms: facet_values(TERMS),
            sources: facet_values(SOURCES),
        };
        let undated_left_out = if (query.from.is_some() || query.to.is_some()) && !query.undated {
            let mut left_out = self.undated.clone();
            if let Some(text) = &text {
                left_out.intersect_with(&text.questions);
            }
            for m in masks.iter().flatten() {
                left_out.intersect_with(m);
            }
            left_out.count()
        } else {
            0
        };

        let questions: Vec<u32> = match (&text, query.sort) {
            (Some(text), Sort::Relevance) => {
                let mut hits: Vec<u32> = matches.iter().map(|q| q as u32).collect();
                by_score_then_rank(
                    &mut hits,
                    &|q| text.score(q),
                    &self.newest_rank,
                    &self.newest,
                );
                hits
            }
            (_, Sort::Waiting) => self
                .waiting
                .iter()
                .copied()
                .filter(|&q| matches.contains(q as usize))
                .collect(),
            (_, Sort::Oldest) => self
                .oldest
                .iter()
                .copied()
                .filter(|&q| matches.contains(q as usize))
                .collect(),
            _ => self
                .newest
                .iter()
                .copied()
                .filter(|&q| matches.contains(q as usize))
                .collect(),
        };
        let document_hits = match &text {
            Some(text) => self.document_hits(query, text, &selections, &masks, n),
            None => Vec::new(),
        };
        let nothing_found = questions.is_empty() && document_hits.is_empty();
        let missing_text_shards = text
            .as_ref()
            .map(|t| t.missing_texts.clone())
            .unwrap_or_default();
        let suggestion = match (self.reader.get(), expansion) {
            (Some(reader), Some(expansion)) if nothing_found && missing_index_chunks.is_empty() => {
                suggestion(reader, search, expansion)
            }
            _ => None,
        };
        Outcome {
            total: questions.len(),
            questions,
            facets,
            document_hits,
            highlight,
            suggestion,
            missing_index_chunks,
            waiting_for_index,
            missing_text_shards,
            undated_left_out,
        }
    }

    /// The index chunks a search text needs that are not loaded yet: those of every term its
    /// words and phrases stand for, and of the word pairs of its phrases.
    pub fn missing_index_chunks(&self, text: &str) -> Vec<usize> {
        let expansion = self
            .reader
            .get()
            .map(|r| Expansion::new(r, &SearchText::parse(text)));
        self.missing_chunks_of(expansion.as_ref())
    }

    fn missing_chunks_of(&self, expansion: Option<&Expansion>) -> Vec<usize> {
        let (Some(reader), Some(expansion)) = (self.reader.get(), expansion) else {
            return Vec::new();
        };
        let mut terms = expansion.all_terms();
        for phrase in expansion.phrases.iter().chain(&expansion.excluded_phrases) {
            for pair in phrase.windows(2) {
                for &a in &pair[0] {
                    for &b in &pair[1] {
                        let key = [reader.term(a as usize), " ", reader.term(b as usize)].concat();
                        if let Some(t) = reader.term_id(&key) {
                            terms.push(t as u32);
                        }
                    }
                }
            }
        }
        reader.missing_chunks_of_terms(&terms)
    }

    /// The chunks of a split index, in order (empty when the index holds all its postings).
    pub fn index_chunks(&self) -> &[crate::search::PostingChunk] {
        self.reader.get().map_or(&[], |r| r.chunks())
    }

    /// Takes the bytes of index chunk `c` (checked against its length and hash); `Ok(true)` when
    /// it was new.
    pub fn add_index_chunk(&self, c: usize, bytes: Vec<u8>) -> Result<bool, String> {
        match self.reader.get() {
            Some(reader) => reader.add_chunk(c, bytes),
            None => Err("de zoekindex is niet bruikbaar".to_string()),
        }
    }

    fn selections(&self, query: &Query) -> [Vec<String>; FACETS] {
        let answered = match query.answered {
            Some(true) => vec!["ja".to_string()],
            Some(false) => vec!["nee".to_string()],
            None => Vec::new(),
        };
        [
            query.parties.clone(),
            query.themes.clone(),
            query.kinds.iter().map(|k| k.slug().to_string()).collect(),
            query
                .chambers
                .iter()
                .map(|c| c.slug().to_string())
                .collect(),
            answered,
            query.ministries.clone(),
            query.terms.iter().map(|t| t.slug().to_string()).collect(),
            query
                .own
                .map(own_slug)
                .into_iter()
                .map(String::from)
                .collect(),
        ]
    }

    /// The questions allowed by facet `f`'s selection (OR), or `None` when nothing is selected.
    fn facet_mask(&self, f: usize, selected: &[String]) -> Option<Bitset> {
        if selected.is_empty() {
            return None;
        }
        let mut mask = Bitset::empty(self.corpus.questions.len());
        for entry in self.facets[f].iter().filter(|e| selected.contains(&e.key)) {
            mask.union_with(&entry.questions);
        }
        Some(mask)
    }

    fn facet_values(&self, f: usize, mask: &Bitset, selected: &[String]) -> Vec<FacetValue> {
        let mut values: Vec<FacetValue> = self.facets[f]
            .iter()
            .map(|e| FacetValue {
                value: e.value.clone(),
                label: e.label.clone(),
                count: mask.count_common(&e.questions),
                selected: selected.contains(&e.key),
            })
            .collect();
        for key in selected
            .iter()
            .filter(|k| !self.facets[f].iter().any(|e| &e.key == *k))
        {
            let (value, label) = match f {
                PARTIES => self
                    .corpus
                    .parties
                    .iter()
                    .find(|p| &p.name == key)
                    .map_or((key.clone(), key.clone()), |p| {
                        (p.abbreviation.clone(), p.name.clone())
                    }),
                THEMES => self
                    .corpus
                    .themes
                    .iter()
                    .find(|t| &t.id == key)
                    .map_or((key.clone(), key.clone()), |t| {
                        (t.id.clone(), t.label.clone())
                    }),
                _ => (key.clone(), key.clone()),
            };
            values.push(FacetValue {
                value,
                label,
                count: 0,
                selected: true,
            });
        }
        // Selected values first, so a choice low in a long facet is never out of sight.
        let (mut first, rest): (Vec<FacetValue>, Vec<FacetValue>) =
            values.into_iter().partition(|v| v.selected);
        first.extend(rest);
        first
    }

    /// The questions the date range and `datum=onbekend` allow: asked within the range, plus those
    /// without a date when asked for; only those without a date when there is no range.
    fn date_mask(&self, query: &Query) -> Bitset {
        let (from, to) = (query.from, query.to);
        let n = self.corpus.questions.len();
        if from.is_none() && to.is_none() {
            return if query.undated {
                self.undated.clone()
            } else {
                Bitset::full(n)
            };
        }
        let mut mask = if query.undated {
            self.undated.clone()
        } else {
            Bitset::empty(n)
        };
        for (q, question) in self.corpus.questions.iter().enumerate() {
            if let Some(asked) = question.asked_on {
                if from.is_none_or(|f| asked >= f) && to.is_none_or(|t| asked <= t) {
                    mask.insert(q);
                }
            }
        }
        mask
    }

    fn document_hits(
        &self,
        query: &Query,
        text: &TextMatches,
        selections: &[Vec<String>; FACETS],
        masks: &[Option<Bitset>],
        n: usize,
    ) -> Vec<DocumentHit> {
        let question_facets_active = [PARTIES, THEMES, ANSWERED, MINISTRIES, TERMS]
            .iter()
            .any(|&f| !selections[f].is_empty());
        let mut facet_questions = self.date_mask(query);
        for mask in masks.iter().flatten() {
            facet_questions.intersect_with(mask);
        }
        debug_assert_eq!(facet_questions.len(), n);
        let mut hits: Vec<DocumentHit> = Vec::new();
        for &(part, score) in &text.parts {
            let (document, section) = match part {
                Part::Title { document } => (document, None),
                Part::Section { document, section } => (document, Some(section)),
            };
            let Some(doc) = self.corpus.documents.get(document as usize) else {
                continue;
            };
            let allowed = (query.kinds.is_empty() || query.kinds.contains(&doc.kind))
                && (query.chambers.is_empty()
                    || doc.chamber.is_some_and(|c| query.chambers.contains(&c)))
                && document_date_allowed(query, doc.date)
                && (!question_facets_active
                    || self.document_questions[document as usize]
                        .iter()
                        .any(|&q| facet_questions.contains(q as usize)));
            if !allowed {
                continue;
            }
            if hits.last().is_none_or(|h| h.document != document) {
                hits.push(DocumentHit {
                    document,
                    title: false,
                    sections: Vec::new(),
                    score: 0.0,
                });
            }
            if let Some(hit) = hits.last_mut() {
                hit.score = hit.score.max(score);
                match section {
                    None => hit.title = true,
                    Some(s) => hit.sections.push(s),
                }
            }
        }
        let date_of = |h: &DocumentHit| self.corpus.documents[h.document as usize].date;
        let id_of = |h: &DocumentHit| self.corpus.documents[h.document as usize].id.as_str();
        match query.sort {
            Sort::Relevance => sort_items(&mut hits, &|a, b| {
                b.score
                    .total_cmp(&a.score)
                    .then_with(|| newest_first(date_of(a), date_of(b)))
                    .then_with(|| id_of(a).cmp(id_of(b)))
            }),
            Sort::Newest | Sort::Waiting => sort_items(&mut hits, &|a, b| {
                newest_first(date_of(a), date_of(b)).then_with(|| id_of(a).cmp(id_of(b)))
            }),
            Sort::Oldest => sort_items(&mut hits, &|a, b| {
                oldest_first(date_of(a), date_of(b)).then_with(|| id_of(a).cmp(id_of(b)))
            }),
        }
        hits
    }
}

/// Whether a document's date passes the date range and `datum=onbekend`, as a question's does.
fn document_date_allowed(query: &Query, date: Option<Date>) -> bool {
    let ranged = query.from.is_some() || query.to.is_some();
    match date {
        None => query.undated || !ranged,
        Some(d) if ranged => query.from.is_none_or(|f| d >= f) && query.to.is_none_or(|t| d <= t),
        Some(_) => !query.undated,
    }
}

/// Its keys are borrowed from the corpus (or static): a map from `&str` to a position, the type of
/// the app's other maps by id, so their code is in the app once.
struct FacetBuilder<'k> {
    n: usize,
    entries: Vec<FacetEntry>,
    in_use: Vec<bool>,
    position: HashMap<&'k str, usize>,
}

impl<'k> FacetBuilder<'k> {
    fn new(n: usize) -> FacetBuilder<'k> {
        FacetBuilder {
            n,
            entries: Vec::new(),
            in_use: Vec::new(),
            position: HashMap::new(),
        }
    }

    fn declare(&mut self, key: &'k str, value: &str, label: &str) -> usize {
        if let Some(&i) = self.position.get(key) {
            return i;
        }
        self.entries.push(FacetEntry {
            key: key.to_string(),
            value: value.to_string(),
            label: label.to_string(),
            questions: Bitset::empty(self.n),
        });
        self.in_use.push(false);
        self.position.insert(key, self.entries.len() - 1);
        self.entries.len() - 1
    }

    fn used(&mut self, key: &str) {
        if let Some(&i) = self.position.get(key) {
            self.in_use[i] = true;
        }
    }

    /// Adds question `q` to value `key`, declaring values the registry does not know.
    fn add(&mut self, key: &'k str, q: usize) {
        let i = self.declare(key, key, key);
        self.entries[i].questions.insert(q);
        self.in_use[i] = true;
    }

    /// The values that occur in the corpus, in declaration order.
    fn finish(self) -> Vec<FacetEntry> {
        self.entries
            .into_iter()
            .zip(self.in_use)
            .filter(|(_, used)| *used)
            .map(|(e, _)| e)
            .collect()
    }
}

/// The units in both sorted lists (all of `b` when there is no `a` yet).
fn intersect_sorted(a: Option<&[u32]>, b: Vec<u32>) -> Vec<u32> {
    match a {
        None => b,
        Some(a) => b
            .into_iter()
            .filter(|u| a.binary_search(u).is_ok())
            .collect(),
    }
}

fn newest_first(a: Option<Date>, b: Option<Date>) -> std::cmp::Ordering {
    match (a, b) {
        (Some(a), Some(b)) => b.cmp(&a),
        (a, b) => a.is_none().cmp(&b.is_none()),
    }
}

fn oldest_first(a: Option<Date>, b: Option<Date>) -> std::cmp::Ordering {
    match (a, b) {
        (Some(a), Some(b)) => a.cmp(&b),
        (a, b) => a.is_none().cmp(&b.is_none()),
    }
}

/// Question orders by `asked_on` (newest first, oldest first); ties and undated questions (last)
/// by id.
fn sort_orders(corpus: &Corpus) -> (Vec<u32>, Vec<u32>) {
    let qs = &corpus.questions;
    let mut by_id: Vec<u32> = (0..qs.len() as u32).collect();
    sort_ids(&mut by_id, &|&a, &b| {
        qs[a as usize].id.cmp(&qs[b as usize].id)
    });
    let mut id_rank = vec![0u32; qs.len()];
    for (rank, &q) in by_id.iter().enumerate() {
        id_rank[q as usize] = rank as u32;
    }
    let mut newest = by_id.clone();
    sort_ids(&mut newest, &|&a, &b| {
        newest_first(qs[a as usize].asked_on, qs[b as usize].asked_on)
            .then(id_rank[a as usize].cmp(&id_rank[b as usize]))
    });
    let mut oldest = by_id;
    sort_ids(&mut oldest, &|&a, &b| {
        oldest_first(qs[a as usize].asked_on, qs[b as usize].asked_on)
            .then(id_rank[a as usize].cmp(&id_rank[b as usize]))
    });
    (newest, oldest)
}
