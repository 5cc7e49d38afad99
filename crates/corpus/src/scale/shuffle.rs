//! Shuffles question and answer paragraphs between documents of the same shape (`Vraag 3` / `Antwoord 3` files).

use super::Rng;
use std::collections::BTreeMap;

/// Which marker a body follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Marker {
    Vraag,
    Antwoord,
}

/// Documents of one shape: the same export format (`pdf`/`docx`/other) and whether answers are printed.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Shape {
    pub format: String,
    pub has_answers: bool,
}

/// Paragraph runs that follow `Vraag n` / `Antwoord n` lines, pooled per shape and marker.
#[derive(Debug, Default)]
pub struct BodyPool {
    bodies: BTreeMap<(Shape, Marker), Vec<Vec<String>>>,
}

/// `Vraag 3`, `Antwoord 4 en 5`, `Vraag 2, 3 en 4` (alone on a line), else `None`.
fn marker(line: &str) -> Option<Marker> {
    let t = line.trim();
    let (kind, rest) = if let Some(rest) = t.strip_prefix("Vraag ") {
        (Marker::Vraag, rest)
    } else if let Some(rest) = t.strip_prefix("Antwoord ") {
        (Marker::Antwoord, rest)
    } else {
        return None;
    };
    let starts_numbered = rest.starts_with(|c: char| c.is_ascii_digit());
    let only_numbers = rest
        .split([' ', ','])
        .all(|w| w.is_empty() || w == "en" || w == "t/m" || w.parse::<u32>().is_ok());
    (starts_numbered && only_numbers).then_some(kind)
}

/// `Vraag 3`, `Antwoord 4 en 5` and the like, alone on a line.
pub(crate) fn is_marker(line: &str) -> bool {
    marker(line).is_some()
}

/// A line of running text: long, not a marker, not a footnote body, page footer or link.
fn is_prose(line: &str) -> bool {
    let t = line.trim();
    t.chars().count() >= 30
        && marker(t).is_none()
        && !t.starts_with(|c: char| c.is_ascii_digit())
        && !t.contains("http")
        && !t.contains("ISSN")
        && !t.contains("ah-tk-")
        && !t.to_lowercase().contains("vergaderjaar")
}

/// The shape of a document from its file name (`…-pdf.txt`) and its markers.
pub fn shape_of(file_name: &str, text: &str) -> Shape {
    let stem = file_name.trim_end_matches(".txt");
    let format = stem
        .rsplit('-')
        .next()
        .filter(|f| matches!(*f, "pdf" | "docx"))
        .unwrap_or("other");
    let has_answers = text.lines().any(|l| marker(l) == Some(Marker::Antwoord));
    Shape {
        format: format.to_string(),
        has_answers,
    }
}

/// For each marker line: its index, its kind and the range of prose lines right after it.
fn bodies(lines: &[&str]) -> Vec<(Marker, std::ops::Range<usize>)> {
    let mut found = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        if let Some(kind) = marker(line) {
            let len = lines[i + 1..].iter().take_while(|l| is_prose(l)).count();
            if len > 0 {
                found.push((kind, i + 1..i + 1 + len));
            }
        }
    }
    found
}

impl BodyPool {
    /// Adds the bodies of one original document to the pool of its shape.
    pub fn add(&mut self, file_name: &str, text: &str) {
        let shape = shape_of(file_name, text);
        let lines: Vec<&str> = text.split('\n').collect();
        for (kind, range) in bodies(&lines) {
            let body = lines[range].iter().map(|l| l.to_string()).collect();
            self.bodies
                .entry((shape.clone(), kind))
                .or_default()
                .push(body);
        }
    }

    /// Replaces about half of the question and answer bodies of `text` with bodies from other
    /// documents of the same shape. Marker lines and everything else stay where they are.
    pub fn shuffle(&self, file_name: &str, text: &str, rng: &mut Rng) -> String {
        let shape = shape_of(file_name, text);
        let lines: Vec<&str> = text.split('\n').collect();
        let mut out: Vec<String> = Vec::with_capacity(lines.len());
        let mut next = 0;
        for (kind, range) in bodies(&lines) {
            let Some(pool) = self
                .bodies
                .get(&(shape.clone(), kind))
                .filter(|p| p.len() > 1)
            else {
                continue;
            };
            if rng.below(2) == 0 {
                continue;
            }
            out.extend(lines[next..range.start].iter().map(|l| l.to_string()));
            out.extend(pool[rng.below(pool.len())].iter().cloned());
            next = range.end;
        }
        out.extend(lines[next..].iter().map(|l| l.to_string()));
        out.join("\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_are_numbered_lines_only() {
        assert_eq!(marker("Vraag 4 en 5"), Some(Marker::Vraag));
        assert_eq!(marker("Antwoord 2 t/m 6 "), Some(Marker::Antwoord));
        assert_eq!(marker("Vraag 4 gaat over iets anders"), None);
        assert_eq!(marker("Antwoord van Minister Veldkamp"), None);
    }

    #[test]
    fn shuffled_answers_come_from_documents_of_the_same_shape() {
        let mut pool = BodyPool::default();
        let a = "Vraag 1\nIs dit een vraag over de eerste kwestie van vandaag?\nAntwoord 1\nDit is het antwoord uit document A, lang genoeg.";
        let b = "Vraag 1\nIs dit een vraag over de tweede kwestie van vandaag?\nAntwoord 1\nDit is het antwoord uit document B, lang genoeg.";
        pool.add("kv-1-a-pdf.txt", a);
        pool.add("kv-2-b-pdf.txt", b);
        pool.add(
            "kv-3-c-docx.txt",
            "Vraag 1\nEen vraag uit een docx-bestand dat anders is opgemaakt.",
        );
        let mut rng = Rng::new(3);
        let outputs: Vec<String> = (0..20)
            .map(|_| pool.shuffle("kv-1-a-pdf.txt", a, &mut rng))
            .collect();
        assert!(outputs.iter().any(|o| o.contains("document B")));
        assert!(outputs
            .iter()
            .all(|o| o.lines().count() == 4 && !o.contains("docx")));
    }
}
