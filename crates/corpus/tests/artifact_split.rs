//! The split artifact: a head for the first results, the index file the first search loads, and index chunks that a search loads on demand.

use briefwissel_corpus::artifact::{
    chunks_for_search, decode, decode_index_file, decode_text_shard, encode, encode_split, Bundle,
    SplitArtifact,
};
use briefwissel_corpus::explore::{Explorer, Outcome};
use briefwissel_corpus::parse::parse_paths;
use briefwissel_corpus::query::{parse_query_string, Query};
use briefwissel_corpus::search::{SearchIndex, SearchText};
use std::path::Path;
use std::sync::OnceLock;

/// Small chunks, so that even today's corpus is split into many.
const CHUNK_BYTES: usize = 4 * 1024;
/// Small text shards, for the same reason.
const TEXT_BYTES: usize = 16 * 1024;

fn bundle() -> &'static Bundle {
    static BUNDLE: OnceLock<Bundle> = OnceLock::new();
    BUNDLE.get_or_init(|| {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/documents");
        Bundle::build(parse_paths(&[dir]).expect("the real corpus parses").corpus)
    })
}

fn split() -> &'static SplitArtifact {
    static SPLIT: OnceLock<SplitArtifact> = OnceLock::new();
    SPLIT.get_or_init(|| encode_split(bundle(), CHUNK_BYTES, TEXT_BYTES))
}

fn head() -> &'static Bundle {
    static HEAD: OnceLock<Bundle> = OnceLock::new();
    HEAD.get_or_init(|| decode(&split().head).expect("the head decodes"))
}

/// The index file as the app reads it after the head.
fn head_index() -> &'static SearchIndex {
    static INDEX: OnceLock<SearchIndex> = OnceLock::new();
    INDEX.get_or_init(|| {
        let file = head()
            .index_file
            .as_ref()
            .expect("the head names its index file");
        decode_index_file(file, &split().index.bytes.as_slice()).expect("the index file decodes")
    })
}

/// An explorer on the head with its index file loaded, but no chunks and no texts.
fn head_explorer() -> Explorer<'static> {
    let table = head().text_table.clone().expect("the head names its texts");
    let explorer = Explorer::waiting_for_index(&head().corpus)
        .with_text_table(table)
        .expect("the text table fits the head");
    explorer
        .set_index(head_index())
        .expect("the index fits the head");
    explorer
}

fn query(qs: &str) -> Query {
    parse_query_string(qs, &bundle().corpus).0
}

/// Runs `query` on a fresh head, loading whatever chunks and text shards it asks for, as the app
/// does; the chunks it asked for.
fn run_loading_chunks(query: &Query) -> (Outcome, Vec<usize>) {
    let explorer = head_explorer();
    let first = explorer.run(query);
    let asked = first.missing_index_chunks.clone();
    for &c in &asked {
        let bytes = split().chunks[c].bytes.clone();
        assert_eq!(explorer.add_index_chunk(c, bytes), Ok(true));
    }
    // A phrase is looked for in the texts of the candidates, which the chunks name.
    let second = explorer.run(query);
    for &s in &second.missing_text_shards {
        let file = &explorer.texts().files()[s];
        let texts = decode_text_shard(file, &split().texts[s].bytes).expect("the shard decodes");
        assert_eq!(explorer.texts().add_shard(s, texts), Ok(true));
    }
    (explorer.run(query), asked)
}

const QUERIES: [&str; 9] = [
    "q=asiel",
    "q=opvang&partij=VVD",
    "q=terugkeer&thema=terugkeer",
    "q=%22Internationaal+Strafhof%22",
    "q=%22in+het+kader+van%22",
    "q=Oekra%C3%AFne",
    "q=wachttijden+jeugdzorg&sorteer=relevantie",
    "q=netcongestie&beantwoord=ja",
    "q=woordbestaatnietinhetcorpus",
];

