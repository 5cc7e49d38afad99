//! The corpus model: documents, questions, answers, parties and themes, as exported and shipped.
//!
//! Rules for everything in this file (they keep the postcard artifact working):
//! no `skip_serializing_if`, no `flatten`, no `untagged`; `Option` and `Vec` are always present.

use crate::date::Date;
use crate::id::Id;
use serde::{Deserialize, Serialize};

/// Bumped whenever the shape of [`Corpus`] changes; the artifact and the JSON export carry it.
pub const SCHEMA_VERSION: u32 = 5;

/// The whole parsed corpus.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Corpus {
    pub schema_version: u32,
    pub documents: Vec<Document>,
    pub questions: Vec<Question>,
    pub answers: Vec<Answer>,
    pub parties: Vec<Party>,
    pub themes: Vec<Theme>,
    /// The ministries of `data/ministries.toml` (`Question::ministries` holds their ids).
    pub ministries: Vec<Ministry>,
}

/// What kind of document a source file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    /// Verslag van een schriftelijk overleg (questions of a committee, answers of a minister).
    SchriftelijkOverleg,
    /// Kamervragen with their answers (Aanhangsel van de Handelingen).
    KamervragenMetAntwoord,
    /// Kamervragen that have not been answered yet.
    Kamervragen,
    /// A minister's answer letter to Kamervragen (often exported from Word).
    Antwoordbrief,
    /// A notice that answering is postponed (uitstel beantwoording / mededeling).
    Uitstel,
    /// A government letter to parliament (Kamerbrief, "Brief regering").
    Kamerbrief,
    /// An internal ministry note (nota).
    Nota,
    /// A letter from an organisation to members of parliament.
    Organisatiebrief,
}

impl DocumentKind {
    pub const ALL: [DocumentKind; 8] = [
        DocumentKind::SchriftelijkOverleg,
        DocumentKind::KamervragenMetAntwoord,
        DocumentKind::Kamervragen,
        DocumentKind::Antwoordbrief,
        DocumentKind::Uitstel,
        DocumentKind::Kamerbrief,
        DocumentKind::Nota,
        DocumentKind::Organisatiebrief,
    ];

    /// The value used in JSON and in URLs (`soort=`).
    pub fn slug(self) -> &'static str {
        match self {
            DocumentKind::SchriftelijkOverleg => "schriftelijk_overleg",
            DocumentKind::KamervragenMetAntwoord => "kamervragen_met_antwoord",
            DocumentKind::Kamervragen => "kamervragen",
            DocumentKind::Antwoordbrief => "antwoordbrief",
            DocumentKind::Uitstel => "uitstel",
            DocumentKind::Kamerbrief => "kamerbrief",
            DocumentKind::Nota => "nota",
            DocumentKind::Organisatiebrief => "organisatiebrief",
        }
    }

    /// Dutch label for the interface.
    pub fn label(self) -> &'static str {
        match self {
            DocumentKind::SchriftelijkOverleg => "Schriftelijk overleg",
            DocumentKind::KamervragenMetAntwoord => "Kamervragen met antwoord",
            DocumentKind::Kamervragen => "Kamervragen (onbeantwoord)",
            DocumentKind::Antwoordbrief => "Antwoordbrief",
            DocumentKind::Uitstel => "Uitstel beantwoording",
            DocumentKind::Kamerbrief => "Kamerbrief",
            DocumentKind::Nota => "Nota",
            DocumentKind::Organisatiebrief => "Brief van een organisatie",
        }
    }

    pub fn from_slug(s: &str) -> Option<DocumentKind> {
        DocumentKind::ALL.into_iter().find(|k| k.slug() == s)
    }
}

/// Which chamber of parliament a document belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Chamber {
    EersteKamer,
    TweedeKamer,
}

impl Chamber {
    pub fn slug(self) -> &'static str {
        match self {
            Chamber::EersteKamer => "eerste_kamer",
            Chamber::TweedeKamer => "tweede_kamer",
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            Chamber::EersteKamer => "Eerste Kamer",
            Chamber::TweedeKamer => "Tweede Kamer",
        }
    }
    pub fn from_slug(s: &str) -> Option<Chamber> {
        [Chamber::EersteKamer, Chamber::TweedeKamer]
            .into_iter()
            .find(|c| c.slug() == s)
    }
}

/// One source file, parsed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Document {
    /// Stable id: the source file name without extension, e.g. `002_9993184b351c6e06`.
    pub id: Id,
    /// Source file name, e.g. `002_9993184b351c6e06.txt`.
    pub file: String,
    pub kind: DocumentKind,
    pub title: String,
    pub chamber: Option<Chamber>,
    /// Dossier (Kamerstuk) number as printed with its space, e.g. `36 941`.
    pub dossier: Option<String>,
    pub references: References,
    /// The letter date (for an overleg: the vastgesteld date, else the answer or question letter).
    pub date: Option<Date>,
    pub dates: DocumentDates,
    pub sender: Option<String>,
    pub recipient: Option<String>,
    pub signatories: Vec<String>,
    /// The document in reading order.
    pub sections: Vec<Section>,
    pub footnotes: Vec<Footnote>,
    /// Every URL in the document, in order of first appearance, without duplicates.
    pub links: Vec<String>,
    /// Number of pages of a PDF or Word original, `None` for text files.
    pub pages: Option<u32>,
}

