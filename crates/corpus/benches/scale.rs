//! Native benchmarks at 1× and 100×: parse + index throughput, and filter/search latency for bench/queries.json.
//!
//! Run through `scripts/bench.sh` (or `cargo bench -p briefwissel-corpus --bench scale`). The 100× corpus is
//! read from `BRIEFWISSEL_SCALE_DIR` (default `.scale/100x`) and generated there first if it is missing.
//! `BRIEFWISSEL_BENCH_SCALES=1x` limits the run to today's corpus. Result counts and corpus sizes are
//! written to `BRIEFWISSEL_BENCH_OUT` (default `bench/out`) as `native-<scale>.json` for the report.

use briefwissel_corpus::explore::Explorer;
use briefwissel_corpus::parse::parse_paths;
use briefwissel_corpus::query::{parse_query_string, percent_encode};
use briefwissel_corpus::scale::{read_sources, write_corpus, DEFAULT_FACTOR, DEFAULT_SEED};
use briefwissel_corpus::search::SearchIndex;
use briefwissel_corpus::Corpus;
use criterion::{
    criterion_group, criterion_main, BatchSize, BenchmarkId, Criterion, SamplingMode, Throughput,
};
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Parsing a corpus allocates a lot: see [`briefwissel_corpus::BuildAllocator`].
#[global_allocator]
static ALLOCATOR: briefwissel_corpus::BuildAllocator = briefwissel_corpus::BuildAllocator;

struct Scale {
    label: &'static str,
    dir: PathBuf,
    bytes: u64,
}

struct BenchQuery {
    name: String,
    query_string: String,
}

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn fail(message: String) -> ! {
    eprintln!("bench: {message}");
    std::process::exit(1)
}

fn scales() -> Vec<Scale> {
    let wanted =
        std::env::var("BRIEFWISSEL_BENCH_SCALES").unwrap_or_else(|_| "1x,100x".to_string());
    let mut scales = Vec::new();
    for label in ["1x", "100x"] {
        if !wanted.split(',').any(|w| w.trim() == label) {
            continue;
        }
        let dir = if label == "1x" {
            workspace().join("data/documents")
        } else {
            let dir = std::env::var_os("BRIEFWISSEL_SCALE_DIR")
                .map(PathBuf::from)
                .unwrap_or_else(|| workspace().join(".scale/100x"));
            if !dir.exists() {
                eprintln!("bench: generating the 100× corpus in {}", dir.display());
                write_corpus(
                    &workspace().join("data/documents"),
                    &dir,
                    DEFAULT_FACTOR,
                    DEFAULT_SEED,
                )
                .unwrap_or_else(|e| fail(e));
            }
            dir
        };
        let bytes = read_sources(&dir)
            .unwrap_or_else(|e| fail(e))
            .iter()
            .map(|s| s.text.len() as u64)
            .sum();
        scales.push(Scale { label, dir, bytes });
    }
    scales
}

/// The fixed queries, as URL query strings in the app's own format.
fn queries() -> Vec<BenchQuery> {
    let path = workspace().join("bench/queries.json");
    let text =
        std::fs::read_to_string(&path).unwrap_or_else(|e| fail(format!("{}: {e}", path.display())));
    let json: serde_json::Value =
        serde_json::from_str(&text).unwrap_or_else(|e| fail(format!("{}: {e}", path.display())));
    let list = json["queries"].as_array().cloned().unwrap_or_default();
    list.iter()
        .map(|q| {
            let mut params = Vec::new();
            for key in ["partij", "thema"] {
                for v in q[key]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(|v| v.as_str())
                {
                    params.push(format!("{key}={}", percent_encode(v)));
                }
            }
            for key in ["van", "tot", "q"] {
                if let Some(v) = q[key].as_str() {
                    params.push(format!("{key}={}", percent_encode(v)));
                }
            }
            BenchQuery {
                name: q["name"].as_str().unwrap_or("?").to_string(),
                query_string: params.join("&"),
            }
        })
        .collect()
}

fn load(scale: &Scale) -> (Corpus, SearchIndex) {
    let output = parse_paths(std::slice::from_ref(&scale.dir)).unwrap_or_else(|e| fail(e));
    let index = SearchIndex::build(&output.corpus);
    (output.corpus, index)
}

fn parse_and_index(c: &mut Criterion) {
    let mut group = c.benchmark_group("parse_index");
    group
        .sampling_mode(SamplingMode::Flat)
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500));
    for scale in scales() {
        group.throughput(Throughput::Bytes(scale.bytes));
        group.bench_function(BenchmarkId::from_parameter(scale.label), |b| {
            b.iter(|| black_box(load(&scale)))
        });
    }
    group.finish();
}

fn query_latency(c: &mut Criterion) {
    let queries = queries();
    let out_dir = std::env::var_os("BRIEFWISSEL_BENCH_OUT")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace().join("bench/out"));
    for scale in scales() {
        let (corpus, index) = load(&scale);
        let explorer = Explorer::new(&corpus, &index);
        let parsed: Vec<_> = queries
            .iter()
            .map(|q| parse_query_string(&q.query_string, &corpus).0)
            .collect();
        let counts: Vec<serde_json::Value> = queries
            .iter()
            .zip(&parsed)
            .map(|(q, query)| serde_json::json!({ "name": q.name, "query": q.query_string, "total": explorer.run(query).total }))
            .collect();
        let summary = serde_json::json!({
            "scale": scale.label,
            "input_bytes": scale.bytes,
            "documents": corpus.documents.len(),
            "questions": corpus.questions.len(),
            "answers": corpus.answers.len(),
            "queries": counts,
        });
        let _ = std::fs::create_dir_all(&out_dir);
        let path = out_dir.join(format!("native-{}.json", scale.label));
        std::fs::write(&path, format!("{summary:#}\n"))
            .unwrap_or_else(|e| fail(format!("{}: {e}", path.display())));

        // Criterion runs one query over and over, and the explorer keeps the last search's matches
        // (a facet click after a search reuses them). `query_*` forgets them before every run,
        // outside the timing, so a search is timed from scratch; `query_repeat_*` keeps them: what a
        // facet click after a search costs.
        for (group_name, from_scratch) in [("query", true), ("query_repeat", false)] {
            let mut group = c.benchmark_group(format!("{group_name}_{}", scale.label));
            group
                .sample_size(20)
                .warm_up_time(Duration::from_millis(200))
                .measurement_time(Duration::from_millis(800));
            for (i, query) in parsed.iter().enumerate() {
                group.bench_function(BenchmarkId::from_parameter(format!("q{i:02}")), |b| {
                    b.iter_batched(
                        || {
                            if from_scratch {
                                explorer.forget_last_search()
                            }
                        },
                        |()| black_box(explorer.run(query)),
                        BatchSize::PerIteration,
                    )
                });
            }
            group.finish();
        }
    }
}

criterion_group!(benches, parse_and_index, query_latency);
criterion_main!(benches);
