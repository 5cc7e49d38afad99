//! The texts of a split artifact: taken out of the head into shards, read back whole, asked for only where they are needed, and refused when they do not belong.

use briefwissel_corpus::artifact::{decode, decode_text_shard, encode_split, Bundle};
use briefwissel_corpus::explore::Explorer;
use briefwissel_corpus::export_csv::{questions_csv, questions_json};
use briefwissel_corpus::parse::parse_paths;
use briefwissel_corpus::query::parse_query_string;
use briefwissel_corpus::texts::{fill_texts, split_texts, Texts};
use briefwissel_corpus::{Block, Corpus};
use std::path::Path;
use std::sync::OnceLock;

/// Small shards, so that today's corpus (some 66 documents) is split into many.
const SHARD_BYTES: usize = 16 * 1024;

fn corpus() -> &'static Corpus {
    static CORPUS: OnceLock<Corpus> = OnceLock::new();
    CORPUS.get_or_init(|| {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/documents");
        parse_paths(&[dir]).expect("the real corpus parses").corpus
    })
}

fn all_strings(corpus: &Corpus) -> usize {
    let blocks = corpus
        .documents
        .iter()
        .flat_map(|d| &d.sections)
        .flat_map(|s| &s.blocks);
    let block_bytes: usize = blocks
        .map(|b| match b {
            Block::Paragraph(p) => p.len(),
            Block::List(items) => items.iter().map(String::len).sum(),
            _ => 0,
        })
        .sum();
    block_bytes
        + corpus.questions.iter().map(|q| q.text.len()).sum::<usize>()
        + corpus.answers.iter().map(|a| a.text.len()).sum::<usize>()
        + corpus
            .documents
            .iter()
            .flat_map(|d| &d.footnotes)
            .map(|f| f.text.len())
            .sum::<usize>()
}

#[test]
fn the_head_keeps_how_many_sections_a_document_has_and_nothing_only_its_cards_or_page_show() {
    let split = split_texts(corpus(), SHARD_BYTES);
    assert_eq!(all_strings(&split.head), 0);
    assert!(all_strings(corpus()) > 0, "today's corpus has texts");
    for (head, whole) in split.head.documents.iter().zip(&corpus().documents) {
        // The search index counts a document's parts by its sections.
        assert_eq!(head.sections.len(), whole.sections.len(), "{}", whole.id);
        assert!(
            head.sections
                .iter()
                .all(|s| s.heading.is_none() && s.blocks.is_empty()),
            "{}",
            whole.id
        );
        assert!(
            head.footnotes.is_empty() && head.links.is_empty(),
            "{}",
            whole.id
        );
    }
    // Today's corpus has themes given for words, questions repeated in answer letters, askers,
    // addressees and who answered; the head has none of them (they come with the texts).
    let questions = &corpus().questions;
    assert!(questions.iter().any(|q| !q.theme_matches.is_empty()));
    assert!(questions.iter().any(|q| q.sources.len() > 1));
    assert!(questions
        .iter()
        .any(|q| !q.askers.is_empty() && q.addressed_to.is_some()));
    assert!(corpus().answers.iter().any(|a| a.answered_by.is_some()));
    for q in &split.head.questions {
        let shown = !q.theme_matches.is_empty() || !q.sources.is_empty() || !q.askers.is_empty();
        assert!(!shown && q.addressed_to.is_none(), "{}", q.id);
    }
    assert!(split.head.answers.iter().all(|a| a.answered_by.is_none()));
}

#[test]
fn the_shards_put_back_give_the_whole_corpus() {
    let split = split_texts(corpus(), SHARD_BYTES);
    assert!(split.shards.len() > 10, "{} shards", split.shards.len());
    let mut head = split.head;
    for (file, (_, bytes)) in split.table.files.iter().zip(&split.shards) {
        let shard = decode_text_shard(file, bytes).expect("the shard decodes");
        fill_texts(&mut head, shard).expect("the shard fits");
    }
    assert_eq!(&head, corpus());
}

#[test]
fn the_last_shard_holds_the_texts_of_the_start_page_s_first_card() {
    // The list opens newest first (latest asked_on, ties by id): its first card's question and
    // answer texts are in the last shard, where documents are packed oldest first.
    let split = split_texts(corpus(), SHARD_BYTES);
    let last = split.shards.len() as u32 - 1;
    let first = corpus()
        .questions
        .iter()
        .filter(|q| q.asked_on.is_some())
        .max_by(|a, b| a.asked_on.cmp(&b.asked_on).then_with(|| b.id.cmp(&a.id)))
        .expect("dated questions");
    let document = |id: &str| {
        corpus()
            .documents
            .iter()
            .position(|d| d.id == id)
            .expect("its document")
    };
    assert_eq!(
        split.table.document_shard[document(&first.document_id)],
        last
    );
    let answer = corpus()
        .answers
        .iter()
        .find(|a| Some(&a.id) == first.answer_id.as_ref());
    if let Some(answer) = answer {
        assert_eq!(
            split.table.document_shard[document(&answer.document_id)],
            last
        );
    }
}

