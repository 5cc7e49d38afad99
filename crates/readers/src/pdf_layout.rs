//! PDF layout: glyphs into lines, page furniture set aside, footnotes and their markers found, reading order.

use crate::accents::compose_accent;
use crate::pdf::{Glyph, Page};
use crate::pdf_fonts::FontInfo;
use crate::pdf_furniture::{footnotes, furniture};
use crate::pdf_order::{merge_rows, reading_order};
use crate::{note_marker, Extracted, Line, SetAside};

/// Part of the page height, at top and bottom, where running headers and footers stand.
pub(crate) const MARGIN_BAND: f32 = 0.12;

/// A run of glyphs on one baseline, as the content stream drew them.
#[derive(Debug, Clone)]
pub(crate) struct Run {
    pub(crate) text: String,
    pub(crate) x: f32,
    pub(crate) right: f32,
    pub(crate) y: f32,
    pub(crate) size: f32,
    pub(crate) font: usize,
    pub(crate) artifact: bool,
    /// A raised, smaller run (superscript footnote marker): the number it shows.
    pub(crate) marker: bool,
}

/// A printed line of one page: runs on one baseline, close together.
#[derive(Debug, Clone)]
pub(crate) struct PrintedLine {
    pub(crate) runs: Vec<Run>,
    pub(crate) x: f32,
    pub(crate) right: f32,
    pub(crate) y: f32,
    pub(crate) size: f32,
}

impl PrintedLine {
    pub(crate) fn text(&self, with_markers: bool) -> String {
        let mut out = String::new();
        let mut last_right: Option<f32> = None;
        for r in &self.runs {
            if let Some(right) = last_right {
                if r.x - right > 0.15 * self.size
                    && !out.ends_with(char::is_whitespace)
                    && !r.text.starts_with(char::is_whitespace)
                    && !r.marker
                {
                    out.push(' ');
                }
            }
            last_right = Some(r.right);
            if r.marker {
                if with_markers {
                    out.push_str(&note_marker(r.text.trim()));
                } else {
                    out.push_str(r.text.trim());
                }
                if r.text.ends_with(char::is_whitespace) {
                    out.push(' ');
                }
                continue;
            }
            out.push_str(&r.text);
        }
        collapse_spaces(&out)
    }

    pub(crate) fn artifact(&self) -> bool {
        self.runs.iter().all(|r| r.artifact)
    }
}

/// Lays out every page: body lines in reading order, footnotes, page furniture.
pub fn lay_out(pages: &[Page]) -> Extracted {
    let body_size = body_size(pages);
    let per_page: Vec<Vec<PrintedLine>> =
        pages.iter().map(|p| printed_lines(p, body_size)).collect();
    let mut out = Extracted::default();
    // The right edge of every body line, for judging whether a line was full.
    let mut rights: Vec<f32> = Vec::new();
    // Footnote marker numbers seen in body text so far.
    let mut markers: Vec<String> = Vec::new();
    for (page, lines) in pages.iter().zip(&per_page) {
        let mut body: Vec<&PrintedLine> = Vec::new();
        let mut notes_part: Vec<&PrintedLine> = Vec::new();
        let mut kept: Vec<&PrintedLine> = Vec::new();
        for line in lines {
            match furniture(line, page, pages, &per_page, body_size) {
                Some(why) => out.set_aside.push(SetAside {
                    text: line.text(false),
                    page: page.number,
                    why,
                }),
                None => kept.push(line),
            }
        }
        // Footnotes stand below the last line of running text, in smaller type.
        let lowest_body = kept
            .iter()
            .filter(|l| (l.size - body_size).abs() < 0.15 * body_size)
            .map(|l| l.y)
            .fold(f32::INFINITY, f32::min);
        for line in kept {
            if line.y < lowest_body && line.size < 0.9 * body_size {
                notes_part.push(line);
            } else {
                body.push(line);
            }
        }
        markers.extend(
            body.iter()
                .flat_map(|l| l.runs.iter().filter(|r| r.marker))
                .map(|r| r.text.trim().to_string()),
        );
        let (notes, small_body) = footnotes(&notes_part, page.number, &markers);
        body.extend(small_body);
        let known: Vec<&str> = notes.iter().map(|n| n.number.as_str()).collect();
        for l in merge_rows(reading_order(body, page)) {
            out.lines.push(to_line(&l, page, &known));
            rights.push(l.right);
        }
        out.notes.extend(notes);
    }
    mark_continuations(&mut out.lines, &rights, body_size);
    out
}

