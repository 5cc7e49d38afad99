//! Reads the columns straight into records: each value goes to its record as it is read, so a column and its records are never in memory together.

// The layout is [`CorpusColumns`](super::CorpusColumns)'s as serde derives it (a struct is its
// fields in order, a `Vec` its length and values). The ids column comes first and makes the
// records; every later column fills one field of each. A column with more or fewer values than
// the records is noted by name and refused after reading.

use crate::date::Date;
use crate::id::Id;
use crate::model::{Answer, Corpus, Document, DocumentKind, Question};
use crate::postcard_reader::{Read, ReadResult, Reader};

/// A corpus read from its columns, or the column that did not fit.
pub struct CorpusFromColumns(pub Result<Corpus, String>);

impl Read for CorpusFromColumns {
    fn read(r: &mut Reader) -> ReadResult<CorpusFromColumns> {
        let mut problem = None;
        let corpus = Corpus {
            schema_version: r.u32()?,
            documents: records(r, "documenten", blank_document, &mut problem)?,
            questions: records(r, "vragen", blank_question, &mut problem)?,
            answers: records(r, "antwoorden", blank_answer, &mut problem)?,
            parties: Read::read(r)?,
            themes: Read::read(r)?,
            ministries: Read::read(r)?,
        };
        Ok(CorpusFromColumns(match problem {
            Some(problem) => Err(problem),
            None => Ok(corpus),
        }))
    }
}

/// One record type's columns: the ids make the records, the other columns fill them; the first
/// column of another length than the ids goes to `problem`.
fn records<R: ColumnsOf>(
    r: &mut Reader,
    what: &'static str,
    blank: fn(Id) -> R,
    problem: &mut Option<String>,
) -> ReadResult<Vec<R>> {
    let ids: Vec<Id> = Read::read(r)?;
    let mut rows: Vec<R> = ids.into_iter().map(blank).collect();
    let expected = rows.len();
    let mut column = |name: &'static str, found: usize| {
        if found != expected && problem.is_none() {
            *problem = Some(format!(
                "kolom {name} van de {what} heeft {found} waarden, {expected} verwacht"
            ));
        }
    };
    R::read_columns(&mut rows, r, &mut column)?;
    Ok(rows)
}

/// The columns of a record type after its ids, in the order the writer puts them.
trait ColumnsOf: Sized {
    fn read_columns(
        rows: &mut [Self],
        r: &mut Reader,
        column: &mut dyn FnMut(&'static str, usize),
    ) -> ReadResult<()>;
}

/// One column: each value read is set on its record; returns how many values there were.
fn column<R, T: Read>(r: &mut Reader, rows: &mut [R], set: fn(&mut R, T)) -> ReadResult<usize> {
    r.each(&mut |i, value| {
        if let Some(row) = rows.get_mut(i) {
            set(row, value);
        }
    })
}

/// The [`ColumnsOf`] of a record type: its columns after the ids, each read into its field, in
/// the writer's order.
macro_rules! columns_of {
    ($record:ty: $($field:ident),+ $(,)?) => {
        impl ColumnsOf for $record {
            fn read_columns(
                rows: &mut [Self],
                r: &mut Reader,
                read: &mut dyn FnMut(&'static str, usize),
            ) -> ReadResult<()> {
                $(
                    let found = column(r, rows, |row, value| row.$field = value)?;
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
    themes, theme_matches, asked_on, postponed_on, postponed, ministries, text, footnote_refs, answer_id, page,
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
        postponed: false,
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
