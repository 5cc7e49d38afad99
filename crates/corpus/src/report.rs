//! The parse report ("Verantwoording"): per document what the parser found and every diagnostic, for the build, `check` and the site.

use crate::diagnostics::{Diagnostic, Severity};
use crate::model::{Corpus, Document};
use crate::parse::{LineFate, ParseOutput};
use std::collections::HashMap;

/// The file name of the report page in the site (beside index.html).
pub const REPORT_PAGE: &str = "verantwoording.html";

/// What the report says about one document.
#[derive(Debug, Clone)]
pub struct DocumentReport<'a> {
    pub document: &'a Document,
    pub questions: usize,
    pub answered: usize,
    pub answers: usize,
    /// The parties of its questions, as the corpus spells them, in order of first appearance.
    pub parties: Vec<String>,
    /// Questions without a party, and without the date they were asked.
    pub without_party: usize,
    pub without_date: usize,
    /// Lines of the source: (all, set aside as page furniture or metadata).
    pub lines: Option<(usize, usize)>,
    pub diagnostics: Vec<&'a Diagnostic>,
}

/// The whole report: every document, and the files that became no document.
#[derive(Debug, Clone)]
pub struct ParseReport<'a> {
    pub documents: Vec<DocumentReport<'a>>,
    /// Per file name that did not become a document: its diagnostics (a scan, an encrypted PDF…).
    pub unread: Vec<(&'a str, Vec<&'a Diagnostic>)>,
}

impl<'a> ParseReport<'a> {
    pub fn new(out: &'a ParseOutput) -> ParseReport<'a> {
        let c = &out.corpus;
        let documents = c
            .documents
            .iter()
            .map(|d| document_report(out, d))
            .collect();
        let mut unread: Vec<(&str, Vec<&Diagnostic>)> = Vec::new();
        for diag in &out.diagnostics {
            if c.documents.iter().any(|d| d.file == diag.file) {
                continue;
            }
            match unread.iter_mut().find(|(f, _)| *f == diag.file) {
                Some((_, list)) => list.push(diag),
                None => unread.push((diag.file.as_str(), vec![diag])),
            }
        }
        ParseReport { documents, unread }
    }

    pub fn count(&self, severity: Severity) -> usize {
        self.all_diagnostics()
            .filter(|d| d.severity == severity)
            .count()
    }

    fn all_diagnostics(&self) -> impl Iterator<Item = &&'a Diagnostic> {
        self.documents
            .iter()
            .flat_map(|d| d.diagnostics.iter())
            .chain(self.unread.iter().flat_map(|(_, list)| list.iter()))
    }

    /// The totals line, e.g. "83 documenten, 681 vragen (396 beantwoord), 374 antwoorden; 0 fouten, 4 waarschuwingen".
    pub fn totals(&self, corpus: &Corpus) -> String {
        let answered = corpus
            .questions
            .iter()
            .filter(|q| q.answer_id.is_some())
            .count();
        format!(
            "{} documenten, {} vragen ({} beantwoord), {} antwoorden; {} niet gelezen bestanden; {} fouten, {} waarschuwingen, {} meldingen",
            corpus.documents.len(),
            corpus.questions.len(),
            answered,
            corpus.answers.len(),
            self.unread.len(),
            self.count(Severity::Error),
            self.count(Severity::Warning),
            self.count(Severity::Info),
        )
    }

    /// The full report as text (`briefwissel check`): every document and every diagnostic.
    pub fn full_text(&self, corpus: &Corpus) -> String {
        let mut s = String::new();
        for d in &self.documents {
            s.push_str(&d.summary_line());
            s.push('\n');
            for diag in &d.diagnostics {
                s.push_str(&format!("  {}\n", short(diag)));
            }
        }
        for (_, list) in &self.unread {
            for diag in list {
                s.push_str(&format!("{diag}\n"));
            }
        }
        s.push('\n');
        s.push_str(&self.totals(corpus));
        s.push('\n');
        s
    }

    /// The build's summary: the totals, then every warning and error with its file (notes only counted).
    pub fn summary_lines(&self, corpus: &Corpus) -> Vec<String> {
        let mut lines = vec![format!("verantwoording: {}", self.totals(corpus))];
        lines.extend(
            self.all_diagnostics()
                .filter(|d| d.severity >= Severity::Warning)
                .map(|d| d.to_string()),
        );
        lines
    }
}

