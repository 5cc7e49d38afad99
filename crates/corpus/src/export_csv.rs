//! Exports a selection of questions (with their answers) as CSV or JSON, for the app's client-side download.

use crate::json::{write_answer, write_question, JsonWriter};
use crate::model::{Corpus, Question, SCHEMA_VERSION};
use crate::search::units::AnswerLookup;
use crate::texts::{Missing, Texts};

/// Column names of the CSV export, in order.
pub const CSV_COLUMNS: [&str; 18] = [
    "id",
    "document_id",
    "document_title",
    "number",
    "parties",
    "askers",
    "addressed_to",
    "heading",
    "themes",
    "ministries",
    "asked_on",
    "postponed_on",
    "postponed",
    "answered_on",
    "days_to_answer",
    "answered_by",
    "text",
    "answer_text",
];

/// RFC 4180 CSV (comma-separated, CRLF, UTF-8) of the questions at `indices` of the corpus's
/// questions, in that order; lists are joined with `; `. Indices outside the corpus are skipped.
/// Cells that a spreadsheet would run as a formula get a leading `'`. `Err` names a text shard
/// that has not arrived ([`crate::explore::Explorer::text_shards_of`] lists those it needs).
pub fn questions_csv(texts: &Texts, indices: &[u32]) -> Result<String, Missing> {
    let corpus = texts.corpus();
    let answers = AnswerLookup::new(corpus);
    let title = document_titles(corpus);
    let mut out = String::new();
    push_row(&mut out, CSV_COLUMNS.iter().map(|c| c.to_string()));
    for q in indices
        .iter()
        .filter_map(|&i| corpus.questions.get(i as usize))
    {
        let answer = answers.get(q.answer_id.as_deref());
        let details = texts.details_of(q)?;
        let askers: Vec<String> = (details.askers.iter())
            .map(|a| {
                // The party as printed, else the one the member registry gave.
                let party = match a.party_as_printed.as_str() {
                    "" => a.party.clone().unwrap_or_default(),
                    printed => printed.to_string(),
                };
                match &a.name {
                    Some(name) => format!("{name} ({party})"),
                    None => party,
                }
            })
            .collect();
        let answered_on = answer.and_then(|a| a.answered_on);
        let days = match (q.asked_on, answered_on) {
            (Some(asked), Some(answered)) => asked.days_until(answered).to_string(),
            _ => String::new(),
        };
        push_row(
            &mut out,
            [
                q.id.to_string(),
                q.document_id.to_string(),
                title(&q.document_id).unwrap_or_default().to_string(),
                q.number.clone(),
                q.parties.join("; "),
                askers.join("; "),
                details.addressed_to.unwrap_or_default().to_string(),
                q.heading.clone().unwrap_or_default(),
                q.themes.join("; "),
                q.ministries
                    .iter()
                    .map(|id| {
                        let m = corpus.ministries.iter().find(|m| &m.id == id);
                        m.map_or(id.as_str(), |m| m.name.as_str())
                    })
                    .collect::<Vec<_>>()
                    .join("; "),
                q.asked_on.map(|d| d.to_string()).unwrap_or_default(),
                q.postponed_on.map(|d| d.to_string()).unwrap_or_default(),
                q.postponed.to_string(),
                answered_on.map(|d| d.to_string()).unwrap_or_default(),
                days,
                match answer {
                    Some(a) => texts.answered_by_of(a)?.unwrap_or_default().to_string(),
                    None => String::new(),
                },
                texts.of_question(q)?.to_string(),
                match answer {
                    Some(a) => texts.of_answer(a)?.to_string(),
                    None => String::new(),
                },
            ]
            .into_iter(),
        );
    }
    Ok(out)
}

/// Pretty JSON `{ schema_version, count, questions: [{ document_title, question, answer }] }` of the
/// questions at `indices`, in that order (indices outside the corpus are skipped); each question
/// and answer with every field as in the corpus (tests/json_export.rs holds it to serde_json's
/// output of the model). `Err` as for [`questions_csv`].
pub fn questions_json(texts: &Texts, indices: &[u32]) -> Result<String, Missing> {
    let corpus = texts.corpus();
    let answers = AnswerLookup::new(corpus);
    let title = document_titles(corpus);
    let questions: Vec<&Question> = indices
        .iter()
        .filter_map(|&i| corpus.questions.get(i as usize))
        .collect();
    let mut w = JsonWriter::default();
    w.open('{');
    w.key("schema_version");
    w.number(u64::from(SCHEMA_VERSION));
    w.key("count");
    w.number(questions.len() as u64);
    w.key("questions");
    w.open('[');
    for q in questions {
        w.item();
        w.open('{');
        w.field_opt_str("document_title", title(&q.document_id));
        w.key("question");
        write_question(&mut w, q, texts.of_question(q)?, texts.details_of(q)?);
        w.key("answer");
        match answers.get(q.answer_id.as_deref()) {
            Some(a) => write_answer(&mut w, a, texts.of_answer(a)?, texts.answered_by_of(a)?),
            None => w.null(),
        }
        w.close('}');
    }
    w.close(']');
    w.close('}');
    Ok(w.finish())
}

/// A document's title by its id (through the positions map every lookup by id shares).
fn document_titles<'c>(corpus: &'c Corpus) -> impl Fn(&str) -> Option<&'c str> {
    let positions = crate::lookup::positions(&corpus.documents, |d| &d.id);
    move |id| Some(corpus.documents.get(*positions.get(id)?)?.title.as_str())
}

fn push_row(out: &mut String, cells: impl Iterator<Item = String>) {
    for (i, cell) in cells.enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_cell(out, &cell);
    }
    out.push_str("\r\n");
}

fn push_cell(out: &mut String, cell: &str) {
    let mut chars = cell.chars();
    let formula = match (chars.next(), chars.next()) {
        (Some('=' | '+' | '@' | '\t' | '\r'), _) => true,
        (Some('-'), next) => next.is_some_and(|c| c != ' '),
        _ => false,
    };
    let guarded = if formula {
        format!("'{cell}")
    } else {
        cell.to_string()
    };
    if guarded.contains([',', '"', '\r', '\n'])
        || guarded.starts_with(' ')
        || guarded.ends_with(' ')
    {
        out.push('"');
        out.push_str(&guarded.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(&guarded);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell(s: &str) -> String {
        let mut out = String::new();
        push_cell(&mut out, s);
        out
    }

    #[test]
    fn cells_are_quoted_and_formulas_defused() {
        assert_eq!(cell("plain"), "plain");
        assert_eq!(cell("a, \"b\"\nc"), "\"a, \"\"b\"\"\nc\"");
        assert_eq!(cell("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(cell("-1+2"), "'-1+2");
        assert_eq!(cell("- een lijstpunt"), "- een lijstpunt");
    }
}
