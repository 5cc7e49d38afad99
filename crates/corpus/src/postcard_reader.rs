//! The shipped files read by hand in postcard's layout (varints, lengths, fields in the order serde writes them), so that the app carries none of serde's generated readers.
//!
//! The files are written natively by serde and postcard. Read back by hand instead of through
//! serde's derived readers and their visitors, the app shell is 1.0 kB brotli smaller (measured
//! 2026-12-06), and an error names the byte where a file goes wrong. Each shipped type lists its
//! fields once more, in declaration order, which is the order serde writes them; the round trips
//! of the real corpus (`tests/artifact_bundle.rs`, `tests/artifact_split.rs`, `columns.rs`) check
//! every type against what serde wrote.

use crate::artifact::IndexFile;
use crate::byte_source::{ByteSource, Windowed};
use crate::date::Date;
use crate::hash::FastSet;
use crate::id::Id;
use crate::model::{
    Asker, Block, Chamber, DocumentDates, DocumentKind, Footnote, Ministry, Party, QuestionSource,
    References, Section, SourceRole, Theme, ThemeMatch,
};
use crate::search::index::{PostingChunk, SearchIndex};
use crate::texts::{AnswerTexts, DocumentTexts, QuestionTexts, TextFile, TextTable};
use std::fmt;

/// What is wrong with a shipped file, and at which byte.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadError {
    pub at: usize,
    pub what: &'static str,
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "{} (bij byte {})", self.what, self.at)
    }
}

pub type ReadResult<T> = Result<T, ReadError>;

/// Reads values one after another from a source, a window at a time. Equal ids read by one reader
/// are one text in memory (a corpus names each document hundreds of times).
pub struct Reader<'s> {
    bytes: Windowed<'s>,
    ids: FastSet<Id>,
}