/// The most common font size, by glyph count: the size of running text.
fn body_size(pages: &[Page]) -> f32 {
    let mut counts: Vec<(i32, usize)> = Vec::new();
    for g in pages.iter().flat_map(|p| &p.glyphs) {
        let key = (g.size * 10.0).round() as i32;
        match counts.iter_mut().find(|(k, _)| *k == key) {
            Some(c) => c.1 += 1,
            None => counts.push((key, 1)),
        }
    }
    counts
        .iter()
        .max_by_key(|(_, n)| *n)
        .map(|(k, _)| *k as f32 / 10.0)
        .unwrap_or(10.0)
}

/// Glyphs into runs, runs into printed lines; raised small digit runs become footnote markers.
fn printed_lines(page: &Page, body_size: f32) -> Vec<PrintedLine> {
    let mut runs: Vec<Run> = Vec::new();
    for g in &page.glyphs {
        let joins = runs.last().is_some_and(|r| continues_run(r, g));
        if joins {
            if let Some(r) = runs.last_mut() {
                // An accent drawn over the letter before it starts inside that letter's box.
                let over_letter = g.x < r.right;
                if let Some(composed) = compose_accent(&r.text, &g.text).filter(|_| over_letter) {
                    r.text = composed;
                    continue;
                }
                if g.x - r.right > 0.2 * g.size
                    && !r.text.ends_with(char::is_whitespace)
                    && !g.text.starts_with(char::is_whitespace)
                {
                    r.text.push(' ');
                }
                r.text.push_str(&g.text);
                r.right = g.x + g.width;
            }
        } else {
            runs.push(Run {
                text: g.text.clone(),
                x: g.x,
                right: g.x + g.width,
                y: g.y,
                size: g.size,
                font: g.font,
                artifact: g.artifact,
                marker: false,
            });
        }
    }
    runs.retain(|r| !r.text.trim().is_empty());
    // Superscript markers: small digits raised above a neighbouring run's baseline.
    for i in 0..runs.len() {
        let r = &runs[i];
        let digits = r.text.trim();
        if digits.is_empty() || digits.len() > 3 || !digits.chars().all(|c| c.is_ascii_digit()) {
            continue;
        }
        let raised = runs.iter().any(|o| {
            o.size > r.size * 1.2
                && r.y > o.y + 0.15 * o.size
                && r.y < o.y + 0.8 * o.size
                && (r.x - o.right).abs() < 2.0 * o.size
        });
        if raised && r.size < 0.9 * body_size.max(r.size * 1.1) {
            runs[i].marker = true;
        }
    }
    let mut lines: Vec<PrintedLine> = Vec::new();
    for run in runs {
        let base_y = if run.marker { None } else { Some(run.y) };
        let target = lines.iter_mut().rev().take(8).find(|l| {
            let same_base = match base_y {
                Some(y) => (l.y - y).abs() < 0.25 * l.size.max(run.size),
                None => run.y > l.y && run.y < l.y + 0.8 * l.size,
            };
            let gap = if run.x >= l.right {
                run.x - l.right
            } else {
                l.x - run.right
            };
            same_base && gap < 1.5 * l.size.max(run.size) && !(run.marker && l.size < run.size)
        });
        match target {
            Some(l) => {
                l.x = l.x.min(run.x);
                l.right = l.right.max(run.right);
                if !run.marker && run.size > l.size {
                    l.size = run.size;
                }
                l.runs.push(run);
                l.runs.sort_by(|a, b| a.x.total_cmp(&b.x));
            }
            None => lines.push(PrintedLine {
                x: run.x,
                right: run.right,
                y: run.y,
                size: run.size,
                runs: vec![run],
            }),
        }
    }
    // A lone marker run (a footnote number printed before its body) is plain text of that line.
    for l in &mut lines {
        if l.runs.iter().all(|r| r.marker) {
            for r in &mut l.runs {
                r.marker = false;
            }
        }
    }
    lines
}

