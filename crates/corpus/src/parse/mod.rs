//! Turns raw extracted letters into documents, questions and answers, recording the fate of every line.
//!
//! The run in order is `pipeline`: every file read and parsed on its own (`read_sources`), then the
//! passes over the whole corpus (`corpus_passes`).
//!
//! Contract between the parser modules (keep it):
//! * `detect::detect_kind` decides the [`DocumentKind`] of a source file.
//! * `kamervragen::parse` handles Kamervragen, Aanhangsel, antwoordbrief and uitstel files (its
//!   header fields in `kamervragen_meta`, labels in `kamervragen_labels`, blocks in
//!   `kamervragen_blocks`, the model in `kamervragen_build`);
//!   `overleg::parse` handles verslagen van een schriftelijk overleg;
//!   `letter::parse` handles Kamerbrieven, nota's and letters of organisations.
//! * Every parser returns a [`Parsed`] whose `line_fates` has exactly one entry per source line, so
//!   the no-text-lost test can check that every non-boilerplate line landed somewhere.

use crate::diagnostics::Diagnostic;
use crate::hyphenation::DocumentSpelling;
use crate::id::Id;
use crate::model::{Answer, Corpus, Document, DocumentKind, Question};
use crate::registry::Registry;

/// A source file as handed to a parser.
pub struct Source<'a> {
    /// File name, e.g. `kv-003-…-pdf.txt`.
    pub file: &'a str,
    /// Stable document id (file name without `.txt`).
    pub id: Id,
    /// The lines of the file, without line terminators (index 0 is line 1).
    pub lines: Vec<&'a str>,
    pub registry: &'a Registry,
    /// The page of every line, when the file was read from a PDF or Word original (else empty).
    pub pages: Vec<u32>,
    /// The lines come from a reader of originals: each is a whole paragraph, hyphenation is
    /// already repaired and footnote markers are explicit (see `briefwissel_readers::note_marker`).
    pub clean: bool,
    /// How the document writes its words, to judge hyphens at line breaks.
    pub spelling: DocumentSpelling,
}

impl Source<'_> {
    /// The page of line `i` (0-based), when known.
    pub fn page_of(&self, i: usize) -> Option<u32> {
        self.pages.get(i).copied().filter(|&p| p > 0)
    }
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

/// What one parser produced for one file (questions without themes: the passes over the corpus
/// give them, [`question_themes`]).
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
    /// The words of the corpus as read, before glued words were split (see [`glued_words`]).
    pub vocabulary: glued_words_vocabulary::Vocabulary,
}

pub mod dedupe;
pub mod detect;
pub mod glued_words;
pub mod glued_words_corpus;
pub mod glued_words_vocabulary;
pub mod kamervragen;
pub mod kamervragen_blocks;
mod kamervragen_build;
pub mod kamervragen_header;
pub mod kamervragen_labels;
mod kamervragen_meta;
pub mod kamervragen_notes;
pub mod letter;
pub mod link_aanhangsel;
mod link_merges;
pub mod link_sets;
pub mod member_parties;
mod numbered_heading;
pub mod originals;
pub mod overleg;
mod pipeline;
pub mod question_facts;
pub mod question_themes;
pub mod references;
pub mod relayout;
pub mod sources;

pub use pipeline::{
    corpus_passes, parse_paths, parse_paths_in_steps, parse_sources, read_sources, Builtin,
};
pub use sources::{decode, MAX_FILE_BYTES};

use crate::diagnostics::Severity;
use crate::model::{Block, Section};
use std::borrow::Cow;

/// Parses one source file. Never panics; problems become diagnostics.
pub fn parse_text(file_name: &str, text: &str, registry: &Registry) -> Parsed {
    parse_text_as(file_name, &document_id(file_name), text, registry)
}

