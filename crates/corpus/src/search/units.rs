//! The searchable units of a corpus: each question (with heading and answer), then per document its title part and sections.

use crate::model::{Answer, Block, Corpus};
use crate::texts::{Missing, Texts};
use std::collections::HashMap;

/// How unit numbers map onto the corpus: questions first (`0..question_count`, same order as
/// `corpus.questions`), then for each document one part for its title and footnotes followed by one
/// part per section (`document.sections.len() + 1` parts per document).
#[derive(Debug, Clone)]
pub struct UnitMap {
    pub question_count: u32,
    /// Per document: the unit number of its title part.
    pub document_first_part: Vec<u32>,
    /// Per part (after the questions): its document index.
    pub part_document: Vec<u32>,
    pub total: u32,
}

/// Where a part unit points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// The document's title and footnotes.
    Title { document: u32 },
    /// `document.sections[section]`.
    Section { document: u32, section: u32 },
}

impl UnitMap {
    pub fn new(corpus: &Corpus) -> UnitMap {
        let question_count = corpus.questions.len() as u32;
        let mut next = question_count;
        let mut document_first_part = Vec::with_capacity(corpus.documents.len());
        let mut part_document = Vec::new();
        for (d, doc) in corpus.documents.iter().enumerate() {
            document_first_part.push(next);
            let parts = doc.sections.len() as u32 + 1;
            part_document.extend(std::iter::repeat_n(d as u32, parts as usize));
            next += parts;
        }
        UnitMap {
            question_count,
            document_first_part,
            part_document,
            total: next,
        }
    }

    pub fn is_question(&self, unit: u32) -> bool {
        unit < self.question_count
    }

    /// The part a unit number stands for, if it is a part.
    pub fn part(&self, unit: u32) -> Option<Part> {
        let document = *self
            .part_document
            .get(unit.checked_sub(self.question_count)? as usize)?;
        let first = self.document_first_part[document as usize];
        Some(match unit - first {
            0 => Part::Title { document },
            n => Part::Section {
                document,
                section: n - 1,
            },
        })
    }
}

/// Finds a question's answer quickly.
pub struct AnswerLookup<'c> {
    answers: &'c [Answer],
    by_id: HashMap<&'c str, usize>,
}

impl<'c> AnswerLookup<'c> {
    pub fn new(corpus: &'c Corpus) -> AnswerLookup<'c> {
        AnswerLookup {
            answers: &corpus.answers,
            by_id: crate::lookup::positions(&corpus.answers, |a| &a.id),
        }
    }

    pub fn get(&self, id: Option<&str>) -> Option<&'c Answer> {
        self.answers.get(self.index(id)?)
    }

    /// The answer's index in the corpus.
    pub fn index(&self, id: Option<&str>) -> Option<usize> {
        self.by_id.get(id?).copied()
    }
}

/// Which kind of text a searchable text is; a match in a heading counts more than one in the
/// running text, and one in the question more than one in its answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// A question's heading, a document's title or a section heading.
    Heading,
    /// A question's text, or a paragraph or list item of a letter.
    Body,
    /// An answer's text, or a footnote.
    Answer,
}

impl Field {
    /// How many times a word in this field counts (the index's weighted term frequency).
    pub fn weight(self) -> u32 {
        match self {
            Field::Heading => 3,
            Field::Body => 2,
            Field::Answer => 1,
        }
    }
}

/// Calls `f` with each searchable text of question `q`: its heading, its text, its answer's text;
/// `Err` with the text shard that one of them waits for (`f` may then have had some of them).
pub fn question_texts<'t>(
    texts: &'t Texts<'t>,
    answers: &AnswerLookup<'t>,
    q: usize,
    mut f: impl FnMut(&'t str, Field),
) -> Result<(), Missing> {
    let Some(question) = texts.corpus().questions.get(q) else {
        return Ok(());
    };
    if let Some(heading) = &question.heading {
        f(heading, Field::Heading);
    }
    f(texts.question(q)?, Field::Body);
    if let Some(a) = answers.index(question.answer_id.as_deref()) {
        f(texts.answer(a)?, Field::Answer);
    }
    Ok(())
}

/// Calls `f` with each searchable text of a part: the title and footnotes, or a section's heading,
/// paragraphs and list items (questions and answers placed in a section are units of their own);
/// `Err` with the text shard they wait for.
pub fn part_texts<'t>(
    texts: &'t Texts<'t>,
    part: Part,
    mut f: impl FnMut(&'t str, Field),
) -> Result<(), Missing> {
    let document = match part {
        Part::Title { document } | Part::Section { document, .. } => document as usize,
    };
    let Some(doc) = texts.corpus().documents.get(document) else {
        return Ok(());
    };
    let (sections, footnotes) = texts.document(document)?;
    match part {
        Part::Title { .. } => {
            f(&doc.title, Field::Heading);
            footnotes.iter().for_each(|n| f(&n.text, Field::Answer));
        }
        Part::Section { section, .. } => {
            let Some(sec) = sections.get(section as usize) else {
                return Ok(());
            };
            if let Some(heading) = &sec.heading {
                f(heading, Field::Heading);
            }
            for block in &sec.blocks {
                match block {
                    Block::Paragraph(p) => f(p, Field::Body),
                    Block::List(items) => items.iter().for_each(|i| f(i, Field::Body)),
                    Block::Question(_) | Block::Answer(_) => {}
                }
            }
        }
    }
    Ok(())
}