fn continues_run(r: &Run, g: &Glyph) -> bool {
    (g.y - r.y).abs() < 0.01 * r.size.max(1.0)
        && (g.size - r.size).abs() < 0.05
        && g.artifact == r.artifact
        && g.x >= r.right - 0.5 * g.size
        && g.x - r.right < 1.2 * g.size
}

fn to_line(l: &PrintedLine, page: &Page, known: &[&str]) -> Line {
    let with_markers = !known.is_empty();
    let mut text = l.text(with_markers);
    if with_markers {
        // Markers that no footnote on this page answers are plain digits again.
        for r in l.runs.iter().filter(|r| r.marker) {
            let n = r.text.trim();
            if !known.contains(&n) {
                text = text.replace(&note_marker(n), n);
            }
        }
    }
    let font = l
        .runs
        .iter()
        .find(|r| !r.marker)
        .and_then(|r| page.fonts.get(r.font))
        .cloned()
        .unwrap_or_default();
    Line {
        text,
        page: page.number,
        x: l.x,
        y: page.height - l.y,
        size: l.size,
        bold: FontInfo::is_bold(&font),
        font,
        gap_before: false,
        continues: false,
    }
}

/// Sets `continues` and `gap_before` from the geometry of consecutive lines.
fn mark_continuations(lines: &mut [Line], rights: &[f32], body_size: f32) {
    // The right edge of the text column per page: the furthest right a body line reaches.
    let col_right = |page: u32| {
        lines
            .iter()
            .zip(rights)
            .filter(|(l, _)| l.page == page && (l.size - body_size).abs() < 0.15 * body_size)
            .map(|(_, r)| *r)
            .fold(0.0f32, f32::max)
    };
    let rights_by_page: Vec<(u32, f32)> = {
        let mut v: Vec<(u32, f32)> = Vec::new();
        for l in lines.iter() {
            if !v.iter().any(|(p, _)| *p == l.page) {
                v.push((l.page, col_right(l.page)));
            }
        }
        v
    };
    // Whether a line belongs to a list item with a hanging indent.
    let mut item_indent = vec![false; lines.len()];
    for i in 1..lines.len() {
        let (prev, next) = (&lines[i - 1], &lines[i]);
        let same_page = prev.page == next.page;
        let spacing = next.y - prev.y;
        let normal = if same_page {
            spacing > 0.5 * prev.size && spacing < 1.45 * prev.size.max(next.size)
        } else {
            next.page == prev.page + 1
        };
        let gap = same_page && spacing >= 1.45 * prev.size.max(next.size);
        let right_edge = rights_by_page
            .iter()
            .find(|(p, _)| *p == prev.page)
            .map(|(_, r)| *r)
            .unwrap_or(0.0);
        let first_word = next.text.split_whitespace().next().unwrap_or("");
        let room = right_edge - rights[i - 1];
        let first_word_width = (first_word.chars().count() as f32 + 1.0) * 0.6 * prev.size;
        // A line that stops mid-sentence before a lowercase word, or before a number bound to
        // the word after it, continues, even when the word would have fitted (it was bound to the
        // next one: "vergaderjaar 2023–2024," + "nr. 1137."; "de brief van" + "1 december 2023").
        let prev_end = prev.text.trim_end();
        // Ends on a word or a comma: the sentence goes on.
        let unfinished = prev_end.ends_with(|c: char| c == ',' || c.is_alphabetic());
        let mid_sentence = (prev_end.ends_with(|c: char| c == ',' || c.is_alphanumeric())
            && next.text.starts_with(char::is_lowercase))
            || (unfinished && number_before_word(&next.text));
        let full = room < first_word_width || prev.text.ends_with('-') || mid_sentence;
        let dx = next.x - prev.x;
        let in_item = starts_list_item(&prev.text) || (prev.continues && item_indent[i - 1]);
        item_indent[i] = in_item && dx > 0.0;
        let hanging = in_item && dx > 0.0 && dx < 4.0 * prev.size;
        let same_column = dx.abs() < 1.5 * prev.size || hanging || !same_page;
        let same_size = (next.size - prev.size).abs() < 0.1 * prev.size;
        // "X. De ambassade" after "op het platform": an initial (or a name of one letter) that
        // goes on with a sentence, not an item "A." of a list.
        let initial_in_sentence = starts_with_initial(&next.text) && unfinished;
        let list_start = starts_list_item(&next.text) && !initial_in_sentence;
        // Across a page break nothing shows a paragraph gap: a finished sentence followed by a
        // capital starts a new paragraph (a label such as "Vraag 3" at the top of a page).
        let sentence_ends = prev.text.trim_end().ends_with(['.', '?', '!', ':'])
            && next.text.starts_with(char::is_uppercase);
        let continues = normal
            && full
            && same_column
            && same_size
            && !list_start
            && (same_page || !sentence_ends);
        lines[i].gap_before = gap;
        lines[i].continues = continues;
    }
}

