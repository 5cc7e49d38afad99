//! Questions of the committee's letter and answers of the minister's letter in a schriftelijk overleg.

use crate::model::{Asker, Block, Section};
use crate::parse::letter::flow::{Unit, UnitKind};
use crate::parse::letter::lines::{numbered_start, strip_markers};
use crate::parse::letter::notes::Known;
use crate::parse::letter::{marked_text, push_unit};
use crate::parse::{LineFate, Place, Source};

/// A question found in the question letter (or, failing that, in the answer letter).
pub(crate) struct RawQuestion {
    pub id: String,
    pub number: u32,
    pub askers: Vec<Asker>,
    pub heading: Option<String>,
    pub text: String,
    pub refs: Vec<String>,
}

pub(crate) struct RawAnswer {
    pub id: String,
    pub number: String,
    pub question_ids: Vec<String>,
    pub text: String,
    pub refs: Vec<String>,
    pub line: usize,
}

pub(crate) fn question_id(doc: &str, series: usize, number: u32) -> String {
    if series <= 1 {
        crate::parse::question_id(doc, &number.to_string())
    } else {
        format!("{doc}-s{series}-v{number}")
    }
}

/// Who asks, from a phrase such as `de leden van de fracties van Volt en de PvdD` or
/// `het lid van de fractie-Van de Sanden`. Empty when the text names no faction.
pub(crate) fn askers_in(text: &str, src: &Source) -> Vec<Asker> {
    let plain = text.replace("**", "");
    let lower = crate::text::lowercase_same_offsets(&plain);
    let mut out = Vec::new();
    for (key, member) in [
        ("het lid van de fractie", true),
        ("de leden van de fractie", false),
        ("leden van de fractie", false),
    ] {
        let Some(pos) = lower.find(key) else { continue };
        let mut rest = &plain[pos + key.len()..];
        if let Some(r) = rest.strip_prefix("-") {
            // One-member faction: `fractie-Van de Sanden`.
            let name: Vec<&str> = r
                .split_whitespace()
                .take_while(|w| is_name_word(w))
                .collect();
            let name = name.join(" ").trim_end_matches([',', '.']).to_string();
            if !name.is_empty() {
                let printed = format!("Fractie-{name}");
                let party = src.registry.resolve_party(&printed).map(|p| p.name.clone());
                out.push(Asker {
                    name: member.then(|| name.clone()),
                    party,
                    party_as_printed: printed,
                    party_on: None,
                });
            }
            return out;
        }
        rest = rest.trim_start_matches('s').trim_start();
        rest = rest.strip_prefix("van ").unwrap_or(rest);
        let mut current: Vec<&str> = Vec::new();
        let mut names: Vec<String> = Vec::new();
        for w in rest.split_whitespace() {
            let clean = w.trim_end_matches([',', '.', ';', ':']);
            if clean == "en" || w.ends_with(',') && current.is_empty() {
                if !current.is_empty() {
                    names.push(current.join(" "));
                    current.clear();
                }
                if clean == "en" {
                    continue;
                }
            }
            if matches!(clean, "de" | "het") && current.is_empty() {
                continue;
            }
            if !is_name_word(clean) {
                break;
            }
            current.push(clean);
            if w.ends_with(',') || w.ends_with('.') {
                names.push(current.join(" "));
                current.clear();
            }
        }
        if !current.is_empty() {
            names.push(current.join(" "));
        }
        for n in names {
            let party = src.registry.resolve_party(&n).map(|p| p.name.clone());
            out.push(Asker {
                name: None,
                party,
                party_as_printed: n,
                party_on: None,
            });
        }
        return out;
    }
    out
}

fn is_name_word(w: &str) -> bool {
    let first = w.chars().next();
    first.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        || matches!(w, "van" | "de" | "der" | "den")
}

/// Paragraphs that belong to the committee, not to a question: they end the question before them.
fn is_committee_paragraph(text: &str) -> bool {
    let starts = [
        "De leden",
        "Het lid",
        "Deze leden",
        "Genoemde leden",
        "De vaste commissie",
        "De commissie",
        "Dit lid",
    ];
    starts.iter().any(|s| text.trim_start().starts_with(s))
}

fn is_asker_heading(text: &str) -> bool {
    let lower = text.to_lowercase();
    lower.starts_with("vragen en opmerkingen")
        || lower.starts_with("vragen van")
        || lower.contains("van de leden van de fractie")
}