#[test]
fn a_document_newer_than_all_others_changes_only_the_last_shards() {
    // A new written question (the newest asked date) is what a corpus update mostly brings: the
    // shards before it keep their bytes, so a reader's copy downloads little again.
    let newest = corpus()
        .documents
        .iter()
        .filter(|d| {
            corpus()
                .questions
                .iter()
                .any(|q| q.document_id == d.id && q.asked_on.is_some())
        })
        .max_by_key(|d| {
            let asked = corpus().questions.iter().filter(|q| q.document_id == d.id);
            asked.filter_map(|q| q.asked_on).max()
        })
        .expect("a document with dated questions");
    let mut without = corpus().clone();
    without.documents.retain(|d| d.id != newest.id);
    without.questions.retain(|q| q.document_id != newest.id);
    without.answers.retain(|a| a.document_id != newest.id);
    let before = split_texts(&without, SHARD_BYTES).table.files;
    let after = split_texts(corpus(), SHARD_BYTES).table.files;
    let kept = before
        .iter()
        .zip(&after)
        .take_while(|(a, b)| a == b)
        .count();
    assert!(
        kept + 2 >= before.len(),
        "{kept} of {} shards kept",
        before.len()
    );
}

#[test]
fn a_text_waits_for_its_shard_and_reads_the_same_once_it_is_there() {
    let split = split_texts(corpus(), SHARD_BYTES);
    let texts = Texts::sharded(&split.head, split.table.clone()).expect("the table fits");
    let q = corpus()
        .questions
        .iter()
        .position(|q| {
            let given_by = |a: &&briefwissel_corpus::Answer| Some(&a.id) == q.answer_id.as_ref();
            let answer = corpus().answers.iter().find(given_by);
            let shown = !q.text.is_empty() && !q.askers.is_empty() && !q.sources.is_empty();
            shown && !q.theme_matches.is_empty() && answer.is_some_and(|a| a.answered_by.is_some())
        })
        .expect("an answered question with askers, themes' words and who answered it");
    let d = corpus()
        .documents
        .iter()
        .position(|d| d.id == corpus().questions[q].document_id)
        .expect("its document");
    let shard = split.table.document_shard[d] as usize;
    assert_eq!(texts.question(q), Err(shard));
    assert_eq!(texts.question_details(q).map(|_| ()), Err(shard));
    assert_eq!(texts.document(d).map(|_| ()), Err(shard));
    let decoded = decode_text_shard(&split.table.files[shard], &split.shards[shard].1).unwrap();
    assert_eq!(texts.add_shard(shard, decoded.clone()), Ok(true));
    assert_eq!(texts.add_shard(shard, decoded), Ok(false), "once is enough");
    assert_eq!(texts.question(q), Ok(corpus().questions[q].text.as_str()));
    let details = texts.question_details(q).expect("arrived");
    assert_eq!(
        details.theme_matches,
        &corpus().questions[q].theme_matches[..]
    );
    assert_eq!(details.sources, &corpus().questions[q].sources[..]);
    assert_eq!(details.askers, &corpus().questions[q].askers[..]);
    let answer = (corpus().answers.iter())
        .position(|a| Some(&a.id) == corpus().questions[q].answer_id.as_ref())
        .expect("its answer");
    let by = texts.answered_by_of(&split.head.answers[answer]);
    assert_eq!(by, Ok(corpus().answers[answer].answered_by.as_deref()));
    let (sections, footnotes) = texts.document(d).expect("arrived");
    assert_eq!(sections, &corpus().documents[d].sections[..]);
    assert_eq!(footnotes, &corpus().documents[d].footnotes[..]);
}

#[test]
fn a_shard_of_other_documents_or_damaged_bytes_is_refused() {
    let split = split_texts(corpus(), SHARD_BYTES);
    let texts = Texts::sharded(&split.head, split.table.clone()).expect("the table fits");
    let first = decode_text_shard(&split.table.files[0], &split.shards[0].1).unwrap();
    let refused = texts
        .add_shard(1, first)
        .expect_err("shard 0's documents are not shard 1's");
    assert!(
        refused.contains("tekstdeel 1 hoort niet bij dit corpus"),
        "{refused}"
    );
    assert!(!texts.has_shard(1) && !texts.has_shard(0));
    let mut bytes = split.shards[0].1.clone();
    bytes.pop();
    let short = decode_text_shard(&split.table.files[0], &bytes).expect_err("a byte short");
    assert!(
        short.contains("bytes") && short.contains(&split.table.files[0].hash),
        "{short}"
    );
    let mut smaller = split.head.clone();
    smaller.documents.pop();
    assert!(
        Texts::sharded(&smaller, split.table).is_err(),
        "a table for more documents"
    );
}

