//! `briefwissel-scale`: writes the deterministic scale corpus (default 100 × data/documents into .scale/100x).

use briefwissel_corpus::scale::{write_corpus, DEFAULT_FACTOR, DEFAULT_SEED};
use std::path::PathBuf;
use std::process::ExitCode;

/// Parsing a corpus allocates a lot: see [`briefwissel_corpus::BuildAllocator`].
#[global_allocator]
static ALLOCATOR: briefwissel_corpus::BuildAllocator = briefwissel_corpus::BuildAllocator;

const USAGE: &str = "usage: briefwissel-scale [--input DIR] [--output DIR] [--factor N] [--seed N]
  --input   folder with the real documents (default: data/documents)
  --output  folder to write; replaced if an earlier run made it (default: .scale/<factor>x)
  --factor  copies of every document, copy 0 being the original (default: 100)
  --seed    random seed, decimal or 0x-hex (default: the seed in briefwissel_corpus::scale::DEFAULT_SEED)";

struct Args {
    input: PathBuf,
    output: Option<PathBuf>,
    factor: u32,
    seed: u64,
}

fn parse_seed(s: &str) -> Option<u64> {
    match s.strip_prefix("0x") {
        Some(hex) => u64::from_str_radix(&hex.replace('_', ""), 16).ok(),
        None => s.parse().ok(),
    }
}

fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Args, String> {
    let mut parsed = Args {
        input: PathBuf::from("data/documents"),
        output: None,
        factor: DEFAULT_FACTOR,
        seed: DEFAULT_SEED,
    };
    while let Some(flag) = args.next() {
        if flag == "--help" || flag == "-h" {
            return Err(String::new());
        }
        let value = args.next().ok_or_else(|| format!("{flag} needs a value"))?;
        match flag.as_str() {
            "--input" => parsed.input = PathBuf::from(value),
            "--output" => parsed.output = Some(PathBuf::from(value)),
            "--factor" => {
                parsed.factor = value
                    .parse()
                    .ok()
                    .filter(|f| *f >= 1)
                    .ok_or_else(|| format!("--factor: not a positive whole number: {value}"))?
            }
            "--seed" => {
                parsed.seed =
                    parse_seed(&value).ok_or_else(|| format!("--seed: not a number: {value}"))?
            }
            other => return Err(format!("unknown argument: {other}")),
        }
    }
    Ok(parsed)
}

fn main() -> ExitCode {
    let args = match parse_args(std::env::args().skip(1)) {
        Ok(args) => args,
        Err(message) => {
            if !message.is_empty() {
                eprintln!("briefwissel-scale: {message}");
            }
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    let output = args
        .output
        .unwrap_or_else(|| PathBuf::from(format!(".scale/{}x", args.factor)));
    match write_corpus(&args.input, &output, args.factor, args.seed) {
        Ok(summary) => {
            println!(
                "wrote {} files ({:.1} MB) to {} (factor {}, seed {:#018x})",
                summary.files,
                summary.bytes as f64 / 1e6,
                output.display(),
                args.factor,
                args.seed
            );
            if !summary.words_kept.is_empty() {
                println!(
                    "{} documents keep their words in every copy (drawn anew, the parser would read them otherwise): {}",
                    summary.words_kept.len(),
                    summary.words_kept.join(", ")
                );
            }
            if summary.copies_redrawn > 0 {
                println!(
                    "{} copies keep their words, their paragraphs shuffled instead (the parser read the drawn copy otherwise)",
                    summary.copies_redrawn
                );
            }
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("briefwissel-scale: {message}");
            ExitCode::FAILURE
        }
    }
}
