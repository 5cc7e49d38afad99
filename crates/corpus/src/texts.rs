//! What a split artifact's cards and pages show but its lists do not need (texts, askers, themes' words, letters' bodies) in content-hashed shards.

// The head keeps of a document's body only how many sections it has; a shard
// (`tekst-<hash>.bin`) holds, for a run of documents, their sections, footnotes and links whole,
// their questions' texts with who asked them of whom, the words their themes were given for and the
// documents they stand in, and their answers' texts with who gave them. Documents are packed oldest first by the date the list shows them
// at (see `shard_order`): the start page's cards are in the last shard or two, and a new document
// changes the last shards only, so an update downloads little again.

use crate::date::Date;
use crate::hash::content_hash;
use crate::lookup::positions;
use crate::model::{Asker, Corpus, Document, Footnote, QuestionSource, Section, ThemeMatch};
use crate::search::units::AnswerLookup;
use serde::Serialize;
use std::collections::HashMap;

mod reader;
pub use reader::{Missing, QuestionDetails, Texts};

/// A text shard holds the texts of documents until it has about this many bytes.
pub const TEXT_SHARD_TARGET_BYTES: usize = 64 * 1024;

/// The file name of a text shard with this content hash.
pub fn text_file_name(hash: &str) -> String {
    format!("tekst-{hash}.bin")
}

/// One shard as the head names it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct TextFile {
    pub hash: String,
    pub length: u32,
}

/// Where a split artifact's texts are: the shards, and per document (corpus order) its shard.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct TextTable {
    pub files: Vec<TextFile>,
    pub document_shard: Vec<u32>,
}

impl TextTable {
    /// Whether the table fits a corpus of `documents` documents.
    pub fn check(&self, documents: usize) -> Result<(), String> {
        let shards = self.files.len() as u32;
        if self.document_shard.len() != documents
            || self.document_shard.iter().any(|&s| s >= shards)
        {
            return Err(format!(
                "de teksttabel noemt {} documenten in {shards} delen, het corpus heeft {documents} documenten",
                self.document_shard.len()
            ));
        }
        Ok(())
    }
}

/// The texts of one document, as a shard holds them.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct DocumentTexts {
    /// The document's id (not its place in the corpus, which moves when documents are added).
    pub document: String,
    pub sections: Vec<Section>,
    pub footnotes: Vec<Footnote>,
    pub links: Vec<String>,
    /// What is shown of the questions whose `document_id` is this document, in corpus order.
    pub questions: Vec<QuestionTexts>,
    /// What is shown of the answers whose `document_id` is this document, in corpus order.
    pub answers: Vec<AnswerTexts>,
}

/// What a question's card shows beyond the head: its text, who asked it of whom, the words its
/// themes were given for, and the other documents it stands in.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct QuestionTexts {
    pub text: String,
    pub askers: Vec<Asker>,
    pub addressed_to: Option<String>,
    pub theme_matches: Vec<ThemeMatch>,
    pub sources: Vec<QuestionSource>,
}

/// What an answer shows beyond the head: its text and who gave it.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct AnswerTexts {
    pub text: String,
    pub answered_by: Option<String>,
}

/// A corpus with its texts taken out, the table saying where they went, and the shards' bytes.
pub struct SplitTexts {
    pub head: Corpus,
    pub table: TextTable,
    /// Per shard: its content hash and postcard bytes (a `Vec<DocumentTexts>`, by document index).
    pub shards: Vec<(String, Vec<u8>)>,
}

/// Takes the texts out of `corpus` into shards of about `target_bytes` each.
pub fn split_texts(corpus: &Corpus, target_bytes: usize) -> SplitTexts {
    let places = Places::new(corpus);
    let mut head = corpus.clone();
    let mut texts: Vec<DocumentTexts> = corpus
        .documents
        .iter()
        .map(|doc| DocumentTexts {
            document: doc.id.to_string(),
            sections: doc.sections.clone(),
            footnotes: doc.footnotes.clone(),
            links: doc.links.clone(),
            ..DocumentTexts::default()
        })
        .collect();
    for (q, question) in head.questions.iter_mut().enumerate() {
        if let Some((d, _)) = places.questions[q] {
            texts[d as usize].questions.push(QuestionTexts {
                text: std::mem::take(&mut question.text),
                askers: std::mem::take(&mut question.askers),
                addressed_to: question.addressed_to.take(),
                theme_matches: std::mem::take(&mut question.theme_matches),
                sources: std::mem::take(&mut question.sources),
            });
        }
    }
    for (a, answer) in head.answers.iter_mut().enumerate() {
        if let Some((d, _)) = places.answers[a] {
            texts[d as usize].answers.push(AnswerTexts {
                text: std::mem::take(&mut answer.text),
                answered_by: answer.answered_by.take(),
            });
        }
    }
    for doc in &mut head.documents {
        keep_section_count(doc);
    }
    let order = shard_order(corpus, &places);
    let mut table = TextTable {
        files: Vec::new(),
        document_shard: vec![0; corpus.documents.len()],
    };
    let mut shards = Vec::new();
    let mut current: Vec<DocumentTexts> = Vec::new();
    let mut size = 0;
    for (n, &d) in order.iter().enumerate() {
        size += text_bytes(&texts[d]);
        table.document_shard[d] = table.files.len() as u32;
        current.push(std::mem::take(&mut texts[d]));
        if size >= target_bytes || n + 1 == order.len() {
            current.sort_by(|a, b| a.document.cmp(&b.document));
            // Serialising plain data into a Vec cannot fail (as in `artifact::encode`).
            let bytes = postcard::to_allocvec(&current).unwrap_or_default();
            let hash = content_hash(&bytes);
            table.files.push(TextFile {
                hash: hash.clone(),
                length: bytes.len() as u32,
            });
            shards.push((hash, bytes));
            current.clear();
            size = 0;
        }
    }
    SplitTexts {
        head,
        table,
        shards,
    }
}