/// [`parse_text`] giving the document this id (a name another file's id already has gets one of
/// its own: [`pipeline::read_sources`]).
pub fn parse_text_as(file_name: &str, id: &str, text: &str, registry: &Registry) -> Parsed {
    // An accent the extracting tool set apart from its letter ("Kostic ´") goes back on it.
    let lines: Vec<Cow<str>> = text
        .lines()
        .map(briefwissel_readers::accents::rejoin_spacing_accents)
        .collect();
    let lines: Vec<&str> = lines.iter().map(|l| l.as_ref()).collect();
    parse_lines(file_name, id, lines, Vec::new(), false, registry)
}

/// Parses lines that a reader of originals (or a text file) produced into the document `id`;
/// `pages` may be empty.
pub fn parse_lines(
    file_name: &str,
    id: &str,
    lines: Vec<&str>,
    pages: Vec<u32>,
    clean: bool,
    registry: &Registry,
) -> Parsed {
    // Extracted text (not a reader's paragraphs) may have lost line breaks: cut it again, parse
    // the pieces and give every source line the fate of its pieces.
    let (pieces, origin) = relayout::cut_run_together_lines(&lines);
    if clean || pieces.len() == lines.len() {
        return parse_pieces(file_name, id, lines, pages, clean, registry);
    }
    let piece_pages = if pages.is_empty() {
        Vec::new()
    } else {
        origin
            .iter()
            .map(|&i| pages.get(i).copied().unwrap_or(0))
            .collect()
    };
    let mut parsed = parse_pieces(file_name, id, pieces, piece_pages, clean, registry);
    let mut fates = vec![LineFate::Blank; lines.len()];
    for (fate, &i) in parsed.line_fates.iter().zip(&origin) {
        // The first text a line holds says where it went; else its first other fate.
        let better = match (&fates[i], fate) {
            (_, LineFate::Blank) | (LineFate::Text(_), _) => false,
            (LineFate::Blank, _) => true,
            (_, LineFate::Text(_)) => true,
            _ => false,
        };
        if better {
            fates[i] = fate.clone();
        }
    }
    parsed.line_fates = fates;
    for d in &mut parsed.diagnostics {
        d.line = d
            .line
            .and_then(|l| origin.get(l.checked_sub(1)?))
            .map(|&i| i + 1);
    }
    parsed
}

/// Parses lines as they are, one fate per line.
fn parse_pieces(
    file_name: &str,
    id: &str,
    lines: Vec<&str>,
    pages: Vec<u32>,
    clean: bool,
    registry: &Registry,
) -> Parsed {
    let id = Id::from(id);
    let spelling = DocumentSpelling::of_lines(&lines);
    let src = Source {
        file: file_name,
        id,
        lines,
        registry,
        pages,
        clean,
        spelling,
    };
    let kind = detect::detect_kind(&src);
    let mut parsed = match kind {
        DocumentKind::SchriftelijkOverleg => overleg::parse(&src, kind),
        DocumentKind::Kamerbrief | DocumentKind::Nota | DocumentKind::Organisatiebrief => {
            letter::parse(&src, kind)
        }
        _ => kamervragen::parse(&src, kind),
    };
    finish(&src, &mut parsed);
    parsed
}

