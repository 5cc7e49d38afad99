//! While the reader types a search, the texts of each keystroke's cards wait until the typing pauses: only the last results' texts are fetched.

use std::time::Duration;

/// How long after the last keystroke the texts of the cards on screen are fetched: longer than
/// the time between two keystrokes of most typists, short beside the fetch itself.
pub const TYPING_PAUSE: Duration = Duration::from_millis(250);

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
    /// The questions whose texts the list asked for last while held (the page and the next).
    wanted: Vec<u32>,
}

/// What to do when the typing has paused.
#[derive(Debug, PartialEq, Eq)]
pub struct Release {
    /// The questions whose texts the list asked for last.
    pub wanted: Vec<u32>,
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

    /// The list asks for the texts of `questions`: true if they wait (they are remembered, in
    /// place of what the list asked for before).
    pub fn holds_list(&mut self, questions: &[u32]) -> bool {
        if self.holding {
            self.wanted.clear();
            self.wanted.extend_from_slice(questions);
            self.asked = true;
        }
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

    #[test]
    fn texts_are_fetched_at_once_when_nobody_types() {
        let mut hold = TypingHold::default();
        assert!(!hold.holds_list(&[1, 2]));
        assert!(!hold.holds_text());
    }

    #[test]
    fn the_texts_of_the_last_keystroke_are_fetched_when_the_typing_pauses() {
        let mut hold = TypingHold::default();
        let a = hold.keystroke();
        assert!(hold.holds_list(&[1, 2, 3]));
        let s = hold.keystroke();
        assert!(hold.holds_list(&[7, 8]));
        assert!(hold.holds_text());
        // The pause after "a" has passed, but "s" came after it: still typing.
        assert_eq!(hold.pause_after(a), None);
        assert!(hold.holds_text());
        assert_eq!(
            hold.pause_after(s),
            Some(Release {
                wanted: vec![7, 8],
                ask_again: true
            })
        );
        assert!(!hold.holds_list(&[9]));
        assert_eq!(hold.pause_after(s), None, "released once");
    }

    #[test]
    fn a_pause_in_which_nothing_asked_for_texts_asks_nothing_again() {
        let mut hold = TypingHold::default();
        let n = hold.keystroke();
        assert_eq!(
            hold.pause_after(n),
            Some(Release {
                wanted: vec![],
                ask_again: false
            })
        );
    }
}
