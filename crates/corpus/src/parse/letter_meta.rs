//! Letterhead, signature and title of a letter: the metadata around its body.

use super::lines::{
    clean_markup, date_in, ends_comma, ends_sentence, is_blank, looks_like_signed_name,
};
use super::notes::Prepass;
use crate::date::{month_number, Date};
use crate::model::Chamber;
use crate::parse::{LineFate, Parsed, Place, Source};

pub(crate) struct Head {
    pub body_start: usize,
}

const LABELS: [&str; 12] = [
    "datum",
    "onze referentie",
    "ons kenmerk",
    "kenmerk",
    "uw referentie",
    "uw kenmerk",
    "uw brief",
    "bijlage(n)",
    "bijlagen",
    "contactpersoon",
    "betreft",
    "onderwerp",
];
/// The labels of the sender's own reference, lowercase: in a letter's text and in a Word letter's
/// letterhead (`originals`).
pub(crate) const KENMERK_LABELS: [&str; 3] = ["onze referentie", "ons kenmerk", "kenmerk"];
const KIND_LINES: [&str; 4] = ["brief regering", "nota", "kamerbrief", "memo"];
const VIEWER_LINES: [&str; 4] = [
    "directe link naar document",
    "gerelateerde personen",
    "onderdeel van activiteiten",
    "preview document",
];

/// Reads the letterhead (lines before the body) into document fields; returns where the body starts.
pub(crate) fn letterhead(src: &Source, pre: &mut Prepass, parsed: &mut Parsed) -> Head {
    let lines = &src.lines;
    let doc = &mut parsed.document;
    let mut body_start = 0;
    let mut kind_line: Option<usize> = None;
    let mut head_free: Vec<usize> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if !pre.is_free(i) {
            i += 1;
            continue;
        }
        let t = clean_markup(lines[i]);
        let lower = t.to_lowercase();
        let fate: Option<LineFate> = if t.starts_with('[') && t.contains("] [") {
            Some(LineFate::Boilerplate("viewer navigation"))
        } else if VIEWER_LINES.iter().any(|v| lower.starts_with(v)) {
            Some(LineFate::Boilerplate("viewer"))
        } else if let Some(rest) = lower.strip_prefix("nummer:") {
            let number = rest.split(',').next().unwrap_or("").trim().to_uppercase();
            doc.references.document_number = Some(number).filter(|n| !n.is_empty());
            if let Some(d) = lower
                .split("datum:")
                .nth(1)
                .and_then(|r| Date::parse_iso(r.trim().get(..10).unwrap_or("")))
            {
                doc.date = Some(d);
                doc.dates.letter = Some(d);
            }
            Some(LineFate::Metadata("document number"))
        } else if let Some(rest) = lower.strip_prefix("onderdeel van zaak") {
            let zaak: String = rest
                .chars()
                .filter(|c| c.is_alphanumeric())
                .collect::<String>()
                .to_uppercase();
            doc.references.zaak = Some(zaak).filter(|z| !z.is_empty());
            Some(LineFate::Metadata("zaak"))
        } else if KIND_LINES.contains(&lower.as_str()) {
            kind_line = Some(i);
            Some(LineFate::Metadata("kind"))
        } else if lower.starts_with("t.a.v. ") || (lower.starts_with("aan ") && t.len() < 90) {
            doc.recipient = Some(
                t.split_once(' ')
                    .map_or(t.as_str(), |x| x.1)
                    .trim()
                    .to_string(),
            );
            Some(LineFate::Metadata("recipient"))
        } else if lower.starts_with("geachte ") && ends_comma(&t) {
            if doc.recipient.is_none() {
                doc.recipient = Some(t[8..].trim_end_matches(',').trim().to_string());
            }
            Some(LineFate::Metadata("salutation"))
        } else if LABELS.contains(&lower.as_str()) {
            let value = (i + 1..lines.len()).find(|&j| !is_blank(lines[j]));
            if let Some(j) = value.filter(|&j| pre.is_free(j)) {
                let v = clean_markup(lines[j]);
                match lower.as_str() {
                    "datum" => {
                        if let Some(d) = date_in(&v) {
                            doc.date = Some(d);
                            doc.dates.letter = Some(d);
                        }
                    }
                    label if KENMERK_LABELS.contains(&label) => {
                        doc.references.kenmerk = Some(v.clone())
                    }
                    "betreft" | "onderwerp" => {
                        doc.title = v.clone();
                        pre.set(j, LineFate::Text(Place::Title));
                    }
                    _ => {}
                }
                if pre.is_free(j) {
                    pre.set(j, LineFate::Metadata("letterhead value"));
                }
            }
            Some(LineFate::Metadata("letterhead label"))
        } else {
            None
        };
        match fate {
            Some(f) => {
                pre.set(i, f);
                body_start = i + 1;
            }
            None => {
                let body = t.chars().count() > 100
                    || (ends_sentence(&t) && t.chars().count() > 40)
                    || super::lines::numbered_start(&t).is_some();
                if body {
                    break;
                }
                head_free.push(i);
            }
        }
        i += 1;
    }
    // Title: after the kind line, else the last free head line before it; the rest is sender block.
    let title_line = match kind_line {
        Some(k) => head_free
            .iter()
            .copied()
            .find(|&j| j > k && j < body_start)
            .or_else(|| head_free.iter().copied().rfind(|&j| j < k)),
        None => head_free.iter().copied().find(|&j| j < body_start),
    };
    let mut sender_parts: Vec<String> = Vec::new();
    for &j in head_free.iter().filter(|&&j| j < body_start) {
        if Some(j) == title_line && doc.title.is_empty() {
            doc.title = clean_markup(lines[j]);
            pre.set(j, LineFate::Text(Place::Title));
        } else if pre.is_free(j) {
            let t = clean_markup(lines[j]);
            let address = t.chars().any(|c| c.is_ascii_digit())
                || t.to_lowercase().starts_with("www.")
                || t.to_lowercase().starts_with("postbus");
            let continues_bold = j.checked_sub(1).is_some_and(|p| {
                lines[p].trim_start().starts_with("**")
                    && !lines[p].matches("**").count().is_multiple_of(2)
            });
            if !address && continues_bold {
                if let Some(last) = sender_parts.last_mut() {
                    last.push(' ');
                    last.push_str(&t);
                }
            } else if !address && sender_parts.len() < 2 {
                sender_parts.push(t);
            }
            pre.set(j, LineFate::Metadata("sender"));
        }
    }
    if !sender_parts.is_empty() {
        doc.sender = Some(sender_parts.join(", "));
    }
    mark_repeated_letterhead(lines, pre, body_start);
    Head { body_start }
}