/// Checks common to every parser: one fate per line, links, ids linked. (Themes come with the
/// corpus's passes: [`question_themes`].)
fn finish(src: &Source, parsed: &mut Parsed) {
    let n = src.lines.len();
    if parsed.line_fates.len() != n {
        parsed.diagnostics.push(Diagnostic::new(
            src.file,
            None,
            Severity::Error,
            format!(
                "fout in Briefwissel: de verwerking telde {} regels, het bestand heeft er {}",
                parsed.line_fates.len(),
                n
            ),
        ));
        parsed.line_fates.resize(n, LineFate::Blank);
    }
    if src.lines.iter().all(|l| l.trim().is_empty()) {
        parsed.diagnostics.push(Diagnostic::new(
            src.file,
            None,
            Severity::Error,
            "het bestand is leeg",
        ));
    }
    // Links from every text, in reading order.
    let mut texts: Vec<String> = Vec::new();
    for s in &parsed.document.sections {
        for b in &s.blocks {
            match b {
                Block::Paragraph(p) => texts.push(p.clone()),
                Block::List(items) => texts.extend(items.iter().cloned()),
                Block::Question(id) => {
                    if let Some(q) = parsed.questions.iter().find(|q| &q.id == id) {
                        texts.push(q.text.clone());
                    }
                }
                Block::Answer(id) => {
                    if let Some(a) = parsed.answers.iter().find(|a| &a.id == id) {
                        texts.push(a.text.clone());
                    }
                }
            }
        }
    }
    texts.extend(parsed.footnotes_texts());
    for t in texts {
        crate::text::collect_links(&mut parsed.document.links, &t);
    }
}

impl Parsed {
    fn footnotes_texts(&self) -> Vec<String> {
        self.document
            .footnotes
            .iter()
            .map(|f| f.text.clone())
            .collect()
    }

    /// An empty result for `src`, with every line still unassigned (Blank).
    pub fn empty(src: &Source, kind: DocumentKind) -> Parsed {
        Parsed {
            document: Document::empty(src.id.clone(), src.file.to_string(), kind),
            questions: Vec::new(),
            answers: Vec::new(),
            diagnostics: Vec::new(),
            line_fates: vec![LineFate::Blank; src.lines.len()],
        }
    }
}

/// The stable document id: the file name without directory and `.txt`.
pub fn document_id(file_name: &str) -> String {
    let base = file_name.rsplit(['/', '\\']).next().unwrap_or(file_name);
    // An own document's id is the prefix and the id its file would have in the data folder.
    let own = crate::own_documents::OWN_ID_PREFIX;
    if let Some(rest) = base.strip_prefix(own).filter(|r| !r.is_empty()) {
        return format!("{own}{}", document_id(rest));
    }
    let lower = base.to_ascii_lowercase();
    for ext in ["pdf", "docx"] {
        if lower.ends_with(&format!(".{ext}")) {
            // Originals keep their format in the id, so a .txt extract of the same name stays apart;
            // Word file names are long sentences, so the slug is cut at a word.
            let stem = &base[..base.len() - ext.len() - 1];
            let mut slug = number_slug(stem);
            if slug.len() > 60 {
                let cut = slug[..60].rfind('-').unwrap_or(60);
                slug.truncate(cut);
            }
            return format!("{slug}-{ext}");
        }
    }
    base.strip_suffix(".txt")
        .or_else(|| base.strip_suffix(".TXT"))
        .unwrap_or(base)
        .to_string()
}

/// A number as printed made fit for an id: `4 en 5` → `4-en-5`, `2 t/m 6` → `2-t-m-6`.
pub fn number_slug(number: &str) -> String {
    let mut out = String::new();
    for c in crate::fold::fold(number).chars() {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

/// Id of a question: `<doc>-v<number slug>`.
pub fn question_id(doc_id: &str, number: &str) -> String {
    format!("{doc_id}-v{}", number_slug(number))
}

/// Id of an answer: `<doc>-a<number slug>`.
pub fn answer_id(doc_id: &str, number: &str) -> String {
    format!("{doc_id}-a{}", number_slug(number))
}

/// A section with a heading and one paragraph block per paragraph of `text`.
pub fn text_section(heading: Option<String>, text: &str) -> Section {
    let blocks = text
        .split("\n\n")
        .filter(|p| !p.trim().is_empty())
        .map(|p| {
            if p.lines().all(|l| l.starts_with("- ")) {
                Block::List(
                    p.lines()
                        .map(|l| l.trim_start_matches("- ").to_string())
                        .collect(),
                )
            } else {
                Block::Paragraph(p.to_string())
            }
        })
        .collect();
    Section { heading, blocks }
}
