//! Kamervragen: Aanhangsel van de Handelingen, questions-only files, Word answer letters and uitstel notices.

use super::kamervragen_blocks::{self as blocks, Blk, BlkKind, Item};
use super::kamervragen_build::build;
use super::kamervragen_header as header;
use super::kamervragen_labels::{self as labels, Style};
use super::kamervragen_meta::Meta;
use super::kamervragen_notes::{footnote_lines, strip_footnote_number};
use super::{question_id, LineFate, Parsed, Place, Source};
use crate::diagnostics::{Diagnostic, Severity};
use crate::hyphenation::DocumentSpelling;
use crate::model::{DocumentKind, Footnote};
use crate::text;
use crate::text_scan::starts_with_lowercase;

/// Parses a Kamervragen-like file. Never panics; every line gets a fate.
pub fn parse(src: &Source, kind: DocumentKind) -> Parsed {
    let mut parsed = Parsed::empty(src, kind);
    let lines = &src.lines;
    let mut footnote_of = footnote_lines(lines);
    if src.clean {
        typed_notes_labelled_as_printed(lines, &mut footnote_of);
    }
    let mut known: Vec<String> = Vec::new();
    for n in footnote_of.iter().flatten() {
        if !known.contains(n) {
            known.push(n.clone());
        }
    }
    for (i, f) in footnote_of.iter().enumerate() {
        if let Some(n) = f {
            parsed.line_fates[i] = LineFate::Text(Place::Footnote(n.clone()));
        }
    }
    // Footnote texts.
    for n in &known {
        let body: Vec<&str> = (0..lines.len())
            .filter(|&i| footnote_of[i].as_ref() == Some(n))
            .map(|i| lines[i])
            .collect();
        let mut t = String::new();
        for (k, l) in body.iter().enumerate() {
            let l = if k == 0 {
                strip_footnote_number(l, n)
            } else {
                l.trim()
            };
            text::join_wrapped(&mut t, l, &src.spelling);
        }
        parsed.document.footnotes.push(Footnote {
            number: n.clone(),
            text: t,
        });
    }

    let style = labels::detect_style(lines, &footnote_of);
    let mut meta = Meta::default();
    let mut blks: Vec<Blk> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if footnote_of[i].is_some() {
            i += 1;
            continue;
        }
        let t = lines[i].trim();
        if t.is_empty() {
            if let Some(b) = blks.last_mut() {
                b.items.push(Item::Break);
            }
            i += 1;
            continue;
        }
        if let Some(k) = text::boilerplate_kind(t).or(page_footer_number(t)) {
            parsed.line_fates[i] = LineFate::Boilerplate(k);
            i += 1;
            continue;
        }
        let body_started = blks
            .iter()
            .any(|b| matches!(b.kind, BlkKind::Question | BlkKind::Answer));
        // "Zie ook Aanhangsel Handelingen, …" on a line of its own above the questions (the Word
        // letters' extracts); further down such a line is text.
        if !body_started && starts_with_lowercase(t, "zie ook aanhangsel") && t.len() < 120 {
            let (_, end) =
                take_see_also(&mut meta, lines, i, i + 1, t, src, &mut parsed.diagnostics);
            for f in &mut parsed.line_fates[i..end] {
                *f = LineFate::Metadata("see also");
            }
            i = end;
            continue;
        }
        if let Some(what) = meta.take_metadata_line(t, blks.is_empty()) {
            parsed.line_fates[i] = LineFate::Metadata(what);
            i += 1;
            continue;
        }
        if header::is_question_header_start(t) && meta.question_header.is_none() && !body_started {
            let end = header_end(lines, i, "(ingezonden", 6);
            let joined = header::with_particles_apart(&join_lines(&lines[i..end], &src.spelling));
            meta.question_header = Some(header::parse_question_header(&joined, src.registry));
            meta.title = joined;
            for f in &mut parsed.line_fates[i..end] {
                *f = LineFate::Text(Place::Title);
            }
            i = end;
            continue;
        }
        if header::is_answer_header_start(t) && meta.answered_by.is_none() && !body_started {
            let end = header_end(lines, i, "(ontvangen", 3);
            let joined = join_lines(&lines[i..end], &src.spelling);
            let (joined, end) = take_see_also(
                &mut meta,
                lines,
                i,
                end,
                &joined,
                src,
                &mut parsed.diagnostics,
            );
            let (who, date) = header::parse_answer_header(&joined);
            meta.answered_by = who.or(Some(String::new()));
            meta.answered_on = date;
            meta.mededeling |= joined.to_lowercase().starts_with("mededeling");
            for f in &mut parsed.line_fates[i..end] {
                *f = LineFate::Metadata("answer header");
            }
            i = end;
            continue;
        }
        // Lone numbers: footnote markers, page numbers, or labels (Word letters numbered `1`).
        if t.chars().all(|c| c.is_ascii_digit() || c == ' ') {
            let label = style == Style::Lone
                && labels::next_question_number(&blks) == t.parse::<u32>().ok();
            if !label {
                let parts: Vec<&str> = t.split_whitespace().collect();
                if parts.iter().all(|p| known.iter().any(|k| k == p)) && !blks.is_empty() {
                    if let Some(b) = blks.last_mut() {
                        b.items.push(Item::Line(i));
                    }
                    parsed.line_fates[i] = LineFate::Metadata("footnote marker");
                } else {
                    parsed.line_fates[i] = LineFate::Boilerplate("page number");
                }
                i += 1;
                continue;
            }
        }
        if let Some(b) = labels::label(t, style, &blks) {
            if let Some(end) = repeated_question(&blks, &b.0, lines, i) {
                let first = blks
                    .iter()
                    .position(|x| x.kind == BlkKind::Question && x.number == b.0.number)
                    .unwrap_or(0);
                let qid = question_id(&src.id, b.0.number.as_deref().unwrap_or(""));
                for k in i..end {
                    if !lines[k].trim().is_empty() && footnote_of[k].is_none() {
                        parsed.line_fates[k] = LineFate::RepeatedQuestion(qid.clone());
                    }
                }
                let _ = first;
                let number = b.0.number.clone().unwrap_or_default();
                parsed.diagnostics.push(
                    Diagnostic::new(
                        src.file,
                        Some(i + 1),
                        Severity::Warning,
                        format!(
                            "vraag {number} staat twee keer in het document; één keer meegeteld"
                        ),
                    )
                    .about_question(number),
                );
                i = end;
                continue;
            }
            if let Some(n) = b.0.number.as_deref().filter(|n| !t.contains(n)) {
                parsed.diagnostics.push(Diagnostic::new(
                    src.file,
                    Some(i + 1),
                    Severity::Info,
                    format!("het label \"{t}\" is gelezen als nummer {n}, het volgende nummer"),
                ));
            }
            blks.push(b.0.clone());
            if let (Some(off), Some(last)) = (b.1, blks.last_mut()) {
                last.items.push(Item::Part(i, off));
            } else {
                parsed.line_fates[i] = LineFate::Metadata("label");
            }
            i += 1;
            continue;
        }
        if let Some(heading) = labels::closing_heading(t) {
            blks.push(Blk::new(
                BlkKind::Closing(Some(heading.to_string())),
                None,
                Vec::new(),
            ));
            if heading == t {
                parsed.line_fates[i] = LineFate::Metadata("heading");
                i += 1;
                continue;
            }
        }
        // "De vragen van het lid X (P) over …" in a notice names the askers; the line stays text.
        if meta.question_header.is_none() && starts_with_lowercase(t, "de vragen van ") {
            meta.question_header = Some(header::parse_question_header(t, src.registry));
        }
        // "In antwoord op uw brief van 5 juli 2024, nr. 2024Z11859, deel ik u mede dat de vragen
        // van de leden …": the cover of an answer letter; the line stays text.
        if !body_started {
            meta.take_cover_line(t, src.registry);
        }
        let body_kind = if style == Style::Unnumbered
            && (meta.question_header.is_some() || meta.answered_by.is_some())
            && !meta.mededeling
        {
            BlkKind::Body
        } else {
            BlkKind::Intro
        };
        if blks.is_empty()
            || (blks.last().map(|b| &b.kind) == Some(&BlkKind::Intro) && body_kind == BlkKind::Body)
        {
            blks.push(Blk::new(body_kind, None, Vec::new()));
        }
        if let Some(b) = blks.last_mut() {
            b.items.push(Item::Line(i));
        }
        i += 1;
    }
    if style == Style::Unnumbered {
        blks = blocks::split_unnumbered(blks, lines);
    } else {
        let (split, numbers) = blocks::split_unlabelled_answers(blks, lines, src.clean);
        blks = split;
        for n in numbers {
            parsed.diagnostics.push(Diagnostic::new(
                src.file,
                None,
                Severity::Info,
                format!("op vraag {n} volgt het antwoord zonder de aanduiding \"Antwoord\"; de tekst na de vraag is opgevat als antwoord {n}"),
            ));
        }
    }
    if blocks::notice_as_answer(&mut blks, lines) {
        parsed.diagnostics.push(Diagnostic::new(
            src.file,
            None,
            Severity::Info,
            "de mededeling zegt dat de vragen elders beantwoord zijn; ze is bewaard als hun antwoord",
        ));
    }
    build(src, &mut parsed, meta, blks, &known, kind);
    parsed
}

