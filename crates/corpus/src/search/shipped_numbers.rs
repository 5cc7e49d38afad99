//! The index's number tables read into vectors of exactly their length, and offset tables kept in memory as starts but shipped as lengths.
//!
//! Serde grows a `Vec` it reads by doubling once it holds more than a MiB, so a table of half a
//! million numbers keeps up to half its room unused, and the old and new room briefly together;
//! WebAssembly memory keeps that peak for good. These readers reserve a table's length at once.

use serde::de::{Error, SeqAccess, Visitor};
use serde::{Deserializer, Serializer};
use std::fmt;

/// Tables up to this many numbers are reserved whole before they are read; a longer one (which
/// only a damaged file claims) grows as it is read. A false length reserves at most this many
/// (64 MB), and postcard gives no length at all when it claims more items than bytes are left;
/// the file's hash has been checked first.
const RESERVED_AT_MOST: usize = 1 << 24;

/// `#[serde(with = "exact")]`: a `Vec<u32>` as serde writes it, read into its exact length.
pub mod exact {
    use super::*;

    pub fn serialize<S: Serializer>(numbers: &[u32], serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(numbers)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<u32>, D::Error> {
        deserializer.deserialize_seq(Numbers { running_sum: false })
    }
}

/// `#[serde(with = "starts")]`: where each item starts in a run of bytes, with the run's end
/// last (n + 1 numbers, the first 0; an empty vector for no items), shipped as the n lengths.
/// The reader looks items up by their starts; the file keeps the smaller lengths.
pub mod starts {
    use super::*;

    pub fn serialize<S: Serializer>(starts: &[u32], serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(lengths(starts))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<u32>, D::Error> {
        deserializer.deserialize_seq(Numbers { running_sum: true })
    }
}

/// The lengths of the items a table of starts describes, as the file has them.
pub fn lengths(starts: &[u32]) -> impl ExactSizeIterator<Item = u32> + '_ {
    starts.windows(2).map(|pair| pair[1].wrapping_sub(pair[0]))
}

/// Reads a sequence of numbers as they are, or as their running sums after a leading 0.
struct Numbers {
    running_sum: bool,
}

impl<'de> Visitor<'de> for Numbers {
    type Value = Vec<u32>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a sequence of numbers")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<u32>, A::Error> {
        let length = seq.size_hint().unwrap_or(0).min(RESERVED_AT_MOST);
        let mut out = Vec::with_capacity(length + usize::from(self.running_sum));
        if !self.running_sum {
            while let Some(number) = seq.next_element::<u32>()? {
                out.push(number);
            }
            return Ok(out);
        }
        let mut at = 0u32;
        while let Some(length) = seq.next_element::<u32>()? {
            if out.is_empty() {
                out.push(0);
            }
            at = at
                .checked_add(length)
                .ok_or_else(|| A::Error::custom("lengths add up past 4 GB"))?;
            out.push(at);
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use serde::{Deserialize, Serialize};

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Plain {
        first: Vec<u32>,
        second: Vec<u32>,
    }

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Shipped {
        #[serde(with = "super::exact")]
        first: Vec<u32>,
        #[serde(with = "super::starts")]
        second: Vec<u32>,
    }

    #[test]
    fn starts_are_shipped_as_the_lengths_and_read_back_as_starts() {
        // Items of 3, 0, 200 and 1 bytes start at 0, 3, 3 and 203; the run ends at 204.
        let shipped = Shipped {
            first: vec![7, 70_000],
            second: vec![0, 3, 3, 203, 204],
        };
        let bytes = postcard::to_allocvec(&shipped).unwrap();
        let plain = Plain {
            first: vec![7, 70_000],
            second: vec![3, 0, 200, 1],
        };
        assert_eq!(bytes, postcard::to_allocvec(&plain).unwrap());
        assert_eq!(postcard::from_bytes::<Shipped>(&bytes).unwrap(), shipped);
        let json = serde_json::to_string(&shipped).unwrap();
        assert_eq!(json, r#"{"first":[7,70000],"second":[3,0,200,1]}"#);
        assert_eq!(serde_json::from_str::<Shipped>(&json).unwrap(), shipped);
    }

    #[test]
    fn no_lengths_read_as_no_starts_as_an_empty_index_has() {
        let none = Shipped {
            first: vec![],
            second: vec![],
        };
        let bytes = postcard::to_allocvec(&none).unwrap();
        assert_eq!(bytes, [0, 0]);
        let read: Shipped = postcard::from_bytes(&bytes).unwrap();
        assert_eq!(read, none);
    }

    #[test]
    fn a_table_of_half_a_million_numbers_is_read_into_exactly_its_room() {
        let plain = Plain {
            first: (0..500_000).collect(),
            second: vec![1; 500_000],
        };
        let read: Shipped = postcard::from_bytes(&postcard::to_allocvec(&plain).unwrap()).unwrap();
        assert_eq!(read.first.capacity(), 500_000);
        assert_eq!(read.second.capacity(), 500_001);
        assert_eq!(read.second.last(), Some(&500_000));
    }

    #[test]
    fn lengths_that_add_up_past_u32_are_an_error() {
        let plain = Plain {
            first: vec![],
            second: vec![u32::MAX, 1],
        };
        let bytes = postcard::to_allocvec(&plain).unwrap();
        assert!(postcard::from_bytes::<Shipped>(&bytes).is_err());
    }
}
