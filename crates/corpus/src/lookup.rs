//! Records by id in constant time: documents, questions, answers, parties (by name) and themes.

use crate::model::{Answer, Corpus, Document, Party, Question, Theme};
use std::collections::HashMap;

/// Maps from ids to the records of one corpus. Build once; the views look up every card's
/// answer, document, parties and themes, which at 100× would otherwise scan tens of thousands.
pub struct CorpusLookup<'c> {
    documents: HashMap<&'c str, &'c Document>,
    questions: HashMap<&'c str, &'c Question>,
    answers: HashMap<&'c str, &'c Answer>,
    parties: HashMap<&'c str, &'c Party>,
    themes: HashMap<&'c str, &'c Theme>,
}

impl<'c> CorpusLookup<'c> {
    pub fn new(corpus: &'c Corpus) -> CorpusLookup<'c> {
        CorpusLookup {
            documents: corpus
                .documents
                .iter()
                .map(|d| (d.id.as_str(), d))
                .collect(),
            questions: corpus
                .questions
                .iter()
                .map(|q| (q.id.as_str(), q))
                .collect(),
            answers: corpus.answers.iter().map(|a| (a.id.as_str(), a)).collect(),
            parties: corpus
                .parties
                .iter()
                .map(|p| (p.name.as_str(), p))
                .collect(),
            themes: corpus.themes.iter().map(|t| (t.id.as_str(), t)).collect(),
        }
    }

    pub fn document(&self, id: &str) -> Option<&'c Document> {
        self.documents.get(id).copied()
    }

    pub fn question(&self, id: &str) -> Option<&'c Question> {
        self.questions.get(id).copied()
    }

    pub fn answer(&self, id: &str) -> Option<&'c Answer> {
        self.answers.get(id).copied()
    }

    /// A party by its canonical name.
    pub fn party(&self, name: &str) -> Option<&'c Party> {
        self.parties.get(name).copied()
    }

    pub fn theme(&self, id: &str) -> Option<&'c Theme> {
        self.themes.get(id).copied()
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
