//! First pass over a letter: footnote bodies, committee compositions, URL blocks and page numbers.

use super::lines::{clean_markup, is_blank, is_url_line, strip_markers, superscript_digit};
use crate::hyphenation::DocumentSpelling;
use crate::model::Footnote;
use crate::parse::LineFate;
use std::collections::BTreeSet;

/// What the first pass decided; lines left `None` in `fates` are text for the format parser.
pub(crate) struct Prepass {
    pub fates: Vec<Option<LineFate>>,
    pub footnotes: Vec<Footnote>,
    pub known: Known,
    pub links: Vec<String>,
}

/// What cleaning one piece of a letter's text needs to know of the whole letter.
pub(crate) struct Known {
    /// Every footnote number seen as a body, including committee compositions.
    pub notes: BTreeSet<u32>,
    /// How the letter writes its words, to judge hyphens at line breaks.
    pub spelling: DocumentSpelling,
}

impl Prepass {
    pub(crate) fn is_free(&self, i: usize) -> bool {
        self.fates.get(i).is_some_and(|f| f.is_none())
    }
    pub(crate) fn set(&mut self, i: usize, fate: LineFate) {
        if let Some(slot) = self.fates.get_mut(i) {
            *slot = Some(fate);
        }
    }
    pub(crate) fn add_link(&mut self, url: &str) {
        let u = url.trim().trim_end_matches(['.', ',', ';']).to_string();
        if !u.is_empty() && !self.links.contains(&u) {
            self.links.push(u);
        }
    }
}

/// A PDF page starts with a line indented by one space (as extracted).
pub(crate) fn is_page_start(line: &str) -> bool {
    line.starts_with(' ') && !line.trim().is_empty()
}

fn is_letter_heading(line: &str) -> bool {
    let t = clean_markup(line);
    t.starts_with("BRIEF VAN ")
}

/// A footnote body start: `¹ text`, `12 text`, `  3. text↩︎`. Returns (number, text, style).
fn footnote_start(line: &str) -> Option<(u32, String, Style)> {
    let t = line.trim_start();
    let sup: String = t.chars().map_while(superscript_digit).collect();
    if !sup.is_empty() {
        let rest = t.chars().skip(sup.chars().count()).collect::<String>();
        if rest.starts_with(' ') {
            return Some((sup.parse().ok()?, clean_markup(&rest), Style::Superscript));
        }
        return None;
    }
    let digits: String = t.chars().take_while(|c| c.is_ascii_digit()).collect();
    if digits.is_empty() || digits.len() > 3 {
        return None;
    }
    let n: u32 = digits.parse().ok()?;
    let rest = &t[digits.len()..];
    if line.contains('↩') {
        let body = rest.strip_prefix('.').unwrap_or(rest);
        return Some((n, clean_markup(body), Style::Pandoc));
    }
    if line.starts_with(' ')
        || !(rest.starts_with(' ') || rest.starts_with('\t'))
        || rest.trim().is_empty()
    {
        return None;
    }
    Some((n, clean_markup(rest), Style::Plain))
}

#[derive(Clone, Copy, PartialEq)]
enum Style {
    Superscript,
    Pandoc,
    Plain,
}

/// Runs the first pass over all lines.
pub(crate) fn prepass(lines: &[&str], spelling: &DocumentSpelling) -> Prepass {
    let mut p = Prepass {
        fates: vec![None; lines.len()],
        footnotes: Vec::new(),
        known: Known {
            notes: BTreeSet::new(),
            spelling: spelling.clone(),
        },
        links: Vec::new(),
    };
    for (i, l) in lines.iter().enumerate() {
        if is_blank(l) {
            p.set(i, LineFate::Blank);
        }
    }
    let mut expected = 1u32;
    let mut i = 0;
    while i < lines.len() {
        let Some((n, _, style)) = footnote_start(lines[i]) else {
            i += 1;
            continue;
        };
        let plausible = match style {
            Style::Plain => n == expected || n == expected + 1,
            _ => true,
        };
        if !plausible || !p.is_free(i) {
            i += 1;
            continue;
        }
        match take_block(lines, i, style, &p) {
            Some(block) => {
                let next = block.end;
                record_block(lines, block, &mut p);
                expected = p.known.notes.iter().next_back().map_or(1, |m| m + 1);
                i = next;
            }
            None => i += 1,
        }
    }
    for (i, l) in lines.iter().enumerate() {
        if !p.is_free(i) {
            continue;
        }
        if is_url_line(l) {
            p.add_link(l);
            p.set(i, LineFate::Metadata("link"));
        } else if is_page_number(lines, i) {
            p.set(i, LineFate::Boilerplate("page number"));
        }
    }
    p
}

