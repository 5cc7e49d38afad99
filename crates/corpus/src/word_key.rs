//! A word as a map key held inside the map's own slot when it is short: the build's large word tables compare keys without a trip to the heap.

use std::borrow::Borrow;
use std::hash::{Hash, Hasher};

/// Bytes a key holds in place; longer keys live on the heap.
const IN_PLACE: usize = 22;

/// A string key of the build's word maps ([`crate::hash::FastMap`]). A map of `String` keys
/// reads every key it compares from the heap, a second cache miss beside the map's own slot on
/// each look-up in a table of hundreds of thousands of words; most words are short enough to sit
/// in the slot. Hashes and compares as the bytes it holds: a map of them is looked up with
/// `word.as_bytes()`. Made only from a `&str`.
#[derive(Clone)]
pub struct WordKey(Held);

/// Where a [`WordKey`]'s bytes are.
#[derive(Clone)]
enum Held {
    /// The first `len` bytes of `bytes`.
    InPlace {
        bytes: [u8; IN_PLACE],
        len: u8,
    },
    OnHeap(Box<str>),
}

impl WordKey {
    /// The word's UTF-8 bytes.
    pub fn as_bytes(&self) -> &[u8] {
        match &self.0 {
            Held::InPlace { bytes, len } => &bytes[..usize::from(*len)],
            Held::OnHeap(word) => word.as_bytes(),
        }
    }

    /// The word (checked again as UTF-8: for the few keys read back, not for look-ups).
    pub fn as_str(&self) -> &str {
        // Only `From<&str>` writes the bytes: they are a whole `str`.
        std::str::from_utf8(self.as_bytes()).unwrap_or_default()
    }
}

impl From<&str> for WordKey {
    fn from(word: &str) -> WordKey {
        WordKey(if word.len() <= IN_PLACE {
            let mut bytes = [0; IN_PLACE];
            bytes[..word.len()].copy_from_slice(word.as_bytes());
            Held::InPlace {
                bytes,
                len: word.len() as u8,
            }
        } else {
            Held::OnHeap(word.into())
        })
    }
}

impl Borrow<[u8]> for WordKey {
    fn borrow(&self) -> &[u8] {
        self.as_bytes()
    }
}

impl Hash for WordKey {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_bytes().hash(state)
    }
}

impl PartialEq for WordKey {
    fn eq(&self, other: &WordKey) -> bool {
        self.as_bytes() == other.as_bytes()
    }
}

impl Eq for WordKey {}

impl std::fmt::Debug for WordKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.as_str().fmt(f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hash::FastMap;

    #[test]
    fn short_and_long_words_read_back_as_written_and_are_found_by_str() {
        let words = [
            "",
            "asiel",
            "financiën",
            "asielzoekerscentra",
            // 22 bytes: the longest held in place.
            "arbeidsmarktdiscrimin_",
            "arbeidsmarktdiscriminatie",
            "volksgezondheidsbeleidsvoornemens",
        ];
        let mut map: FastMap<WordKey, usize> = FastMap::default();
        for (i, w) in words.iter().enumerate() {
            map.insert(WordKey::from(*w), i);
        }
        for (i, w) in words.iter().enumerate() {
            assert_eq!(map.get(w.as_bytes()), Some(&i), "{w}");
            assert_eq!(WordKey::from(*w).as_str(), *w);
        }
        assert_eq!(map.get("asielzoeker".as_bytes()), None);
        assert!(matches!(
            WordKey::from("arbeidsmarktdiscrimin_").0,
            Held::InPlace { .. }
        ));
        assert!(matches!(
            WordKey::from("arbeidsmarktdiscriminat").0,
            Held::OnHeap(_)
        ));
    }
}
