//! The facets of the question list: their values, the questions of each, and their counts for a query.

use super::Explorer;
use crate::model::{Chamber, Corpus, DocumentKind};
use crate::own_documents::is_own;
use crate::query::{own_slug, Query, UNKNOWN_MINISTRY, UNKNOWN_PARTY, UNKNOWN_PARTY_LABEL};
use crate::search::bitset::Bitset;
use std::collections::HashMap;

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

/// One value of a facet with its questions.
pub(super) struct FacetEntry {
    /// What a [`Query`] holds for this value (party name, theme id, slug, `ja`/`nee`).
    pub(super) key: String,
    pub(super) value: String,
    pub(super) label: String,
    pub(super) questions: Bitset,
}

pub(super) const PARTIES: usize = 0;
pub(super) const THEMES: usize = 1;
pub(super) const KINDS: usize = 2;
pub(super) const CHAMBERS: usize = 3;
pub(super) const ANSWERED: usize = 4;
pub(super) const MINISTRIES: usize = 5;
pub(super) const TERMS: usize = 6;
pub(super) const SOURCES: usize = 7;
pub(super) const FACETS: usize = 8;

/// The values of every facet but the answer term's (`terms`, made with the waiting order) and
/// the questions of each, in the order of [`FACETS`].
pub(super) fn facet_tables(
    corpus: &Corpus,
    question_document: &[Option<usize>],
    terms: Vec<FacetEntry>,
) -> [Vec<FacetEntry>; FACETS] {
    let n = corpus.questions.len();
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
    [
        parties.finish(),
        themes.finish(),
        kinds.finish(),
        chambers.finish(),
        answered.finish(),
        ministries.finish(),
        terms,
        sources.finish(),
    ]
}

impl Explorer<'_> {
    pub(super) fn selections(&self, query: &Query) -> [Vec<String>; FACETS] {
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
    pub(super) fn facet_mask(&self, f: usize, selected: &[String]) -> Option<Bitset> {
        if selected.is_empty() {
            return None;
        }
        let mut mask = Bitset::empty(self.corpus.questions.len());
        for entry in self.facets[f].iter().filter(|e| selected.contains(&e.key)) {
            mask.union_with(&entry.questions);
        }
        Some(mask)
    }

    pub(super) fn facet_values(
        &self,
        f: usize,
        mask: &Bitset,
        selected: &[String],
    ) -> Vec<FacetValue> {
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
}

/// Its keys are borrowed from the corpus (or static): a map from `&str` to a position, the type of
/// the app's other maps by id, so their code is in the app once.
pub(super) struct FacetBuilder<'k> {
    n: usize,
    entries: Vec<FacetEntry>,
    in_use: Vec<bool>,
    position: HashMap<&'k str, usize>,
}

impl<'k> FacetBuilder<'k> {
    pub(super) fn new(n: usize) -> FacetBuilder<'k> {
        FacetBuilder {
            n,
            entries: Vec::new(),
            in_use: Vec::new(),
            position: HashMap::new(),
        }
    }

    pub(super) fn declare(&mut self, key: &'k str, value: &str, label: &str) -> usize {
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

    pub(super) fn used(&mut self, key: &str) {
        if let Some(&i) = self.position.get(key) {
            self.in_use[i] = true;
        }
    }

    /// Adds question `q` to value `key`, declaring values the registry does not know.
    pub(super) fn add(&mut self, key: &'k str, q: usize) {
        let i = self.declare(key, key, key);
        self.entries[i].questions.insert(q);
        self.in_use[i] = true;
    }

    /// The values that occur in the corpus, in declaration order.
    pub(super) fn finish(self) -> Vec<FacetEntry> {
        self.entries
            .into_iter()
            .zip(self.in_use)
            .filter(|(_, used)| *used)
            .map(|(e, _)| e)
            .collect()
    }
}
