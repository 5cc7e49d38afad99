//! Native benchmarks of reading PDF and Word originals: reading only (`briefwissel_readers::read`) and
//! reading + parsing (`parse::originals::parse_original`), per format over every file in
//! `data/documents/originals/{pdf,docx}`, and for one typical 4-page Aanhangsel PDF on its own.
//!
//! Run with `cargo bench -p briefwissel-corpus --bench originals`. Throughput is the size of the files
//! in bytes; pages per second follow from the page counts in docs/performance.md. Every file is read
//! from disk once, before measuring; the loop only reads and parses bytes in memory, on one thread.

use briefwissel_corpus::parse::document_id;
use briefwissel_corpus::parse::originals::parse_original;
use briefwissel_corpus::registry::Registry;
use briefwissel_readers::Format;
use criterion::{
    criterion_group, criterion_main, BenchmarkId, Criterion, SamplingMode, Throughput,
};
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The typical Aanhangsel PDF of the budget (4 pages, under 20 ms on one core).
const TYPICAL_PDF: &str = "1b26915f-b542-4707-8495-b5c21f0edfe1.pdf";

struct Original {
    name: String,
    bytes: Vec<u8>,
}

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn fail(message: String) -> ! {
    eprintln!("bench: {message}");
    std::process::exit(1)
}

/// Every original of one format (`pdf` or `docx`), sorted by name.
fn originals(folder: &str) -> Vec<Original> {
    let dir = workspace().join("data/documents/originals").join(folder);
    let entries =
        std::fs::read_dir(&dir).unwrap_or_else(|e| fail(format!("{}: {e}", dir.display())));
    let mut files: Vec<Original> = entries
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.is_file())
        .filter_map(|path| {
            let name = path.file_name()?.to_str()?.to_string();
            let bytes =
                std::fs::read(&path).unwrap_or_else(|e| fail(format!("{}: {e}", path.display())));
            Some(Original { name, bytes })
        })
        .collect();
    files.sort_by(|a, b| a.name.cmp(&b.name));
    if files.is_empty() {
        fail(format!("no originals in {}", dir.display()));
    }
    files
}

fn total_bytes(files: &[&Original]) -> u64 {
    files.iter().map(|f| f.bytes.len() as u64).sum()
}

/// Reads every file; a read error fails the bench rather than timing an early return.
fn read_all(format: Format, files: &[&Original]) {
    for file in files {
        let extracted = briefwissel_readers::read(format, &file.bytes)
            .unwrap_or_else(|e| fail(format!("{}: {e}", file.name)));
        black_box(extracted);
    }
}

fn parse_all(format: Format, files: &[&Original], registry: &Registry) {
    for file in files {
        let id = document_id(&file.name);
        let parsed = parse_original(&file.name, &id, format, &file.bytes, registry)
            .unwrap_or_else(|d| fail(format!("{d}")));
        black_box(parsed);
    }
}

fn bench_format(c: &mut Criterion, label: &str, format: Format, folder: &str) {
    let files = originals(folder);
    let registry = Registry::builtin();
    let mut sets: Vec<(String, Vec<&Original>)> =
        vec![(format!("all-{}", files.len()), files.iter().collect())];
    if format == Format::Pdf {
        let typical = files
            .iter()
            .find(|f| f.name == TYPICAL_PDF)
            .unwrap_or_else(|| fail(format!("{TYPICAL_PDF} is not among the PDF originals")));
        sets.push(("typical-4-pages".to_string(), vec![typical]));
    }

    let mut group = c.benchmark_group(format!("originals_{label}"));
    // Flat sampling, as in `scale`: a whole folder takes 50–150 ms, too long for linear sampling.
    group
        .sampling_mode(SamplingMode::Flat)
        .sample_size(30)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5));
    for (set, members) in &sets {
        group.throughput(Throughput::Bytes(total_bytes(members)));
        group.bench_function(BenchmarkId::new("read", set), |b| {
            b.iter(|| read_all(format, members))
        });
        group.bench_function(BenchmarkId::new("read_parse", set), |b| {
            b.iter(|| parse_all(format, members, &registry))
        });
    }
    group.finish();
}

fn pdf(c: &mut Criterion) {
    bench_format(c, "pdf", Format::Pdf, "pdf");
}

fn docx(c: &mut Criterion) {
    bench_format(c, "docx", Format::Docx, "docx");
}

criterion_group!(benches, pdf, docx);
criterion_main!(benches);