impl<'s> Reader<'s> {
    /// Reads `source` from byte `from` on.
    pub fn new(source: &'s dyn ByteSource, from: usize) -> Reader<'s> {
        Reader::over(Windowed::new(source, from))
    }

    pub(crate) fn over(bytes: Windowed<'s>) -> Reader<'s> {
        Reader {
            bytes,
            ids: FastSet::default(),
        }
    }

    /// How many bytes of the source are left unread.
    pub fn left(&self) -> usize {
        self.bytes.left()
    }

    /// An error at the byte read next.
    pub fn fail<T>(&self, what: &'static str) -> ReadResult<T> {
        Err(ReadError {
            at: self.bytes.position(),
            what,
        })
    }

    fn byte(&mut self) -> ReadResult<u8> {
        match self.bytes.byte() {
            Some(b) => Ok(b),
            None => self.fail(ENDS_TOO_SOON),
        }
    }

    fn take(&mut self, n: usize) -> ReadResult<&[u8]> {
        let at = self.bytes.position();
        self.bytes.take(n).ok_or(ReadError {
            at,
            what: ENDS_TOO_SOON,
        })
    }

    /// A `u32` (and a length or variant index) as postcard writes it: seven bits a byte, lowest
    /// first, at most five bytes.
    pub fn u32(&mut self) -> ReadResult<u32> {
        let at = self.bytes.position();
        let mut value = 0u32;
        for i in 0..5 {
            let b = self.byte()?;
            if i == 4 && b > 0x0f {
                break;
            }
            value |= u32::from(b & 0x7f) << (7 * i);
            if b & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err(ReadError {
            at,
            what: "een getal is groter dan 32 bits",
        })
    }

    /// The length of a sequence, string or byte string: never more than the bytes left, as every
    /// item takes a byte at least.
    fn length(&mut self) -> ReadResult<usize> {
        let n = self.u32()? as usize;
        if n > self.left() {
            return self.fail("een lengte is groter dan wat er nog volgt");
        }
        Ok(n)
    }

    /// The index of an enum's variant, checked against how many there are.
    fn variant(&mut self, count: u32) -> ReadResult<u32> {
        let v = self.u32()?;
        if v >= count {
            return self.fail("een onbekende soort waarde");
        }
        Ok(v)
    }

    fn text(&mut self) -> ReadResult<&str> {
        let n = self.length()?;
        let at = self.bytes.position();
        std::str::from_utf8(self.take(n)?).map_err(|_| ReadError {
            at,
            what: "een tekst is geen UTF-8",
        })
    }

    pub fn string(&mut self) -> ReadResult<String> {
        self.text().map(str::to_string)
    }

    /// An id, shared with an equal id read before.
    fn id(&mut self) -> ReadResult<Id> {
        // Not `self.text()`: the ids are borrowed beside the window.
        let n = self.length()?;
        let at = self.bytes.position();
        let bytes = self.bytes.take(n).ok_or(ReadError {
            at,
            what: ENDS_TOO_SOON,
        })?;
        let text = std::str::from_utf8(bytes).map_err(|_| ReadError {
            at,
            what: "een id is geen UTF-8",
        })?;
        if let Some(id) = self.ids.get(text) {
            return Ok(id.clone());
        }
        let id = Id::from(text);
        self.ids.insert(id.clone());
        Ok(id)
    }

    /// Bytes written as one byte string (`crate::byte_string`).
    fn byte_string(&mut self) -> ReadResult<Vec<u8>> {
        let n = self.length()?;
        self.take(n).map(<[u8]>::to_vec)
    }

    /// A table shipped as lengths and kept as starts (`search::shipped_numbers::starts`): a 0, then
    /// the running sums; nothing for no lengths.
    fn starts(&mut self) -> ReadResult<Vec<u32>> {
        let n = self.length()?;
        let mut out = Vec::with_capacity(room_for::<u32>(n + usize::from(n > 0)));
        if n > 0 {
            out.push(0);
        }
        let mut at = 0u32;
        for _ in 0..n {
            let length = self.u32()?;
            at = match at.checked_add(length) {
                Some(at) => at,
                None => return self.fail("de lengtes tellen op tot meer dan 4 GB"),
            };
            out.push(at);
        }
        Ok(out)
    }

    /// A sequence, each value handed to `each` as it is read; returns how many there were.
    pub fn each<T: Read>(&mut self, each: &mut dyn FnMut(usize, T)) -> ReadResult<usize> {
        let n = self.length()?;
        for i in 0..n {
            each(i, T::read(self)?);
        }
        Ok(n)
    }
}

/// At most this many bytes are reserved for a sequence before its items are read: a damaged length
/// (the head's bytes are read before any hash could vouch for them) then grows the sequence as it
/// is read instead of asking for gigabytes at once. The real tables are far smaller (64 MB are 16
/// million numbers; the 100× corpus's index has 284,045 terms).
const RESERVED_AT_MOST: usize = 64 << 20;

/// The room to reserve for `n` items of `T`.
fn room_for<T>(n: usize) -> usize {
    n.min(RESERVED_AT_MOST / std::mem::size_of::<T>().max(1))
}

/// One value that is the whole of `bytes` (trailing bytes are an error).
pub fn read_whole<T: Read>(bytes: &dyn ByteSource) -> ReadResult<T> {
    let mut reader = Reader::new(bytes, 0);
    let value = T::read(&mut reader)?;
    match reader.left() {
        0 => Ok(value),
        _ => reader.fail("er volgen nog bytes na het einde"),
    }
}

const ENDS_TOO_SOON: &str = "het bestand houdt te vroeg op";

/// A value as serde and postcard write it.
pub trait Read: Sized {
    fn read(r: &mut Reader) -> ReadResult<Self>;
}

impl Read for u32 {
    fn read(r: &mut Reader) -> ReadResult<u32> {
        r.u32()
    }
}

impl Read for bool {
    fn read(r: &mut Reader) -> ReadResult<bool> {
        match r.byte()? {
            0 => Ok(false),
            1 => Ok(true),
            _ => r.fail("een waar/onwaar is geen 0 of 1"),
        }
    }
}

impl Read for String {
    fn read(r: &mut Reader) -> ReadResult<String> {
        r.string()
    }
}

impl Read for Id {
    fn read(r: &mut Reader) -> ReadResult<Id> {
        r.id()
    }
}

impl Read for Date {
    fn read(r: &mut Reader) -> ReadResult<Date> {
        let at = r.bytes.position();
        Date::parse_iso(r.text()?).ok_or(ReadError {
            at,
            what: "een datum is geen JJJJ-MM-DD",
        })
    }
}

impl<T: Read> Read for Option<T> {
    fn read(r: &mut Reader) -> ReadResult<Option<T>> {
        match r.byte()? {
            0 => Ok(None),
            1 => T::read(r).map(Some),
            _ => r.fail("een optionele waarde is geen 0 of 1"),
        }
    }
}

impl<T: Read> Read for Vec<T> {
    /// Reserved at its length at once: a table of half a million numbers grown by doubling would
    /// keep up to half its room unused, and wasm memory keeps the peak for good.
    fn read(r: &mut Reader) -> ReadResult<Vec<T>> {
        let n = r.length()?;
        let mut out = Vec::with_capacity(room_for::<T>(n));
        for _ in 0..n {
            out.push(T::read(r)?);
        }
        Ok(out)
    }
}

impl<A: Read, B: Read, C: Read> Read for (A, B, C) {
    fn read(r: &mut Reader) -> ReadResult<(A, B, C)> {
        Ok((A::read(r)?, B::read(r)?, C::read(r)?))
    }
}

/// `Read` for structs: their fields in declaration order.
macro_rules! read_fields {
    ($($record:ident { $($field:ident),+ $(,)? })+) => {
        $(impl Read for $record {
            fn read(r: &mut Reader) -> ReadResult<$record> {
                Ok($record { $($field: Read::read(r)?),+ })
            }
        })+
    };
}

/// `Read` for enums without data: their variants in declaration order.
macro_rules! read_variants {
    ($($kind:ident [$($variant:ident),+ $(,)?])+) => {
        $(impl Read for $kind {
            fn read(r: &mut Reader) -> ReadResult<$kind> {
                const ALL: &[$kind] = &[$($kind::$variant),+];
                Ok(ALL[r.variant(ALL.len() as u32)? as usize])
            }
        })+
    };
}

read_fields! {
    References { kenmerk, document_number, zaak, aanhangsel, postponement_aanhangsel }
    DocumentDates { letter, question_letter, answer_letter, reminder_letter, vastgesteld }
    Section { heading, blocks }
    Footnote { number, text }
    Asker { name, party, party_as_printed, party_on }
    ThemeMatch { theme, words }
    QuestionSource { document_id, role }
    Party { name, abbreviation, aliases }
    Ministry { id, name, abbreviation, names }
    Theme { id, label, group, keywords }
    TextFile { hash, length }
    IndexFile { hash, length }
    TextTable { files, document_shard }
    DocumentTexts { document, sections, footnotes, links, questions, answers }
    QuestionTexts { text, askers, addressed_to, theme_matches, sources }
    AnswerTexts { text, answered_by }
    PostingChunk { first_term, length, hash }
}

read_variants! {
    Chamber [EersteKamer, TweedeKamer]
    SourceRole [Vragen, Uitstel, Antwoord]
}

/// [`DocumentKind::ALL`] is in declaration order.
impl Read for DocumentKind {
    fn read(r: &mut Reader) -> ReadResult<DocumentKind> {
        let all = DocumentKind::ALL;
        Ok(all[r.variant(all.len() as u32)? as usize])
    }
}

/// In postcard a block is its variant index and its text (`model::BlockCompact`).
impl Read for Block {
    fn read(r: &mut Reader) -> ReadResult<Block> {
        Ok(match r.variant(4)? {
            0 => Block::Paragraph(r.string()?),
            1 => Block::List(Read::read(r)?),
            2 => Block::Question(r.string()?),
            _ => Block::Answer(r.string()?),
        })
    }
}

/// The number tables as `search::shipped_numbers` ships them, the postings as one byte string.
impl Read for SearchIndex {
    fn read(r: &mut Reader) -> ReadResult<SearchIndex> {
        Ok(SearchIndex {
            question_count: r.u32()?,
            unit_lengths: Read::read(r)?,
            terms: r.string()?,
            term_starts: r.starts()?,
            postings: r.byte_string()?,
            posting_starts: r.starts()?,
            pair_min_units: r.u32()?,
            chunks: Read::read(r)?,
            compounds: Read::read(r)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read<T: Read>(bytes: &[u8]) -> ReadResult<T> {
        read_whole(&bytes)
    }

    #[test]
    fn numbers_texts_and_options_read_back_as_postcard_wrote_them() {
        let value = (
            vec![0u32, 127, 128, 70_000, u32::MAX],
            vec!["".to_string(), "één".to_string()],
            vec![None, Some(Date::parse_iso("2025-07-01").unwrap())],
        );
        let bytes = postcard::to_allocvec(&value).unwrap();
        assert_eq!(
            read::<(Vec<u32>, Vec<String>, Vec<Option<Date>>)>(&bytes),
            Ok(value)
        );
    }

    #[test]
    fn lengths_are_read_back_as_starts_with_the_end_last() {
        // Items of 3, 0, 200 and 1 bytes start at 0, 3, 3 and 203; the run ends at 204.
        let bytes = postcard::to_allocvec(&vec![3u32, 0, 200, 1]).unwrap();
        let (source, none) = (bytes.as_slice(), [0u8].as_slice());
        assert_eq!(
            Reader::new(&source, 0).starts(),
            Ok(vec![0, 3, 3, 203, 204])
        );
        assert_eq!(Reader::new(&none, 0).starts(), Ok(vec![]));
    }

    #[test]
    fn a_table_of_half_a_million_numbers_is_read_into_exactly_its_room() {
        let bytes = postcard::to_allocvec(&(0..500_000u32).collect::<Vec<_>>()).unwrap();
        let numbers: Vec<u32> = read(&bytes).unwrap();
        assert_eq!((numbers.len(), numbers.capacity()), (500_000, 500_000));
        let lengths = postcard::to_allocvec(&vec![1u32; 500_000]).unwrap();
        let source = lengths.as_slice();
        let starts = Reader::new(&source, 0).starts().unwrap();
        assert_eq!(
            (starts.capacity(), starts.last()),
            (500_001, Some(&500_000))
        );
    }

    #[test]
    fn a_damaged_length_never_reserves_more_than_64_mb_at_once() {
        assert_eq!(room_for::<u32>(500_000), 500_000);
        assert_eq!(room_for::<[u8; 64]>(1 << 30), 1 << 20);
        // A length longer than the bytes left is refused before anything is reserved.
        let bytes = [0x80, 0x80, 0x80, 0x01, 0, 0, 0];
        let err = read::<Vec<(String, String, String)>>(&bytes).unwrap_err();
        assert_eq!(err.what, "een lengte is groter dan wat er nog volgt");
    }

    #[test]
    fn equal_ids_read_by_one_reader_are_one_text() {
        let ids: Vec<Id> = ["kv-003-a1", "kv-003", "kv-003-a1"].map(Id::from).into();
        let bytes = postcard::to_allocvec(&(ids.clone(), ids.clone())).unwrap();
        let (first, second): (Vec<Id>, Vec<Id>) = {
            let source = bytes.as_slice();
            let mut reader = Reader::new(&source, 0);
            (
                Read::read(&mut reader).unwrap(),
                Read::read(&mut reader).unwrap(),
            )
        };
        assert_eq!(first, ids);
        assert!(first[0].is_same_text(&first[2]) && first[0].is_same_text(&second[0]));
        assert!(!first[0].is_same_text(&first[1]));
    }

    #[test]
    fn damaged_bytes_are_named_with_the_byte_where_they_go_wrong() {
        // A number past 32 bits (a fifth byte that says more follows), an option that is neither
        // 0 nor 1, a variant past the last, a length longer than the rest, a text that is not
        // UTF-8, lengths past 4 GB.
        let cases: [(&[u8], ReadError); 4] = [
            (
                &[0x80, 0x80, 0x80, 0x80, 0x80, 0x01],
                error(0, "een getal is groter dan 32 bits"),
            ),
            (&[2], error(1, "een optionele waarde is geen 0 of 1")),
            (&[9], error(1, "een onbekende soort waarde")),
            (
                &[5, b'a'],
                error(1, "een lengte is groter dan wat er nog volgt"),
            ),
        ];
        let [number, option, variant, length] = cases;
        assert_eq!(read::<u32>(number.0).unwrap_err(), number.1);
        assert_eq!(read::<Option<u32>>(option.0).unwrap_err(), option.1);
        assert_eq!(read::<Chamber>(variant.0).unwrap_err(), variant.1);
        assert_eq!(read::<String>(length.0).unwrap_err(), length.1);
        let not_utf8 = read::<String>(&[2, 0xc3, 0x28]).unwrap_err();
        assert_eq!(not_utf8, error(1, "een tekst is geen UTF-8"));
        let past = postcard::to_allocvec(&vec![u32::MAX, 1]).unwrap();
        let source = past.as_slice();
        let err = Reader::new(&source, 0).starts().unwrap_err();
        assert_eq!(err.what, "de lengtes tellen op tot meer dan 4 GB");
        assert_eq!(
            read::<u32>(&[7, 0]).unwrap_err().to_string(),
            "er volgen nog bytes na het einde (bij byte 1)"
        );
    }

    fn error(at: usize, what: &'static str) -> ReadError {
        ReadError { at, what }
    }

    #[test]
    fn a_file_cut_anywhere_is_an_error_and_never_a_panic() {
        let value = (
            vec!["a text".to_string()],
            vec![Some(300u32), None],
            SourceRole::Antwoord,
        );
        let bytes = postcard::to_allocvec(&value).unwrap();
        for end in 0..bytes.len() {
            let cut = read::<(Vec<String>, Vec<Option<u32>>, SourceRole)>(&bytes[..end]);
            // Too soon, or a length longer than what is left.
            assert!(cut.unwrap_err().at <= end, "cut at {end}");
        }
    }
}
