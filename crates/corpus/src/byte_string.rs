//! A `Vec<u8>` field written as one byte string: postcard writes the same bytes as for a sequence of `u8`, in one copy instead of one call per byte.

use serde::Serializer;

/// For `#[serde(with = "crate::byte_string")]` (`crate::postcard_reader` reads it back).
pub fn serialize<S: Serializer>(bytes: &[u8], serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_bytes(bytes)
}

#[cfg(test)]
mod tests {
    use serde::Serialize;

    #[derive(Serialize)]
    struct AsBytes(#[serde(with = "super")] Vec<u8>);

    #[test]
    fn postcard_writes_a_byte_string_as_it_writes_a_sequence_of_bytes() {
        let bytes: Vec<u8> = (0..=255).chain(0..40).collect();
        let as_bytes = postcard::to_allocvec(&AsBytes(bytes.clone())).unwrap();
        assert_eq!(as_bytes, postcard::to_allocvec(&bytes).unwrap());
    }

    #[test]
    fn json_writes_a_byte_string_as_its_array_of_numbers() {
        let json = serde_json::to_string(&AsBytes(vec![1, 2, 250])).unwrap();
        assert_eq!(json, "[1,2,250]");
    }
}
