//! Hashes: FNV-1a content hashes that name shipped files (16 hex digits, stable across builds), and the hasher of the parse's maps.

use crate::byte_source::ByteSource;
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// The parse's and the search's maps of words, ids and file names, hashed by [`MapHasher`]
/// instead of SipHash: the keys are short, and the parse spends much of its time in these maps.
pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<MapHasher>>;
/// A set hashed like [`FastMap`].
pub type FastSet<T> = HashSet<T, BuildHasherDefault<MapHasher>>;

/// A small, fast hasher for map keys (words and ids from the documents being read: keys made to
/// collide would only slow down the parse of the file that holds them). Not for content names.
#[derive(Default)]
pub struct MapHasher(u64);

impl MapHasher {
    fn add(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for MapHasher {
    // The multiplications mix upward: the high bits hold the most of every step, and a map picks
    // its bucket by the low bits, so the high bits are turned down.
    fn finish(&self) -> u64 {
        self.0.rotate_left(26)
    }
    // Eight bytes a step, the last few in one step with their count in the top byte (where they
    // leave zeros): the parse hashes every word and paragraph of the corpus, most words are short.
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = (rest.len() as u64) << 56;
            for (i, &b) in rest.iter().enumerate() {
                word |= u64::from(b) << (8 * i);
            }
            self.add(word);
        }
    }
    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }
    fn write_u32(&mut self, n: u32) {
        self.add(u64::from(n));
    }
    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }
    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }
}

/// 64-bit FNV-1a of `bytes` (the `fnv` crate); also seeds the scale corpus's random streams.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    fnv1a_of_parts(&[bytes])
}

/// [`fnv1a`] of the parts one after the other, without joining them first.
pub fn fnv1a_of_parts(parts: &[&[u8]]) -> u64 {
    let mut hasher = fnv::FnvHasher::default();
    for part in parts {
        hasher.write(part);
    }
    hasher.finish()
}

/// [`fnv1a_of_parts`] of more parts after those whose hash is `state`: FNV-1a reads byte by
/// byte, so `fnv1a_continued(fnv1a_of_parts(&[a]), &[b]) == fnv1a_of_parts(&[a, b])`.
pub fn fnv1a_continued(state: u64, parts: &[&[u8]]) -> u64 {
    let mut hasher = fnv::FnvHasher::with_key(state);
    for part in parts {
        hasher.write(part);
    }
    hasher.finish()
}

/// [`fnv1a`] of the bytes of `word` read from the end backwards; see [`fnv1a_of_ends`].
pub fn fnv1a_backwards(word: &str) -> u64 {
    let mut hasher = fnv::FnvHasher::default();
    for &b in word.as_bytes().iter().rev() {
        hasher.write_u8(b);
    }
    hasher.finish()
}

/// [`fnv1a_backwards`] of every proper ending of `word` that starts on a character boundary
/// ("ken" and "en" of "taken"), each found in one pass without copying.
pub fn fnv1a_of_ends(word: &str, mut each: impl FnMut(u64)) {
    let mut hasher = fnv::FnvHasher::default();
    let bytes = word.as_bytes();
    for at in (1..bytes.len()).rev() {
        hasher.write_u8(bytes[at]);
        if word.is_char_boundary(at) {
            each(hasher.finish());
        }
    }
}

/// The hash of `bytes` as 16 lowercase hex digits.
pub fn content_hash(bytes: &[u8]) -> String {
    content_hash_of(&bytes)
}

/// [`content_hash`] of bytes wherever they are (in the browser's buffer: a window at a time).
pub fn content_hash_of(bytes: &dyn ByteSource) -> String {
    let mut state = fnv1a(&[]);
    bytes.each_window(&mut |window| state = fnv1a_continued(state, &[window]));
    format!("{state:016x}")
}

/// Checks that a shipped file (`what` names it in the message, e.g. "zoekindexdeel") has the
/// length and content hash its table promised.
/// The bytes may be in this memory (`&bytes.as_slice()`) or in the browser's buffer.
pub fn check_shipped(
    what: &str,
    bytes: &dyn ByteSource,
    length: u32,
    hash: &str,
) -> Result<(), String> {
    if bytes.byte_len() != length as usize {
        return Err(format!(
            "{what} {hash} heeft {} bytes, {length} verwacht",
            bytes.byte_len()
        ));
    }
    if content_hash_of(bytes) != hash {
        return Err(format!("{what} {hash} is beschadigd (andere inhoud)"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::content_hash;

    #[test]
    fn hashes_match_the_published_fnv1a_values() {
        assert_eq!(content_hash(b""), "cbf29ce484222325");
        assert_eq!(content_hash(b"a"), "af63dc4c8601ec8c");
        assert_ne!(content_hash(b"ab"), content_hash(b"ba"));
    }

    #[test]
    fn a_hash_continued_is_the_hash_of_the_parts_together() {
        let (a, b) = (b"asiel ".as_slice(), b"zoekers".as_slice());
        assert_eq!(
            super::fnv1a_continued(super::fnv1a(a), &[b]),
            super::fnv1a(b"asiel zoekers")
        );
    }

    #[test]
    fn a_file_read_in_windows_has_the_hash_of_its_bytes_and_a_changed_byte_is_found() {
        use crate::byte_source::Elsewhere;
        let mut bytes: Vec<u8> = (0..600_000u32).map(|i| (i * 7 % 256) as u8).collect();
        let hash = content_hash(&bytes);
        let length = bytes.len() as u32;
        assert_eq!(super::content_hash_of(&Elsewhere(bytes.clone())), hash);
        assert!(
            super::check_shipped("zoekindex", &Elsewhere(bytes.clone()), length, &hash).is_ok()
        );
        // A byte changed in the third window.
        bytes[550_000] ^= 1;
        let error = super::check_shipped("zoekindex", &Elsewhere(bytes), length, &hash);
        assert_eq!(
            error.unwrap_err(),
            format!("zoekindex {hash} is beschadigd (andere inhoud)")
        );
    }
}
