//! Ids of documents, questions and answers, and the theme, party and ministry ids questions name: shared text, held once however many records name it.
//!
//! A question names its document, its answer, its themes, parties and ministries; an answer its
//! document and its questions. As separate strings those copies were some 60 MB of the app's memory
//! at the 500× scale corpus (270,000 questions). An [`Id`] is a counted reference to one text;
//! reading an artifact inside [`SharedIds::while_reading`] gives every equal id read the same text.

use crate::hash::FastSet;
use serde::de::{Deserializer, Error, Visitor};
use serde::{Deserialize, Serialize, Serializer};
use std::borrow::Borrow;
use std::cell::RefCell;
use std::fmt;
use std::ops::Deref;
use std::sync::Arc;

/// The id of a document, question or answer, or a theme, party or ministry id a question holds.
/// Reads as a `&str`; a clone is a second reference to the same text, not a copy.
#[derive(Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Id(Arc<str>);

impl Id {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether both are one text in memory (as equal ids read from one artifact are), not two
    /// equal copies.
    pub fn is_same_text(&self, other: &Id) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl Deref for Id {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Id {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl Borrow<str> for Id {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for Id {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl From<&str> for Id {
    fn from(text: &str) -> Id {
        Id(Arc::from(text))
    }
}

impl From<String> for Id {
    fn from(text: String) -> Id {
        Id(Arc::from(text))
    }
}

impl From<&String> for Id {
    fn from(text: &String) -> Id {
        Id::from(text.as_str())
    }
}

impl PartialEq<str> for Id {
    fn eq(&self, other: &str) -> bool {
        &*self.0 == other
    }
}

impl PartialEq<&str> for Id {
    fn eq(&self, other: &&str) -> bool {
        &*self.0 == *other
    }
}

impl PartialEq<String> for Id {
    fn eq(&self, other: &String) -> bool {
        *self.0 == **other
    }
}

impl PartialEq<Id> for String {
    fn eq(&self, other: &Id) -> bool {
        **self == *other.0
    }
}

impl Serialize for Id {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Id {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Id, D::Error> {
        // As a `String` is read: the windowed reader of the app lends no bytes for good.
        deserializer.deserialize_string(IdVisitor)
    }
}

struct IdVisitor;

impl Visitor<'_> for IdVisitor {
    type Value = Id;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an id")
    }

    fn visit_str<E: Error>(self, text: &str) -> Result<Id, E> {
        Ok(SharedIds::id_of(text))
    }
}

thread_local! {
    /// The ids read so far, while [`SharedIds::while_reading`] runs.
    static READ: RefCell<Option<FastSet<Id>>> = const { RefCell::new(None) };
}

/// Shares the ids read in one pass: while it runs, an id equal to one read before is that id.
pub struct SharedIds;

impl SharedIds {
    /// Runs `read` with ids shared; the set of ids read is dropped afterwards, also when `read`
    /// panics (the records keep their ids). Inside another `while_reading`, the outer set is used.
    pub fn while_reading<T>(read: impl FnOnce() -> T) -> T {
        let outer = READ.with(|set| {
            let mut set = set.borrow_mut();
            let outer = set.is_some();
            if !outer {
                *set = Some(FastSet::default());
            }
            outer
        });
        let _end = EndOfReading { outer };
        read()
    }

    /// The id for `text`: the one read before when shared, else a new one.
    fn id_of(text: &str) -> Id {
        READ.with(|set| match set.borrow_mut().as_mut() {
            Some(read) => match read.get(text) {
                Some(id) => id.clone(),
                None => {
                    let id = Id::from(text);
                    read.insert(id.clone());
                    id
                }
            },
            None => Id::from(text),
        })
    }
}

/// Drops the set of ids read when the outermost reading ends, however it ends.
struct EndOfReading {
    outer: bool,
}

impl Drop for EndOfReading {
    fn drop(&mut self) {
        if !self.outer {
            READ.with(|set| *set.borrow_mut() = None);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Id, SharedIds, READ};

    fn read(bytes: &[u8]) -> Vec<Id> {
        postcard::from_bytes(bytes).expect("ids read back")
    }

    #[test]
    fn equal_ids_read_while_shared_are_one_text() {
        let ids: Vec<Id> = ["kv-003-a1", "kv-003", "kv-003-a1"].map(Id::from).into();
        let bytes = postcard::to_allocvec(&ids).unwrap();
        let shared = SharedIds::while_reading(|| read(&bytes));
        assert_eq!(shared, ids);
        assert!(shared[0].is_same_text(&shared[2]));
        assert!(!shared[0].is_same_text(&shared[1]));
        let apart = read(&bytes);
        assert_eq!(apart, ids);
        assert!(!apart[0].is_same_text(&apart[2]));
    }

    #[test]
    fn a_reading_that_panics_still_ends_the_sharing() {
        let bytes = postcard::to_allocvec(&vec![Id::from("kv-003")]).unwrap();
        let failed = std::panic::catch_unwind(|| {
            SharedIds::while_reading(|| {
                let _ = read(&bytes);
                panic!("a damaged artifact");
            })
        });
        assert!(failed.is_err());
        assert!(READ.with(|set| set.borrow().is_none()));
        let (first, second) = (read(&bytes), read(&bytes));
        assert!(!first[0].is_same_text(&second[0]));
    }

    #[test]
    fn a_reading_inside_another_shares_the_outer_ids() {
        let bytes = postcard::to_allocvec(&vec![Id::from("kv-003")]).unwrap();
        let (outer, inner) = SharedIds::while_reading(|| {
            let outer = read(&bytes);
            (outer, SharedIds::while_reading(|| read(&bytes)))
        });
        assert!(outer[0].is_same_text(&inner[0]));
        assert!(READ.with(|set| set.borrow().is_none()));
    }

    #[test]
    fn an_id_compares_and_prints_as_its_text() {
        let id = Id::from("kv-003-v4-en-5");
        assert_eq!(id, "kv-003-v4-en-5");
        assert_eq!(id, "kv-003-v4-en-5".to_string());
        assert_eq!(format!("{id} {id:?}"), "kv-003-v4-en-5 \"kv-003-v4-en-5\"");
        assert_eq!(
            serde_json::to_string(&id).unwrap(),
            "\"kv-003-v4-en-5\"",
            "JSON keeps ids as strings"
        );
    }
}
