//! The shipped artifact: magic `BRFW`, a u32 version, the postcard corpus (column by column), index and texts; optionally split into a head, an index file, index chunks and text shards.

use crate::byte_source::ByteSource;
use crate::columns::{CorpusColumns, CorpusFromColumns};
use crate::hash::{check_shipped, content_hash};
use crate::model::{Corpus, SCHEMA_VERSION};
use crate::postcard_reader::{read_whole, Read, ReadResult, Reader};
use crate::search::units::UnitMap;
use crate::search::{IndexReader, SearchIndex};
use crate::texts::{split_texts, text_file_name, DocumentTexts, TextFile, TextTable};
use serde::Serialize;
use std::fmt;

/// The first four bytes of every artifact.
pub const MAGIC: &[u8; 4] = b"BRFW";
/// Version of the index and artifact layout; bump it when [`SearchIndex`], the column layout
/// ([`CorpusColumns`]) or the bundle changes. 3: index chunks and the column layout; 4: text
/// shards; 5: askers, addressees, who answered, themes' words, sources, section bodies,
/// footnotes and links in the shards only.
pub const INDEX_FORMAT_VERSION: u32 = 5;
/// Index chunks of a split artifact hold about this many bytes of posting lists each.
pub const CHUNK_TARGET_BYTES: usize = 64 * 1024;
/// Artifact version: changes with the corpus schema ([`SCHEMA_VERSION`]) and with the index
/// layout (`SCHEMA_VERSION * 1000 + INDEX_FORMAT_VERSION`).
pub const ARTIFACT_VERSION: u32 = SCHEMA_VERSION * 1000 + INDEX_FORMAT_VERSION;

/// Everything the app loads.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Bundle {
    pub corpus: Corpus,
    /// The search index; empty (default) when it is in a file of its own ([`Bundle::index_file`]).
    pub index: SearchIndex,
    /// The file holding the index, for a split artifact's head: fetched when the first search
    /// needs it, after the first results are on screen.
    pub index_file: Option<IndexFile>,
    /// Where the texts are, for a split artifact's head (its corpus then has them emptied):
    /// fetched for what is shown ([`crate::texts`]).
    pub text_table: Option<TextTable>,
}

impl Bundle {
    /// The corpus with a freshly built index.
    pub fn build(corpus: Corpus) -> Bundle {
        let index = SearchIndex::build(&corpus);
        Bundle {
            corpus,
            index,
            index_file: None,
            text_table: None,
        }
    }
}

/// Where a split artifact's search index (terms, compound table, chunk table; not the posting
/// lists) is: a `zoekindex-<hash>.bin` file like the chunks.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct IndexFile {
    /// Content hash of the file's bytes (its name is derived from it).
    pub hash: String,
    pub length: u32,
}

/// The index part of an artifact: the index itself, or the file that holds it.
#[derive(Serialize)]
enum ShippedIndex {
    Inline(SearchIndex),
    InFile(IndexFile),
}

impl Read for ShippedIndex {
    fn read(r: &mut Reader) -> ReadResult<ShippedIndex> {
        match r.u32()? {
            0 => SearchIndex::read(r).map(ShippedIndex::Inline),
            1 => IndexFile::read(r).map(ShippedIndex::InFile),
            _ => r.fail("een onbekende soort zoekindex"),
        }
    }
}

/// Why an artifact could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ArtifactError {
    /// Fewer bytes than the header needs.
    TooShort { length: usize },
    /// The file does not start with `BRFW`.
    BadMagic,
    /// Built by another version of Briefwissel.
    VersionMismatch { expected: u32, found: u32 },
    /// The payload could not be decoded.
    Corrupt(String),
    /// Decoded, but the parts do not fit together.
    Inconsistent(String),
}

impl fmt::Display for ArtifactError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ArtifactError::TooShort { length } => {
                write!(f, "het corpusbestand is te kort ({length} bytes); het is waarschijnlijk niet volledig geladen")
            }
            ArtifactError::BadMagic => write!(f, "dit is geen Briefwissel-corpusbestand (de kop „BRFW” ontbreekt)"),
            ArtifactError::VersionMismatch { expected, found } => write!(
                f,
                "artefactversie {expected} verwacht, {found} gevonden; laad de pagina opnieuw of bouw het corpus opnieuw"
            ),
            ArtifactError::Corrupt(why) => write!(f, "het corpusbestand is beschadigd: {why}"),
            ArtifactError::Inconsistent(why) => write!(f, "het corpusbestand klopt niet: {why}"),
        }
    }
}

