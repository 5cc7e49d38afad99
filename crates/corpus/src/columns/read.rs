//! Reads the columns straight into records: each value goes to its record as it is read, so a column and its records are never in memory together.

// The layout is [`CorpusColumns`](super::CorpusColumns)'s as serde derives it (a struct is its
// fields in order, a `Vec` its length and values). The ids column comes first and makes the
// records; every later column fills one field of each. A column with more or fewer values than
// the records is noted by name (postcard's own errors carry no text) and refused after reading.

use crate::date::Date;
use crate::id::Id;
use crate::model::{Answer, Corpus, Document, DocumentKind, Question};
use serde::de::{DeserializeSeed, Error as _, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer};
use std::cell::RefCell;
use std::fmt;
use std::marker::PhantomData;

/// A corpus read from its columns, or the column that did not fit.
pub struct CorpusFromColumns(pub Result<Corpus, String>);

impl<'de> Deserialize<'de> for CorpusFromColumns {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let problem = RefCell::new(None);
        let corpus = deserializer.deserialize_tuple(7, CorpusVisitor { problem: &problem })?;
        Ok(CorpusFromColumns(match problem.into_inner() {
            Some(problem) => Err(problem),
            None => Ok(corpus),
        }))
    }
}

type Problem<'p> = &'p RefCell<Option<String>>;

struct CorpusVisitor<'p> {
    problem: Problem<'p>,
}

impl<'de> Visitor<'de> for CorpusVisitor<'_> {
    type Value = Corpus;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("the corpus in columns")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Corpus, A::Error> {
        let p = self.problem;
        Ok(Corpus {
            schema_version: next(&mut seq)?,
            documents: next_seed(&mut seq, Records::new("documenten", blank_document, p))?,
            questions: next_seed(&mut seq, Records::new("vragen", blank_question, p))?,
            answers: next_seed(&mut seq, Records::new("antwoorden", blank_answer, p))?,
            parties: next(&mut seq)?,
            themes: next(&mut seq)?,
            ministries: next(&mut seq)?,
        })
    }
}

fn next<'de, A: SeqAccess<'de>, T: Deserialize<'de>>(seq: &mut A) -> Result<T, A::Error> {
    seq.next_element()?
        .ok_or_else(|| A::Error::custom("te weinig kolommen"))
}

fn next_seed<'de, A: SeqAccess<'de>, S: DeserializeSeed<'de>>(
    seq: &mut A,
    seed: S,
) -> Result<S::Value, A::Error> {
    seq.next_element_seed(seed)?
        .ok_or_else(|| A::Error::custom("te weinig kolommen"))
}

/// One record type's columns: the ids make the records, the other columns fill them.
struct Records<'p, R> {
    what: &'static str,
    blank: fn(Id) -> R,
    problem: Problem<'p>,
}

impl<'p, R> Records<'p, R> {
    fn new(what: &'static str, blank: fn(Id) -> R, problem: Problem<'p>) -> Self {
        Records {
            what,
            blank,
            problem,
        }
    }
}

/// The columns of a record type after its ids, in the order the writer puts them.
trait ColumnsOf: Sized {
    const COLUMNS: usize;
    fn read_columns<'de, A: SeqAccess<'de>>(
        rows: &mut [Self],
        seq: &mut A,
        column: &mut dyn FnMut(&'static str, usize),
    ) -> Result<(), A::Error>;
}

impl<'de, R: ColumnsOf> DeserializeSeed<'de> for Records<'_, R> {
    type Value = Vec<R>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Vec<R>, D::Error> {
        deserializer.deserialize_tuple(R::COLUMNS + 1, self)
    }
}

impl<'de, R: ColumnsOf> Visitor<'de> for Records<'_, R> {
    type Value = Vec<R>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "the columns of the {}", self.what)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<R>, A::Error> {
        let ids: Vec<Id> = next(&mut seq)?;
        let mut rows: Vec<R> = ids.into_iter().map(self.blank).collect();
        let expected = rows.len();
        let mut column = |name: &'static str, found: usize| {
            let mut problem = self.problem.borrow_mut();
            if found != expected && problem.is_none() {
                *problem = Some(format!(
                    "kolom {name} van de {} heeft {found} waarden, {expected} verwacht",
                    self.what
                ));
            }
        };
        R::read_columns(&mut rows, &mut seq, &mut column)?;
        Ok(rows)
    }
}

/// One column: each value read is set on its record; returns how many values there were.
struct Column<'r, R, T> {
    rows: &'r mut [R],
    set: fn(&mut R, T),
    _value: PhantomData<T>,
}

fn column<'de, A: SeqAccess<'de>, R, T: Deserialize<'de>>(
    seq: &mut A,
    rows: &mut [R],
    set: fn(&mut R, T),
) -> Result<usize, A::Error> {
    let seed = Column {
        rows,
        set,
        _value: PhantomData,
    };
    next_seed(seq, seed)
}

impl<'de, R, T: Deserialize<'de>> DeserializeSeed<'de> for Column<'_, R, T> {
    type Value = usize;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<usize, D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de, R, T: Deserialize<'de>> Visitor<'de> for Column<'_, R, T> {
    type Value = usize;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a column")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<usize, A::Error> {
        let mut n = 0;
        while let Some(value) = seq.next_element::<T>()? {
            if let Some(row) = self.rows.get_mut(n) {
                (self.set)(row, value);
            }
            n += 1;
        }
        Ok(n)
    }
}

/// The [`ColumnsOf`] of a record type: its columns after the ids, each read into its field, in
/// the writer's order; the count comes from the same list.
macro_rules! columns_of {
    ($record:ty: $($field:ident),+ $(,)?) => {
        impl ColumnsOf for $record {
            const COLUMNS: usize = [$(stringify!($field)),+].len();
            fn read_columns<'de, A: SeqAccess<'de>>(
                rows: &mut [Self],
                seq: &mut A,
                read: &mut dyn FnMut(&'static str, usize),
            ) -> Result<(), A::Error> {
                $(
                    let found = column(seq, rows, |row, value| row.$field = value)?;
                    read(stringify!($field), found);
                )+
                Ok(())
            }
        }
    };
}

columns_of!(Document: file, kind, title, chamber, dossier, references, date, dates, sender,
    recipient, signatories, sections, footnotes, links, pages);

columns_of!(Question: document_id, number, numbers, askers, parties, addressed_to, heading,
    themes, theme_matches, asked_on, postponed_on, ministries, text, footnote_refs, answer_id, page,
    sources, report_note);

columns_of!(Answer: document_id, number, question_ids, answered_on, answered_by, text,
    footnote_refs, page);

fn blank_document(id: Id) -> Document {
    Document::empty(id, String::new(), DocumentKind::Kamerbrief)
}

fn blank_question(id: Id) -> Question {
    Question {
        id,
        document_id: Id::default(),
        number: String::new(),
        numbers: Vec::new(),
        askers: Vec::new(),
        parties: Vec::new(),
        addressed_to: None,
        heading: None,
        themes: Vec::new(),
        theme_matches: Vec::new(),
        asked_on: None::<Date>,
        postponed_on: None,
        ministries: Vec::new(),
        text: String::new(),
        footnote_refs: Vec::new(),
        answer_id: None,
        page: None,
        sources: Vec::new(),
        report_note: None,
    }
}

fn blank_answer(id: Id) -> Answer {
    Answer {
        id,
        document_id: Id::default(),
        number: String::new(),
        question_ids: Vec::new(),
        answered_on: None,
        answered_by: None,
        text: String::new(),
        footnote_refs: Vec::new(),
        page: None,
    }
}
