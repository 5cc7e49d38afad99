//! Footnotes of Kamervragen text: PDF page-end bodies, Word `1)` / `[1]` bodies and trailing source lists.

use crate::text;

/// The footnote number (or None) of every line: PDF page-end bodies and Word `1) …` bodies.
pub fn footnote_lines(lines: &[&str]) -> Vec<Option<String>> {
    let mut out = text::pdf_footnote_lines(lines);
    for i in 0..lines.len() {
        if out[i].is_some() {
            continue;
        }
        let Some((n, _)) = text::word_footnote_start(lines[i]) else {
            continue;
        };
        let (typed, bracketed) = (format!("{n})"), format!("[{n}]"));
        let referenced = lines[..i].iter().any(|l| {
            text::typed_markers(l).iter().any(|m| m.2 == typed)
                || l.split_whitespace().any(|tok| {
                    // `[1]` may carry the sentence's punctuation after it: `geraakt[1],`, `[3]?`.
                    tok.trim_end_matches([',', '.', '?', '!', ';', ':'])
                        .ends_with(&bracketed)
                })
        });
        if referenced {
            out[i] = Some(n);
        }
    }
    word_continuations(lines, &mut out);
    trailing_source_list(lines, &mut out);
    out
}

/// A Word footnote body that runs on in the next line (`[2] RTV Oost, …,` then `) https://…`)
/// when another body or the end of the file follows.
fn word_continuations(lines: &[&str], out: &mut [Option<String>]) {
    let next_non_empty = |from: usize| (from..lines.len()).find(|&k| !lines[k].trim().is_empty());
    for i in 1..lines.len() {
        if out[i].is_some() || lines[i].trim().is_empty() {
            continue;
        }
        // Directly below the body, without a blank line between.
        let prev = i - 1;
        let Some(n) = out[prev].clone() else { continue };
        if text::word_footnote_start(lines[prev]).is_none() {
            continue;
        }
        let closes = match next_non_empty(i + 1) {
            None => true,
            Some(k) => text::word_footnote_start(lines[k]).is_some() && out[k].is_some(),
        };
        if closes {
            out[i] = Some(n);
        }
    }
}

/// A numbered list of sources at the very end of a letter (`1. Argos, …`, `2. vng.nl/…`) whose
/// numbers the text cites as `1)` or glued `gedrag2)`: the list items are footnote bodies.
fn trailing_source_list(lines: &[&str], out: &mut [Option<String>]) {
    let mut items: Vec<(usize, u32)> = Vec::new();
    for i in (0..lines.len()).rev() {
        let t = lines[i].trim();
        if t.is_empty() {
            continue;
        }
        if out[i].is_some() {
            break;
        }
        let digits: String = t.chars().take_while(|c| c.is_ascii_digit()).collect();
        let rest = &t[digits.len()..];
        let numbered = !digits.is_empty() && digits.len() <= 2 && rest.starts_with(". ");
        match digits.parse::<u32>() {
            Ok(n) if numbered && items.last().is_none_or(|&(_, after)| after == n + 1) => {
                items.push((i, n))
            }
            _ => break,
        }
    }
    if items.last().is_none_or(|&(_, first)| first != 1) {
        return;
    }
    let first_line = items.last().map(|&(i, _)| i).unwrap_or(0);
    let cited = |n: u32| {
        let mark = format!("{n})");
        lines[..first_line]
            .iter()
            .any(|l| text::typed_markers(l).iter().any(|m| m.2 == mark))
    };
    if items.iter().all(|&(_, n)| cited(n)) {
        for (i, n) in items {
            out[i] = Some(n.to_string());
        }
    }
}

/// The body of a note's first line without its number (`12`, `1)`, `[1]`, `1.`); `n` is the note's
/// number or label.
pub fn strip_footnote_number<'a>(line: &'a str, n: &str) -> &'a str {
    let n = n.trim_matches(['[', ']', ')']);
    let t = line.trim();
    let t = t.strip_prefix('[').unwrap_or(t);
    let t = t.strip_prefix(n).unwrap_or(t);
    let t = t
        .strip_prefix(']')
        .or_else(|| t.strip_prefix(')'))
        .or_else(|| t.strip_prefix(". "))
        .unwrap_or(t);
    t.trim()
}