struct Block {
    /// (number, line indices of the body)
    notes: Vec<(u32, Vec<usize>)>,
    urls: Vec<usize>,
    end: usize,
}

/// The footnote block starting at `start`, if the lines after it confirm it is one.
fn take_block(lines: &[&str], start: usize, style: Style, p: &Prepass) -> Option<Block> {
    let (first, _, _) = footnote_start(lines[start])?;
    let mut block = Block {
        notes: vec![(first, vec![start])],
        urls: Vec::new(),
        end: lines.len(),
    };
    let mut saw_blank = false;
    let mut k = start + 1;
    while k < lines.len() {
        let l = lines[k];
        if is_blank(l) {
            saw_blank = true;
            k += 1;
            continue;
        }
        let last = block.notes.last().map_or(first, |n| n.0);
        if let Some((n, _, st)) = footnote_start(l) {
            if st == style && n == last + 1 {
                block.notes.push((n, vec![k]));
                saw_blank = false;
                k += 1;
                continue;
            }
        }
        if is_url_line(l) {
            block.urls.push(k);
            k += 1;
            continue;
        }
        if is_page_start(l) || is_letter_heading(l) {
            block.end = k;
            return Some(block);
        }
        let composition = is_composition(l);
        if !saw_blank || composition {
            if let Some(n) = block.notes.last_mut() {
                n.1.push(k);
            }
            saw_blank = false;
            k += 1;
            continue;
        }
        // Ordinary text follows after a blank line: a footnote only if its style says so,
        // or its marker was seen glued to a word before it.
        block.end = k;
        let ok = style != Style::Plain || marker_seen(lines, start, first, p);
        return ok.then_some(block);
    }
    Some(block)
}

fn marker_seen(lines: &[&str], before: usize, n: u32, p: &Prepass) -> bool {
    let known: BTreeSet<u32> = [n].into_iter().collect();
    (0..before).filter(|&i| p.is_free(i)).any(|i| {
        strip_markers(lines[i], &known)
            .1
            .iter()
            .any(|r| r == &n.to_string())
    })
}

fn record_block(lines: &[&str], block: Block, p: &mut Prepass) {
    for (n, idxs) in block.notes {
        p.known.notes.insert(n);
        let mut parts: Vec<String> = Vec::new();
        for (j, &i) in idxs.iter().enumerate() {
            let text = if j == 0 {
                footnote_start(lines[i]).map(|f| f.1).unwrap_or_default()
            } else {
                clean_markup(lines[i])
            };
            parts.push(text);
        }
        let text = super::lines::join_lines(&parts, &p.known.spelling);
        if text.starts_with("Samenstelling")
            || idxs.iter().skip(1).any(|&i| is_composition(lines[i]))
        {
            for &i in &idxs {
                p.set(i, LineFate::Boilerplate("committee composition"));
            }
            continue;
        }
        for &i in &idxs {
            p.set(
                i,
                LineFate::Text(crate::parse::Place::Footnote(n.to_string())),
            );
        }
        for u in super::lines::urls_in(&text) {
            p.add_link(&u);
        }
        p.footnotes.push(Footnote {
            number: n.to_string(),
            text,
        });
    }
    for i in block.urls {
        p.add_link(lines[i]);
        p.set(i, LineFate::Metadata("link"));
    }
}

/// A line of a committee composition: several `Name (Party)` entries.
pub(crate) fn is_composition(line: &str) -> bool {
    let entries = line.matches("),").count() + line.matches(") (").count();
    entries >= 3 || (entries >= 1 && line.trim_end().ends_with(')') && line.len() < 40)
}

/// A bare page number between blank lines.
fn is_page_number(lines: &[&str], i: usize) -> bool {
    let t = lines[i].trim();
    let digits = !t.is_empty() && t.len() <= 3 && t.chars().all(|c| c.is_ascii_digit());
    let blank_around = i.checked_sub(1).is_none_or(|j| is_blank(lines[j]))
        && lines.get(i + 1).is_none_or(|l| is_blank(l));
    digits && blank_around
}