/// Letterhead lines printed again on later pages (running header) are boilerplate.
fn mark_repeated_letterhead(lines: &[&str], pre: &mut Prepass, body_start: usize) {
    let seen: Vec<String> = (0..body_start.min(lines.len()))
        .filter(|&i| {
            matches!(
                pre.fates[i],
                Some(LineFate::Metadata(_)) | Some(LineFate::Text(Place::Title))
            )
        })
        .map(|i| clean_markup(lines[i]))
        .filter(|t| !t.is_empty())
        .collect();
    for (i, line) in lines.iter().enumerate().skip(body_start) {
        if pre.is_free(i) && seen.contains(&clean_markup(line)) {
            pre.set(i, LineFate::Boilerplate("repeated letterhead"));
        }
    }
}

/// Finds the closing and signature at the end; returns the line where the body ends.
pub(crate) fn signature(
    src: &Source,
    pre: &mut Prepass,
    parsed: &mut Parsed,
    body_start: usize,
) -> usize {
    let lines = &src.lines;
    let free: Vec<usize> = (body_start..lines.len())
        .filter(|&i| pre.is_free(i) && !is_blank(lines[i]))
        .collect();
    let tail = &free[free.len().saturating_sub(8)..];
    let start = tail.iter().copied().find(|&i| {
        let t = clean_markup(lines[i]).to_lowercase();
        t.starts_with("met vriendelijke groet")
            || t.starts_with("hoogachtend")
            || is_function_line(&t)
    });
    let Some(start) = start else {
        return lines.len();
    };
    let doc = &mut parsed.document;
    for &i in free.iter().filter(|&&i| i >= start) {
        let t = clean_markup(lines[i]);
        let lower = t.to_lowercase();
        if lower.starts_with("met vriendelijke groet") || lower.starts_with("hoogachtend") {
            pre.set(i, LineFate::Metadata("closing"));
        } else if is_function_line(&lower) {
            let function = t.trim_end_matches(',').trim();
            let function = function.strip_prefix("De ").unwrap_or(function);
            doc.sender.get_or_insert_with(|| function.to_string());
            pre.set(i, LineFate::Metadata("signatory"));
        } else {
            // A role line under the name: `Bestuursvoorzitter VluchtelingenWerk Nederland`.
            let mut words = t.split_whitespace();
            let role = words.next().unwrap_or("").to_lowercase();
            let rest: Vec<&str> = words.collect();
            let is_role = [
                "voorzitter",
                "directeur",
                "secretaris",
                "coördinator",
                "manager",
            ]
            .iter()
            .any(|r| role.ends_with(r));
            if !is_role && looks_like_signed_name(&t) {
                doc.signatories.push(t.clone());
            } else {
                let org = if is_role && !rest.is_empty() {
                    rest.join(" ")
                } else {
                    t.clone()
                };
                doc.sender.get_or_insert(org);
            }
            pre.set(i, LineFate::Metadata("signatory"));
        }
    }
    start
}

