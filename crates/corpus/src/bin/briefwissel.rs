//! The `briefwissel` command line: `export` the parsed corpus as JSON, `check` documents for problems, `search` them.

use briefwissel_corpus::explore::Explorer;
use briefwissel_corpus::parse::{parse_paths, LineFate, ParseOutput};
use briefwissel_corpus::query::{Query, Sort};
use briefwissel_corpus::search::SearchIndex;
use briefwissel_corpus::{Diagnostic, Severity};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage: briefwissel export PATH...   print the parsed corpus as JSON
       briefwissel check PATH...    report per document what was found and what looks wrong
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
    if rest.is_empty() || !matches!(command.as_str(), "export" | "check" | "search") {
        if !matches!(command.as_str(), "export" | "check" | "search") {
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
    let paths: Vec<PathBuf> = rest.iter().map(PathBuf::from).collect();
    let out = match parse_paths(&paths) {
        Ok(o) => o,
        Err(e) => {
            eprintln!("briefwissel: cannot read {e}");
            return ExitCode::from(2);
        }
    };
    match command.as_str() {
        "export" => export(&out),
        "search" => search(&out, queries),
        _ => check(&out),
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

fn check(out: &ParseOutput) -> ExitCode {
    let c = &out.corpus;
    let mut stdout = std::io::stdout().lock();
    let mut report = String::new();
    for d in &c.documents {
        let questions = c.questions.iter().filter(|q| q.document_id == d.id).count();
        let answered = c
            .questions
            .iter()
            .filter(|q| q.document_id == d.id && q.answer_id.is_some())
            .count();
        let answers = c.answers.iter().filter(|a| a.document_id == d.id).count();
        report.push_str(&format!(
            "{}{}: {} — {} questions ({} answered), {} answers, {} footnotes, {} sections, {} links, date {}\n",
            d.file,
            d.pages.map(|p| format!(" ({p} pages)")).unwrap_or_default(),
            d.kind.slug(),
            questions,
            answered,
            answers,
            d.footnotes.len(),
            d.sections.len(),
            d.links.len(),
            d.date.map(|x| x.to_string()).unwrap_or_else(|| "unknown".into()),
        ));
        let fates = out
            .line_fates
            .iter()
            .find(|(id, _)| *id == d.id)
            .map(|(_, f)| f.as_slice())
            .unwrap_or(&[]);
        let boiler = fates
            .iter()
            .filter(|f| matches!(f, LineFate::Boilerplate(_)))
            .count();
        let meta = fates
            .iter()
            .filter(|f| matches!(f, LineFate::Metadata(_)))
            .count();
        let text = fates
            .iter()
            .filter(|f| matches!(f, LineFate::Text(_)))
            .count();
        let repeated = fates
            .iter()
            .filter(|f| matches!(f, LineFate::RepeatedQuestion(_)))
            .count();
        report.push_str(&format!(
            "  lines: {} ({} text, {} metadata, {} boilerplate, {} repeated questions)\n",
            fates.len(),
            text,
            meta,
            boiler,
            repeated
        ));
        for diag in out.diagnostics.iter().filter(|x| x.file == d.file) {
            report.push_str(&format!("  {}\n", short(diag)));
        }
    }
    // Diagnostics about files that did not become documents.
    for diag in &out.diagnostics {
        if !c.documents.iter().any(|d| d.file == diag.file) {
            report.push_str(&format!("{diag}\n"));
        }
    }
    let errors = out
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    let warnings = out
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Warning)
        .count();
    let answered = c.questions.iter().filter(|q| q.answer_id.is_some()).count();
    report.push_str(&format!(
        "\n{} documents, {} questions ({} answered), {} answers; {} errors, {} warnings\n",
        c.documents.len(),
        c.questions.len(),
        answered,
        c.answers.len(),
        errors,
        warnings
    ));
    if write!(stdout, "{report}").is_err() {
        return ExitCode::from(2);
    }
    if errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn short(d: &Diagnostic) -> String {
    let sev = match d.severity {
        Severity::Info => "info",
        Severity::Warning => "warning",
        Severity::Error => "error",
    };
    match d.line {
        Some(l) => format!("{sev} (line {l}): {}", d.message),
        None => format!("{sev}: {}", d.message),
    }
}
