//! Verslag van een schriftelijk overleg: cover, the committee's question letter, reminders and the answer letter.

#[path = "overleg_answers.rs"]
mod answers;
#[path = "overleg_cover.rs"]
mod cover;
#[path = "overleg_qa.rs"]
mod qa;

use super::letter::flow::{free_lines, group, layout, Unit};
use super::letter::lines::{clean_markup, date_in, is_blank, looks_like_signed_name};
use super::letter::notes::{prepass, Prepass};
use super::letter::{build_sections, finish_fates};
use super::{LineFate, Parsed, Place, Source};
use crate::date::Date;
use crate::id::Id;
use crate::model::{Answer, DocumentKind, Question, Section};

/// One letter inside the verslag, from its `BRIEF VAN …` heading to the next.
struct Part {
    heading: String,
    start: usize,
    end: usize,
    role: Role,
}

#[derive(Clone, Copy, PartialEq)]
enum Role {
    Questions,
    Reminder,
    Answers,
}

/// What a letter's header said: recipient and printed date (with its line).
#[derive(Default)]
pub(crate) struct LetterHead {
    pub recipient: Option<String>,
    pub date: Option<(Date, usize)>,
}

/// Parses a verslag van een schriftelijk overleg.
pub fn parse(src: &Source, kind: DocumentKind) -> Parsed {
    let mut parsed = Parsed::empty(src, kind);
    let mut pre = prepass(&src.lines, &src.spelling);
    let parts = split_letters(src, &mut pre);
    let cover_end = parts.first().map_or(src.lines.len(), |p| p.start);
    let info = cover::read_cover(src, &mut pre, &mut parsed, cover_end);
    let mut sections: Vec<Section> = Vec::new();
    let text = free_lines(&src.lines, &pre, 0..cover_end);
    let lay = layout(&src.lines, &text);
    build_sections(
        &group(&src.lines, &text, &lay),
        &pre.known,
        &mut sections,
        &mut parsed.line_fates,
        None,
    );

    let mut questions: Vec<qa::RawQuestion> = Vec::new();
    let mut heads: Vec<(Role, LetterHead)> = Vec::new();
    let mut walk_out: Option<(Vec<qa::RawAnswer>, Option<String>)> = None;
    let mut kenmerk_ref: Option<(Date, String)> = None;
    let mut diagnostics = Vec::new();
    for part in &parts {
        let head = letter_head(src, &mut pre, part);
        sections.push(Section {
            heading: Some(part.heading.clone()),
            blocks: Vec::new(),
        });
        let si = sections.len() - 1;
        for i in part.start..part.end {
            if pre.is_free(i) && clean_markup(src.lines[i]).starts_with("BRIEF VAN")
                || is_heading_continuation(src, &pre, part, i)
            {
                pre.set(i, LineFate::Text(Place::Section(si)));
            }
        }
        let text = free_lines(&src.lines, &pre, part.start..part.end);
        let lay = layout(&src.lines, &text);
        let mut units = group(&src.lines, &text, &lay);
        if part.role != Role::Answers {
            take_signature(&mut units, &mut pre, &mut parsed.document.signatories);
        }
        match part.role {
            Role::Questions => {
                let found = qa::question_letter(
                    src,
                    &units,
                    &pre.known,
                    &mut sections,
                    &mut parsed.line_fates,
                );
                questions.extend(found.questions);
            }
            Role::Reminder => build_into(&units, &pre, &mut sections, si, &mut parsed.line_fates),
            Role::Answers => {
                kenmerk_ref = kenmerk_ref.or_else(|| cover::sent_reference(&units));
                let mut walk = answers::AnswerWalk {
                    src,
                    known: &pre.known,
                    questions: &mut questions,
                    answers: Vec::new(),
                    answered_by: None,
                    signatories: Vec::new(),
                    diagnostics: Vec::new(),
                };
                walk.run(&units, &mut sections, &mut parsed.line_fates);
                parsed
                    .document
                    .signatories
                    .extend(walk.signatories.iter().cloned());
                let by = match (walk.answered_by.clone(), walk.signatories.first()) {
                    (Some(f), Some(n)) => Some(format!("{f} ({n})")),
                    (f, _) => f,
                };
                diagnostics.extend(walk.diagnostics);
                walk_out = Some((walk.answers, by));
            }
        }
        heads.push((part.role, head));
    }
    parsed.diagnostics.extend(diagnostics);
    let head_of = |r: Role| heads.iter().find(|h| h.0 == r).map(|h| &h.1);
    let q_head = head_of(Role::Questions);
    let dates = cover::resolve_dates(
        src,
        &info,
        q_head,
        head_of(Role::Reminder),
        head_of(Role::Answers),
        kenmerk_ref.as_ref(),
        &mut parsed.diagnostics,
    );
    if let Some((_, k)) = &kenmerk_ref {
        parsed.document.references.kenmerk = Some(k.clone());
    }
    let doc = &mut parsed.document;
    doc.dates.question_letter = dates.0;
    doc.dates.reminder_letter = dates.1;
    doc.dates.answer_letter = dates.2;
    doc.date = doc
        .dates
        .vastgesteld
        .or(doc.dates.answer_letter)
        .or(doc.dates.question_letter);
    doc.dates.letter = doc.date;
    if doc.recipient.is_none() {
        doc.recipient = q_head.and_then(|h| h.recipient.clone());
    }
    let addressed = doc
        .recipient
        .clone()
        .map(|r| capitalise(r.trim_start_matches("de ")));
    let (raw_answers, answered_by) = walk_out.unwrap_or_default();
    for q in questions {
        let mut parties: Vec<Id> = Vec::new();
        for a in &q.askers {
            match &a.party {
                Some(p) if !parties.iter().any(|known| known == p) => parties.push(Id::from(p)),
                Some(_) => {}
                None => parsed.diagnostics.push(crate::Diagnostic::new(
                    src.file,
                    None,
                    crate::Severity::Warning,
                    format!(
                        "onbekende partij \"{}\" bij de vragensteller van vraag {}",
                        a.party_as_printed, q.number
                    ),
                )),
            }
        }
        let answer_id = raw_answers
            .iter()
            .find(|a| a.question_ids.contains(&q.id))
            .map(|a| Id::from(&a.id));
        parsed.questions.push(Question {
            id: Id::from(q.id),
            document_id: src.id.clone(),
            number: q.number.to_string(),
            numbers: vec![q.number],
            askers: q.askers,
            parties,
            addressed_to: addressed.clone(),
            heading: q.heading,
            themes: Vec::new(),
            theme_matches: Vec::new(),
            asked_on: parsed.document.dates.question_letter,
            text: q.text,
            footnote_refs: q.refs,
            answer_id,
            page: None,
            sources: Vec::new(),
            report_note: None,
            postponed_on: None,
            postponed: false,
            ministries: Vec::new(),
        });
    }
    for a in raw_answers {
        for qid in &a.question_ids {
            if !parsed.questions.iter().any(|q| &q.id == qid) {
                let msg = format!(
                    "antwoord {} noemt vraag {qid}, maar die staat niet in de vragenbrief",
                    a.number
                );
                parsed.diagnostics.push(crate::Diagnostic::new(
                    src.file,
                    Some(a.line),
                    crate::Severity::Warning,
                    msg,
                ));
            }
        }
        parsed.answers.push(Answer {
            id: Id::from(a.id),
            document_id: src.id.clone(),
            number: a.number,
            question_ids: a.question_ids.into_iter().map(Id::from).collect(),
            answered_on: parsed.document.dates.answer_letter,
            answered_by: answered_by.clone(),
            text: a.text,
            footnote_refs: a.refs,
            page: None,
        });
    }
    parsed.document.sections = sections;
    if parsed.document.chamber.is_none() {
        parsed.document.chamber = super::letter::meta::chamber_from_mentions(&src.lines);
    }
    finish_fates(src, &mut pre, &mut parsed);
    parsed
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next().map_or(String::new(), |f| {
        f.to_uppercase().collect::<String>() + c.as_str()
    })
}