/// `1 december 2023`, `20 procent`: a number and a lowercase word, which typesetting keeps on
/// one line.
fn number_before_word(text: &str) -> bool {
    let t = text.trim_start();
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0
        && t[digits..]
            .strip_prefix(' ')
            .is_some_and(|r| r.starts_with(char::is_lowercase))
}

/// `X. De`, `J. de Vries`: one capital letter and a full stop.
fn starts_with_initial(text: &str) -> bool {
    let t = text.trim_start().as_bytes();
    t.len() > 2 && t[0].is_ascii_uppercase() && t[1] == b'.' && t[2] == b' '
}

fn starts_list_item(text: &str) -> bool {
    let t = text.trim_start();
    if ["• ", "- ", "– ", "· ", "▪ ", "● ", "o "]
        .iter()
        .any(|b| t.starts_with(b))
    {
        return true;
    }
    let head: String = t
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect();
    let rest = &t[head.len()..];
    !head.is_empty()
        && head.len() <= 2
        && (rest.starts_with(". ") || rest.starts_with(") "))
        && (head.chars().all(|c| c.is_ascii_digit()) || head.len() == 1)
}

fn collapse_spaces(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            space = true;
        } else {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A body line of 10 pt at `y` whose text ends at `right` (the column ends at 400).
    fn line(text: &str, y: f32) -> Line {
        Line {
            text: text.to_string(),
            page: 1,
            x: 100.0,
            y,
            size: 10.0,
            font: String::new(),
            bold: false,
            gap_before: false,
            continues: false,
        }
    }

    fn continues(prev: (&str, f32), next: (&str, f32)) -> bool {
        let mut lines = [line(prev.0, 100.0), line(next.0, 112.0)];
        mark_continuations(&mut lines, &[prev.1, next.1], 10.0);
        lines[1].continues
    }

    #[test]
    fn a_date_that_did_not_fit_goes_on_with_the_sentence_before_it() {
        // "In bijlage 1 van de brief van" / "1 december 2023 aan de Nationale ombudsman…": the
        // line stops short of the margin, because "1 december" is kept together.
        assert!(continues(
            ("In bijlage 1 van de brief van", 330.0),
            ("1 december 2023 aan de Nationale ombudsman staat", 400.0)
        ));
        // A finished sentence, or a label's number, before a number still ends its line.
        assert!(!continues(
            ("Dat is in de brief vermeld.", 230.0),
            ("3 keer is dat gebeurd", 300.0)
        ));
        assert!(!continues(
            ("Antwoord 3", 160.0),
            ("20 procent van de", 300.0)
        ));
    }

    #[test]
    fn a_capital_and_a_full_stop_after_an_unfinished_line_is_an_initial_not_a_list_item() {
        // "… op het platform" / "X. De ambassade …" at the margin: X is the platform.
        assert!(continues(
            ("in de Filipijnen in het algemeen op het platform", 396.0),
            ("X. De ambassade heeft daarnaast gesproken met", 400.0)
        ));
        // After a colon, "A." starts an item of a list.
        assert!(!continues(
            (
                "De brief bespreekt drie punten, te weten de volgende:",
                396.0
            ),
            ("A. De eerste stap van het plan", 300.0)
        ));
    }
}
