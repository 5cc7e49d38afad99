//! The explorer: filters questions by facets, date range and search text, counts facets, sorts, finds letters.

use crate::date::Date;
use crate::model::Corpus;
use crate::order::by_score_then_rank;
use crate::query::{Query, Sort};
use crate::search::bitset::Bitset;
use crate::search::expand::Expansion;
use crate::search::suggest::suggestion;
use crate::search::units::{AnswerLookup, UnitMap};
use crate::search::{HighlightTerms, IndexReader, SearchIndex, SearchText};
use crate::texts::Texts;
use std::sync::{Arc, Mutex, OnceLock};
use text_matches::{ReadSearch, TextMatches};

mod document_hits;
mod facets;
mod question_order;
mod terms;
mod text_matches;
mod text_shards;

use facets::{
    FacetEntry, ANSWERED, CHAMBERS, FACETS, KINDS, MINISTRIES, PARTIES, SOURCES, TERMS, THEMES,
};
pub use facets::{FacetValue, Facets};

/// Questions per page in the list.
pub const PAGE_SIZE: usize = 10;

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

        let mut undated = Bitset::empty(n);
        for (q, question) in corpus.questions.iter().enumerate() {
            if question.asked_on.is_none() {
                undated.insert(q);
            }
        }
        let (newest, oldest) = question_order::sort_orders(corpus);
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
            facets: facets::facet_tables(corpus, &question_document, terms),
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
