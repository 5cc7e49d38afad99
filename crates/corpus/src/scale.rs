//! Deterministic scale-corpus generator: many mutated copies of the real documents, for benchmarks.
//!
//! Copy 0 of every file is the original, unchanged. Every further copy of a document is the original
//! with (in this order) the words of its question, answer and section text drawn anew from the
//! corpus (words.rs; where the parser would read that otherwise, question/answer paragraphs shuffled
//! in from documents of the same shape instead), askers and parties swapped for others,
//! aanhangsel/zaak/kenmerk numbers renumbered, and every date and year moved by one offset of 0–9
//! years and −49…+50 days. The text stays parseable by the real parser.

pub mod dates;
pub mod names;
pub mod numbers;
pub mod shuffle;
pub mod words;

use crate::registry::Registry;
use std::path::{Path, PathBuf};

/// The seed the benchmarks use; change it only together with the figures in `docs/performance.md`.
pub const DEFAULT_SEED: u64 = 0x4252_4945_4657_4953;
/// About 100 × today's corpus (66 files → 6,600).
pub const DEFAULT_FACTOR: u32 = 100;
/// Number of distinct time shifts (a prime): 10 years × 99 day offsets + 1.
pub const SHIFTS: usize = 991;
/// Written into the output folder; its presence allows the generator to overwrite that folder.
pub const MANIFEST_FILE: &str = "scale-manifest.json";

/// A small deterministic generator (SplitMix64); enough for shuffling test data.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`0` when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next_u64() % n as u64) as usize
        }
    }
}

/// One input document: its path relative to the input folder, and its text.
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub relative: PathBuf,
    pub text: String,
}

/// One generated document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GeneratedFile {
    pub relative: PathBuf,
    pub text: String,
    /// Whether its words were drawn anew (copy 0 and fallbacks: no).
    pub words_drawn: bool,
}

/// Reads every `*.txt` under `dir` (recursively, sorted), as the parser would.
pub fn read_sources(dir: &Path) -> Result<Vec<SourceFile>, String> {
    let mut files = Vec::new();
    collect(dir, dir, &mut files)?;
    files.sort_by(|a, b| a.relative.cmp(&b.relative));
    Ok(files)
}

fn collect(root: &Path, dir: &Path, out: &mut Vec<SourceFile>) -> Result<(), String> {
    let entries = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: cannot read folder: {e}", dir.display()))?;
    for entry in entries {
        let path = entry.map_err(|e| format!("{}: {e}", dir.display()))?.path();
        if path.is_dir() {
            collect(root, &path, out)?;
        } else if path.extension().is_some_and(|e| e == "txt") {
            let text = std::fs::read_to_string(&path)
                .map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
            let relative = path.strip_prefix(root).unwrap_or(&path).to_path_buf();
            out.push(SourceFile { relative, text });
        }
    }
    Ok(())
}

/// The file name of copy `copy` of `relative`: `kv-003-…-pdf.txt` → `kv-003-…-x017-pdf.txt`,
/// `002_9993….txt` → `002_9993…-x017.txt`. The export-format suffix stays last.
pub fn copy_path(relative: &Path, copy: u32) -> PathBuf {
    if copy == 0 {
        return relative.to_path_buf();
    }
    let stem = relative
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("document");
    let name = match stem.rsplit_once('-') {
        Some((head, format @ ("pdf" | "docx"))) => format!("{head}-x{copy:03}-{format}.txt"),
        _ => format!("{stem}-x{copy:03}.txt"),
    };
    relative.with_file_name(name)
}

/// Builds the scale corpus in memory: `factor` copies of every source, copy 0 unchanged.
pub struct Generator<'a> {
    sources: &'a [SourceFile],
    registry: &'a Registry,
    seed: u64,
    askers: Vec<names::NamedAsker>,
    bodies: shuffle::BodyPool,
    words: words::WordPool,
    /// Whether every copy whose words are drawn anew is read by the parser before it is kept.
    checked: bool,
}

