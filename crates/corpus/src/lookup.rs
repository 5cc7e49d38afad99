//! Records by id in constant time: documents, questions, answers, parties (by name) and themes.

use crate::model::{Answer, Corpus, Document, Party, Question, Theme};
use std::collections::HashMap;

/// Maps from ids to the records of one corpus. Build once; the views look up every card's
/// answer, document, parties and themes, which at 100× would otherwise scan tens of thousands.
/// Every map is from an id to a position, one map type for all: the app's code holds one copy of
/// the map's code, not one per kind of record.
pub struct CorpusLookup<'c> {
    corpus: &'c Corpus,
    documents: IdMap<'c>,
    questions: IdMap<'c>,
    answers: IdMap<'c>,
    parties: IdMap<'c>,
    themes: IdMap<'c>,
}

/// Positions in one of the corpus's lists, by id.
pub type IdMap<'c> = HashMap<&'c str, usize>;

/// The position of every item of `items` by its id: the one map by id the app's code holds.
pub fn positions<'c, T>(items: &'c [T], id: impl Fn(&'c T) -> &'c str) -> IdMap<'c> {
    items.iter().enumerate().map(|(i, x)| (id(x), i)).collect()
}

impl<'c> CorpusLookup<'c> {
    pub fn new(corpus: &'c Corpus) -> CorpusLookup<'c> {
        CorpusLookup {
            corpus,
            documents: positions(&corpus.documents, |d| &d.id),
            questions: positions(&corpus.questions, |q| &q.id),
            answers: positions(&corpus.answers, |a| &a.id),
            parties: positions(&corpus.parties, |p| &p.name),
            themes: positions(&corpus.themes, |t| &t.id),
        }
    }

    pub fn document(&self, id: &str) -> Option<&'c Document> {
        self.corpus.documents.get(*self.documents.get(id)?)
    }

    pub fn question(&self, id: &str) -> Option<&'c Question> {
        self.corpus.questions.get(*self.questions.get(id)?)
    }

    pub fn answer(&self, id: &str) -> Option<&'c Answer> {
        self.corpus.answers.get(*self.answers.get(id)?)
    }

    /// A party by its canonical name.
    pub fn party(&self, name: &str) -> Option<&'c Party> {
        self.corpus.parties.get(*self.parties.get(name)?)
    }

    pub fn theme(&self, id: &str) -> Option<&'c Theme> {
        self.corpus.themes.get(*self.themes.get(id)?)
    }

    /// The answer of a question, if it has one.
    pub fn answer_of(&self, question: &Question) -> Option<&'c Answer> {
        self.answer(question.answer_id.as_deref()?)
    }
}

#[cfg(test)]
mod tests {
    use super::CorpusLookup;
    use crate::parse::parse_paths;
    use std::path::Path;

    #[test]
    fn every_record_of_the_real_corpus_is_found_by_its_id() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/documents");
        let corpus = parse_paths(&[dir]).expect("the real corpus parses").corpus;
        let lookup = CorpusLookup::new(&corpus);
        for d in &corpus.documents {
            assert_eq!(lookup.document(&d.id), Some(d));
        }
        for q in &corpus.questions {
            assert_eq!(lookup.question(&q.id), Some(q));
            let expected = corpus
                .answers
                .iter()
                .find(|a| Some(&a.id) == q.answer_id.as_ref());
            assert_eq!(lookup.answer_of(q), expected, "{}", q.id);
        }
        for p in &corpus.parties {
            assert_eq!(lookup.party(&p.name), Some(p));
        }
        for t in &corpus.themes {
            assert_eq!(lookup.theme(&t.id), Some(t));
        }
        assert_eq!(lookup.document("bestaat-niet"), None);
    }
}
