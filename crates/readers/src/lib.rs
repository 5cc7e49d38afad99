//! Readers: a `.txt`, `.pdf` or `.docx` file as lines with page, position and font, for the parser.
//!
//! Every reader returns an [`Extracted`]: the body lines in reading order, the footnotes, the
//! lines set aside as page furniture (running headers and footers), and the document
//! properties. Every footnote body is one [`Note`]. Problems are [`ReadError`]s, never panics.
//!
//! Footnote markers in body text are written with [`note_marker`]: the number between two
//! private-use characters, which printed text never contains, so the parser can take them out
//! without guessing.

pub mod accents;
pub mod docx;
mod docx_numbering;
mod docx_parts;
pub mod pdf;
mod pdf_content;
mod pdf_damage;
mod pdf_fonts;
mod pdf_furniture;
mod pdf_layout;
mod pdf_order;

/// One line of body text, in reading order.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    /// The text of the line: a printed line of a PDF, a whole paragraph of a Word file.
    /// Footnote markers are written by [`note_marker`].
    pub text: String,
    /// 1-based page number (for Word: as last rendered by Word, counting page breaks), 0 if unknown.
    pub page: u32,
    /// Left edge and top, in points from the top left corner of the page (0 when unknown).
    pub x: f32,
    pub y: f32,
    /// Font size in points (0 when unknown).
    pub size: f32,
    /// Font name as the file names it (e.g. `Univers-Black`), empty when unknown.
    pub font: String,
    /// Bold type (from the font name or Word's run properties).
    pub bold: bool,
    /// A blank line stands before this one (a paragraph gap, or a new Word paragraph after an empty one).
    pub gap_before: bool,
    /// The line continues the paragraph of the line before it (judged from the page geometry:
    /// same column and size, normal line spacing, and the line before was full). Always false for Word.
    pub continues: bool,
}

/// A footnote body, taken from the page foot (PDF) or the footnotes part (Word).
#[derive(Debug, Clone, PartialEq)]
pub struct Note {
    /// The marker as printed, e.g. `3`.
    pub number: String,
    pub text: String,
    pub page: u32,
}

/// A line that is not part of the text: a running header or footer, a page number.
#[derive(Debug, Clone, PartialEq)]
pub struct SetAside {
    pub text: String,
    pub page: u32,
    /// Why, e.g. `running footer`, `page number`.
    pub why: &'static str,
}

/// Document properties (PDF Info dictionary, Word `docProps/core.xml`): a fallback only.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Properties {
    pub title: Option<String>,
    /// ISO 8601 date-time strings as stored, e.g. `2024-07-25T07:11:00Z`.
    pub created: Option<String>,
    pub modified: Option<String>,
}

/// What a reader made of one file.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Extracted {
    pub lines: Vec<Line>,
    pub notes: Vec<Note>,
    pub set_aside: Vec<SetAside>,
    pub properties: Properties,
    /// Number of pages (Word: as last rendered), 0 if unknown.
    pub pages: u32,
    /// Letterhead fields printed outside the body (Word first-page header): `("Datum", "25 juli 2024")`.
    pub letterhead: Vec<(String, String)>,
}

/// Opens a footnote marker in body text.
pub const NOTE_MARK_OPEN: char = '\u{E000}';
/// Closes a footnote marker in body text.
pub const NOTE_MARK_CLOSE: char = '\u{E001}';

/// The marker of footnote `number` as it stands in [`Line::text`].
pub fn note_marker(number: &str) -> String {
    format!("{NOTE_MARK_OPEN}{number}{NOTE_MARK_CLOSE}")
}

/// Why a file could not be read. The message is for people: it says what is wrong and what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadError {
    /// 1-based page, when the problem is on one page.
    pub page: Option<u32>,
    pub message: String,
}

impl ReadError {
    pub fn new(message: impl Into<String>) -> ReadError {
        ReadError {
            page: None,
            message: message.into(),
        }
    }
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.page {
            Some(p) => write!(f, "pagina {p}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

/// The formats the readers take, by file extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Pdf,
    Docx,
}

impl Format {
    /// The format of a file name, by extension (case-insensitive); `None` for anything else.
    pub fn of(file_name: &str) -> Option<Format> {
        let lower = file_name.to_ascii_lowercase();
        [Format::Text, Format::Pdf, Format::Docx]
            .into_iter()
            .find(|f| {
                lower
                    .strip_suffix(f.extension())
                    .is_some_and(|s| s.ends_with('.'))
            })
    }

    /// The format the bytes themselves show beyond doubt: a PDF starts with `%PDF-`, a Word
    /// file is a zip archive with a `word/document.xml` part; `None` for anything else (text, or
    /// bytes no reader takes).
    pub fn of_content(bytes: &[u8]) -> Option<Format> {
        const WORD_PART: &[u8] = b"word/document.xml";
        if bytes.starts_with(b"%PDF-") {
            Some(Format::Pdf)
        } else if bytes.starts_with(b"PK\x03\x04")
            && bytes.windows(WORD_PART.len()).any(|w| w == WORD_PART)
        {
            Some(Format::Docx)
        } else {
            None
        }
    }

    /// What a person calls the format in a message.
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "tekstbestand",
            Format::Pdf => "PDF-bestand",
            Format::Docx => "Word-bestand",
        }
    }

    /// The file name extension of the format, without its dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Text => "txt",
            Format::Pdf => "pdf",
            Format::Docx => "docx",
        }
    }
}

/// Reads a PDF or Word file from its bytes. (Text files are decoded by the parser itself.)
pub fn read(format: Format, bytes: &[u8]) -> Result<Extracted, ReadError> {
    match format {
        Format::Pdf => pdf::read(bytes),
        Format::Docx => docx::read(bytes),
        Format::Text => Err(ReadError::new(
            "een tekstbestand leest Briefwissel rechtstreeks in, niet via deze lezer",
        )),
    }
}
