//! The explorer's texts: in the corpus, or in text shards that arrive later, and which shards a set of questions needs.

use super::Explorer;
use crate::order::sort_items;
use crate::texts::{TextTable, Texts};

impl<'a> Explorer<'a> {
    /// Reads the texts from the shards of `table` (a split artifact's head), not from the corpus;
    /// a table that does not fit the corpus is refused and the texts stay where they were.
    pub fn with_text_table(mut self, table: TextTable) -> Result<Explorer<'a>, String> {
        self.set_text_table(table)?;
        Ok(self)
    }

    /// [`Explorer::with_text_table`] in place.
    pub fn set_text_table(&mut self, table: TextTable) -> Result<(), String> {
        self.texts = Texts::sharded(self.corpus, table)?;
        Ok(())
    }

    /// The text shards that `questions`' texts and their answers' are in and that have not
    /// arrived, without duplicates (none when the texts are in the corpus).
    pub fn text_shards_of(&self, questions: &[u32]) -> Vec<usize> {
        let mut shards = Vec::new();
        for &q in questions {
            let Some(question) = self.corpus.questions.get(q as usize) else {
                continue;
            };
            if let Err(s) = self.texts.question(q as usize) {
                shards.push(s);
            }
            if let Some(Err(s)) = self
                .answers
                .index(question.answer_id.as_deref())
                .map(|a| self.texts.answer(a))
            {
                shards.push(s);
            }
        }
        sort_items(&mut shards, &|a, b| a.cmp(b));
        shards.dedup();
        shards
    }

    /// The corpus's texts, wherever they are.
    pub fn texts(&self) -> &Texts<'a> {
        &self.texts
    }
}
