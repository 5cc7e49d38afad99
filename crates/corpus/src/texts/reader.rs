//! Reading the texts of a corpus, whether they are in it or in shards that arrive later.

use super::{index_in, AnswerTexts, DocumentTexts, Places, QuestionTexts, TextFile, TextTable};
use crate::model::{
    Answer, Asker, Corpus, Document, Footnote, Question, QuestionSource, Section, ThemeMatch,
};
use std::sync::OnceLock;

/// The texts of a corpus, whether in it (native, own documents, the single-file build's whole
/// artifact) or in shards that arrive later ([`Texts::add_shard`]). `Err(shard)` names the shard
/// a text waits for.
pub struct Texts<'c> {
    corpus: &'c Corpus,
    sharded: Option<Sharded>,
}

struct Sharded {
    table: TextTable,
    loaded: Vec<OnceLock<Vec<DocumentTexts>>>,
    places: Places,
}

/// A shard that a text waits for (its index in [`TextTable::files`]).
pub type Missing = usize;

impl<'c> Texts<'c> {
    /// Texts that are in the corpus itself.
    pub fn inline(corpus: &'c Corpus) -> Texts<'c> {
        Texts {
            corpus,
            sharded: None,
        }
    }

    /// Texts in the shards of `table`, none loaded yet; refused when the table does not fit.
    pub fn sharded(corpus: &'c Corpus, table: TextTable) -> Result<Texts<'c>, String> {
        table.check(corpus.documents.len())?;
        Ok(Texts {
            corpus,
            sharded: Some(Sharded {
                loaded: table.files.iter().map(|_| OnceLock::new()).collect(),
                table,
                places: Places::new(corpus),
            }),
        })
    }

    /// The corpus these are the texts of.
    pub fn corpus(&self) -> &'c Corpus {
        self.corpus
    }

    /// The shard files, in table order (none when the texts are in the corpus).
    pub fn files(&self) -> &[TextFile] {
        self.sharded.as_ref().map_or(&[], |s| &s.table.files)
    }

    /// Question `q`'s text.
    pub fn question(&self, q: usize) -> Result<&str, Missing> {
        let inline = self.corpus.questions.get(q).map_or("", |x| &x.text);
        Ok(self.question_texts(q)?.map_or(inline, |t| &t.text))
    }

    /// Who asked question `q` of whom, why its themes were given, and the documents it stands in.
    pub fn question_details(&self, q: usize) -> Result<QuestionDetails<'_>, Missing> {
        Ok(
            match (self.question_texts(q)?, self.corpus.questions.get(q)) {
                (Some(t), _) => QuestionDetails {
                    askers: &t.askers,
                    addressed_to: t.addressed_to.as_deref(),
                    theme_matches: &t.theme_matches,
                    sources: &t.sources,
                },
                (None, Some(x)) => QuestionDetails::of(x),
                (None, None) => QuestionDetails::default(),
            },
        )
    }

    /// Answer `a`'s text.
    pub fn answer(&self, a: usize) -> Result<&str, Missing> {
        let inline = self.corpus.answers.get(a).map_or("", |x| &x.text);
        Ok(self.answer_texts(a)?.map_or(inline, |t| &t.text))
    }

    /// Who gave `answer`, one of this corpus's answers (else its own `answered_by`).
    pub fn answered_by_of<'t>(&'t self, answer: &'t Answer) -> Result<Option<&'t str>, Missing> {
        let inline = answer.answered_by.as_deref();
        let Some(a) = index_in(&self.corpus.answers, answer) else {
            return Ok(inline);
        };
        Ok(self
            .answer_texts(a)?
            .map_or(inline, |t| t.answered_by.as_deref()))
    }

    /// The text of `question`, one of this corpus's questions (else its own text).
    pub fn of_question<'t>(&'t self, question: &'t Question) -> Result<&'t str, Missing> {
        match index_in(&self.corpus.questions, question) {
            Some(q) => self.question(q),
            None => Ok(&question.text),
        }
    }

