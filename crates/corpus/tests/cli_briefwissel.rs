//! The `briefwissel` binary end to end: export JSON, check reports and exit codes, bad input.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_briefwissel"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn data(rel: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../data/documents")
        .join(rel)
        .display()
        .to_string()
}

fn fixture(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/cli")
        .join(name)
        .display()
        .to_string()
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("briefwissel-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

#[test]
fn export_prints_the_corpus_as_json_with_the_documented_fields() {
    let out = run(&[
        "export",
        &data("kamervragen/kv-003-antwoord-op-vragen-van-het-lid-boswijk-o-pdf.txt"),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("stdout is JSON");
    assert_eq!(v["schema_version"], 5);
    let doc = &v["documents"][0];
    assert_eq!(
        doc["file"],
        "kv-003-antwoord-op-vragen-van-het-lid-boswijk-o-pdf.txt"
    );
    assert_eq!(doc["kind"], "kamervragen_met_antwoord");
    assert_eq!(doc["date"], "2024-11-18");
    let q = &v["questions"][3];
    assert_eq!(q["number"], "4 en 5");
    assert_eq!(q["parties"][0], "CDA");
    assert_eq!(q["askers"][0]["name"], "Boswijk");
    assert_eq!(q["asked_on"], "2024-10-24");
    // "aan de Minister van Buitenlandse Zaken", answered by "Minister Veldkamp (Buitenlandse Zaken)".
    assert_eq!(q["ministries"], serde_json::json!(["bz"]));
    assert_eq!(q["postponed_on"], serde_json::Value::Null);
    // kv-003 names no postponement notice.
    assert_eq!(q["postponed"], false);
    assert_eq!(
        doc["references"]["postponement_aanhangsel"],
        serde_json::Value::Null
    );
    assert!(v["ministries"].as_array().is_some_and(|m| m
        .iter()
        .any(|m| m["id"] == "bz" && m["name"] == "Buitenlandse Zaken")));
    assert!(q["themes"].as_array().is_some_and(|t| !t.is_empty()));
    assert!(q["theme_matches"][0]["words"].is_array());
    // An Aanhangsel prints the question with its answer: one source, in the role of the answer.
    assert_eq!(q["sources"][0]["document_id"], doc["id"]);
    assert_eq!(q["sources"][0]["role"], "antwoord");
    let a = &v["answers"][3];
    assert_eq!(a["question_ids"][0], q["id"]);
    assert_eq!(q["answer_id"], a["id"]);
    assert_eq!(a["answered_on"], "2024-11-18");
    assert!(v["parties"].as_array().is_some_and(|p| p.len() > 15));
    assert!(v["themes"]
        .as_array()
        .is_some_and(|t| t.iter().any(|t| t["id"] == "overig")));
}

#[test]
fn unanswered_questions_export_null_answer_ids_and_null_dates() {
    let out = run(&[
        "export",
        &data("kamervragen/kv-011-vergunningverlening-aan-escortbureaus-docx.txt"),
    ]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert!(v["questions"]
        .as_array()
        .is_some_and(|q| q.iter().all(|q| q["answer_id"].is_null())));
    assert!(v["answers"].as_array().is_some_and(|a| a.is_empty()));
}

#[test]
fn check_reports_kind_counts_and_diagnostics_per_document_and_succeeds_on_the_corpus() {
    let out = run(&["check", &data("kamervragen")]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{text}");
    assert!(text.contains("kv-003-antwoord-op-vragen-van-het-lid-boswijk-o-pdf.txt: Kamervragen met antwoord — 8 vragen (8 beantwoord), 8 antwoorden, 2 voetnoten"), "{text}");
    assert!(
        text.contains("kv-069-antwoord-op-vragen-van-het-lid-kathmann-pdf.txt")
            && text.contains("vraag 7 staat twee keer in het document")
    );
    assert!(text.contains("0 fouten"));
}

#[test]
fn bad_files_get_diagnostics_naming_them_and_the_others_still_parse() {
    let dir = scratch("bad");
    for name in ["empty.txt", "windows1252.txt", "binary.txt"] {
        std::fs::copy(fixture(name), dir.join(name)).expect("copy fixture");
    }
    let kv = data("kamervragen/kv-003-antwoord-op-vragen-van-het-lid-boswijk-o-pdf.txt");
    std::fs::copy(&kv, dir.join("a-copy.txt")).expect("copy");
    std::fs::copy(&kv, dir.join("b-copy.txt")).expect("copy");
    let out = run(&["check", &dir.display().to_string()]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(1),
        "errors give exit code 1: {text}"
    );
    assert!(
        text.contains("empty.txt") && text.contains("het bestand is leeg"),
        "{text}"
    );
    assert!(
        text.contains("binary.txt") && text.contains("binaire gegevens"),
        "{text}"
    );
    assert!(
        text.contains("windows1252.txt") && text.contains("Windows-1252"),
        "{text}"
    );
    assert!(
        text.contains("b-copy.txt") && text.contains("dezelfde inhoud als a-copy.txt"),
        "{text}"
    );
    assert!(
        text.contains("a-copy.txt: Kamervragen met antwoord — 8 vragen"),
        "{text}"
    );
    let export = run(&["export", &dir.display().to_string()]);
    let v: serde_json::Value = serde_json::from_slice(&export.stdout).expect("JSON");
    let q = v["questions"].as_array().expect("questions");
    assert!(q
        .iter()
        .any(|q| q["text"].as_str().is_some_and(|t| t.contains("btw stijgt"))));
    assert!(v["documents"].as_array().is_some_and(|d| d
        .iter()
        .any(|d| d["title"].as_str().is_some_and(|t| t.contains("Financiën")))));
}

#[test]
fn usage_errors_and_missing_paths_exit_with_2_and_a_message() {
    let out = run(&[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("usage"));
    let out = run(&["frobnicate", "x"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown command"));
    let out = run(&["export", "/no/such/folder"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/no/such/folder"));
}

#[test]
fn artifact_with_steps_writes_the_same_artifact_and_times_each_step_of_the_build_in_order() {
    let dir = scratch("steps");
    let (plain, timed) = (dir.join("plain.bin"), dir.join("timed.bin"));
    let folder = data("originals");
    let out = run(&["artifact", &plain.display().to_string(), &folder]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!String::from_utf8_lossy(&out.stderr).contains("steps_ms"));
    let started = std::time::Instant::now();
    let out = run(&["artifact", "--steps", &timed.display().to_string(), &folder]);
    let wall_ms = started.elapsed().as_secs_f64() * 1000.0;
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        std::fs::read(&plain).expect("plain artifact"),
        std::fs::read(&timed).expect("timed artifact"),
        "--steps changes nothing in what is written"
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    let line = stderr
        .lines()
        .find(|l| l.starts_with("{\"steps_ms\""))
        .unwrap_or_else(|| panic!("no steps line in {stderr}"));
    let json: serde_json::Value = serde_json::from_str(line).expect("one JSON line");
    let steps = json["steps_ms"].as_array().expect("a list of steps");
    let names: Vec<&str> = steps.iter().map(|s| s[0].as_str().unwrap_or("")).collect();
    assert_eq!(
        names,
        [
            "built-in data, find and load the files",
            "read and parse each file",
            "duplicates and glued words",
            "link question sets",
            "question facts and themes",
            "member parties and report notes",
            "free the parse's working data",
            "search index",
            "encode the artifact",
            "write the files, free the artifact",
        ]
    );
    // Each step is timed from the end of the one before: together they fit in the process's run
    // (a step timed from the start again, or twice, would not).
    let sum: f64 = steps.iter().filter_map(|s| s[1].as_f64()).sum();
    assert_eq!(
        steps.iter().filter(|s| s[1].as_f64().is_some()).count(),
        steps.len()
    );
    assert!(sum <= wall_ms, "steps {sum} ms in a run of {wall_ms} ms");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn steps_elsewhere_than_right_after_artifact_is_a_usage_error() {
    for args in [
        vec!["check", "--steps", "x"],
        vec!["artifact", "out.bin", "--steps", "x"],
    ] {
        let out = run(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("--steps goes right after artifact"));
    }
}
