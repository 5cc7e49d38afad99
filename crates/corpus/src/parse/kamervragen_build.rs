//! Turns the blocks of a Kamervragen file into its questions, answers and sections, and reports what does not add up.

use super::kamervragen_blocks::{self as blocks, Blk, BlkKind, Item};
use super::kamervragen_header::QuestionHeader;
use super::kamervragen_meta::Meta;
use super::{answer_id, question_id, text_section, LineFate, Parsed, Place, Source};
use crate::diagnostics::{Diagnostic, Severity};
use crate::hash::{FastMap, FastSet};
use crate::id::Id;
use crate::model::{Answer, Block, Chamber, DocumentKind, Question, Section};

/// Turns blocks into questions, answers and sections, and reports what does not add up.
pub(super) fn build(
    src: &Source,
    parsed: &mut Parsed,
    meta: Meta,
    blks: Vec<Blk>,
    known: &[String],
    detected: DocumentKind,
) {
    let doc_id = src.id.clone();
    let h = meta.question_header.clone().unwrap_or_default();
    let asked_on = h.asked_on.or(meta.asked_on_line);
    let mut parties: Vec<Id> = Vec::new();
    for a in &h.askers {
        if let Some(p) = &a.party {
            if !parties.iter().any(|known| known == p) {
                parties.push(Id::from(p));
            }
        }
    }
    let mut main = Section {
        heading: None,
        blocks: Vec::new(),
    };
    let mut extra: Vec<Section> = Vec::new();
    let mut place_of_block: Vec<Place> = Vec::new();
    let mut since_last: Vec<usize> = Vec::new();
    let mut used_ids = UsedIds::default();
    let mut position = 0u32;
    for (at, b) in blks.iter().enumerate() {
        let (body, refs) = if src.clean {
            blocks::clean_block_text(b, &src.lines, known)
        } else {
            blocks::block_text(b, &src.lines, known, &src.spelling)
        };
        let page = blocks::label_line(b, &src.lines).and_then(|i| src.page_of(i));
        match &b.kind {
            BlkKind::Question => {
                position += 1;
                let number = b.number.clone().unwrap_or_else(|| position.to_string());
                let numbers = if b.numbers.is_empty() {
                    vec![position]
                } else {
                    b.numbers.clone()
                };
                let line = blocks::label_line(b, &src.lines).map(|l| l + 1);
                let before = position - 1;
                // A document may print its questions out of order (6 to 8 after 9 and 10,
                // answered in that order): a number printed later is not missing.
                let printed_later = |n: u32| {
                    blks[at + 1..]
                        .iter()
                        .any(|l| l.kind == BlkKind::Question && l.numbers.contains(&n))
                };
                let skipped = numbers.first().map_or(0..0, |&n| before + 1..n);
                if skipped.clone().any(|n| !printed_later(n)) && !b.numbers.is_empty() {
                    let msg = format!("vraag {number} volgt op vraag {before}: de nummers daartussen ontbreken (een label verloren of verkeerd gelezen?)");
                    parsed.diagnostics.push(
                        Diagnostic::new(src.file, line, Severity::Warning, msg)
                            .about_question(number.clone()),
                    );
                }
                if let Some(&last) = numbers.last() {
                    position = position.max(last);
                }
                let id = unique(
                    question_id(&doc_id, &number),
                    &mut used_ids,
                    parsed,
                    (src.file, line),
                );
                main.blocks.push(Block::Question(id.clone()));
                place_of_block.push(Place::Question(id.clone()));
                since_last.push(parsed.questions.len());
                parsed.questions.push(Question {
                    id: Id::from(id),
                    document_id: doc_id.clone(),
                    number,
                    numbers,
                    askers: h.askers.clone(),
                    parties: parties.clone(),
                    addressed_to: h.addressed_to.clone(),
                    heading: None,
                    themes: Vec::new(),
                    theme_matches: Vec::new(),
                    asked_on,
                    text: body,
                    footnote_refs: refs,
                    answer_id: None,
                    page,
                    sources: Vec::new(),
                    report_note: None,
                    postponed_on: None,
                    postponed: false,
                    ministries: Vec::new(),
                });
            }
            BlkKind::Answer => {
                let mut covered: Vec<usize> = if b.numbers.is_empty() {
                    since_last.clone()
                } else {
                    (0..parsed.questions.len())
                        .filter(|&q| {
                            parsed.questions[q]
                                .numbers
                                .iter()
                                .any(|n| b.numbers.contains(n))
                        })
                        .collect()
                };
                if covered.is_empty() && !b.numbers.is_empty() {
                    covered = since_last
                        .iter()
                        .copied()
                        .filter(|&q| parsed.questions[q].answer_id.is_none())
                        .collect();
                    if !covered.is_empty() {
                        let msg = format!("antwoord {} past bij geen enkel vraagnummer; gekoppeld aan de vraag ervoor", b.number.clone().unwrap_or_default());
                        parsed.diagnostics.push(Diagnostic::new(
                            src.file,
                            None,
                            Severity::Warning,
                            msg,
                        ));
                    }
                }
                since_last.clear();
                let number = b.number.clone().unwrap_or_else(|| {
                    covered
                        .iter()
                        .map(|&q| parsed.questions[q].number.clone())
                        .collect::<Vec<_>>()
                        .join(" en ")
                });
                let line = blocks::label_line(b, &src.lines).map(|l| l + 1);
                let id = unique(
                    answer_id(&doc_id, &number),
                    &mut used_ids,
                    parsed,
                    (src.file, line),
                );
                let shared_id = Id::from(&id);
                let mut qids = Vec::new();
                for &q in &covered {
                    let question = &mut parsed.questions[q];
                    qids.push(question.id.clone());
                    if question.answer_id.is_none() {
                        question.answer_id = Some(shared_id.clone());
                    } else {
                        let msg = format!(
                            "vraag {} is twee keer beantwoord; het eerste antwoord is aangehouden",
                            question.number
                        );
                        parsed.diagnostics.push(Diagnostic::new(
                            src.file,
                            None,
                            Severity::Warning,
                            msg,
                        ));
                    }
                }
                main.blocks.push(Block::Answer(id.clone()));
                place_of_block.push(Place::Answer(id.clone()));
                parsed.answers.push(Answer {
                    id: shared_id,
                    document_id: doc_id.clone(),
                    number,
                    question_ids: qids,
                    answered_on: meta.answered_on,
                    answered_by: meta.answered_by.clone().filter(|s| !s.is_empty()),
                    text: body,
                    footnote_refs: refs,
                    page,
                });
            }
            BlkKind::Intro | BlkKind::Body => {
                if let Some(Item::Line(first) | Item::Part(first, _)) =
                    b.items.iter().find(|it| **it != Item::Break)
                {
                    let msg =
                        "tekst buiten een vraag of antwoord; bewaard als apart tekstdeel van het document";
                    parsed.diagnostics.push(Diagnostic::new(
                        src.file,
                        Some(first + 1),
                        Severity::Info,
                        msg,
                    ));
                }
                let idx = if main.blocks.is_empty() && extra.is_empty() {
                    0
                } else {
                    1 + extra.len()
                };
                if idx == 0 {
                    main.blocks.extend(text_section(None, &body).blocks);
                } else {
                    extra.push(text_section(None, &body));
                }
                place_of_block.push(Place::Section(idx));
            }
            BlkKind::Closing(heading) => {
                extra.push(text_section(heading.clone(), &body));
                place_of_block.push(Place::Section(extra.len()));
            }
        }
        for item in &b.items {
            if let Item::Line(l) | Item::Part(l, _) = item {
                if let Some(f) = parsed.line_fates.get_mut(*l) {
                    if matches!(f, LineFate::Blank) {
                        *f = LineFate::Text(
                            place_of_block.last().cloned().unwrap_or(Place::Section(0)),
                        );
                    }
                }
            }
        }
    }
    if parsed.questions.is_empty() && h.subject.is_some() && !meta.mededeling {
        // Only the header is printed (e.g. mondelinge vragen): the header is the question.
        let id = question_id(&doc_id, "1");
        let subject = h.subject.clone().unwrap_or_default();
        main.blocks.push(Block::Question(id.clone()));
        parsed.questions.push(Question {
            id: Id::from(id),
            document_id: doc_id.clone(),
            number: "1".into(),
            numbers: vec![1],
            askers: h.askers.clone(),
            parties: parties.clone(),
            addressed_to: h.addressed_to.clone(),
            heading: None,
            themes: Vec::new(),
            theme_matches: Vec::new(),
            asked_on,
            text: crate::text::capitalize_first(&subject),
            footnote_refs: Vec::new(),
            answer_id: None,
            page: src.page_of(0),
            sources: Vec::new(),
            report_note: None,
            postponed_on: None,
            postponed: false,
            ministries: Vec::new(),
        });
        let msg = "alleen de kop van de vragen is afgedrukt; het onderwerp daaruit is bewaard als de enige vraag";
        parsed
            .diagnostics
            .push(Diagnostic::new(src.file, None, Severity::Info, msg));
    }
    parsed.document.sections.push(main);
    parsed.document.sections.extend(extra);

    let d = &mut parsed.document;
    d.title = if meta.title.is_empty() {
        fallback_title(&h, &meta)
    } else {
        meta.title.clone()
    };
    d.chamber = meta.chamber.or(Some(Chamber::TweedeKamer));
    d.references.aanhangsel = meta.aanhangsel.clone();
    d.references.zaak = meta.zaak.clone();
    d.references.postponement_aanhangsel = meta.postponement_aanhangsel.clone();
    d.dates.question_letter = asked_on;
    d.dates.answer_letter = meta.answered_on;
    d.date = meta.answered_on.or(asked_on);
    d.dates.letter = d.date;
    d.sender = meta.answered_by.clone().filter(|s| !s.is_empty());
    d.recipient = h.addressed_to.clone();
    d.kind = refine_kind(detected, &meta, !parsed.answers.is_empty());
    blocks::diagnose(
        parsed,
        src.file,
        asked_on,
        meta.answered_on,
        meta.question_header.is_some(),
    );
}

