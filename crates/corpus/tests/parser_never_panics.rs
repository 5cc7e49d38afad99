//! The parser never panics: arbitrary text, shuffled corpus lines and cut-off documents all parse.

use briefwissel_corpus::parse::{decode, parse_text};
use briefwissel_corpus::registry::Registry;
use std::path::Path;

/// A small deterministic generator (xorshift), so failures can be reproduced.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn corpus_lines() -> Vec<String> {
    let mut lines = Vec::new();
    for sub in ["kamervragen", "seeds"] {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../data/documents")
            .join(sub);
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .expect("corpus")
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .collect();
        files.sort();
        for f in files {
            lines.extend(
                std::fs::read_to_string(f)
                    .unwrap_or_default()
                    .lines()
                    .map(String::from),
            );
        }
    }
    lines
}

#[test]
fn arbitrary_bytes_never_make_the_parser_panic() {
    let registry = Registry::builtin();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let alphabet: Vec<char> = "Vraag Antwoord 1234567890 ().,:;?-–»«\n\n  vanhetlid(CDA)ingezonden 12 december 2024 ah-tk- ISSN ¹²³ t/m en é€\u{0}\r".chars().collect();
    for _ in 0..400 {
        let len = rng.below(600);
        let text: String = (0..len)
            .map(|_| alphabet[rng.below(alphabet.len())])
            .collect();
        let p = parse_text("random.txt", &text, &registry);
        assert_eq!(p.line_fates.len(), text.lines().count());
        let bytes: Vec<u8> = (0..rng.below(300)).map(|_| rng.next() as u8).collect();
        let (decoded, _) = decode(&bytes);
        let p = parse_text("bytes.txt", &decoded, &registry);
        assert_eq!(p.line_fates.len(), decoded.lines().count());
    }
}

#[test]
fn shuffled_and_truncated_corpus_lines_never_make_the_parser_panic() {
    let registry = Registry::builtin();
    let lines = corpus_lines();
    let mut rng = Rng(42);
    for round in 0..200 {
        let start = rng.below(lines.len());
        let len = rng.below(120);
        let mut chunk: Vec<&str> = lines
            .iter()
            .skip(start)
            .take(len)
            .map(|s| s.as_str())
            .collect();
        if round % 2 == 0 {
            for _ in 0..rng.below(10) {
                let a = rng.below(chunk.len().max(1));
                let b = rng.below(chunk.len().max(1));
                if a < chunk.len() && b < chunk.len() {
                    chunk.swap(a, b);
                }
            }
        }
        let mut text = chunk.join("\n");
        // Cut in the middle of a line (on a character boundary).
        let cut = rng.below(text.len() + 1);
        let cut = (0..=cut)
            .rev()
            .find(|&c| text.is_char_boundary(c))
            .unwrap_or(0);
        text.truncate(cut);
        let p = parse_text("chunk.txt", &text, &registry);
        assert_eq!(p.line_fates.len(), text.lines().count());
        assert!(p.questions.iter().all(|q| !q.themes.is_empty()));
    }
}
