//! The long texts of a split artifact (questions, answers, letters' paragraphs and footnotes) in content-hashed shards, and reading them whether they are in the corpus or still to come.

// The head keeps every document's shape (section headings, which question and answer stands
// where, how many footnotes) with the strings emptied; a shard (`tekst-<hash>.bin`) holds, for a
// run of documents, their sections and footnotes whole and the texts of their questions and
// answers. Documents are packed oldest first by the date the list shows them at (see
// `shard_order`): the start page's cards are in the last shard or two, and a new document
// changes the last shards only, so an update downloads little again.

use crate::date::Date;
use crate::hash::content_hash;
use crate::lookup::positions;
use crate::model::{Answer, Block, Corpus, Document, Footnote, Question, Section};
use crate::search::units::AnswerLookup;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::sync::OnceLock;

/// A text shard holds the texts of documents until it has about this many bytes.
pub const TEXT_SHARD_TARGET_BYTES: usize = 64 * 1024;

/// The file name of a text shard with this content hash.
pub fn text_file_name(hash: &str) -> String {
    format!("tekst-{hash}.bin")
}

/// One shard as the head names it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextFile {
    pub hash: String,
    pub length: u32,
}

/// Where a split artifact's texts are: the shards, and per document (corpus order) its shard.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
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
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DocumentTexts {
    /// The document's id (not its place in the corpus, which moves when documents are added).
    pub document: String,
    pub sections: Vec<Section>,
    pub footnotes: Vec<Footnote>,
    /// The texts of the questions whose `document_id` is this document, in corpus order.
    pub questions: Vec<String>,
    /// The same for answers.
    pub answers: Vec<String>,
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
            document: doc.id.clone(),
            sections: doc.sections.clone(),
            footnotes: doc.footnotes.clone(),
            ..DocumentTexts::default()
        })
        .collect();
    for (q, question) in head.questions.iter_mut().enumerate() {
        if let Some((d, _)) = places.questions[q] {
            texts[d as usize]
                .questions
                .push(std::mem::take(&mut question.text));
        }
    }
    for (a, answer) in head.answers.iter_mut().enumerate() {
        if let Some((d, _)) = places.answers[a] {
            texts[d as usize]
                .answers
                .push(std::mem::take(&mut answer.text));
        }
    }
    for doc in &mut head.documents {
        empty_strings(&mut doc.sections, &mut doc.footnotes);
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
    let ids: Vec<String> = head.documents.iter().map(|d| d.id.clone()).collect();
    let mut by_document: HashMap<String, DocumentTexts> =
        shard.into_iter().map(|t| (t.document.clone(), t)).collect();
    for (q, place) in places.questions.iter().enumerate() {
        let texts = place.and_then(|(d, n)| Some((by_document.get_mut(&ids[d as usize])?, n)));
        if let Some((texts, n)) = texts {
            head.questions[q].text = take_text(&mut texts.questions, n, "vraag")?;
        }
    }
    for (a, place) in places.answers.iter().enumerate() {
        let texts = place.and_then(|(d, n)| Some((by_document.get_mut(&ids[d as usize])?, n)));
        if let Some((texts, n)) = texts {
            head.answers[a].text = take_text(&mut texts.answers, n, "antwoord")?;
        }
    }
    for doc in &mut head.documents {
        if let Some(texts) = by_document.remove(&doc.id) {
            doc.sections = texts.sections;
            doc.footnotes = texts.footnotes;
        }
    }
    match by_document.into_keys().next() {
        Some(id) => Err(format!("teksten voor document {id}, dat er niet is")),
        None => Ok(()),
    }
}

fn take_text(texts: &mut [String], n: u32, what: &str) -> Result<String, String> {
    texts
        .get_mut(n as usize)
        .map(std::mem::take)
        .ok_or_else(|| format!("de tekst van een {what} ontbreekt in zijn tekstdeel"))
}

fn empty_strings(sections: &mut [Section], footnotes: &mut [Footnote]) {
    for block in sections.iter_mut().flat_map(|s| s.blocks.iter_mut()) {
        match block {
            Block::Paragraph(text) => text.clear(),
            Block::List(items) => items.clear(),
            Block::Question(_) | Block::Answer(_) => {}
        }
    }
    footnotes.iter_mut().for_each(|f| f.text.clear());
}

fn text_bytes(t: &DocumentTexts) -> usize {
    let blocks = t.sections.iter().flat_map(|s| &s.blocks);
    let block_bytes: usize = blocks
        .map(|b| match b {
            Block::Paragraph(p) => p.len(),
            Block::List(items) => items.iter().map(String::len).sum(),
            Block::Question(_) | Block::Answer(_) => 0,
        })
        .sum();
    let strings = t.questions.iter().chain(&t.answers);
    block_bytes
        + strings.map(String::len).sum::<usize>()
        + t.footnotes.iter().map(|f| f.text.len()).sum::<usize>()
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

/// The texts of a corpus, whether in it (native, own documents, the single-file build's whole
/// artifact) or in shards that arrive later ([`Texts::add_shard`]). `Err(shard)` names the shard
/// a text waits for.
pub struct Texts<'c> {
    corpus: &'c Corpus,
    sharded: Option<Sharded>,
}

struct Sharded {
    table: TextTable,
    loaded: Vec<OnceLock<Vec<DocumentTexts>>>,
    places: Places,
}

/// A shard that a text waits for (its index in [`TextTable::files`]).
pub type Missing = usize;

