//! A `Vec<u8>` field as one byte string: postcard writes the same bytes as for a sequence of `u8`, and reads them in one copy instead of one visit per byte.

use serde::{de, Deserializer, Serializer};
use std::fmt;

/// For `#[serde(with = "crate::byte_string")]`.
pub fn serialize<S: Serializer>(bytes: &[u8], serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_bytes(bytes)
}

/// For `#[serde(with = "crate::byte_string")]`: accepts a byte string or a sequence of bytes
/// (which is what JSON gives).
pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<u8>, D::Error> {
    deserializer.deserialize_byte_buf(Bytes)
}

struct Bytes;

impl<'de> de::Visitor<'de> for Bytes {
    type Value = Vec<u8>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a byte string")
    }

    fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<Vec<u8>, E> {
        Ok(v.to_vec())
    }

    fn visit_byte_buf<E: de::Error>(self, v: Vec<u8>) -> Result<Vec<u8>, E> {
        Ok(v)
    }

    fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<u8>, A::Error> {
        let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(1 << 20));
        while let Some(byte) = seq.next_element()? {
            out.push(byte);
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use serde::{Deserialize, Serialize};

    #[derive(Serialize, Deserialize, PartialEq, Debug)]
    struct AsBytes(#[serde(with = "super")] Vec<u8>);

    #[derive(Serialize, Deserialize, PartialEq, Debug)]
    struct AsSequence(Vec<u8>);

    #[test]
    fn postcard_writes_a_byte_string_as_it_writes_a_sequence_of_bytes() {
        let bytes: Vec<u8> = (0..=255).chain(0..40).collect();
        let as_bytes = postcard::to_allocvec(&AsBytes(bytes.clone())).unwrap();
        let as_sequence = postcard::to_allocvec(&AsSequence(bytes.clone())).unwrap();
        assert_eq!(as_bytes, as_sequence);
        let back: AsBytes = postcard::from_bytes(&as_sequence).unwrap();
        assert_eq!(back.0, bytes);
    }

    #[test]
    fn json_reads_a_byte_string_back_from_its_array_of_numbers() {
        let json = serde_json::to_string(&AsBytes(vec![1, 2, 250])).unwrap();
        assert_eq!(json, "[1,2,250]");
        let back: AsBytes = serde_json::from_str(&json).unwrap();
        assert_eq!(back.0, vec![1, 2, 250]);
    }
}
