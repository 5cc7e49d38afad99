//! The `briefwissel` command line: `export` the parsed corpus as JSON, `check` documents for problems, `search` them.

use briefwissel_corpus::explore::Explorer;
use briefwissel_corpus::parse::{parse_paths_in_steps, ParseOutput};
use briefwissel_corpus::query::{Query, Sort};
use briefwissel_corpus::report::ParseReport;
use briefwissel_corpus::search::SearchIndex;
use briefwissel_corpus::Severity;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// Parsing a corpus allocates a lot: see [`briefwissel_corpus::BuildAllocator`].
#[global_allocator]
static ALLOCATOR: briefwissel_corpus::BuildAllocator = briefwissel_corpus::BuildAllocator;

const USAGE: &str = "usage: briefwissel export PATH...   print the parsed corpus as JSON
       briefwissel check PATH...    report per document what was found and what looks wrong
       briefwissel artifact [--steps] OUT PATH...
                                    write the corpus artifact as the site ships it: its head
                                    to OUT, its index files and text shards (zoekindex-*.bin,
                                    tekst-*.bin) next to OUT; --steps prints how long each
                                    step took (milliseconds, one JSON line on stderr)
       briefwissel search PATH... -- QUERY...
                                    print, per search text, the matching question and
                                    document ids in order of relevance (JSON)

PATH is a .txt, .pdf or .docx file, or a folder (searched recursively for them; other
files in it are named in a warning).";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((command, rest)) = args.split_first() else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    if matches!(command.as_str(), "-h" | "--help" | "help") {
        println!("{USAGE}");
        return ExitCode::SUCCESS;
    }
    let known = matches!(command.as_str(), "export" | "check" | "search" | "artifact");
    if rest.is_empty() || !known {
        if !known {
            eprintln!("briefwissel: unknown command \"{command}\"");
        } else {
            eprintln!("briefwissel: {command} needs at least one PATH");
        }
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    }
    let (rest, queries) = match rest.iter().position(|a| a == "--") {
        Some(i) => (&rest[..i], &rest[i + 1..]),
        None => (rest, &rest[rest.len()..]),
    };
    let timed = command == "artifact" && rest.first().is_some_and(|a| a == "--steps");
    let rest = if timed { &rest[1..] } else { rest };
    if rest.iter().any(|a| a == "--steps") {
        eprintln!("briefwissel: --steps goes right after artifact\n{USAGE}");
        return ExitCode::from(2);
    }
    let (out_file, rest) = match (command.as_str(), rest.split_first()) {
        ("artifact", Some((out_file, paths))) if !paths.is_empty() => (Some(out_file), paths),
        ("artifact", _) => {
            eprintln!("briefwissel: artifact needs OUT and at least one PATH\n{USAGE}");
            return ExitCode::from(2);
        }
        _ => (None, rest),
    };
    let paths: Vec<PathBuf> = rest.iter().map(PathBuf::from).collect();
    let mut steps = StepTimes::new();
    let out = match parse_paths_in_steps(&paths, &mut |step| steps.done(step)) {
        Ok(o) => o,
        Err(e) => {
            eprintln!("briefwissel: {e}");
            return ExitCode::from(2);
        }
    };
    match command.as_str() {
        "export" => export(&out),
        "search" => search(&out, queries),
        "artifact" => {
            let code = artifact(out, out_file.map_or("", |f| f.as_str()), &mut steps);
            if timed {
                eprintln!("{}", steps.json());
            }
            code
        }
        _ => check(&out),
    }
}