impl DocumentReport<'_> {
    /// One line: file, kind, what was found.
    pub fn summary_line(&self) -> String {
        let d = self.document;
        let mut s = format!("{}: {}", d.file, d.kind.label());
        if let Some(p) = d.pages {
            s.push_str(&format!(", {p} pagina's"));
        }
        s.push_str(&format!(
            " — {} vragen ({} beantwoord), {} antwoorden, {} voetnoten",
            self.questions,
            self.answered,
            self.answers,
            d.footnotes.len()
        ));
        if !self.parties.is_empty() {
            s.push_str(&format!("; partijen: {}", self.parties.join(", ")));
        }
        match d.date {
            Some(date) => s.push_str(&format!("; datum {}", date.dutch())),
            None => s.push_str("; geen datum"),
        }
        if self.without_party > 0 {
            s.push_str(&format!("; {} zonder partij", self.without_party));
        }
        if self.without_date > 0 && self.questions > 0 {
            s.push_str(&format!("; {} zonder vraagdatum", self.without_date));
        }
        if let Some((all, aside)) = self.lines {
            s.push_str(&format!(
                "; {all} regels, {aside} opzij gelegd als kop, voet of gegevens"
            ));
        }
        s
    }
}

fn document_report<'a>(out: &'a ParseOutput, d: &'a Document) -> DocumentReport<'a> {
    let c = &out.corpus;
    let questions: Vec<_> = c
        .questions
        .iter()
        .filter(|q| q.document_id == d.id)
        .collect();
    let mut parties: Vec<String> = Vec::new();
    for p in questions.iter().flat_map(|q| q.parties.iter()) {
        if !parties.iter().any(|known| known == p) {
            parties.push(p.to_string());
        }
    }
    let lines = out
        .line_fates
        .iter()
        .find(|(id, _)| *id == d.id)
        .map(|(_, fates)| {
            let aside = fates
                .iter()
                .filter(|f| matches!(f, LineFate::Boilerplate(_) | LineFate::Metadata(_)))
                .count();
            (fates.len(), aside)
        });
    DocumentReport {
        document: d,
        questions: questions.len(),
        answered: questions.iter().filter(|q| q.answer_id.is_some()).count(),
        answers: c.answers.iter().filter(|a| a.document_id == d.id).count(),
        without_party: questions.iter().filter(|q| q.parties.is_empty()).count(),
        without_date: questions.iter().filter(|q| q.asked_on.is_none()).count(),
        parties,
        lines,
        diagnostics: out
            .diagnostics
            .iter()
            .filter(|x| x.file == d.file)
            .collect(),
    }
}

/// "waarschuwing (regel 48): …" without the file name.
pub fn short(d: &Diagnostic) -> String {
    match d.line {
        Some(l) => format!("{} (regel {l}): {}", severity_word(d.severity), d.message),
        None => format!("{}: {}", severity_word(d.severity), d.message),
    }
}

pub fn severity_word(s: Severity) -> &'static str {
    match s {
        Severity::Info => "melding",
        Severity::Warning => "waarschuwing",
        Severity::Error => "fout",
    }
}

/// Sets every question's `report_note`: the first warning or error of its document's row that is
/// about it (by number), else the first one about the document as a whole.
pub fn attach_report_notes(out: &mut ParseOutput) {
    let ParseOutput {
        corpus,
        diagnostics,
        ..
    } = out;
    let file_of: HashMap<&str, &str> = corpus
        .documents
        .iter()
        .map(|d| (d.id.as_str(), d.file.as_str()))
        .collect();
    // A note's number is its place among its file's diagnostics in report order. Per file: the
    // first warning or error about each question number, and the first about the whole document.
    let mut places: HashMap<&str, usize> = HashMap::new();
    let mut first_about: HashMap<(&str, Option<&str>), usize> = HashMap::new();
    for d in diagnostics.iter() {
        let place = places.entry(d.file.as_str()).or_default();
        *place += 1;
        if d.severity >= Severity::Warning {
            first_about
                .entry((d.file.as_str(), d.question.as_deref()))
                .or_insert(*place);
        }
    }
    for q in &mut corpus.questions {
        let Some(&file) = file_of.get(q.document_id.as_str()) else {
            continue;
        };
        let about_it = first_about.get(&(file, Some(q.number.as_str())));
        let about_document = first_about.get(&(file, None));
        q.report_note = about_it.or(about_document).map(|&n| n as u32);
    }
}