impl std::error::Error for ArtifactError {}

/// The artifact bytes of a bundle.
pub fn encode(bundle: &Bundle) -> Vec<u8> {
    let mut out = Vec::with_capacity(8);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&ARTIFACT_VERSION.to_le_bytes());
    let index = match &bundle.index_file {
        Some(file) => ShippedIndex::InFile(file.clone()),
        None => ShippedIndex::Inline(bundle.index.clone()),
    };
    let payload = (
        CorpusColumns::from_corpus(&bundle.corpus),
        index,
        &bundle.text_table,
    );
    match postcard::to_extend(&payload, out) {
        Ok(out) => out,
        // Serialising plain data into a Vec cannot fail; keep a readable artifact header anyway.
        Err(_) => {
            let mut out = MAGIC.to_vec();
            out.extend_from_slice(&ARTIFACT_VERSION.to_le_bytes());
            out
        }
    }
}

/// An artifact in parts, for the web: the head (the corpus and the name of the index file), which
/// is all the first results need; the index file (terms, compound table, chunk table), fetched
/// with the first search or after the first results; and the posting-list chunks, fetched when a
/// search needs them.
#[derive(Debug, Clone, PartialEq)]
pub struct SplitArtifact {
    pub head: Vec<u8>,
    /// The index without its posting lists, as `zoekindex-<hash>.bin` (`first_term` is empty).
    pub index: ShippedChunk,
    pub chunks: Vec<ShippedChunk>,
    /// The texts, as `tekst-<hash>.bin` (`first_term` is empty).
    pub texts: Vec<ShippedChunk>,
}

/// One index chunk as a file.
#[derive(Debug, Clone, PartialEq)]
pub struct ShippedChunk {
    /// `zoekindex-<content hash>.bin`.
    pub file_name: String,
    /// The content hash in that name.
    pub hash: String,
    /// The chunk's first term (stems and `stem stem` pairs sort as Rust strings do).
    pub first_term: String,
    pub bytes: Vec<u8>,
}

/// The file name of an index chunk or of the index file with this content hash, so caches never
/// mix versions.
pub fn index_file_name(hash: &str) -> String {
    format!("zoekindex-{hash}.bin")
}

/// Reads the index file named by a split artifact's head, checking its length and hash;
/// [`crate::explore::Explorer::set_index`] checks that it fits the corpus.
/// The bytes may be in this memory (`&bytes.as_slice()`) or, as in the app, in the browser's buffer: at
/// archive scale a copy would keep the file's 9.5 MB in the page's memory for good.
pub fn decode_index_file(file: &IndexFile, bytes: &dyn ByteSource) -> Result<SearchIndex, String> {
    check_shipped("zoekindex", bytes, file.length, &file.hash)?;
    read_whole(bytes).map_err(|e| format!("zoekindex {} is beschadigd: {e}", file.hash))
}

/// One value of `source` from byte `from` on, and how many bytes were left unread. The app reads
/// all its files this one way.
fn read_value<T: Read>(source: &dyn ByteSource, from: usize) -> ReadResult<(T, usize)> {
    let mut reader = Reader::new(source, from);
    let value = T::read(&mut reader)?;
    Ok((value, reader.left()))
}

/// An index that does not belong to the corpus, or is not consistent, is refused.
fn check_index(index: &SearchIndex, question_count: u32, unit_count: usize) -> Result<(), String> {
    if index.question_count != question_count {
        return Err(format!(
            "de zoekindex hoort bij {} vragen, het corpus heeft er {question_count}",
            index.question_count
        ));
    }
    IndexReader::new(index, unit_count).map(|_| ())
}

/// The chunks (indices, sorted, without duplicates) that hold the index lists a search for
/// `text` may read, found from the chunks' first terms alone, before the head has arrived. A
/// word that is not in the index still names the chunk where it would be.
pub fn chunks_for_search<S: AsRef<str>>(first_terms: &[S], text: &str) -> Vec<usize> {
    let search = crate::search::SearchText::parse(text);
    let keys: Vec<String> = search
        .words
        .iter()
        .map(|w| &w.folded)
        .chain(search.phrases.iter().flatten())
        .flat_map(|w| crate::search::inflection::variants(w, |_| false))
        .collect();
    let mut chunks: Vec<usize> = keys
        .iter()
        .filter_map(|key| {
            first_terms
                .partition_point(|first| first.as_ref() <= key.as_str())
                .checked_sub(1)
        })
        .collect();
    crate::order::sort_items(&mut chunks, &|a, b| a.cmp(b));
    chunks.dedup();
    chunks
}