/// Writes the artifact the app loads for these documents, split as build.rs splits it: the head
/// to `file`, the index files and text shards next to it.
fn artifact(out: ParseOutput, file: &str, steps: &mut StepTimes) -> ExitCode {
    use briefwissel_corpus::artifact::{encode_split, Bundle, CHUNK_TARGET_BYTES};
    use briefwissel_corpus::texts::TEXT_SHARD_TARGET_BYTES;
    // The diagnostics, line fates and vocabulary go here, not after the last step.
    let corpus = { out }.corpus;
    steps.done("free the parse's working data");
    let bundle = Bundle::build(corpus);
    steps.done("search index");
    let split = encode_split(&bundle, CHUNK_TARGET_BYTES, TEXT_SHARD_TARGET_BYTES);
    steps.done("encode the artifact");
    let dir = std::path::Path::new(file)
        .parent()
        .unwrap_or(std::path::Path::new(""));
    let parts = std::iter::once(&split.index)
        .chain(&split.chunks)
        .chain(&split.texts)
        .map(|part| (dir.join(&part.file_name), &part.bytes));
    for (path, bytes) in std::iter::once((PathBuf::from(file), &split.head)).chain(parts) {
        if let Err(e) = std::fs::write(&path, bytes) {
            eprintln!("briefwissel: cannot write {}: {e}", path.display());
            return ExitCode::from(2);
        }
    }
    drop((split, bundle));
    steps.done("write the files, free the artifact");
    ExitCode::SUCCESS
}

/// How long each step of a build took, in order: `{"steps_ms":[["read and parse each file",1203.4],…]}`.
struct StepTimes {
    last: std::time::Instant,
    steps: Vec<(&'static str, f64)>,
}

impl StepTimes {
    fn new() -> StepTimes {
        StepTimes {
            last: std::time::Instant::now(),
            steps: Vec::new(),
        }
    }

    fn done(&mut self, step: &'static str) {
        let now = std::time::Instant::now();
        let ms = (now - self.last).as_secs_f64() * 1000.0;
        self.steps.push((step, (ms * 10.0).round() / 10.0));
        self.last = now;
    }

    fn json(&self) -> String {
        serde_json::json!({ "steps_ms": self.steps }).to_string()
    }
}

fn export(out: &ParseOutput) -> ExitCode {
    for d in &out.diagnostics {
        if d.severity == Severity::Error {
            eprintln!("{d}");
        }
    }
    let json = match serde_json::to_string_pretty(&out.corpus) {
        Ok(j) => j,
        Err(e) => {
            eprintln!("briefwissel: cannot write JSON: {e}");
            return ExitCode::from(2);
        }
    };
    let mut stdout = std::io::stdout().lock();
    if writeln!(stdout, "{json}").is_err() {
        return ExitCode::from(2);
    }
    ExitCode::SUCCESS
}

fn search(out: &ParseOutput, queries: &[String]) -> ExitCode {
    let corpus = &out.corpus;
    let index = SearchIndex::build(corpus);
    let explorer = Explorer::new(corpus, &index);
    let results: Vec<serde_json::Value> = queries
        .iter()
        .map(|text| {
            let outcome = explorer.run(&Query {
                text: text.clone(),
                sort: Sort::Relevance,
                ..Query::default()
            });
            serde_json::json!({
                "query": text,
                "questions": outcome.questions.iter()
                    .map(|&q| corpus.questions[q as usize].id.as_str()).collect::<Vec<_>>(),
                "documents": outcome.document_hits.iter()
                    .map(|h| corpus.documents[h.document as usize].id.as_str()).collect::<Vec<_>>(),
                "suggestion": outcome.suggestion,
            })
        })
        .collect();
    match serde_json::to_string_pretty(&results) {
        Ok(json) if writeln!(std::io::stdout().lock(), "{json}").is_ok() => ExitCode::SUCCESS,
        _ => ExitCode::from(2),
    }
}

/// The full parse report (the same as the site's Verantwoording page); exit code 1 when any
/// document has an error (a file, or part of one, that could not be read).
fn check(out: &ParseOutput) -> ExitCode {
    let report = ParseReport::new(out);
    if write!(
        std::io::stdout().lock(),
        "{}",
        report.full_text(&out.corpus)
    )
    .is_err()
    {
        return ExitCode::from(2);
    }
    if report.count(Severity::Error) > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
