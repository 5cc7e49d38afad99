//! "Bedoelde u …?": the nearest words of the index for query words that match nothing, by edit distance.

use super::expand::Expansion;
use super::query_text::SearchText;
use super::reader::IndexReader;

/// Most edits for a word of this many letters: one for short words, two from five letters on.
fn max_edits(letters: usize) -> usize {
    match letters {
        0..=2 => 0,
        3..=4 => 1,
        _ => 2,
    }
}

/// Edits (insert, delete, replace, swap two neighbours) from `a` to `b`, or `None` when more than
/// `limit`.
pub fn edit_distance(a: &str, b: &str, limit: usize) -> Option<usize> {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > limit {
        return None;
    }
    let width = b.len() + 1;
    let mut rows = vec![vec![0usize; width]; 3];
    for (j, cell) in rows[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        let (cur, prev, prev2) = (i % 3, (i + 2) % 3, (i + 1) % 3);
        rows[cur][0] = i;
        let mut best = i;
        for j in 1..width {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (rows[prev][j] + 1)
                .min(rows[cur][j - 1] + 1)
                .min(rows[prev][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(rows[prev2][j - 2] + 1);
            }
            rows[cur][j] = d;
            best = best.min(d);
        }
        if best > limit {
            return None;
        }
    }
    let d = rows[a.len() % 3][b.len()];
    (d <= limit).then_some(d)
}

/// The index word nearest to `word`: fewest edits, then the same first letter, then the
/// closest length, then alphabetical.
pub fn nearest_word(reader: &IndexReader, word: &str) -> Option<String> {
    let limit = max_edits(word.chars().count());
    if limit == 0 {
        return None;
    }
    let first = word.chars().next();
    let mut best: Option<((usize, bool, usize), &str)> = None;
    for t in 0..reader.term_count() {
        let candidate = reader.term(t);
        if candidate.contains(' ') || candidate.len() < 3 || candidate == word {
            continue;
        }
        if candidate.bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        let Some(d) = edit_distance(word, candidate, limit) else {
            continue;
        };
        let key = (
            d,
            candidate.chars().next() != first,
            candidate.len().abs_diff(word.len()),
        );
        if best.is_none_or(|(k, _)| key < k) {
            best = Some((key, candidate));
        }
    }
    best.map(|(_, w)| w.to_string())
}

/// A search text with each word that matches nothing replaced by its nearest index word, or
/// `None` when every word matches or some word has no near word.
pub fn suggestion(
    reader: &IndexReader,
    text: &SearchText,
    expansion: &Expansion,
) -> Option<String> {
    let mut changed = false;
    let mut parts: Vec<String> = Vec::new();
    for (word, terms) in text.words.iter().zip(&expansion.words) {
        if terms.is_empty() {
            parts.push(nearest_word(reader, &word.folded)?);
            changed = true;
        } else if word.exact {
            parts.push(quoted(&word.folded, ""));
        } else {
            parts.push(word.folded.clone());
        }
    }
    if !changed {
        return None;
    }
    parts.extend(text.phrases.iter().map(|p| quoted(&p.join(" "), "")));
    parts.extend(text.excluded.iter().map(|w| match w.exact {
        true => quoted(&w.folded, "-"),
        false => ["-", &w.folded].concat(),
    }));
    parts.extend(
        text.excluded_phrases
            .iter()
            .map(|p| quoted(&p.join(" "), "-")),
    );
    Some(parts.join(" "))
}

/// `"text"` with `before` in front.
fn quoted(text: &str, before: &str) -> String {
    [before, "\"", text, "\""].concat()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_distance_counts_swaps_as_one_edit_and_stops_at_the_limit() {
        assert_eq!(edit_distance("asiel", "asiel", 2), Some(0));
        assert_eq!(edit_distance("aseil", "asiel", 2), Some(1));
        assert_eq!(edit_distance("asiell", "asiel", 2), Some(1));
        assert_eq!(edit_distance("asyel", "asiel", 2), Some(1));
        assert_eq!(edit_distance("klimaat", "asiel", 2), None);
        assert_eq!(edit_distance("", "ab", 2), Some(2));
    }
}