fn fallback_title(h: &QuestionHeader, meta: &Meta) -> String {
    if let (true, Some(who)) = (
        meta.mededeling,
        meta.answered_by.as_ref().filter(|w| !w.is_empty()),
    ) {
        return match &h.subject {
            Some(s) => format!("Mededeling van {who} over {s}"),
            None => format!("Mededeling van {who}"),
        };
    }
    match (&h.subject, &meta.answered_by) {
        (Some(s), _) => s.clone(),
        (None, Some(who)) if !who.is_empty() => {
            let verb = if meta.mededeling {
                "Mededeling van"
            } else {
                "Antwoord van"
            };
            format!("{verb} {who}")
        }
        _ => "Kamervragen".to_string(),
    }
}

fn refine_kind(detected: DocumentKind, meta: &Meta, has_answers: bool) -> DocumentKind {
    if meta.mededeling && !has_answers {
        return DocumentKind::Uitstel;
    }
    match (has_answers, meta.question_header.is_some()) {
        (true, _) if meta.answer_letter => DocumentKind::Antwoordbrief,
        (true, true) => DocumentKind::KamervragenMetAntwoord,
        (true, false) => DocumentKind::Antwoordbrief,
        (false, _) if detected == DocumentKind::Uitstel => DocumentKind::Uitstel,
        (false, _) => DocumentKind::Kamervragen,
    }
}

/// The ids given so far, and for each id asked for again the next number to try after it.
#[derive(Default)]
struct UsedIds {
    taken: FastSet<String>,
    next: FastMap<String, usize>,
}

/// `id`, or `id-2`, `id-3`… when it is taken; a renamed id is reported at the label's line.
fn unique(
    id: String,
    used: &mut UsedIds,
    parsed: &mut Parsed,
    (file, line): (&str, Option<usize>),
) -> String {
    let mut candidate = id.clone();
    if used.taken.contains(&candidate) {
        let k = used.next.entry(id.clone()).or_insert(2);
        loop {
            candidate = format!("{id}-{k}");
            *k += 1;
            if !used.taken.contains(&candidate) {
                break;
            }
        }
        parsed.diagnostics.push(Diagnostic::new(
            file,
            line,
            Severity::Warning,
            format!("het nummer van {id} komt twee keer voor; het tweede heet {candidate}"),
        ));
    }
    used.taken.insert(candidate.clone());
    candidate
}
