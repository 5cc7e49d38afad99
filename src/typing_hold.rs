//! While the reader types a search, the texts of each keystroke's cards wait until the typing pauses: only the last results' texts are fetched.

use std::time::Duration;

/// How long after the last keystroke the texts of the cards on screen are fetched: longer than
/// the time between two keystrokes of most typists, short beside the fetch itself.
pub const TYPING_PAUSE: Duration = Duration::from_millis(250);

/// The texts the list wants: those of the cards on its page first, then those of the next page
/// (so that paging on reads at once), once the page's own are here.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct PageTexts {
    pub shown: Vec<u32>,
    pub next: Vec<u32>,
}

/// Whether card texts wait for the typing to pause, and what the list asked for meanwhile.
///
/// At archive scale every keystroke shows other questions, whose texts are in other shards: typing
/// "asiel" fetched, checked and decoded some ten shards per letter for cards that the next letter
/// took away, on the keystroke's own path and on the reader's connection. The results still
/// follow every keystroke (counts, cards, facets); only the texts wait.
#[derive(Debug, Default)]
pub struct TypingHold {
    keystrokes: u32,
    holding: bool,
    /// Something asked for texts while held: ask again when the hold ends.
    asked: bool,
    /// What the list asked for last while held, if it asked.
    wanted: Option<PageTexts>,
}

/// What to do when the typing has paused.
#[derive(Debug, PartialEq, Eq)]
pub struct Release {
    /// What the list asked for last, if it asked while held (a keystroke that keeps the same
    /// results asks nothing new: what the list asked for before stands).
    pub wanted: Option<PageTexts>,
    /// Whether texts waited meanwhile: the texts still on screen should ask again.
    pub ask_again: bool,
}

impl TypingHold {
    /// A keystroke in the search field: texts wait from now on. Returns the keystroke's number,
    /// for [`TypingHold::pause_after`] once [`TYPING_PAUSE`] has passed.
    pub fn keystroke(&mut self) -> u32 {
        self.keystrokes = self.keystrokes.wrapping_add(1);
        self.holding = true;
        self.keystrokes
    }

    /// The list asks for the texts of its page: true if they wait (they are remembered, in
    /// place of what the list asked for before).
    pub fn holds_list(&mut self, wanted: &PageTexts) -> bool {
        if self.holding {
            self.wanted = Some(wanted.clone());
            self.asked = true;
        }
        self.holding
    }

    /// Whether texts wait now (the reader is typing).
    pub fn holding(&self) -> bool {
        self.holding
    }

    /// A text on screen asks for its shard: true if it waits (it is asked again on release).
    pub fn holds_text(&mut self) -> bool {
        self.asked |= self.holding;
        self.holding
    }

    /// [`TYPING_PAUSE`] has passed since keystroke `n`: unless another came since, the hold ends,
    /// with what to fetch now.
    pub fn pause_after(&mut self, n: u32) -> Option<Release> {
        if !self.holding || n != self.keystrokes {
            return None;
        }
        self.holding = false;
        Some(Release {
            wanted: std::mem::take(&mut self.wanted),
            ask_again: std::mem::take(&mut self.asked),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(shown: &[u32], next: &[u32]) -> PageTexts {
        PageTexts {
            shown: shown.to_vec(),
            next: next.to_vec(),
        }
    }

    #[test]
    fn texts_are_fetched_at_once_when_nobody_types() {
        let mut hold = TypingHold::default();
        assert!(!hold.holds_list(&page(&[1], &[2])));
        assert!(!hold.holds_text());
    }

    #[test]
    fn the_texts_of_the_last_keystroke_are_fetched_when_the_typing_pauses() {
        let mut hold = TypingHold::default();
        let a = hold.keystroke();
        assert!(hold.holds_list(&page(&[1, 2], &[3])));
        let s = hold.keystroke();
        assert!(hold.holds_list(&page(&[7], &[8])));
        assert!(hold.holds_text());
        // The pause after "a" has passed, but "s" came after it: still typing.
        assert_eq!(hold.pause_after(a), None);
        assert!(hold.holds_text());
        assert_eq!(
            hold.pause_after(s),
            Some(Release {
                wanted: Some(page(&[7], &[8])),
                ask_again: true
            })
        );
        assert!(!hold.holding());
        assert!(!hold.holds_list(&page(&[9], &[])));
        assert_eq!(hold.pause_after(s), None, "released once");
    }

    #[test]
    fn a_pause_in_which_nothing_asked_for_texts_asks_for_nothing() {
        let mut hold = TypingHold::default();
        let n = hold.keystroke();
        assert_eq!(
            hold.pause_after(n),
            Some(Release {
                wanted: None,
                ask_again: false
            })
        );
    }
}
