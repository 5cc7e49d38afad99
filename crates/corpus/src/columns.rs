//! The corpus laid out column by column for the artifact: one field of every record together, which compresses far better.
//!
//! Record by record, a question's id, askers, dates and text alternate, and brotli's window sees
//! few repeats; field by field, all ids follow each other, then all askers, and so on. On the
//! 100× scale corpus that shrinks the brotli head by about a third. The writer destructures the
//! records completely, so a field added to the model cannot be left out of the columns; the reader
//! ([`read`]) lists the columns again in the same order, which the round trip of the real corpus
//! (the tests below) checks.

use crate::date::Date;
use crate::id::Id;
use crate::model::{
    Answer, Asker, Chamber, Corpus, Document, DocumentDates, DocumentKind, Footnote, Ministry,
    Party, Question, QuestionSource, References, Section, Theme, ThemeMatch,
};
use serde::Serialize;

mod read;
pub use read::CorpusFromColumns;

/// Every field of every question, one vector per field.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct QuestionColumns {
    id: Vec<Id>,
    document_id: Vec<Id>,
    number: Vec<String>,
    numbers: Vec<Vec<u32>>,
    askers: Vec<Vec<Asker>>,
    parties: Vec<Vec<Id>>,
    addressed_to: Vec<Option<String>>,
    heading: Vec<Option<String>>,
    themes: Vec<Vec<Id>>,
    theme_matches: Vec<Vec<ThemeMatch>>,
    asked_on: Vec<Option<Date>>,
    postponed_on: Vec<Option<Date>>,
    postponed: Vec<bool>,
    ministries: Vec<Vec<Id>>,
    text: Vec<String>,
    footnote_refs: Vec<Vec<String>>,
    answer_id: Vec<Option<Id>>,
    page: Vec<Option<u32>>,
    sources: Vec<Vec<QuestionSource>>,
    report_note: Vec<Option<u32>>,
}

/// Every field of every answer, one vector per field.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct AnswerColumns {
    id: Vec<Id>,
    document_id: Vec<Id>,
    number: Vec<String>,
    question_ids: Vec<Vec<Id>>,
    answered_on: Vec<Option<Date>>,
    answered_by: Vec<Option<String>>,
    text: Vec<String>,
    footnote_refs: Vec<Vec<String>>,
    page: Vec<Option<u32>>,
}

/// Every field of every document, one vector per field.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct DocumentColumns {
    id: Vec<Id>,
    file: Vec<String>,
    kind: Vec<DocumentKind>,
    title: Vec<String>,
    chamber: Vec<Option<Chamber>>,
    dossier: Vec<Option<String>>,
    references: Vec<References>,
    date: Vec<Option<Date>>,
    dates: Vec<DocumentDates>,
    sender: Vec<Option<String>>,
    recipient: Vec<Option<String>>,
    signatories: Vec<Vec<String>>,
    sections: Vec<Vec<Section>>,
    footnotes: Vec<Vec<Footnote>>,
    links: Vec<Vec<String>>,
    pages: Vec<Option<u32>>,
}

/// The corpus, column by column.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct CorpusColumns {
    schema_version: u32,
    documents: DocumentColumns,
    questions: QuestionColumns,
    answers: AnswerColumns,
    parties: Vec<Party>,
    themes: Vec<Theme>,
    ministries: Vec<Ministry>,
}