/// An original's typed notes (`1) NOS, 6 maart 2024 …`, `[1] NOS, …`, or a list `1. Argos, …` that
/// the text cites as `1)`, after the last answer of a Word letter: the questions' own notes) are
/// labelled as their markers print them (`1)`, `[1]`), so that the reader's footnotes, numbered on
/// their own, do not take their numbers.
fn typed_notes_labelled_as_printed(lines: &[&str], footnote_of: &mut [Option<String>]) {
    let mut labels: Vec<(String, String)> = Vec::new();
    for (l, f) in lines.iter().zip(footnote_of.iter()) {
        let Some(n) = f else { continue };
        if labels.iter().any(|(k, _)| k == n) {
            continue;
        }
        let t = l.trim_start();
        let after = |mark: &str| {
            t.strip_prefix(mark)
                .is_some_and(|r| r.starts_with(char::is_whitespace))
        };
        if after(&format!("[{n}]")) {
            labels.push((n.clone(), format!("[{n}]")));
        } else if after(&format!("{n})")) || after(&format!("{n}.")) {
            labels.push((n.clone(), format!("{n})")));
        }
    }
    for f in footnote_of.iter_mut() {
        if let Some(n) = f.as_mut() {
            if let Some((_, label)) = labels.iter().find(|(k, _)| k == n) {
                *n = label.clone();
            }
        }
    }
}