/// The letters in the verslag, by their `BRIEF VAN …` headings.
fn split_letters(src: &Source, pre: &mut Prepass) -> Vec<Part> {
    let starts: Vec<usize> = (0..src.lines.len())
        .filter(|&i| pre.is_free(i) && clean_markup(src.lines[i]).starts_with("BRIEF VAN"))
        .collect();
    let mut parts = Vec::new();
    let mut seen_questions = false;
    for (k, &s) in starts.iter().enumerate() {
        let end = starts.get(k + 1).copied().unwrap_or(src.lines.len());
        let mut heading = clean_markup(src.lines[s]);
        if let Some(next) = src.lines.get(s + 1).filter(|l| is_upper_line(l)) {
            heading = format!(
                "{} {}",
                heading.trim_end_matches('/').trim(),
                clean_markup(next)
            )
            .replace("/ ", "/")
            .replace("- ", "-");
        }
        let upper = heading.to_uppercase();
        let role = if upper.contains("MINISTER") || upper.contains("STAATSSECRETARIS") {
            Role::Answers
        } else if !seen_questions {
            seen_questions = true;
            Role::Questions
        } else {
            Role::Reminder
        };
        parts.push(Part {
            heading: super::letter::lines::collapse_spaces(&heading),
            start: s,
            end,
            role,
        });
    }
    parts
}

