//! PDF fonts: how a shown string splits into character codes, what each code means and how wide it is.

use crate::pdf::number;
use lopdf::{Dictionary, Document, Encoding, Object};
use std::collections::HashMap;

/// A font's ToUnicode map or encoding may inflate to this much at most (real ones are a few KB).
const MAX_FONT_MAP_BYTES: usize = 4 * 1024 * 1024;

/// Width assumed for a code the font gives no width for (thousandths of the font size).
const FALLBACK_WIDTH: f32 = 500.0;

/// What the reader needs of one font.
pub struct FontInfo<'a> {
    /// BaseFont without its subset prefix, e.g. `Univers-Black`.
    pub name: String,
    /// Codes are two bytes (a Type0 / CID font).
    two_byte: bool,
    /// Widths by code, in thousandths of the font size.
    widths: HashMap<u32, f32>,
    default_width: f32,
    /// The ToUnicode map, preferred over /Encoding when the font has both.
    to_unicode: Option<Encoding<'a>>,
    encoding: Option<Encoding<'a>>,
}

impl<'a> FontInfo<'a> {
    pub fn new(doc: &'a Document, dict: &'a Dictionary) -> FontInfo<'a> {
        let base = dict
            .get(b"BaseFont")
            .and_then(Object::as_name)
            .map(|n| String::from_utf8_lossy(n).into_owned())
            .unwrap_or_default();
        let name = match base.split_once('+') {
            Some((prefix, rest)) if prefix.len() == 6 => rest.to_string(),
            _ => base,
        };
        let two_byte = dict
            .get(b"Subtype")
            .and_then(Object::as_name)
            .is_ok_and(|s| s == b"Type0");
        let (widths, default_width) = if two_byte {
            cid_widths(doc, dict)
        } else {
            simple_widths(doc, dict)
        };
        let to_unicode = dict.get(b"ToUnicode").ok().and_then(|_| {
            let mut without_encoding = dict.clone();
            without_encoding.remove(b"Encoding");
            match without_encoding.get_font_encoding_with_limit(doc, MAX_FONT_MAP_BYTES) {
                Ok(Encoding::UnicodeMapEncoding(cmap)) => Some(Encoding::UnicodeMapEncoding(cmap)),
                _ => None,
            }
        });
        let encoding = if to_unicode.is_none() {
            dict.get_font_encoding_with_limit(doc, MAX_FONT_MAP_BYTES)
                .ok()
        } else {
            None
        };
        FontInfo {
            name,
            two_byte,
            widths,
            default_width,
            to_unicode,
            encoding,
        }
    }

    /// Bold type, judged from the font name.
    pub fn is_bold(name: &str) -> bool {
        let lower = name.to_ascii_lowercase();
        ["bold", "black", "heavy", "semibold", "demi"]
            .iter()
            .any(|w| lower.contains(w))
    }

    /// The character codes of a shown string, with their length in bytes.
    pub fn codes(&self, bytes: &[u8]) -> Vec<(u32, u8)> {
        if self.two_byte {
            bytes
                .chunks(2)
                .map(|c| match c {
                    [hi, lo] => ((u32::from(*hi) << 8) | u32::from(*lo), 2),
                    [b] => (u32::from(*b), 1),
                    _ => (0, 1),
                })
                .collect()
        } else {
            bytes.iter().map(|&b| (u32::from(b), 1)).collect()
        }
    }

    /// The width of a code in text space units (font size 1).
    pub fn width(&self, code: u32) -> f32 {
        self.widths
            .get(&code)
            .copied()
            .unwrap_or(self.default_width)
            / 1000.0
    }

    /// The Unicode text of a code; empty when the font does not say.
    pub fn decode(&self, code: u32, code_len: u8) -> String {
        if let Some(Encoding::UnicodeMapEncoding(cmap)) = &self.to_unicode {
            let units: Option<Vec<u16>> = cmap.get(code, code_len);
            return units
                .map(|u| String::from_utf16_lossy(&u))
                .unwrap_or_default();
        }
        let Some(encoding) = &self.encoding else {
            return String::new();
        };
        let bytes: Vec<u8> = if code_len == 2 {
            vec![(code >> 8) as u8, code as u8]
        } else {
            vec![code as u8]
        };
        encoding.bytes_to_string(&bytes).unwrap_or_default()
    }
}

fn simple_widths(doc: &Document, dict: &Dictionary) -> (HashMap<u32, f32>, f32) {
    let mut widths = HashMap::new();
    let first = dict
        .get(b"FirstChar")
        .ok()
        .and_then(number)
        .unwrap_or(0.0)
        .max(0.0) as u32;
    if let Ok(Object::Array(list)) = dict.get_deref(b"Widths", doc) {
        for (i, w) in list.iter().enumerate() {
            let w = doc.dereference(w).ok().and_then(|(_, o)| number(o));
            if let Some(w) = w {
                widths.insert(first + i as u32, w);
            }
        }
    }
    let missing = dict
        .get_deref(b"FontDescriptor", doc)
        .and_then(Object::as_dict)
        .ok()
        .and_then(|d| d.get(b"MissingWidth").ok().and_then(number))
        .filter(|w| *w > 0.0)
        .unwrap_or(FALLBACK_WIDTH);
    (widths, missing)
}

fn cid_widths(doc: &Document, dict: &Dictionary) -> (HashMap<u32, f32>, f32) {
    let mut widths = HashMap::new();
    let descendant = dict
        .get_deref(b"DescendantFonts", doc)
        .and_then(Object::as_array)
        .ok()
        .and_then(|a| a.first())
        .and_then(|o| doc.dereference(o).ok())
        .and_then(|(_, o)| o.as_dict().ok());
    let Some(cid) = descendant else {
        return (widths, 1000.0);
    };
    let default = cid.get(b"DW").ok().and_then(number).unwrap_or(1000.0);
    if let Ok(Object::Array(w)) = cid.get_deref(b"W", doc) {
        let mut i = 0;
        while i < w.len() {
            let Some(start) = number(&w[i]) else { break };
            let start = start.max(0.0) as u32;
            match w.get(i + 1).map(|o| doc.dereference(o).map(|(_, o)| o)) {
                Some(Ok(Object::Array(list))) => {
                    for (k, v) in list.iter().enumerate().take(65_536) {
                        if let Some(v) = number(v) {
                            widths.insert(start + k as u32, v);
                        }
                    }
                    i += 2;
                }
                Some(Ok(end)) => {
                    let end = number(end).unwrap_or(0.0).max(0.0) as u32;
                    let v = w.get(i + 2).and_then(number).unwrap_or(default);
                    for c in start..=end.min(start.saturating_add(65_536)) {
                        widths.insert(c, v);
                    }
                    i += 3;
                }
                _ => break,
            }
        }
    }
    (widths, default)
}