#[test]
fn the_head_is_much_smaller_than_the_whole_artifact_and_the_chunks_carry_the_rest() {
    let whole = encode(bundle()).len();
    let split = split();
    let chunk_total: usize = split.chunks.iter().map(|c| c.bytes.len()).sum();
    assert!(split.chunks.len() > 4, "{} chunks", split.chunks.len());
    assert_eq!(chunk_total, bundle().index.postings.len());
    let index = split.index.bytes.len();
    assert!(split.head.len() + index + chunk_total < whole + 64 * split.chunks.len());
    assert!(split.head.len() < whole - chunk_total / 2 - index);
    for chunk in std::iter::once(&split.index).chain(&split.chunks) {
        assert!(chunk.file_name.starts_with("zoekindex-") && chunk.file_name.ends_with(".bin"));
    }
}

#[test]
fn every_search_gives_the_same_outcome_as_the_whole_index_once_its_chunks_are_loaded() {
    let whole = Explorer::new(&bundle().corpus, &bundle().index);
    for qs in QUERIES {
        let q = query(qs);
        let expected = whole.run(&q);
        let (outcome, asked) = run_loading_chunks(&q);
        assert!(outcome.missing_index_chunks.is_empty(), "{qs}");
        assert_eq!(outcome, expected, "{qs}");
        assert!(asked.len() <= 8, "{qs} asked for {} chunks", asked.len());
    }
}

#[test]
fn the_head_names_the_index_file_and_a_search_waits_for_it_while_filters_do_not() {
    let head = head();
    assert!(head.index.terms.is_empty() && head.index.unit_lengths.is_empty());
    let file = head
        .index_file
        .as_ref()
        .expect("the head names its index file");
    assert_eq!(file.hash, split().index.hash);
    assert_eq!(file.length as usize, split().index.bytes.len());
    let explorer = Explorer::waiting_for_index(&head.corpus);
    let search = explorer.run(&query("q=asiel&partij=PVV"));
    assert!(search.waiting_for_index && !search.is_complete());
    assert_eq!(search.total, 0, "no text matches are counted yet");
    let filters = explorer.run(&query("partij=PVV"));
    assert!(filters.is_complete());
    let whole = Explorer::new(&bundle().corpus, &bundle().index);
    assert_eq!(filters, whole.run(&query("partij=PVV")));
    explorer.set_index(head_index()).expect("the index fits");
    let after = explorer.run(&query("q=asiel&partij=PVV"));
    assert!(!after.waiting_for_index);
    assert!(!after.missing_index_chunks.is_empty(), "then the chunks");
}

#[test]
fn an_index_file_with_other_bytes_or_for_another_corpus_is_refused_with_a_message() {
    let file = head().index_file.clone().expect("an index file");
    let mut bytes = split().index.bytes.clone();
    bytes[10] ^= 1;
    let error = decode_index_file(&file, &bytes.as_slice()).unwrap_err();
    assert!(
        error.contains(&file.hash) && error.contains("beschadigd"),
        "{error}"
    );
    let error = decode_index_file(&file, &&bytes[1..]).unwrap_err();
    assert!(
        error.contains(&format!("{} bytes", bytes.len() - 1)),
        "{error}"
    );
    let mut smaller = head().corpus.clone();
    smaller.questions.truncate(10);
    let explorer = Explorer::waiting_for_index(&smaller);
    let error = explorer.set_index(head_index()).unwrap_err();
    assert!(error.contains("hoort bij"), "{error}");
    assert!(explorer.run(&query("q=asiel")).waiting_for_index);
}

#[test]
fn before_its_chunks_arrive_a_search_names_them_and_counts_no_text_matches() {
    let explorer = head_explorer();
    let outcome = explorer.run(&query("q=asiel"));
    assert!(!outcome.missing_index_chunks.is_empty());
    assert_eq!(outcome.total, 0);
    assert_eq!(
        explorer.missing_index_chunks("asiel"),
        outcome.missing_index_chunks
    );
}