impl Document {
    /// A document of `kind` with its id and file name only: no title, dates, references or body.
    pub fn empty(id: Id, file: String, kind: DocumentKind) -> Document {
        Document {
            id,
            file,
            kind,
            title: String::new(),
            chamber: None,
            dossier: None,
            references: References::default(),
            date: None,
            dates: DocumentDates::default(),
            sender: None,
            recipient: None,
            signatories: Vec::new(),
            sections: Vec::new(),
            footnotes: Vec::new(),
            links: Vec::new(),
            pages: None,
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct References {
    /// Kenmerk / ons kenmerk, e.g. `6211257`.
    pub kenmerk: Option<String>,
    /// Document number, e.g. `2025D33530`.
    pub document_number: Option<String>,
    /// Zaak number, e.g. `2025Z14627` or `2024Z17972` (spaces removed).
    pub zaak: Option<String>,
    /// Aanhangsel number, e.g. `575` of `ah-tk-20242025-575`.
    pub aanhangsel: Option<String>,
    /// The Aanhangsel publication of the notice that postponed an answer, as the answer names it
    /// ("Zie ook Aanhangsel Handelingen, vergaderjaar 2024–2025, nr. 318"): `2024–2025, nr. 318`.
    pub postponement_aanhangsel: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct DocumentDates {
    pub letter: Option<Date>,
    pub question_letter: Option<Date>,
    pub answer_letter: Option<Date>,
    pub reminder_letter: Option<Date>,
    pub vastgesteld: Option<Date>,
}

/// A part of a document: an optional heading and its blocks, in reading order.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Section {
    pub heading: Option<String>,
    pub blocks: Vec<Block>,
}

/// In JSON a block is `{"type": "paragraph", "value": …}`; in postcard it is a plain variant index
/// and its value (see `BlockJson` / `BlockCompact`), as `crate::postcard_reader` reads it back.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// One paragraph of running text (hard wraps joined, hyphenation repaired).
    Paragraph(String),
    /// A list; each item is one string.
    List(Vec<String>),
    /// The question with this id stands here.
    Question(String),
    /// The answer with this id stands here.
    Answer(String),
}

#[derive(Serialize)]
#[serde(tag = "type", content = "value", rename_all = "snake_case")]
enum BlockJson {
    Paragraph(String),
    List(Vec<String>),
    Question(String),
    Answer(String),
}

#[derive(Serialize)]
enum BlockCompact {
    Paragraph(String),
    List(Vec<String>),
    Question(String),
    Answer(String),
}

impl Serialize for Block {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let human = serializer.is_human_readable();
        match (self.clone(), human) {
            (Block::Paragraph(t), true) => BlockJson::Paragraph(t).serialize(serializer),
            (Block::List(t), true) => BlockJson::List(t).serialize(serializer),
            (Block::Question(t), true) => BlockJson::Question(t).serialize(serializer),
            (Block::Answer(t), true) => BlockJson::Answer(t).serialize(serializer),
            (Block::Paragraph(t), false) => BlockCompact::Paragraph(t).serialize(serializer),
            (Block::List(t), false) => BlockCompact::List(t).serialize(serializer),
            (Block::Question(t), false) => BlockCompact::Question(t).serialize(serializer),
            (Block::Answer(t), false) => BlockCompact::Answer(t).serialize(serializer),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Footnote {
    /// The footnote marker as printed, e.g. `3` or `¹`→`1`.
    pub number: String,
    pub text: String,
}

/// Someone who asked a question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Asker {
    /// Member name as printed (e.g. `Boswijk`, `Van den Hil`), or `None` when a whole faction asks.
    pub name: Option<String>,
    /// Canonical party name from the registry, `None` if unknown.
    pub party: Option<String>,
    /// The party as printed in the source (e.g. `ChristenUnie`, `GL-PvdA`); empty when it was not printed.
    pub party_as_printed: String,
    /// When the party was not printed but taken from the member registry (`data/members.csv`):
    /// the date it was looked up on (the day the question was asked, else the day it was answered).
    pub party_on: Option<Date>,
}

/// Why a theme was given: the theme id and the words that matched.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ThemeMatch {
    pub theme: String,
    pub words: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Question {
    /// Stable id: `<document id>-v<number>` with spaces as `-`, e.g. `kv-003-…-pdf-v4-en-5`.
    pub id: Id,
    pub document_id: Id,
    /// Number as printed: `3`, `4 en 5`, `13 en 14`; for unnumbered questions, the position (`1`, `2`, …).
    pub number: String,
    /// The question numbers this printed question covers (e.g. `[4, 5]` for `4 en 5`).
    pub numbers: Vec<u32>,
    pub askers: Vec<Asker>,
    /// Canonical party names (a party's id), deduplicated, in order of appearance.
    pub parties: Vec<Id>,
    /// The minister / state secretary addressed, e.g. `Minister van Buitenlandse Zaken`.
    pub addressed_to: Option<String>,
    /// The printed theme heading the question stands under, if any.
    pub heading: Option<String>,
    /// Theme ids, at least one once the passes over the corpus ran (`parse::question_themes`);
    /// empty in what one file's parse returns.
    pub themes: Vec<Id>,
    pub theme_matches: Vec<ThemeMatch>,
    pub asked_on: Option<Date>,
    /// The date of a postponement notice ("uitstel beantwoording") among its sources.
    pub postponed_on: Option<Date>,
    /// Answering was postponed, so the term to answer is three weeks longer: a notice is among its
    /// sources (`postponed_on`), or a document it stands in names the notice's publication
    /// (`References::postponement_aanhangsel`), which tells it also when the notice is not in the
    /// corpus (a named publication of the corpus that answers questions is no notice).
    pub postponed: bool,
    /// Ids of the ministries it was put to or answered by (`data/ministries.toml`), in order.
    pub ministries: Vec<Id>,
    /// Paragraphs separated by a blank line (`\n\n`); list items start with `- `.
    pub text: String,
    /// Footnote numbers referenced from the text (bodies are in the document's footnotes).
    pub footnote_refs: Vec<String>,
    pub answer_id: Option<Id>,
    /// The page of the original where the question's label stands (PDF and Word originals only).
    pub page: Option<u32>,
    /// Every document the question stands in, its own (`document_id`) first, with its role: the
    /// questions as sent in, a postponement, the answer that repeats them (see
    /// `parse::link_sets`).
    pub sources: Vec<QuestionSource>,
    /// The number (1-based) of the first warning or error about this question, or else about its
    /// document, in the parse report's row of its document (`verantwoording.html#doc-<id>-<n>`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub report_note: Option<u32>,
}

/// A document that holds a question, and what it is for that question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct QuestionSource {
    pub document_id: String,
    pub role: SourceRole,
}

/// The role of a document in the life of one question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceRole {
    /// The questions as sent in.
    Vragen,
    /// A notice that the answer is postponed.
    Uitstel,
    /// The answer (which may repeat the question).
    Antwoord,
}

impl SourceRole {
    /// As written in exports: `vragen`, `uitstel`, `antwoord`.
    pub fn slug(self) -> &'static str {
        match self {
            SourceRole::Vragen => "vragen",
            SourceRole::Uitstel => "uitstel",
            SourceRole::Antwoord => "antwoord",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Answer {
    /// Stable id: `<document id>-a<number>`, e.g. `004_a0d5f1f3f8fb3f1c-a5-en-6`.
    pub id: Id,
    pub document_id: Id,
    /// Number as printed (`5 en 6`, `2 t/m 6`), or the position for unnumbered answers.
    pub number: String,
    pub question_ids: Vec<Id>,
    pub answered_on: Option<Date>,
    /// Who answered, e.g. `Minister Veldkamp (Buitenlandse Zaken)`.
    pub answered_by: Option<String>,
    pub text: String,
    pub footnote_refs: Vec<String>,
    /// The page of the original where the answer's label stands (PDF and Word originals only).
    pub page: Option<u32>,
}

/// A party (or one-member faction) from `data/parties.toml`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Party {
    /// Canonical name, e.g. `GroenLinks-PvdA`.
    pub name: String,
    /// Short name for badges and URLs, e.g. `GL-PvdA`.
    pub abbreviation: String,
    pub aliases: Vec<String>,
}

/// A ministry from `data/ministries.toml`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ministry {
    /// Stable id used in URLs (`ministerie=`), e.g. `jenv`.
    pub id: String,
    /// Department name, e.g. `Justitie en Veiligheid`.
    pub name: String,
    /// Short name for tables, e.g. `JenV`.
    pub abbreviation: String,
    /// Names and posts that mean this ministry when printed after "van"/"voor" or between brackets.
    pub names: Vec<String>,
}

/// A theme from `data/themes.toml`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Theme {
    /// Stable id used in URLs (`thema=`), e.g. `terugkeer`.
    pub id: String,
    /// Dutch label, e.g. `Terugkeer en terugkeerhubs`.
    pub label: String,
    /// `migratie` (fine-grained) or `beleid` (coarse policy areas).
    pub group: String,
    pub keywords: Vec<String>,
}
