//! Gets the corpus artifact into the app: embedded, inlined in the page (single-file build) or fetched.
//!
//! Order of preference:
//! 1. the `embed-corpus` feature: the artifact is part of the wasm;
//! 2. `<script type="application/octet-stream" id="briefwissel-corpus-data">BASE64</script>` in the
//!    page (the single-file build inlines it so; it is never executed);
//! 3. `<link id="briefwissel-corpus" href="corpus-<hash>.bin">` (a preload the Trunk hook writes),
//!    or else `corpus-<hash>.bin` next to the app, fetched while the shell paints.

use briefwissel_corpus::artifact::{decode_from, Bundle};
use briefwissel_corpus::byte_source::ByteSource;

/// Id of the element holding the inlined artifact as base64.
pub const INLINE_DATA_ID: &str = "briefwissel-corpus-data";
/// Id of the preload link naming the artifact file.
pub const PRELOAD_LINK_ID: &str = "briefwissel-corpus";

/// The artifact's file name in `dist/`, with the hash of its content (computed by build.rs).
pub fn artifact_file_name() -> String {
    format!("corpus-{}.bin", env!("BRIEFWISSEL_ARTIFACT_HASH"))
}

/// Decodes artifact bytes into a bundle, or a Dutch message for the page.
pub fn bundle_from_bytes(bytes: &[u8]) -> Result<Bundle, String> {
    bundle_from(&bytes)
}

/// [`bundle_from_bytes`] for bytes wherever they are (a fetched JavaScript buffer).
pub fn bundle_from(source: &dyn ByteSource) -> Result<Bundle, String> {
    decode_from(source).map_err(|e| format!("Het corpus kan niet worden geladen: {e}."))
}

/// Decodes standard base64 (whitespace ignored, padding optional). `None` on any other character.
// Own code: base64 0.22.1 (a GeneralPurpose engine with indifferent padding, whitespace filtered
// first) adds 1.1 kB brotli to the app shell (wasm 193,425 -> 194,563 B brotli, +4.3 kB raw;
// measured 2026-12-03), which is over the 200 kB budget.
pub fn decode_base64(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len() / 4 * 3);
    let mut buffer: u32 = 0;
    let mut bits = 0;
    for c in text.bytes() {
        let value = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            b'=' | b' ' | b'\n' | b'\r' | b'\t' => continue,
            _ => return None,
        };
        buffer = (buffer << 6) | u32::from(value);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((buffer >> bits) as u8);
            buffer &= (1 << bits) - 1;
        }
    }
    Some(out)
}

#[cfg(feature = "embed-corpus")]
pub fn embedded() -> Option<&'static [u8]> {
    Some(include_bytes!(concat!(env!("OUT_DIR"), "/corpus.bin")))
}

#[cfg(not(feature = "embed-corpus"))]
pub fn embedded() -> Option<&'static [u8]> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_round_trips_known_values() {
        assert_eq!(decode_base64("QlJGVw==").as_deref(), Some(&b"BRFW"[..]));
        assert_eq!(
            decode_base64("QlJG\nVwE").as_deref(),
            Some(&b"BRFW\x01"[..])
        );
        assert_eq!(decode_base64(""), Some(Vec::new()));
        assert_eq!(decode_base64("<script>"), None);
    }

    #[test]
    fn the_built_artifact_decodes_with_the_current_version() {
        let bytes = include_bytes!(concat!(env!("OUT_DIR"), "/corpus.bin"));
        let bundle = bundle_from_bytes(bytes).unwrap_or_else(|e| panic!("{e}"));
        assert!(!bundle.corpus.questions.is_empty());
        assert!(artifact_file_name().starts_with("corpus-"));
    }

    #[test]
    fn a_foreign_version_gives_a_dutch_message_with_both_versions() {
        let mut bytes = include_bytes!(concat!(env!("OUT_DIR"), "/corpus.bin")).to_vec();
        bytes[4] = bytes[4].wrapping_add(1);
        let message = bundle_from_bytes(&bytes).err().unwrap_or_default();
        assert!(message.contains("artefactversie"), "{message}");
        assert!(
            message.starts_with("Het corpus kan niet worden geladen"),
            "{message}"
        );
    }
}
