//! Groups the text lines of a letter into units: headings, paragraphs and list items, in reading order.

use super::lines::{
    bullet_item, clean_markup, ends_comma, ends_sentence, is_blank, is_letter_item, numbered_start,
    starts_lowercase, starts_uppercase,
};
use super::notes::{is_page_start, Prepass};
use crate::hyphenation::DocumentSpelling;

/// One text line still to be placed.
#[derive(Debug, Clone)]
pub(crate) struct Line {
    pub idx: usize,
    pub text: String,
}

/// A heading, paragraph or list item made of one or more lines.
#[derive(Debug, Clone)]
pub(crate) struct Unit {
    pub lines: Vec<Line>,
    pub kind: UnitKind,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum UnitKind {
    Paragraph,
    /// A bulleted or lettered item (`- …`, `a) …`, `ii. …`).
    Item,
    Heading,
}

impl Unit {
    pub(crate) fn first(&self) -> &str {
        self.lines.first().map_or("", |l| l.text.as_str())
    }
    pub(crate) fn idxs(&self) -> Vec<usize> {
        self.lines.iter().map(|l| l.idx).collect()
    }
    pub(crate) fn texts(&self) -> Vec<&str> {
        self.lines.iter().map(|l| l.text.as_str()).collect()
    }
}

/// How the text is laid out: hard-wrapped (PDF) or one paragraph per line (HTML, Word, markdown).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Layout {
    pub wrapped: bool,
    pub double_spaced: bool,
    pub median: usize,
}

/// The free lines of `range`, cleaned of markup.
pub(crate) fn free_lines(lines: &[&str], p: &Prepass, range: std::ops::Range<usize>) -> Vec<Line> {
    range
        .filter(|&i| p.is_free(i) && !is_blank(lines[i]))
        .map(|i| Line {
            idx: i,
            text: clean_markup(lines[i]),
        })
        .filter(|l| !l.text.is_empty())
        .collect()
}

pub(crate) fn layout(lines: &[&str], text: &[Line]) -> Layout {
    let mut lens: Vec<usize> = text.iter().map(|l| l.text.chars().count()).collect();
    lens.sort_unstable();
    let median = lens.get(lens.len() / 2).copied().unwrap_or(0);
    let ending = text.iter().filter(|l| ends_sentence(&l.text)).count();
    let wrapped = (40..=140).contains(&median) && ending * 2 < text.len();
    let mut single = 0;
    let mut gaps = 0;
    for w in text.windows(2) {
        let between = &lines[w[0].idx + 1..w[1].idx];
        if between.iter().all(|l| is_blank(l)) {
            gaps += 1;
            if between.len() == 1 && between[0].is_empty() {
                single += 1;
            }
        }
    }
    Layout {
        wrapped,
        double_spaced: wrapped && gaps > 0 && single * 10 > gaps * 6,
        median,
    }
}

/// Does a new unit start at `next`?
fn breaks(lines: &[&str], lay: &Layout, prev: &Line, next: &Line) -> bool {
    if bullet_item(&next.text).is_some()
        || is_letter_item(&next.text)
        || numbered_start(&next.text).is_some()
    {
        return true;
    }
    let between = &lines[prev.idx + 1..next.idx];
    let interrupted = between.iter().any(|l| !is_blank(l));
    let blanks = between.iter().filter(|l| l.is_empty()).count();
    let spaces = between
        .iter()
        .filter(|l| !l.is_empty() && is_blank(l))
        .count();
    let continues =
        !ends_sentence(&prev.text) && !ends_comma(&prev.text) || starts_lowercase(&next.text);
    let heading_before = starts_uppercase(&next.text) && looks_like_heading(&prev.text, lay);
    if interrupted {
        // A page end with footnotes or links in between: the sentence may run on.
        return !continues || heading_before;
    }
    if !lay.wrapped {
        return !starts_lowercase(&next.text) || ends_sentence(&prev.text);
    }
    let gap = if lay.double_spaced {
        spaces > 0 || blanks >= 2
    } else {
        blanks + spaces > 0
    };
    if gap {
        return true;
    }
    let short = prev.text.chars().count() * 4 < lay.median * 3;
    let page_start = is_page_start(lines[next.idx]);
    (short && starts_uppercase(&next.text) && ends_sentence(&prev.text))
        || heading_before
        || (page_start
            && lay.double_spaced
            && ends_sentence(&prev.text)
            && starts_uppercase(&next.text)
            && short)
}

/// Could this single line be a heading?
pub(crate) fn looks_like_heading(text: &str, lay: &Layout) -> bool {
    let t = text.trim();
    let n = t.chars().count();
    if n == 0 || n > 160 || ends_sentence(t) || ends_comma(t) || t.ends_with(['-', '–', '(']) {
        return false;
    }
    if lay.wrapped && n * 20 > lay.median * 17 {
        return false;
    }
    if t.split_whitespace().count() > 22 || bullet_item(t).is_some() || is_letter_item(t) {
        return false;
    }
    // A line that stops on a function word is a wrapped sentence, not a heading.
    const OPEN_ENDS: [&str; 24] = [
        "de", "het", "een", "van", "en", "of", "te", "voor", "op", "in", "met", "aan", "dat",
        "die", "om", "tot", "bij", "naar", "uit", "als", "door", "over", "is", "zijn",
    ];
    if t.split_whitespace()
        .last()
        .is_some_and(|w| OPEN_ENDS.contains(&w))
    {
        return false;
    }
    starts_uppercase(t) || t.chars().next().is_some_and(|c| c.is_ascii_digit())
}

/// Groups lines into units. Single-line paragraphs followed by a new unit become headings when
/// they look like one and `headings` allows.
pub(crate) fn group(lines: &[&str], text: &[Line], lay: &Layout) -> Vec<Unit> {
    let mut units: Vec<Unit> = Vec::new();
    for (k, line) in text.iter().enumerate() {
        let new = match k.checked_sub(1).and_then(|j| text.get(j)) {
            None => true,
            Some(prev) => breaks(lines, lay, prev, line),
        };
        let kind = if bullet_item(&line.text).is_some() || is_letter_item(&line.text) {
            UnitKind::Item
        } else {
            UnitKind::Paragraph
        };
        match units.last_mut() {
            Some(u) if !new => u.lines.push(line.clone()),
            _ => units.push(Unit {
                lines: vec![line.clone()],
                kind,
            }),
        }
    }
    let count = units.len();
    for k in 0..count {
        let next_starts_new = units.get(k + 1).is_none_or(|u| {
            starts_uppercase(u.first())
                || u.first().starts_with(|c: char| c.is_ascii_digit())
                || u.kind != UnitKind::Paragraph
        });
        let u = &mut units[k];
        if u.kind == UnitKind::Paragraph
            && u.lines.len() == 1
            && next_starts_new
            && k + 1 < count
            && numbered_start(u.first()).is_none_or(|(_, rest)| rest.chars().count() < 100)
            && looks_like_heading(u.first(), lay)
        {
            u.kind = UnitKind::Heading;
        }
    }
    units
}

/// The text of an item unit as a list entry (bullet removed).
pub(crate) fn item_text(u: &Unit, spelling: &DocumentSpelling) -> String {
    let mut texts: Vec<String> = u.texts().iter().map(|s| s.to_string()).collect();
    if let Some(first) = texts.first_mut() {
        if let Some(rest) = bullet_item(first) {
            *first = rest.to_string();
        }
    }
    super::lines::join_lines(&texts, spelling)
}