impl<'a> Generator<'a> {
    pub fn new(sources: &'a [SourceFile], registry: &'a Registry, seed: u64) -> Generator<'a> {
        let mut askers = Vec::new();
        let mut bodies = shuffle::BodyPool::default();
        for source in sources {
            askers.extend(names::find_askers(&source.text, registry));
            bodies.add(&file_name(&source.relative), &source.text);
        }
        askers.sort();
        askers.dedup();
        let names: Vec<String> = sources.iter().map(|s| file_name(&s.relative)).collect();
        let texts: Vec<&str> = sources.iter().map(|s| s.text.as_str()).collect();
        let words = words::WordPool::new(&names, &texts, registry, seed);
        Generator {
            sources,
            registry,
            seed,
            askers,
            bodies,
            words,
            checked: false,
        }
    }

    /// A generator that has the parser read every copy whose words it draws anew, and shuffles
    /// paragraphs instead where that copy would read otherwise than its original (a draw can, now and
    /// then, where the probes of [`words::WordPool::new`] did not). Costs one parse per copy.
    pub fn checked(self) -> Generator<'a> {
        Generator {
            checked: true,
            ..self
        }
    }

    /// Copy `copy` of source number `index` (deterministic for a given seed, in any order).
    pub fn copy(&self, index: usize, copy: u32) -> GeneratedFile {
        let source = &self.sources[index];
        let relative = copy_path(&source.relative, copy);
        if copy == 0 {
            return GeneratedFile {
                relative,
                text: source.text.clone(),
                words_drawn: false,
            };
        }
        let name = file_name(&source.relative);
        let shift = self.time_shift(&name, copy);
        let mut rng =
            Rng::new(self.seed ^ hash(&name) ^ u64::from(copy).wrapping_mul(0xA076_1D64_78BD_642F));
        // Words drawn anew vary the text more than bodies shuffled between documents.
        let drawn = self
            .words
            .resamples(index)
            .then(|| self.words.draw(index, &source.text, &mut rng))
            .filter(|text| {
                !self.checked
                    || self
                        .words
                        .reads_as_original(index, &name, text, self.registry)
            });
        let words_drawn = drawn.is_some();
        let text = drawn.unwrap_or_else(|| self.bodies.shuffle(&name, &source.text, &mut rng));
        let text = names::swap_askers(&text, &self.askers, self.registry, &mut rng);
        let text = numbers::renumber(&text, &mut rng);
        let text = dates::shift_dates(&text, shift);
        GeneratedFile {
            relative,
            text,
            words_drawn,
        }
    }

    /// The time shift of one copy: 0–9 years back and −49…+50 days. The copies of one document get
    /// pairwise different shifts (an affine permutation modulo the prime [`SHIFTS`]), so no two copies
    /// are the same text (the parser skips exact duplicates) as long as `factor` ≤ [`SHIFTS`].
    fn time_shift(&self, name: &str, copy: u32) -> dates::TimeShift {
        let mut per_document = Rng::new(self.seed ^ hash(name));
        let step = 1 + per_document.below(SHIFTS - 1);
        let start = per_document.below(SHIFTS);
        let slot = (step * copy as usize + start) % SHIFTS;
        let (years, days) = (-((slot % 10) as i32), (slot / 10) as i64 - 49);
        // The one slot that would leave the dates untouched gets the otherwise unused +51 days.
        dates::TimeShift {
            years,
            days: if years == 0 && days == 0 { 51 } else { days },
        }
    }

    /// Every copy of every source, sources in order, copies in order.
    pub fn all(&self, factor: u32) -> impl Iterator<Item = GeneratedFile> + '_ {
        (0..self.sources.len()).flat_map(move |i| (0..factor).map(move |c| self.copy(i, c)))
    }
}

fn file_name(relative: &Path) -> String {
    relative
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default()
        .to_string()
}

/// FNV-1a, to give every file its own random stream.
fn hash(s: &str) -> u64 {
    crate::hash::fnv1a(s.as_bytes())
}

/// What [`write_corpus`] wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    pub files: usize,
    pub bytes: u64,
    /// Names of the documents whose copies keep their words (the parser would read them otherwise).
    pub words_kept: Vec<String>,
    /// Copies (beyond copy 0) of the other documents that keep their words all the same: the parser
    /// read the drawn copy otherwise, so its paragraphs were shuffled instead.
    pub copies_redrawn: usize,
}

/// Generates `factor` copies of every `*.txt` under `input` into `output`. An existing `output` is
/// replaced only if it holds a manifest from an earlier run (so a wrong path never deletes real data).
pub fn write_corpus(
    input: &Path,
    output: &Path,
    factor: u32,
    seed: u64,
) -> Result<Summary, String> {
    let sources = read_sources(input)?;
    if sources.is_empty() {
        return Err(format!("{}: no *.txt documents found", input.display()));
    }
    if output.exists() {
        let is_ours = output.join(MANIFEST_FILE).exists();
        let is_empty = std::fs::read_dir(output)
            .map(|mut d| d.next().is_none())
            .unwrap_or(false);
        if !is_ours && !is_empty {
            return Err(format!(
                "{}: folder exists and was not made by this generator (no {MANIFEST_FILE}); refusing to overwrite",
                output.display()
            ));
        }
        std::fs::remove_dir_all(output)
            .map_err(|e| format!("{}: cannot clear: {e}", output.display()))?;
    }
    let registry = Registry::builtin();
    let generator = Generator::new(&sources, &registry, seed).checked();
    let mut summary = Summary {
        files: 0,
        bytes: 0,
        words_kept: (0..sources.len())
            .filter(|&i| !generator.words.resamples(i))
            .map(|i| file_name(&sources[i].relative))
            .collect(),
        copies_redrawn: 0,
    };
    let copies = (0..sources.len()).flat_map(|i| (0..factor).map(move |c| (i, c)));
    for (index, copy) in copies {
        let file = generator.copy(index, copy);
        if copy > 0 && generator.words.resamples(index) && !file.words_drawn {
            summary.copies_redrawn += 1;
        }
        let path = output.join(&file.relative);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| format!("{}: cannot create: {e}", parent.display()))?;
        }
        std::fs::write(&path, &file.text)
            .map_err(|e| format!("{}: cannot write: {e}", path.display()))?;
        summary.files += 1;
        summary.bytes += file.text.len() as u64;
    }
    let manifest = serde_json::json!({
        "generator": "briefwissel-scale",
        "seed": format!("{seed:#018x}"),
        "factor": factor,
        "input": input.display().to_string(),
        "files": summary.files,
        "bytes": summary.bytes,
        "words_kept": summary.words_kept,
        "copies_redrawn": summary.copies_redrawn,
    });
    let manifest_path = output.join(MANIFEST_FILE);
    std::fs::write(&manifest_path, format!("{manifest:#}\n"))
        .map_err(|e| format!("{}: cannot write: {e}", manifest_path.display()))?;
    Ok(summary)
}
