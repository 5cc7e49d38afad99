//! Turns raw extracted letters into documents, questions and answers, recording the fate of every line.
//!
//! Contract between the parser modules (keep it):
//! * `detect::detect_kind` decides the [`DocumentKind`] of a source file.
//! * `kamervragen::parse` handles Kamervragen, Aanhangsel, antwoordbrief and uitstel files;
//!   `overleg::parse` handles verslagen van een schriftelijk overleg;
//!   `letter::parse` handles Kamerbrieven, nota's and letters of organisations.
//! * Every parser returns a [`Parsed`] whose `line_fates` has exactly one entry per source line, so
//!   the no-text-lost test can check that every non-boilerplate line landed somewhere.

use crate::diagnostics::Diagnostic;
use crate::model::{Answer, Corpus, Document, DocumentKind, Question};
use crate::registry::Registry;

/// A source file as handed to a parser.
pub struct Source<'a> {
    /// File name, e.g. `kv-003-…-pdf.txt`.
    pub file: &'a str,
    /// Stable document id (file name without `.txt`).
    pub id: String,
    /// The lines of the file, without line terminators (index 0 is line 1).
    pub lines: Vec<&'a str>,
    pub registry: &'a Registry,
}

/// Where a source line ended up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LineFate {
    /// Empty or whitespace only.
    Blank,
    /// Running header/footer, page number, ISSN line, committee composition, marker like `AH 617`…
    /// The string says which kind of boilerplate, for the check report.
    Boilerplate(&'static str),
    /// Parsed into a document field (title, date line, kenmerk, sender, signatory…).
    Metadata(&'static str),
    /// Text that is part of the output at this place.
    Text(Place),
    /// A question repeated in the answer letter; it is kept once, under this question id.
    RepeatedQuestion(String),
}

/// A place in the output that holds text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// `document.sections[i]`
    Section(usize),
    Question(String),
    Answer(String),
    /// Footnote by its number.
    Footnote(String),
    /// The document title.
    Title,
}

/// What one parser produced for one file.
pub struct Parsed {
    pub document: Document,
    pub questions: Vec<Question>,
    pub answers: Vec<Answer>,
    pub diagnostics: Vec<Diagnostic>,
    /// One fate per source line, same length as `Source::lines`.
    pub line_fates: Vec<LineFate>,
}

/// The parsed corpus plus everything the parser had to say about it.
pub struct ParseOutput {
    pub corpus: Corpus,
    pub diagnostics: Vec<Diagnostic>,
    /// Per document id: the fate of every line (for `check` and the no-text-lost test).
    pub line_fates: Vec<(String, Vec<LineFate>)>,
}