fn is_upper_line(l: &str) -> bool {
    let t = l.trim();
    !t.is_empty()
        && t.chars()
            .filter(|c| c.is_alphabetic())
            .all(|c| c.is_uppercase())
        && t.chars().any(|c| c.is_alphabetic())
}

fn is_heading_continuation(src: &Source, pre: &Prepass, part: &Part, i: usize) -> bool {
    i == part.start + 1 && pre.is_free(i) && is_upper_line(src.lines[i])
}

/// Reads `Aan …` and `Den Haag, <datum>` at the top of a letter.
fn letter_head(src: &Source, pre: &mut Prepass, part: &Part) -> LetterHead {
    let mut head = LetterHead::default();
    let top: Vec<usize> = (part.start + 1..part.end)
        .filter(|&i| pre.is_free(i) && !is_blank(src.lines[i]))
        .take(5)
        .collect();
    for i in top {
        let t = clean_markup(src.lines[i]);
        if t.starts_with("Aan ") && head.recipient.is_none() {
            head.recipient = Some(t[4..].trim().to_string());
            pre.set(i, LineFate::Metadata("recipient"));
        } else if t.starts_with("Den Haag") || t.starts_with("'s-Gravenhage") {
            if let Some(d) = date_in(&t) {
                head.date = Some((d, i));
                pre.set(i, LineFate::Metadata("letter date"));
            }
        }
    }
    head
}

/// Paragraphs of a reminder (or other) letter go to its section.
fn build_into(
    units: &[Unit],
    pre: &Prepass,
    sections: &mut [Section],
    si: usize,
    fates: &mut [LineFate],
) {
    for u in units {
        if let Some(s) = sections.get_mut(si) {
            super::letter::push_unit(s, u, &pre.known);
        }
        for i in u.idxs() {
            fates[i] = LineFate::Text(Place::Section(si));
        }
    }
}

/// Removes the closing signature units (names and functions of the chairs) from the end.
fn take_signature(units: &mut Vec<Unit>, pre: &mut Prepass, signatories: &mut Vec<String>) {
    while let Some(u) = units.last() {
        let columns: Vec<String> = u
            .texts()
            .iter()
            .flat_map(|t| {
                t.split("  ")
                    .map(|c| c.trim().to_string())
                    .collect::<Vec<_>>()
            })
            .filter(|c| !c.is_empty())
            .collect();
        let is_sig = !columns.is_empty()
            && columns
                .iter()
                .all(|c| looks_like_signed_name(c) || is_function(c));
        if !is_sig {
            break;
        }
        for c in &columns {
            if looks_like_signed_name(c) && !is_function(c) && !signatories.contains(c) {
                signatories.push(c.clone());
            }
        }
        for i in u.idxs() {
            pre.set(i, LineFate::Metadata("signatory"));
        }
        units.pop();
    }
}

fn is_function(c: &str) -> bool {
    let lower = c.to_lowercase();
    [
        "voorzitter",
        "voor ",
        "de voorzitter",
        "griffier",
        "de griffier",
        "ondervoorzitter",
    ]
    .iter()
    .any(|p| lower.starts_with(p))
}