/// `Aanhangsel 2` alone on a line: the page footer of an Aanhangsel, cut from a longer line.
fn page_footer_number(t: &str) -> Option<&'static str> {
    let n = t.strip_prefix("Aanhangsel ")?;
    (!n.is_empty() && n.len() <= 4 && n.bytes().all(|b| b.is_ascii_digit()))
        .then_some("running footer")
}

/// If the label at `i` repeats an earlier question with the same number and the same text, the
/// index after the repeated text.
fn repeated_question(blks: &[Blk], new: &Blk, lines: &[&str], i: usize) -> Option<usize> {
    if new.kind != BlkKind::Question || new.number.is_none() {
        return None;
    }
    let earlier = blks
        .iter()
        .find(|b| b.kind == BlkKind::Question && b.number == new.number)?;
    let earlier_text: String = earlier
        .items
        .iter()
        .filter_map(|it| match it {
            Item::Line(l) => lines.get(*l).map(|s| text::compare_key(s)),
            _ => None,
        })
        .collect();
    let mut end = i + 1;
    let mut repeated = String::new();
    while end < lines.len() && !labels::looks_like_label(lines[end].trim()) {
        repeated.push_str(&text::compare_key(lines[end]));
        end += 1;
    }
    (!repeated.is_empty() && repeated == earlier_text).then_some(end)
}

/// The index after the last line of a header that starts at `start` and ends with `(word …)`.
fn header_end(lines: &[&str], start: usize, word: &str, max: usize) -> usize {
    let mut acc = String::new();
    let mut k = start;
    while k < lines.len() && k < start + max {
        let t = lines[k].trim();
        if k > start
            && (t.is_empty() || header::is_answer_header_start(t) || labels::looks_like_label(t))
        {
            break;
        }
        acc.push(' ');
        acc.push_str(t);
        k += 1;
        let lower = acc.to_lowercase();
        if let Some(p) = lower.find(word) {
            if lower[p..].contains(')') {
                break;
            }
        }
    }
    k.max(start + 1)
}

/// Keeps the reference to a postponement notice that `text` (lines `from..to`, joined) prints,
/// reading on into the next line when it runs on ("… vergaderjaar" / "2023–2024, nr. 594.");
/// returns the text and the end of the lines it took. A "Zie ook" whose vergaderjaar and number
/// cannot be read is reported at its line: the postponement is then not counted.
fn take_see_also(
    meta: &mut Meta,
    lines: &[&str],
    from: usize,
    to: usize,
    text: &str,
    src: &Source,
    diagnostics: &mut Vec<Diagnostic>,
) -> (String, usize) {
    // "Zie ook Aanhangsel", or "Zie ook" at the end of a line with the rest on the next.
    let says_see_also = |t: &str| {
        let lower = text::lowercase_same_offsets(t);
        lower.contains("zie ook aanhangsel") || lower.trim_end().ends_with("zie ook")
    };
    if meta.take_postponement_reference(text) || !says_see_also(text) {
        return (text.to_string(), to);
    }
    if let Some(next) = lines.get(to) {
        let longer = join_lines(&[text, next], &src.spelling);
        if meta.take_postponement_reference(&longer) {
            return (longer, to + 1);
        }
    }
    let at = (from..to)
        .find(|&k| says_see_also(lines[k]))
        .unwrap_or(from);
    diagnostics.push(Diagnostic::new(
        src.file,
        Some(at + 1),
        Severity::Warning,
        "\"Zie ook Aanhangsel …\" zonder leesbaar vergaderjaar en nummer: het uitstel dat het meldt \
         is niet meegeteld in de termijn",
    ));
    (text.to_string(), to)
}

fn join_lines(lines: &[&str], spelling: &DocumentSpelling) -> String {
    let mut s = String::new();
    for l in lines {
        text::join_wrapped(&mut s, l, spelling);
    }
    s
}