impl<'c> Texts<'c> {
    /// Texts that are in the corpus itself.
    pub fn inline(corpus: &'c Corpus) -> Texts<'c> {
        Texts {
            corpus,
            sharded: None,
        }
    }

    /// Texts in the shards of `table`, none loaded yet; refused when the table does not fit.
    pub fn sharded(corpus: &'c Corpus, table: TextTable) -> Result<Texts<'c>, String> {
        table.check(corpus.documents.len())?;
        Ok(Texts {
            corpus,
            sharded: Some(Sharded {
                loaded: table.files.iter().map(|_| OnceLock::new()).collect(),
                table,
                places: Places::new(corpus),
            }),
        })
    }

    /// The corpus these are the texts of.
    pub fn corpus(&self) -> &'c Corpus {
        self.corpus
    }

    /// The shard files, in table order (none when the texts are in the corpus).
    pub fn files(&self) -> &[TextFile] {
        self.sharded.as_ref().map_or(&[], |s| &s.table.files)
    }

    /// Question `q`'s text.
    pub fn question(&self, q: usize) -> Result<&str, Missing> {
        let text = self.corpus.questions.get(q).map_or("", |x| &x.text);
        self.in_shard(
            text,
            |s| s.places.questions.get(q).copied().flatten(),
            |t| &t.questions,
        )
    }

    /// Answer `a`'s text.
    pub fn answer(&self, a: usize) -> Result<&str, Missing> {
        let text = self.corpus.answers.get(a).map_or("", |x| &x.text);
        self.in_shard(
            text,
            |s| s.places.answers.get(a).copied().flatten(),
            |t| &t.answers,
        )
    }

    /// The text of `question`, one of this corpus's questions (else its own text).
    pub fn of_question<'t>(&'t self, question: &'t Question) -> Result<&'t str, Missing> {
        match index_in(&self.corpus.questions, question) {
            Some(q) => self.question(q),
            None => Ok(&question.text),
        }
    }

    /// The text of `answer`, one of this corpus's answers (else its own text).
    pub fn of_answer<'t>(&'t self, answer: &'t Answer) -> Result<&'t str, Missing> {
        match index_in(&self.corpus.answers, answer) {
            Some(a) => self.answer(a),
            None => Ok(&answer.text),
        }
    }

    /// The sections and footnotes of `document`, one of this corpus's documents, with their texts.
    pub fn of_document<'t>(
        &'t self,
        document: &'t Document,
    ) -> Result<(&'t [Section], &'t [Footnote]), Missing> {
        match index_in(&self.corpus.documents, document) {
            Some(d) => self.document(d),
            None => Ok((&document.sections, &document.footnotes)),
        }
    }

    /// Document `d`'s sections and footnotes, with their texts.
    pub fn document(&self, d: usize) -> Result<(&[Section], &[Footnote]), Missing> {
        let doc = self.corpus.documents.get(d);
        let inline = doc.map_or((&[][..], &[][..]), |x| (&x.sections[..], &x.footnotes[..]));
        match self.document_texts(d)? {
            Some(t) => Ok((&t.sections, &t.footnotes)),
            None => Ok(inline),
        }
    }

    /// Whether shard `n` has arrived.
    pub fn has_shard(&self, n: usize) -> bool {
        self.sharded
            .as_ref()
            .and_then(|s| s.loaded.get(n))
            .is_some_and(|l| l.get().is_some())
    }

    /// Hands over shard `n`'s decoded texts; checks that they are the documents the table puts
    /// there. `Ok(false)` when it was there already.
    pub fn add_shard(&self, n: usize, texts: Vec<DocumentTexts>) -> Result<bool, String> {
        let Some(s) = self.sharded.as_ref() else {
            return Ok(false);
        };
        // The documents the table puts in shard `n`, by id, as the shard lists them.
        let mut expected: Vec<&str> = (s.table.document_shard.iter().enumerate())
            .filter(|&(_, &x)| x as usize == n)
            .map(|(d, _)| self.corpus.documents[d].id.as_str())
            .collect();
        crate::order::sort_items(&mut expected, &|a, b| a.cmp(b));
        let fits = texts.len() == expected.len()
            && texts.iter().zip(&expected).all(|(t, id)| t.document == *id);
        if !fits {
            return Err(format!("tekstdeel {n} hoort niet bij dit corpus"));
        }
        Ok(s.loaded.get(n).is_some_and(|l| l.set(texts).is_ok()))
    }

    fn document_texts(&self, d: usize) -> Result<Option<&DocumentTexts>, Missing> {
        let Some(s) = self.sharded.as_ref() else {
            return Ok(None);
        };
        let Some(&n) = s.table.document_shard.get(d) else {
            return Ok(None);
        };
        let shard = s.loaded[n as usize].get().ok_or(n as usize)?;
        let id = self.corpus.documents[d].id.as_str();
        Ok(shard
            .binary_search_by(|t| t.document.as_str().cmp(id))
            .ok()
            .map(|i| &shard[i]))
    }

    fn in_shard<'t>(
        &'t self,
        inline: &'t str,
        place: impl Fn(&Sharded) -> Option<(u32, u32)>,
        list: impl Fn(&DocumentTexts) -> &Vec<String>,
    ) -> Result<&'t str, Missing> {
        let Some((d, n)) = self.sharded.as_ref().and_then(place) else {
            return Ok(inline);
        };
        Ok(self
            .document_texts(d as usize)?
            .and_then(|t| list(t).get(n as usize))
            .map_or(inline, String::as_str))
    }
}