/// The documents in the order they are packed: by the date the list opens with them (the asked
/// date of the newest question on them or answered in them; a letter without questions, its own
/// date), oldest first, undated first; ties by id.
fn shard_order(corpus: &Corpus, places: &Places) -> Vec<usize> {
    let answers = AnswerLookup::new(corpus);
    let mut shown_on: Vec<Option<Option<Date>>> = vec![None; corpus.documents.len()];
    let mut place = |d: Option<(u32, u32)>, date: Option<Date>| {
        if let Some((d, _)) = d {
            let slot = &mut shown_on[d as usize];
            *slot = Some(slot.flatten().max(date));
        }
    };
    for (q, question) in corpus.questions.iter().enumerate() {
        place(places.questions[q], question.asked_on);
        let answer = answers.index(question.answer_id.as_deref());
        place(answer.and_then(|a| places.answers[a]), question.asked_on);
    }
    let key = |d: usize| shown_on[d].unwrap_or(corpus.documents[d].date);
    let mut order: Vec<usize> = (0..corpus.documents.len()).collect();
    crate::order::sort_items(&mut order, &|&a, &b| {
        key(a)
            .cmp(&key(b))
            .then_with(|| corpus.documents[a].id.cmp(&corpus.documents[b].id))
    });
    order
}

/// Puts a shard's texts back into a head (own documents are merged into the whole corpus).
pub fn fill_texts(head: &mut Corpus, shard: Vec<DocumentTexts>) -> Result<(), String> {
    let places = Places::new(head);
    let ids: Vec<String> = head.documents.iter().map(|d| d.id.to_string()).collect();
    let mut by_document: HashMap<String, DocumentTexts> =
        shard.into_iter().map(|t| (t.document.clone(), t)).collect();
    for (q, place) in places.questions.iter().enumerate() {
        let texts = place.and_then(|(d, n)| Some((by_document.get_mut(&ids[d as usize])?, n)));
        if let Some((texts, n)) = texts {
            let QuestionTexts {
                text,
                askers,
                addressed_to,
                theme_matches,
                sources,
            } = take_text(&mut texts.questions, n, "vraag")?;
            let question = &mut head.questions[q];
            question.text = text;
            question.askers = askers;
            question.addressed_to = addressed_to;
            question.theme_matches = theme_matches;
            question.sources = sources;
        }
    }
    for (a, place) in places.answers.iter().enumerate() {
        let texts = place.and_then(|(d, n)| Some((by_document.get_mut(&ids[d as usize])?, n)));
        if let Some((texts, n)) = texts {
            let AnswerTexts { text, answered_by } = take_text(&mut texts.answers, n, "antwoord")?;
            head.answers[a].text = text;
            head.answers[a].answered_by = answered_by;
        }
    }
    for doc in &mut head.documents {
        if let Some(texts) = by_document.remove(doc.id.as_str()) {
            let DocumentTexts {
                document: _,
                sections,
                footnotes,
                links,
                questions: _,
                answers: _,
            } = texts;
            doc.sections = sections;
            doc.footnotes = footnotes;
            doc.links = links;
        }
    }
    match by_document.into_keys().next() {
        Some(id) => Err(format!("teksten voor document {id}, dat er niet is")),
        None => Ok(()),
    }
}

fn take_text<T: Default>(texts: &mut [T], n: u32, what: &str) -> Result<T, String> {
    texts
        .get_mut(n as usize)
        .map(std::mem::take)
        .ok_or_else(|| format!("de tekst van een {what} ontbreekt in zijn tekstdeel"))
}

/// What the head keeps of a document's body: how many sections it has (the search index counts
/// its parts by them), no headings, blocks, footnotes or links.
fn keep_section_count(doc: &mut Document) {
    let blank = Section {
        heading: None,
        blocks: Vec::new(),
    };
    doc.sections = vec![blank; doc.sections.len()];
    doc.footnotes = Vec::new();
    doc.links = Vec::new();
}

/// What a document's texts add to its shard: their size as the shard stores them.
fn text_bytes(t: &DocumentTexts) -> usize {
    postcard::to_allocvec(t).map_or(0, |bytes| bytes.len())
}

/// The index of `item` in `slice`, when it is one of its elements (found by its address).
fn index_in<T>(slice: &[T], item: &T) -> Option<usize> {
    let range = slice.as_ptr_range();
    let at = item as *const T;
    let size = std::mem::size_of::<T>().max(1);
    range
        .contains(&at)
        .then(|| (at as usize - range.start as usize) / size)
}

/// Per question and answer: its document and its place among that document's questions (or
/// answers); `None` when its document is not in the corpus (its text then stays in the head).
struct Places {
    questions: Vec<Option<(u32, u32)>>,
    answers: Vec<Option<(u32, u32)>>,
}

impl Places {
    fn new(corpus: &Corpus) -> Places {
        let document_of = positions(&corpus.documents, |d| &d.id);
        let mut counts = vec![(0u32, 0u32); corpus.documents.len()];
        let mut place = |id: &str, answer: bool| {
            let d = *document_of.get(id)?;
            let count = &mut counts[d];
            let n = if answer { &mut count.1 } else { &mut count.0 };
            *n += 1;
            Some((d as u32, *n - 1))
        };
        let questions = corpus
            .questions
            .iter()
            .map(|q| place(&q.document_id, false))
            .collect();
        let answers = corpus
            .answers
            .iter()
            .map(|a| place(&a.document_id, true))
            .collect();
        Places { questions, answers }
    }
}