#[test]
fn a_phrase_search_on_the_head_asks_for_the_shards_of_its_candidates_and_then_finds_what_the_whole_corpus_finds(
) {
    let whole = Bundle::build(corpus().clone());
    let split = encode_split(&whole, 64 * 1024, SHARD_BYTES);
    let head = decode(&split.head).expect("the head decodes");
    let table = head.text_table.clone().expect("the head names its texts");
    let expected = Explorer::new(&whole.corpus, &whole.index);
    // Three words: the indexed word pairs narrow the candidates, their texts are read. The phrase
    // is only in kv-003's answer; the second search leaves out what has it.
    for qs in [
        "q=%22het+Internationaal+Strafhof%22",
        "q=Strafhof+-%22het+Internationaal+Strafhof%22",
    ] {
        let explorer = Explorer::new(&head.corpus, &whole.index)
            .with_text_table(table.clone())
            .expect("the table fits");
        let query = parse_query_string(qs, corpus()).0;
        let first = explorer.run(&query);
        assert!(
            !first.missing_text_shards.is_empty() && !first.is_complete(),
            "{qs}"
        );
        assert!(
            first.missing_text_shards.len() < split.texts.len(),
            "{qs}: only the candidates' shards"
        );
        for &s in &first.missing_text_shards {
            let texts =
                decode_text_shard(&explorer.texts().files()[s], &split.texts[s].bytes).unwrap();
            assert_eq!(explorer.texts().add_shard(s, texts), Ok(true));
        }
        let after = explorer.run(&query);
        assert!(after.is_complete(), "{qs}");
        let whole_outcome = expected.run(&query);
        assert_eq!(after.questions, whole_outcome.questions, "{qs}");
        assert_eq!(after.document_hits, whole_outcome.document_hits, "{qs}");
    }
    let explorer = Explorer::new(&head.corpus, &whole.index)
        .with_text_table(table)
        .unwrap();
    let phrase = parse_query_string("q=%22het+Internationaal+Strafhof%22", corpus()).0;
    for &s in &explorer.run(&phrase).missing_text_shards {
        let texts = decode_text_shard(&explorer.texts().files()[s], &split.texts[s].bytes).unwrap();
        explorer.texts().add_shard(s, texts).unwrap();
    }
    let found = explorer.run(&phrase);
    assert!(found.total > 0);
    for &q in &found.questions {
        let id = &corpus().questions[q as usize].document_id;
        assert!(
            id.starts_with("kv-003-"),
            "{id}: the phrase is only in kv-003"
        );
    }
    let filters = explorer.run(&parse_query_string("partij=PVV", corpus()).0);
    assert!(filters.is_complete(), "filters never wait for texts");
}

#[test]
fn a_shard_that_lacks_a_text_or_names_a_document_that_is_not_there_is_refused() {
    let split = split_texts(corpus(), SHARD_BYTES);
    let last = split.shards.len() - 1;
    let mut shard = decode_text_shard(&split.table.files[last], &split.shards[last].1).unwrap();
    let with_questions = shard
        .iter()
        .position(|t| !t.questions.is_empty())
        .expect("the newest questions");
    shard[with_questions].questions.pop();
    let mut head = split.head.clone();
    let lacking = fill_texts(&mut head, shard.clone()).expect_err("one question text short");
    assert!(
        lacking.contains("de tekst van een vraag ontbreekt"),
        "{lacking}"
    );
    shard[with_questions].questions.clear();
    shard[with_questions].document = "kv-999-bestaat-niet".into();
    let mut head = split.head;
    let unknown = fill_texts(&mut head, shard).expect_err("a document that is not there");
    assert!(unknown.contains("dat er niet is"), "{unknown}");
}

#[test]
fn an_export_from_the_head_names_the_shards_it_needs_and_then_equals_the_whole_corpus_s() {
    let split = split_texts(corpus(), SHARD_BYTES);
    let index = briefwissel_corpus::search::SearchIndex::build(corpus());
    let explorer = Explorer::new(&split.head, &index)
        .with_text_table(split.table.clone())
        .expect("the table fits");
    let answered = explorer.run(&parse_query_string("beantwoord=ja", corpus()).0);
    let needed = explorer.text_shards_of(&answered.questions);
    assert!(!needed.is_empty());
    let texts = explorer.texts();
    assert!(
        questions_csv(texts, &answered.questions).is_err(),
        "texts missing"
    );
    for &s in &needed {
        let decoded = decode_text_shard(&split.table.files[s], &split.shards[s].1).unwrap();
        texts.add_shard(s, decoded).expect("fits");
    }
    assert!(explorer.text_shards_of(&answered.questions).is_empty());
    let whole = Texts::inline(corpus());
    assert_eq!(
        questions_csv(texts, &answered.questions),
        questions_csv(&whole, &answered.questions)
    );
    assert_eq!(
        questions_json(texts, &answered.questions),
        questions_json(&whole, &answered.questions)
    );
}
