//! Letters without questions: Kamerbrieven, ministry notes (nota) and letters of organisations.

#[path = "letter_flow.rs"]
pub(crate) mod flow;
#[path = "letter_lines.rs"]
pub(crate) mod lines;
#[path = "letter_meta.rs"]
pub(crate) mod meta;
#[path = "letter_notes.rs"]
pub(crate) mod notes;

use super::{LineFate, Parsed, Place, Source};
use crate::diagnostics::{Diagnostic, Severity};
use crate::model::{Block, DocumentKind, Section};
use flow::{Unit, UnitKind};
use notes::Known;

/// Parses a letter: letterhead metadata, title, themed sections, signatories, footnotes and links.
pub fn parse(src: &Source, kind: DocumentKind) -> Parsed {
    let mut parsed = Parsed::empty(src, kind);
    let mut pre = notes::prepass(&src.lines, &src.spelling);
    let head = meta::letterhead(src, &mut pre, &mut parsed);
    let body_end = meta::signature(src, &mut pre, &mut parsed, head.body_start);
    let text = flow::free_lines(&src.lines, &pre, head.body_start..body_end);
    let lay = flow::layout(&src.lines, &text);
    let units = flow::group(&src.lines, &text, &lay);
    let mut sections: Vec<Section> = Vec::new();
    build_sections(
        &units,
        &pre.known,
        &mut sections,
        &mut parsed.line_fates,
        None,
    );
    parsed.document.sections = sections;
    if parsed.document.title.is_empty() {
        parsed.document.title = meta::fallback_title(&parsed, &pre.links);
        parsed.diagnostics.push(Diagnostic::new(
            src.file,
            None,
            Severity::Info,
            "geen titel vermeld; titel samengesteld uit de afzender en de eerste zin",
        ));
    }
    if kind != DocumentKind::Nota && parsed.document.chamber.is_none() {
        parsed.document.chamber = meta::chamber_from_mentions(&src.lines);
    }
    finish_fates(src, &mut pre, &mut parsed);
    parsed
}

/// Copies the first-pass results (footnotes, links, decided fates) into `parsed`; lines nobody
/// claimed become an error diagnostic and are kept as text of the last section.
pub(crate) fn finish_fates(src: &Source, pre: &mut notes::Prepass, parsed: &mut Parsed) {
    parsed.document.footnotes = std::mem::take(&mut pre.footnotes);
    for l in std::mem::take(&mut pre.links) {
        if !parsed.document.links.contains(&l) {
            parsed.document.links.push(l);
        }
    }
    let mut lost: Vec<usize> = Vec::new();
    for (i, fate) in pre.fates.iter().enumerate() {
        if let Some(f) = fate {
            if let Some(slot) = parsed.line_fates.get_mut(i) {
                *slot = f.clone();
            }
        } else if parsed.line_fates.get(i) == Some(&LineFate::Blank)
            && !lines::is_blank(src.lines[i])
        {
            lost.push(i);
        }
    }
    if lost.is_empty() {
        return;
    }
    parsed.diagnostics.push(Diagnostic::new(
        src.file,
        Some(lost[0] + 1),
        Severity::Warning,
        format!(
            "{} regel(s) zonder plaats in de opbouw van het document; achteraan bewaard als apart tekstdeel",
            lost.len()
        ),
    ));
    let idx = parsed.document.sections.len();
    let texts: Vec<String> = lost
        .iter()
        .map(|&i| lines::clean_markup(src.lines[i]))
        .collect();
    parsed.document.sections.push(Section {
        heading: None,
        blocks: vec![Block::Paragraph(lines::join_lines(&texts, &src.spelling))],
    });
    for i in lost {
        parsed.line_fates[i] = LineFate::Text(Place::Section(idx));
    }
}

/// Turns units into sections: each heading opens a section; paragraphs and list items fill it.
/// `first_heading` names the section that collects the units before the first heading.
pub(crate) fn build_sections(
    units: &[Unit],
    known: &Known,
    sections: &mut Vec<Section>,
    fates: &mut [LineFate],
    first_heading: Option<String>,
) {
    let mut current: Option<usize> = None;
    for u in units {
        if u.kind == UnitKind::Heading {
            let (text, _) = marked_text(&u.texts(), known);
            sections.push(Section {
                heading: Some(text),
                blocks: Vec::new(),
            });
            current = Some(sections.len() - 1);
        } else if current.is_none() {
            sections.push(Section {
                heading: first_heading.clone(),
                blocks: Vec::new(),
            });
            current = Some(sections.len() - 1);
        }
        let Some(si) = current else { continue };
        for i in u.idxs() {
            if let Some(f) = fates.get_mut(i) {
                *f = LineFate::Text(Place::Section(si));
            }
        }
        if u.kind == UnitKind::Heading {
            continue;
        }
        let Some(section) = sections.get_mut(si) else {
            continue;
        };
        push_unit(section, u, known);
    }
}

/// Adds one paragraph or list item to a section (consecutive items form one list).
pub(crate) fn push_unit(section: &mut Section, u: &Unit, known: &Known) {
    if u.kind == UnitKind::Item {
        let (text, _) = marked_text(&[flow::item_text(u, &known.spelling).as_str()], known);
        if let Some(Block::List(items)) = section.blocks.last_mut() {
            items.push(text);
        } else {
            section.blocks.push(Block::List(vec![text]));
        }
    } else {
        let (text, _) = marked_text(&u.texts(), known);
        section.blocks.push(Block::Paragraph(text));
    }
}

/// Lines joined into one text with footnote markers removed; returns the text and the markers.
pub(crate) fn marked_text(texts: &[&str], known: &Known) -> (String, Vec<String>) {
    let mut refs = Vec::new();
    let mut cleaned = Vec::new();
    for t in texts {
        let (c, r) = lines::strip_markers(t, &known.notes);
        cleaned.push(c);
        for x in r {
            if !refs.contains(&x) {
                refs.push(x);
            }
        }
    }
    (lines::join_lines(&cleaned, &known.spelling), refs)
}