fn is_function_line(lower: &str) -> bool {
    (lower.starts_with("de minister")
        || lower.starts_with("de staatssecretaris")
        || lower.starts_with("de minister-president"))
        && lower.trim_end().ends_with(',')
}

/// Chamber by the mentions of either chamber (names and site addresses) in the whole file.
pub(crate) fn chamber_from_mentions(lines: &[&str]) -> Option<Chamber> {
    let mut tk = 0;
    let mut ek = 0;
    for l in lines {
        // Every name counted has "kamer" in it: a line of plain ASCII without it has none.
        if l.is_ascii()
            && !l
                .as_bytes()
                .windows(5)
                .any(|w| w.eq_ignore_ascii_case(b"kamer"))
        {
            continue;
        }
        let lower = l.to_lowercase();
        tk += lower.matches("tweede kamer").count() + lower.matches("tweedekamer.nl").count();
        ek += lower.matches("eerste kamer").count() + lower.matches("eerstekamer.nl").count();
    }
    match tk.cmp(&ek) {
        std::cmp::Ordering::Greater => Some(Chamber::TweedeKamer),
        std::cmp::Ordering::Less => Some(Chamber::EersteKamer),
        std::cmp::Ordering::Equal => None,
    }
}

/// `Brief van <sender>` plus the debate it was written for, when the opening sentence names one.
pub(crate) fn fallback_title(parsed: &Parsed, links: &[String]) -> String {
    let sender = parsed
        .document
        .sender
        .clone()
        .unwrap_or_else(|| "onbekende afzender".to_string());
    let mut title = format!("Brief van {sender}");
    let opening = parsed
        .document
        .sections
        .iter()
        .flat_map(|s| s.blocks.iter())
        .find_map(|b| match b {
            crate::model::Block::Paragraph(p) => Some(p.clone()),
            _ => None,
        });
    if let Some(p) = opening {
        if let Some(pos) = p.find("debat") {
            let start = p[..pos].rfind(" het ").map_or(pos, |s| s + 5);
            let words: Vec<&str> = p[start..].split_whitespace().collect();
            if let Some(k) = words.windows(3).position(|w| {
                w[0] == "van" && w[1].parse::<u8>().is_ok() && month_number(w[2]).is_some()
            }) {
                let mut phrase = words[..k + 3].join(" ");
                let year = words
                    .get(k + 3)
                    .and_then(|y| y.trim_end_matches(['.', ',']).parse::<u16>().ok());
                if let Some(y) = year.or_else(|| year_from_links(links)) {
                    phrase.push_str(&format!(" {y}"));
                }
                title.push_str(&format!(" voor het {phrase}"));
            }
        }
    }
    title
}

/// The latest year in dated link paths (`/2025/04/01/`, `/2025-03/`): the year the letter was written.
fn year_from_links(links: &[String]) -> Option<u16> {
    links
        .iter()
        .flat_map(|l| {
            l.split(['/', '-', '_', '.', '?', '='])
                .map(|p| p.to_string())
                .collect::<Vec<_>>()
        })
        .filter_map(|p| p.parse::<u16>().ok())
        .filter(|y| (2000..=2100).contains(y))
        .max()
}
