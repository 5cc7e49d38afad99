//! Ids of documents, questions and answers, and the theme, party and ministry ids questions name: shared text, held once however many records name it.
//!
//! A question names its document, its answer, its themes, parties and ministries; an answer its
//! document and its questions. As separate strings those copies were some 60 MB of the app's memory
//! at the 500× scale corpus (270,000 questions). An [`Id`] is a counted reference to one text;
//! an artifact's reader ([`crate::postcard_reader::Reader`]) gives every equal id it reads the same
//! text.

use serde::{Serialize, Serializer};
use std::borrow::Borrow;
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

#[cfg(test)]
mod tests {
    use super::Id;

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
