//! Offset tables kept in memory as starts but shipped as lengths, which the file keeps smaller.
//!
//! `crate::postcard_reader` reads them back into starts, each table reserved at its length at
//! once.

use serde::Serializer;

/// `#[serde(with = "starts")]`: where each item starts in a run of bytes, with the run's end
/// last (n + 1 numbers, the first 0; an empty vector for no items), shipped as the n lengths.
/// The reader looks items up by their starts; the file keeps the smaller lengths.
pub mod starts {
    use super::*;

    pub fn serialize<S: Serializer>(starts: &[u32], serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(lengths(starts))
    }
}

/// The lengths of the items a table of starts describes, as the file has them.
pub fn lengths(starts: &[u32]) -> impl ExactSizeIterator<Item = u32> + '_ {
    starts.windows(2).map(|pair| pair[1].wrapping_sub(pair[0]))
}

#[cfg(test)]
mod tests {
    use serde::Serialize;

    #[derive(Serialize)]
    struct Shipped {
        #[serde(with = "super::starts")]
        starts: Vec<u32>,
    }

    #[test]
    fn starts_are_shipped_as_the_lengths() {
        // Items of 3, 0, 200 and 1 bytes start at 0, 3, 3 and 203; the run ends at 204.
        let shipped = Shipped {
            starts: vec![0, 3, 3, 203, 204],
        };
        let bytes = postcard::to_allocvec(&shipped).unwrap();
        assert_eq!(
            bytes,
            postcard::to_allocvec(&vec![3u32, 0, 200, 1]).unwrap()
        );
        let json = serde_json::to_string(&shipped).unwrap();
        assert_eq!(json, r#"{"starts":[3,0,200,1]}"#);
        let none = Shipped { starts: vec![] };
        assert_eq!(postcard::to_allocvec(&none).unwrap(), [0]);
    }
}