/// Reads a text shard named by a split artifact's head, checking its length and hash;
/// [`crate::texts::Texts::add_shard`] checks that it fits the corpus.
pub fn decode_text_shard(file: &TextFile, bytes: &[u8]) -> Result<Vec<DocumentTexts>, String> {
    check_shipped("tekstdeel", &bytes, file.length, &file.hash)?;
    read_whole(&bytes).map_err(|e| format!("tekstdeel {} is beschadigd: {e}", file.hash))
}

/// Splits a bundle's posting lists into chunks of about `chunk_bytes` and its texts into shards
/// of about `text_bytes`, and encodes the head.
pub fn encode_split(bundle: &Bundle, chunk_bytes: usize, text_bytes: usize) -> SplitArtifact {
    let mut head = bundle.clone();
    let split = split_texts(&head.corpus, text_bytes);
    head.corpus = split.head;
    head.text_table = Some(split.table);
    let texts = split
        .shards
        .into_iter()
        .map(|(hash, bytes)| ShippedChunk {
            file_name: text_file_name(&hash),
            hash,
            first_term: String::new(),
            bytes,
        })
        .collect();
    let chunks = head.index.split_postings(chunk_bytes);
    let chunks = head
        .index
        .chunks
        .iter()
        .zip(chunks)
        .map(|(chunk, bytes)| ShippedChunk {
            file_name: index_file_name(&chunk.hash),
            hash: chunk.hash.clone(),
            first_term: head
                .index
                .term(chunk.first_term as usize)
                .unwrap_or_default()
                .to_string(),
            bytes,
        })
        .collect();
    let index_bytes = postcard::to_allocvec(&head.index).unwrap_or_default();
    let index_hash = content_hash(&index_bytes);
    head.index_file = Some(IndexFile {
        hash: index_hash.clone(),
        length: index_bytes.len() as u32,
    });
    head.index = SearchIndex::default();
    SplitArtifact {
        head: encode(&head),
        index: ShippedChunk {
            file_name: index_file_name(&index_hash),
            hash: index_hash,
            first_term: String::new(),
            bytes: index_bytes,
        },
        chunks,
        texts,
    }
}

/// Reads an artifact, checking magic, version, payload and that the index fits the corpus.
pub fn decode(bytes: &[u8]) -> Result<Bundle, ArtifactError> {
    decode_from(&bytes)
}

/// [`decode`] for an artifact that is not in this memory: read a window at a time
/// ([`byte_source`](crate::byte_source)), never copied in whole.
pub fn decode_from(source: &dyn ByteSource) -> Result<Bundle, ArtifactError> {
    let length = source.byte_len();
    if length < 8 {
        return Err(ArtifactError::TooShort { length });
    }
    let mut header = [0u8; 8];
    source.copy_into(0, &mut header);
    if &header[..4] != MAGIC {
        return Err(ArtifactError::BadMagic);
    }
    let found = u32::from_le_bytes([header[4], header[5], header[6], header[7]]);
    if found != ARTIFACT_VERSION {
        return Err(ArtifactError::VersionMismatch {
            expected: ARTIFACT_VERSION,
            found,
        });
    }
    let ((columns, index, text_table), rest) =
        read_value::<(CorpusFromColumns, ShippedIndex, Option<TextTable>)>(source, 8)
            .map_err(|e| ArtifactError::Corrupt(e.to_string()))?;
    if rest != 0 {
        return Err(ArtifactError::Corrupt(format!(
            "{rest} onverwachte bytes na het einde"
        )));
    }
    let corpus = columns.0.map_err(ArtifactError::Inconsistent)?;
    if let Some(table) = &text_table {
        table
            .check(corpus.documents.len())
            .map_err(ArtifactError::Inconsistent)?;
    }
    if corpus.schema_version != SCHEMA_VERSION {
        return Err(ArtifactError::Inconsistent(format!(
            "corpusschema {SCHEMA_VERSION} verwacht, {} gevonden",
            corpus.schema_version
        )));
    }
    let bundle = match index {
        ShippedIndex::Inline(index) => {
            let units = UnitMap::new(&corpus);
            check_index(&index, units.question_count, units.total as usize)
                .map_err(ArtifactError::Inconsistent)?;
            Bundle {
                corpus,
                index,
                index_file: None,
                text_table,
            }
        }
        ShippedIndex::InFile(file) => Bundle {
            corpus,
            index: SearchIndex::default(),
            index_file: Some(file),
            text_table,
        },
    };
    Ok(bundle)
}