impl CorpusColumns {
    pub fn from_corpus(corpus: &Corpus) -> CorpusColumns {
        let mut out = CorpusColumns {
            schema_version: corpus.schema_version,
            parties: corpus.parties.clone(),
            themes: corpus.themes.clone(),
            ministries: corpus.ministries.clone(),
            ..CorpusColumns::default()
        };
        for d in &corpus.documents {
            let Document {
                id,
                file,
                kind,
                title,
                chamber,
                dossier,
                references,
                date,
                dates,
                sender,
                recipient,
                signatories,
                sections,
                footnotes,
                links,
                pages,
            } = d.clone();
            let c = &mut out.documents;
            c.id.push(id);
            c.file.push(file);
            c.kind.push(kind);
            c.title.push(title);
            c.chamber.push(chamber);
            c.dossier.push(dossier);
            c.references.push(references);
            c.date.push(date);
            c.dates.push(dates);
            c.sender.push(sender);
            c.recipient.push(recipient);
            c.signatories.push(signatories);
            c.sections.push(sections);
            c.footnotes.push(footnotes);
            c.links.push(links);
            c.pages.push(pages);
        }
        for q in &corpus.questions {
            let Question {
                id,
                document_id,
                number,
                numbers,
                askers,
                parties,
                addressed_to,
                heading,
                themes,
                theme_matches,
                asked_on,
                postponed_on,
                postponed,
                ministries,
                text,
                footnote_refs,
                answer_id,
                page,
                sources,
                report_note,
            } = q.clone();
            let c = &mut out.questions;
            c.id.push(id);
            c.document_id.push(document_id);
            c.number.push(number);
            c.numbers.push(numbers);
            c.askers.push(askers);
            c.parties.push(parties);
            c.addressed_to.push(addressed_to);
            c.heading.push(heading);
            c.themes.push(themes);
            c.theme_matches.push(theme_matches);
            c.asked_on.push(asked_on);
            c.postponed_on.push(postponed_on);
            c.postponed.push(postponed);
            c.ministries.push(ministries);
            c.text.push(text);
            c.footnote_refs.push(footnote_refs);
            c.answer_id.push(answer_id);
            c.page.push(page);
            c.sources.push(sources);
            c.report_note.push(report_note);
        }
        for a in &corpus.answers {
            let Answer {
                id,
                document_id,
                number,
                question_ids,
                answered_on,
                answered_by,
                text,
                footnote_refs,
                page,
            } = a.clone();
            let c = &mut out.answers;
            c.id.push(id);
            c.document_id.push(document_id);
            c.number.push(number);
            c.question_ids.push(question_ids);
            c.answered_on.push(answered_on);
            c.answered_by.push(answered_by);
            c.text.push(text);
            c.footnote_refs.push(footnote_refs);
            c.page.push(page);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::{CorpusColumns, CorpusFromColumns};
    use crate::parse::parse_paths;
    use crate::postcard_reader::read_whole;
    use std::path::Path;

    fn real_corpus() -> crate::model::Corpus {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/documents");
        parse_paths(&[dir]).expect("the real corpus parses").corpus
    }

    fn read_back(columns: &CorpusColumns) -> Result<crate::model::Corpus, String> {
        let bytes = postcard::to_allocvec(columns).expect("columns serialise");
        read_whole::<CorpusFromColumns>(&bytes.as_slice())
            .expect("the columns are readable")
            .0
    }

    #[test]
    fn the_real_corpus_comes_back_unchanged_from_its_columns() {
        let corpus = real_corpus();
        let back = read_back(&CorpusColumns::from_corpus(&corpus));
        assert_eq!(back.as_ref(), Ok(&corpus));
    }

    #[test]
    fn a_column_with_a_missing_value_is_named_in_the_error() {
        let mut columns = CorpusColumns::from_corpus(&real_corpus());
        columns.questions.text.pop();
        let error = read_back(&columns).unwrap_err();
        assert!(error.contains("kolom text van de vragen"), "{error}");
    }

    #[test]
    fn a_column_with_a_value_too_many_is_named_in_the_error() {
        let mut columns = CorpusColumns::from_corpus(&real_corpus());
        let extra = columns.answers.answered_by[0].clone();
        columns.answers.answered_by.push(extra);
        let error = read_back(&columns).unwrap_err();
        assert!(
            error.contains("kolom answered_by van de antwoorden"),
            "{error}"
        );
    }
}