    /// [`Texts::question_details`] of `question`, one of this corpus's questions (else its own).
    pub fn details_of<'t>(
        &'t self,
        question: &'t Question,
    ) -> Result<QuestionDetails<'t>, Missing> {
        match index_in(&self.corpus.questions, question) {
            Some(q) => self.question_details(q),
            None => Ok(QuestionDetails::of(question)),
        }
    }

    /// The text of `answer`, one of this corpus's answers (else its own text).
    pub fn of_answer<'t>(&'t self, answer: &'t Answer) -> Result<&'t str, Missing> {
        match index_in(&self.corpus.answers, answer) {
            Some(a) => self.answer(a),
            None => Ok(&answer.text),
        }
    }

    /// The sections and footnotes of `document`, one of this corpus's documents, with their texts.
    pub fn of_document<'t>(
        &'t self,
        document: &'t Document,
    ) -> Result<(&'t [Section], &'t [Footnote]), Missing> {
        match index_in(&self.corpus.documents, document) {
            Some(d) => self.document(d),
            None => Ok((&document.sections, &document.footnotes)),
        }
    }

    /// Document `d`'s sections and footnotes, with their texts.
    pub fn document(&self, d: usize) -> Result<(&[Section], &[Footnote]), Missing> {
        let doc = self.corpus.documents.get(d);
        let inline = doc.map_or((&[][..], &[][..]), |x| (&x.sections[..], &x.footnotes[..]));
        match self.document_texts(d)? {
            Some(t) => Ok((&t.sections, &t.footnotes)),
            None => Ok(inline),
        }
    }

    /// Whether shard `n` has arrived.
    pub fn has_shard(&self, n: usize) -> bool {
        self.sharded
            .as_ref()
            .and_then(|s| s.loaded.get(n))
            .is_some_and(|l| l.get().is_some())
    }

    /// Hands over shard `n`'s decoded texts; checks that they are the documents the table puts
    /// there. `Ok(false)` when it was there already.
    pub fn add_shard(&self, n: usize, texts: Vec<DocumentTexts>) -> Result<bool, String> {
        let Some(s) = self.sharded.as_ref() else {
            return Ok(false);
        };
        // The documents the table puts in shard `n`, by id, as the shard lists them.
        let mut expected: Vec<&str> = (s.table.document_shard.iter().enumerate())
            .filter(|&(_, &x)| x as usize == n)
            .map(|(d, _)| self.corpus.documents[d].id.as_str())
            .collect();
        crate::order::sort_items(&mut expected, &|a, b| a.cmp(b));
        let fits = texts.len() == expected.len()
            && texts.iter().zip(&expected).all(|(t, id)| t.document == *id);
        if !fits {
            return Err(format!("tekstdeel {n} hoort niet bij dit corpus"));
        }
        Ok(s.loaded.get(n).is_some_and(|l| l.set(texts).is_ok()))
    }

    fn document_texts(&self, d: usize) -> Result<Option<&DocumentTexts>, Missing> {
        let Some(s) = self.sharded.as_ref() else {
            return Ok(None);
        };
        let Some(&n) = s.table.document_shard.get(d) else {
            return Ok(None);
        };
        let shard = s.loaded[n as usize].get().ok_or(n as usize)?;
        let id = self.corpus.documents[d].id.as_str();
        Ok(shard
            .binary_search_by(|t| t.document.as_str().cmp(id))
            .ok()
            .map(|i| &shard[i]))
    }

    /// The entry of a question or an answer in its document's texts: `place` finds where it is
    /// (its document and its place among that document's entries), `list` the entries. `None`
    /// when the texts are inline.
    fn placed<T>(
        &self,
        place: impl Fn(&Places) -> Option<&Option<(u32, u32)>>,
        list: impl Fn(&DocumentTexts) -> &[T],
    ) -> Result<Option<&T>, Missing> {
        let at = self.sharded.as_ref().and_then(|s| *place(&s.places)?);
        let Some((d, n)) = at else {
            return Ok(None);
        };
        Ok(self
            .document_texts(d as usize)?
            .and_then(|t| list(t).get(n as usize)))
    }

    fn answer_texts(&self, a: usize) -> Result<Option<&AnswerTexts>, Missing> {
        self.placed(|p| p.answers.get(a), |t| &t.answers)
    }

    fn question_texts(&self, q: usize) -> Result<Option<&QuestionTexts>, Missing> {
        self.placed(|p| p.questions.get(q), |t| &t.questions)
    }
}

/// What a question card shows besides the text ([`Texts::question_details`]).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct QuestionDetails<'t> {
    pub askers: &'t [Asker],
    pub addressed_to: Option<&'t str>,
    pub theme_matches: &'t [ThemeMatch],
    pub sources: &'t [QuestionSource],
}

impl<'t> QuestionDetails<'t> {
    /// The details a question holds itself (when its texts are in the corpus).
    fn of(question: &'t Question) -> QuestionDetails<'t> {
        QuestionDetails {
            askers: &question.askers,
            addressed_to: question.addressed_to.as_deref(),
            theme_matches: &question.theme_matches,
            sources: &question.sources,
        }
    }
}
