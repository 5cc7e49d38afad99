//! Documents a reader adds in the browser are read as the build reads them, join the published sets of questions they belong to, and are named when they are already published or cannot be read.

mod common;

use briefwissel_corpus::model::{Corpus, SourceRole};
use briefwissel_corpus::own_documents::{add_documents, is_own, Outcome};
use briefwissel_corpus::parse::sources::{SourceFile, Sources};
use briefwissel_corpus::parse::{parse_sources, ParseOutput};
use briefwissel_corpus::Date;
use std::sync::OnceLock;

/// The file names (parts) of the set of zaak 2024Z18792: kv-034 asks (Boswijk, CDA, 19 november
/// 2024, Vraag 1–5), kv-055 is the answer letter of 20 november 2024 that repeats Vraag 1–5.
const ASKING: &str = "kv-034-de-ontkoppeling-van-ontwikkelingshulp";
const ANSWERING: &str = "kv-055-antwoord-op-vragen-van-het-lid-boswijk";

fn published() -> &'static ParseOutput {
    static OUT: OnceLock<ParseOutput> = OnceLock::new();
    OUT.get_or_init(common::parsed_corpus)
}

/// The data folder without the files whose names contain one of `left_out`, parsed as the build does.
fn published_without(left_out: &[&str]) -> Corpus {
    let files = common::data_files()
        .into_iter()
        .filter(|f| !left_out.iter().any(|l| f.name.contains(l)))
        .collect();
    parse_sources(Sources {
        files,
        skipped: Vec::new(),
    })
    .expect("the registry files are sound")
    .corpus
}

fn data_file(part: &str) -> SourceFile {
    let mut found: Vec<SourceFile> = common::data_files()
        .into_iter()
        .filter(|f| f.name.contains(part))
        .collect();
    assert_eq!(found.len(), 1, "one data file is named like {part}");
    found.remove(0)
}

fn file(name: &str, bytes: &[u8]) -> SourceFile {
    SourceFile {
        name: name.into(),
        shown: name.into(),
        bytes: bytes.to_vec(),
    }
}

#[test]
fn adding_nothing_leaves_the_published_corpus_exactly_as_the_build_made_it() {
    let corpus = &published().corpus;
    let added = add_documents(corpus, Vec::new(), &mut |_| {}).unwrap();
    assert!(added.files.is_empty());
    common::assert_same_json(
        &serde_json::to_string(&added.corpus).unwrap(),
        &serde_json::to_string(corpus).unwrap(),
        "the corpus after adding nothing",
    );
}

#[test]
fn an_answer_letter_added_beside_its_published_questions_answers_them_and_adds_no_question() {
    let corpus = published_without(&[ANSWERING]);
    let before = corpus.questions.len();
    let added = add_documents(&corpus, vec![data_file(ANSWERING)], &mut |_| {}).unwrap();
    let [outcome] = &added.files[..] else {
        panic!("one outcome: {:?}", added.files)
    };
    let Outcome::Added {
        document_id,
        questions,
    } = &outcome.result
    else {
        panic!("{outcome:?}")
    };
    assert!(is_own(document_id), "{document_id}");
    assert_eq!(*questions, 0, "Vraag 1–5 are the published questions");
    assert_eq!(added.corpus.questions.len(), before);
    let asking: Vec<_> = added
        .corpus
        .questions
        .iter()
        .filter(|q| q.document_id.contains(ASKING))
        .collect();
    assert_eq!(asking.len(), 5);
    for q in asking {
        let answer_id = q
            .answer_id
            .as_deref()
            .expect("answered by the added letter");
        let answer = added.corpus.answers.iter().find(|a| a.id == answer_id);
        let answer = answer.expect("the answer is in the corpus");
        assert_eq!(&answer.document_id, document_id);
        assert_eq!(answer.answered_on, Date::parse_iso("2024-11-20"));
        let roles: Vec<SourceRole> = q.sources.iter().map(|s| s.role).collect();
        assert_eq!(
            roles,
            [SourceRole::Vragen, SourceRole::Antwoord],
            "{}",
            q.id
        );
        assert_eq!(&q.sources[1].document_id, document_id);
    }
}

#[test]
fn an_answer_letter_without_its_questions_document_brings_its_five_questions() {
    let corpus = published_without(&[ASKING, ANSWERING]);
    let before = corpus.questions.len();
    let added = add_documents(&corpus, vec![data_file(ANSWERING)], &mut |_| {}).unwrap();
    let Outcome::Added { questions, .. } = &added.files[0].result else {
        panic!("{:?}", added.files)
    };
    assert_eq!(*questions, 5);
    assert_eq!(added.corpus.questions.len(), before + 5);
    let own: Vec<_> = added
        .corpus
        .questions
        .iter()
        .filter(|q| is_own(&q.id))
        .collect();
    let numbers: Vec<&str> = own.iter().map(|q| q.number.as_str()).collect();
    assert_eq!(numbers, ["1", "2", "3", "4", "5"]);
    assert!(own.iter().all(|q| q.answer_id.is_some()));
    assert!(own.iter().all(|q| q
        .askers
        .iter()
        .any(|a| a.name.as_deref() == Some("Boswijk"))));
}