#[test]
fn filters_without_a_search_text_need_no_chunk() {
    let explorer = head_explorer();
    let whole = Explorer::new(&bundle().corpus, &bundle().index);
    for qs in [
        "",
        "partij=VVD",
        "thema=terugkeer&beantwoord=nee",
        "van=2024-01-01",
    ] {
        let outcome = explorer.run(&query(qs));
        assert!(outcome.missing_index_chunks.is_empty(), "{qs}");
        assert_eq!(outcome, whole.run(&query(qs)), "{qs}");
    }
}

#[test]
fn a_chunk_with_other_bytes_is_refused_with_a_message_naming_it() {
    let explorer = head_explorer();
    let mut bytes = split().chunks[0].bytes.clone();
    bytes[0] ^= 1;
    let error = explorer.add_index_chunk(0, bytes).unwrap_err();
    assert!(error.contains(&head_index().chunks[0].hash), "{error}");
    let short = explorer.add_index_chunk(1, vec![1, 2, 3]).unwrap_err();
    assert!(short.contains("3 bytes"), "{short}");
    assert!(explorer.add_index_chunk(10_000, Vec::new()).is_err());
    let good = split().chunks[0].bytes.clone();
    assert_eq!(explorer.add_index_chunk(0, good.clone()), Ok(true));
    assert_eq!(explorer.add_index_chunk(0, good), Ok(false));
}

#[test]
fn an_index_whose_chunk_table_does_not_fit_its_terms_is_refused() {
    let mut longer = head_index().clone();
    longer.chunks[1].length += 1;
    let explorer = Explorer::waiting_for_index(&head().corpus);
    let error = explorer.set_index(&longer).unwrap_err();
    assert!(error.contains("postings van de zoekindex"), "{error}");
    let mut shuffled = head_index().clone();
    shuffled.chunks[2].first_term = 0;
    let error = explorer.set_index(&shuffled).unwrap_err();
    assert!(error.contains("zoekindexdeel 1"), "{error}");
}

#[test]
fn the_chunks_of_a_search_can_be_found_from_the_first_terms_alone() {
    let first_terms: Vec<&str> = split()
        .chunks
        .iter()
        .map(|c| c.first_term.as_str())
        .collect();
    assert!(
        first_terms.windows(2).all(|w| w[0] < w[1]),
        "first terms in order"
    );
    for qs in QUERIES {
        let q = query(qs);
        let (_, asked) = run_loading_chunks(&q);
        let early = chunks_for_search(&first_terms, &q.text);
        // The chunks holding the typed words themselves are named before the head arrives;
        // compounds and other forms elsewhere are found once it has.
        let search = SearchText::parse(&q.text);
        for word in search
            .words
            .iter()
            .map(|w| &w.folded)
            .chain(search.phrases.iter().flatten())
        {
            let own = first_terms.partition_point(|f| *f <= word.as_str()) - 1;
            assert!(
                early.contains(&own),
                "{qs}: chunk of {word} missing from {early:?}"
            );
        }
        assert!(
            asked.is_empty() || early.iter().any(|c| asked.contains(c)),
            "{qs}: none of {early:?} is among the chunks read, {asked:?}"
        );
    }
}

#[test]
fn the_chunks_of_a_small_index_are_all_prefetched_and_those_of_a_large_one_wait_for_a_search() {
    use briefwissel_corpus::search::index::{chunks_to_prefetch, PREFETCHED_CHUNK_BYTES};
    use briefwissel_corpus::search::PostingChunk;
    // Today's corpus: every chunk of its index, fetched before any search.
    let chunks = &head_index().chunks;
    assert!(chunks.len() > 1, "the build splits the index");
    assert_eq!(chunks_to_prefetch(chunks).len(), chunks.len());
    // Chunks of 1 MB: sixteen together are the limit; one more and none is fetched ahead.
    let of = |n: usize| -> Vec<PostingChunk> {
        (0..n)
            .map(|i| PostingChunk {
                first_term: i as u32,
                length: 1 << 20,
                hash: format!("{i:016x}"),
            })
            .collect()
    };
    assert_eq!(PREFETCHED_CHUNK_BYTES, 16 << 20);
    assert_eq!(chunks_to_prefetch(&of(16)).len(), 16);
    assert!(chunks_to_prefetch(&of(17)).is_empty());
}