/// Text of a question or answer: paragraphs separated by a blank line, list items as `- ` lines.
fn compose(units: &[&Unit], known: &Known, first_rest: Option<&str>) -> (String, Vec<String>) {
    let mut section = Section {
        heading: None,
        blocks: Vec::new(),
    };
    let mut refs: Vec<String> = Vec::new();
    for (k, u) in units.iter().enumerate() {
        let mut unit = (*u).clone();
        if k == 0 {
            if let (Some(rest), Some(first)) = (first_rest, unit.lines.first_mut()) {
                first.text = rest.to_string();
            }
            unit.lines.retain(|l| !l.text.trim().is_empty());
            if unit.lines.is_empty() {
                continue;
            }
        }
        for l in &unit.lines {
            for r in strip_markers(&l.text, &known.notes).1 {
                if !refs.contains(&r) {
                    refs.push(r);
                }
            }
        }
        if unit.kind == UnitKind::Heading {
            unit.kind = UnitKind::Paragraph;
        }
        push_unit(&mut section, &unit, known);
    }
    let parts: Vec<String> = section
        .blocks
        .into_iter()
        .map(|b| match b {
            Block::List(items) => items
                .iter()
                .map(|i| format!("- {i}"))
                .collect::<Vec<_>>()
                .join("\n"),
            Block::Paragraph(p) => p,
            _ => String::new(),
        })
        .filter(|p| !p.is_empty())
        .collect();
    (parts.join("\n\n"), refs)
}

/// Output of the question letter.
pub(crate) struct QuestionLetter {
    pub questions: Vec<RawQuestion>,
}

/// Reads the body of the question letter; fills `sections` and the line fates.
pub(crate) fn question_letter(
    src: &Source,
    units: &[Unit],
    known: &Known,
    sections: &mut Vec<Section>,
    fates: &mut [LineFate],
) -> QuestionLetter {
    let mut out = QuestionLetter {
        questions: Vec::new(),
    };
    let mut askers: Vec<Asker> = Vec::new();
    let mut theme: Option<String> = None;
    let mut series = 1usize;
    let mut last = 0u32;
    let mut k = 0;
    let mut current = sections.len().saturating_sub(1);
    while k < units.len() {
        let u = &units[k];
        let numbered = numbered_start(u.first());
        let is_question = numbered.is_some_and(|(n, _)| n == last + 1 || (n == 1 && last > 0));
        if let (true, Some((n, rest))) = (is_question, numbered) {
            if n == 1 && last > 0 {
                series += 1;
            }
            last = n;
            let id = question_id(&src.id, series, n);
            let titled = u.kind == UnitKind::Heading;
            let mut end = k + 1;
            while end < units.len() {
                let v = &units[end];
                if v.kind == UnitKind::Heading
                    || numbered_start(v.first()).is_some() && v.kind != UnitKind::Item
                    || is_committee_paragraph(v.first())
                {
                    break;
                }
                end += 1;
            }
            let body: Vec<&Unit> = if titled {
                units[k + 1..end].iter().collect()
            } else {
                units[k..end].iter().collect()
            };
            let (text, refs) = compose(&body, known, if titled { None } else { Some(rest) });
            let heading = if titled {
                Some(marked_text(&[rest], known).0)
            } else {
                theme.clone()
            };
            for (j, v) in units[k..end].iter().enumerate() {
                for i in v.idxs() {
                    fates[i] = if titled && j == 0 {
                        LineFate::Metadata("question heading")
                    } else {
                        LineFate::Text(Place::Question(id.clone()))
                    };
                }
            }
            if let Some(s) = sections.get_mut(current) {
                s.blocks.push(Block::Question(id.clone()));
            }
            out.questions.push(RawQuestion {
                id,
                number: n,
                askers: askers.clone(),
                heading,
                text,
                refs,
            });
            k = end;
            continue;
        }
        if u.kind == UnitKind::Heading {
            let text = marked_text(&u.texts(), known).0;
            if is_asker_heading(&text) {
                let found = askers_in(&text, src);
                if !found.is_empty() {
                    askers = found;
                }
                if last > 0 {
                    series += 1;
                    last = 0;
                }
                theme = None;
            } else {
                theme = Some(text.clone());
            }
            sections.push(Section {
                heading: Some(text),
                blocks: Vec::new(),
            });
            current = sections.len() - 1;
        } else {
            let found = askers_in(&marked_text(&u.texts(), known).0, src);
            if !found.is_empty() && u.kind == UnitKind::Paragraph {
                askers = found;
            }
            if let Some(s) = sections.get_mut(current) {
                push_unit(s, u, known);
            }
        }
        for i in u.idxs() {
            fates[i] = LineFate::Text(Place::Section(current));
        }
        k += 1;
    }
    out
}