#[test]
fn every_file_of_the_data_folder_added_again_is_named_as_already_in_briefwissel() {
    let build = published();
    let files = common::data_files();
    let names: Vec<String> = files.iter().map(|f| f.name.clone()).collect();
    let added = add_documents(&build.corpus, files, &mut |_| {}).unwrap();
    common::assert_same_json(
        &serde_json::to_string(&added.corpus).unwrap(),
        &serde_json::to_string(&build.corpus).unwrap(),
        "nothing is added twice",
    );
    for (name, outcome) in names.iter().zip(&added.files) {
        assert_eq!(&outcome.name, name);
        let Outcome::AlreadyPublished { document_id, .. } = &outcome.result else {
            panic!("{name}: {outcome:?}")
        };
        // A document the build kept from this very file is the one named.
        if let Some(kept) = build.corpus.documents.iter().find(|d| &d.file == name) {
            assert_eq!(document_id, &kept.id, "{name}");
        }
    }
}

#[test]
fn files_read_on_their_own_give_the_build_s_documents_under_own_ids() {
    let build = published();
    let added = add_documents(&Corpus::default(), common::data_files(), &mut |_| {}).unwrap();
    let own = &added.corpus;
    assert_eq!(own.documents.len(), build.corpus.documents.len());
    assert_eq!(own.questions.len(), build.corpus.questions.len());
    assert_eq!(own.answers.len(), build.corpus.answers.len());
    for q in &build.corpus.questions {
        let twin = own
            .questions
            .iter()
            .find(|o| o.id == format!("eigen-{}", q.id));
        let twin = twin.unwrap_or_else(|| panic!("{} is read as an own question", q.id));
        assert_eq!(
            (&twin.number, &twin.text, &twin.parties, &twin.themes),
            (&q.number, &q.text, &q.parties, &q.themes)
        );
        assert_eq!(twin.asked_on, q.asked_on, "{}", q.id);
        assert_eq!(
            twin.answer_id.as_deref(),
            q.answer_id
                .as_ref()
                .map(|a| format!("eigen-{a}"))
                .as_deref(),
            "{}",
            q.id
        );
    }
    for a in &build.corpus.answers {
        let twin = own
            .answers
            .iter()
            .find(|o| o.id == format!("eigen-{}", a.id));
        let twin = twin.unwrap_or_else(|| panic!("{} is read as an own answer", a.id));
        assert_eq!(twin.text, a.text, "{}", a.id);
    }
}

#[test]
fn a_bad_file_is_refused_with_the_build_s_message_and_the_good_one_beside_it_is_added() {
    let old_word = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 oud Word-bestand";
    let build = parse_sources(Sources {
        files: vec![file("antwoord.doc", old_word), file("leeg.txt", b"  \n\n")],
        skipped: Vec::new(),
    })
    .unwrap();
    let corpus = published_without(&[ASKING, ANSWERING]);
    let added = add_documents(
        &corpus,
        vec![
            file("antwoord.doc", old_word),
            data_file(ANSWERING),
            file("leeg.txt", b"  \n\n"),
        ],
        &mut |_| {},
    )
    .unwrap();
    let results: Vec<&Outcome> = added.files.iter().map(|f| &f.result).collect();
    let Outcome::Refused(doc) = results[0] else {
        panic!("{results:?}")
    };
    assert_eq!(doc, &build.diagnostics[0].to_string());
    assert!(
        doc.starts_with("antwoord.doc") && doc.contains(".docx"),
        "{doc}"
    );
    assert!(matches!(results[1], Outcome::Added { questions: 5, .. }));
    let Outcome::Refused(empty) = results[2] else {
        panic!("{results:?}")
    };
    assert_eq!(empty, "leeg.txt: error: het bestand is leeg; niet verwerkt");
    // The reason is the refusal's own line, not repeated in the notes under it.
    assert!(added.files[0].messages.is_empty(), "{:?}", added.files[0]);
    assert!(added.files[2].messages.is_empty(), "{:?}", added.files[2]);
}

#[test]
fn the_build_refuses_a_data_file_whose_name_marks_an_own_document() {
    let dir = std::env::temp_dir().join(format!("briefwissel-eigen-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("Eigen-brief.txt"),
        "Geachte Voorzitter,\n\nTekst.\n",
    )
    .unwrap();
    let out = briefwissel_corpus::parse::parse_paths(std::slice::from_ref(&dir)).unwrap();
    std::fs::remove_dir_all(&dir).ok();
    assert!(out.corpus.documents.is_empty());
    let [said] = &out.diagnostics[..] else {
        panic!("{:?}", out.diagnostics)
    };
    assert_eq!(said.severity, briefwissel_corpus::Severity::Error);
    assert!(said.message.contains("Eigen-brief.txt"), "{}", said.message);
    assert!(said.message.contains("hernoem"), "{}", said.message);
}
