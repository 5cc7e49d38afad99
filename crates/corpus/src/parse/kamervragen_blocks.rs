//! The blocks of a Kamervragen file between its labels: questions, answers, intro and closing, their texts, and checks.

use super::Parsed;
use crate::diagnostics::{Diagnostic, Severity};
use crate::hyphenation::DocumentSpelling;
use crate::model::DocumentKind;
use crate::text;
use crate::Date;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BlkKind {
    Intro,
    /// Unnumbered text that still has to be split into questions.
    Body,
    Question,
    Answer,
    Closing(Option<String>),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Item {
    Line(usize),
    /// A line whose text starts at this byte offset (after a label on the same line).
    Part(usize, usize),
    Break,
}

#[derive(Debug, Clone)]
pub struct Blk {
    pub kind: BlkKind,
    pub number: Option<String>,
    pub numbers: Vec<u32>,
    pub items: Vec<Item>,
}

impl Blk {
    pub fn new(kind: BlkKind, number: Option<String>, numbers: Vec<u32>) -> Blk {
        Blk {
            kind,
            number,
            numbers,
            items: Vec::new(),
        }
    }
}

/// A notice (`Mededeling`) after questions that nothing answers, saying they were answered
/// elsewhere ("zijn beantwoord middels een brief over …"), is their answer: its block becomes an
/// answer to every question before it. True when it did.
pub fn notice_as_answer(blks: &mut [Blk], lines: &[&str]) -> bool {
    if blks.iter().any(|b| b.kind == BlkKind::Answer)
        || !blks.iter().any(|b| b.kind == BlkKind::Question)
    {
        return false;
    }
    let mut numbers: Vec<u32> = blks
        .iter()
        .filter(|b| b.kind == BlkKind::Question)
        .flat_map(|b| b.numbers.iter().copied())
        .collect();
    numbers.sort_unstable();
    numbers.dedup();
    let notice = BlkKind::Closing(Some("Mededeling".to_string()));
    let Some(b) = blks.iter_mut().find(|b| b.kind == notice) else {
        return false;
    };
    let text: Vec<&str> = b.items.iter().map(|it| item_text(it, lines)).collect();
    if !super::kamervragen_labels::says_answered(&text.join(" ")) {
        return false;
    }
    b.kind = BlkKind::Answer;
    if !numbers.is_empty() {
        b.number = Some(number_list(&numbers));
        b.numbers = numbers;
    }
    true
}

/// `1`, `1 en 2`, `1 t/m 3`, `1, 2 en 5`: numbers as an answer label prints them.
fn number_list(numbers: &[u32]) -> String {
    let consecutive = numbers.windows(2).all(|w| w[1] == w[0] + 1);
    match numbers {
        [one] => one.to_string(),
        [first, .., last] if consecutive && numbers.len() > 2 => format!("{first} t/m {last}"),
        [rest @ .., last] => {
            let rest: Vec<String> = rest.iter().map(u32::to_string).collect();
            format!("{} en {last}", rest.join(", "))
        }
        [] => String::new(),
    }
}

fn ends_with_question(p: &[&str]) -> bool {
    let Some(last) = p.iter().rev().find(|l| !l.trim().is_empty()) else {
        return false;
    };
    let t = last.trim_end();
    let t = t.trim_end_matches(|c: char| c.is_ascii_digit() || matches!(c, ' ' | ')' | '[' | ']'));
    let t = t.trim_end_matches(['»', '”', '"', '\'', '’', ' ']);
    t.ends_with('?')
}

fn paragraphs_of(items: &[Item]) -> Vec<Vec<Item>> {
    let mut out: Vec<Vec<Item>> = Vec::new();
    let mut cur: Vec<Item> = Vec::new();
    for it in items {
        if *it == Item::Break {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
        } else {
            cur.push(it.clone());
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

fn item_text<'a>(it: &Item, lines: &[&'a str]) -> &'a str {
    match it {
        Item::Line(i) => lines.get(*i).copied().unwrap_or(""),
        Item::Part(i, off) => lines.get(*i).and_then(|l| l.get(*off..)).unwrap_or(""),
        Item::Break => "",
    }
}

/// A letter that prints "Vraag 5" and then the answer without an "Antwoord" label: the paragraphs
/// after the question's last one ending in `?` become its answer, when the file labels its other
/// answers and none of them covers this question. Returns the blocks and the numbers split.
pub fn split_unlabelled_answers(
    blks: Vec<Blk>,
    lines: &[&str],
    clean: bool,
) -> (Vec<Blk>, Vec<String>) {
    let labelled: Vec<u32> = blks
        .iter()
        .filter(|b| b.kind == BlkKind::Answer)
        .flat_map(|b| b.numbers.iter().copied())
        .collect();
    let mut split = Vec::new();
    if labelled.is_empty() {
        return (blks, split);
    }
    let mut out = Vec::with_capacity(blks.len());
    for b in blks {
        let answered = b.numbers.iter().any(|n| labelled.contains(n));
        if b.kind != BlkKind::Question || b.numbers.is_empty() || answered {
            out.push(b);
            continue;
        }
        let paras: Vec<Vec<Item>> = if clean {
            b.items
                .iter()
                .filter(|it| **it != Item::Break)
                .map(|it| vec![it.clone()])
                .collect()
        } else {
            paragraphs_of(&b.items)
        };
        let is_question = |p: &Vec<Item>| {
            let texts: Vec<&str> = p.iter().map(|it| item_text(it, lines)).collect();
            ends_with_question(&texts)
        };
        let Some(last_q) = paras.iter().rposition(is_question) else {
            out.push(b);
            continue;
        };
        if last_q + 1 >= paras.len() {
            out.push(b);
            continue;
        }
        let mut question = Blk::new(BlkKind::Question, b.number.clone(), b.numbers.clone());
        question.items = join_paras(&paras[..=last_q]);
        let mut answer = Blk::new(BlkKind::Answer, b.number.clone(), b.numbers.clone());
        answer.items = join_paras(&paras[last_q + 1..]);
        split.push(b.number.clone().unwrap_or_default());
        out.push(question);
        out.push(answer);
    }
    (out, split)
}

/// In unnumbered files: every run of paragraphs up to one ending in `?` becomes a question; in an
/// answer, paragraphs from the first one ending in `?` on are the next question.
pub fn split_unnumbered(blks: Vec<Blk>, lines: &[&str]) -> Vec<Blk> {
    let mut out: Vec<Blk> = Vec::new();
    let answers_after: Vec<bool> = (0..blks.len())
        .map(|i| blks[i + 1..].iter().any(|b| b.kind == BlkKind::Answer))
        .collect();
    for (bi, b) in blks.into_iter().enumerate() {
        let paras = paragraphs_of(&b.items);
        let texts = |p: &Vec<Item>| p.iter().map(|it| item_text(it, lines)).collect::<Vec<_>>();
        match b.kind {
            BlkKind::Body => {
                let mut pending: Vec<Item> = Vec::new();
                for p in &paras {
                    if !pending.is_empty() {
                        pending.push(Item::Break);
                    }
                    pending.extend(p.iter().cloned());
                    if ends_with_question(&texts(p)) {
                        let mut q = Blk::new(BlkKind::Question, None, Vec::new());
                        q.items = std::mem::take(&mut pending);
                        out.push(q);
                    }
                }
                if !pending.is_empty() {
                    match out.last_mut() {
                        Some(q) if q.kind == BlkKind::Question && answers_after[bi] => {
                            q.items.push(Item::Break);
                            q.items.extend(pending);
                        }
                        _ => {
                            let mut c = Blk::new(BlkKind::Closing(None), None, Vec::new());
                            c.items = pending;
                            out.push(c);
                        }
                    }
                }
            }
            BlkKind::Answer if answers_after[bi] && b.number.is_none() => {
                let split = (1..paras.len()).find(|&j| ends_with_question(&texts(&paras[j])));
                match split {
                    Some(j) => {
                        let mut a = Blk::new(BlkKind::Answer, None, Vec::new());
                        a.items = join_paras(&paras[..j]);
                        out.push(a);
                        let mut q = Blk::new(BlkKind::Question, None, Vec::new());
                        q.items = join_paras(&paras[j..]);
                        out.push(q);
                    }
                    None => out.push(b),
                }
            }
            _ => out.push(b),
        }
    }
    out
}

fn join_paras(paras: &[Vec<Item>]) -> Vec<Item> {
    let mut out = Vec::new();
    for (k, p) in paras.iter().enumerate() {
        if k > 0 {
            out.push(Item::Break);
        }
        out.extend(p.iter().cloned());
    }
    out
}

/// The clean text of a block (markers removed, paragraphs joined) and the footnotes it cites.
pub fn block_text(
    b: &Blk,
    lines: &[&str],
    known: &[String],
    spelling: &DocumentSpelling,
) -> (String, Vec<String>) {
    let mut cleaned: Vec<String> = Vec::new();
    let mut refs: Vec<String> = Vec::new();
    for it in &b.items {
        match it {
            Item::Break => cleaned.push(String::new()),
            _ => {
                let (c, r) = text::strip_footnote_markers(item_text(it, lines), known);
                for n in r {
                    if !refs.contains(&n) {
                        refs.push(n);
                    }
                }
                if !c.trim().is_empty() {
                    cleaned.push(c);
                }
            }
        }
    }
    let as_str: Vec<&str> = cleaned.iter().map(|s| s.as_str()).collect();
    (text::paragraphs(&as_str, spelling), refs)
}

/// The clean text of a block read from an original: every line is a paragraph, list items are
/// grouped, and the footnote markers, the reader's and typed ones of `known` notes (`1)`), are
/// taken out as references.
pub fn clean_block_text(b: &Blk, lines: &[&str], known: &[String]) -> (String, Vec<String>) {
    let mut cleaned: Vec<String> = Vec::new();
    let mut refs: Vec<String> = Vec::new();
    for it in &b.items {
        if *it == Item::Break {
            continue;
        }
        let (c, mut r) = text::take_note_markers(item_text(it, lines));
        let (c, typed) = text::take_typed_markers(&c, known);
        r.extend(typed);
        for n in r {
            if !refs.contains(&n) {
                refs.push(n);
            }
        }
        if !c.trim().is_empty() {
            cleaned.push(c);
        }
    }
    (text::clean_paragraphs(&cleaned), refs)
}

/// The line where the label of block `b` stands: the line of its first text when the label
/// shares it, else the nearest non-empty line before that.
pub fn label_line(b: &Blk, lines: &[&str]) -> Option<usize> {
    match b.items.iter().find(|it| **it != Item::Break)? {
        Item::Part(i, _) => Some(*i),
        Item::Line(i) => (0..*i)
            .rev()
            .find(|&k| !lines[k].trim().is_empty())
            .or(Some(*i)),
        Item::Break => None,
    }
}

/// Reports what does not add up in a parsed Kamervragen file.
pub fn diagnose(
    parsed: &mut Parsed,
    file: &str,
    asked_on: Option<Date>,
    answered_on: Option<Date>,
    has_header: bool,
) {
    let kind = parsed.document.kind;
    let mut diags: Vec<Diagnostic> = Vec::new();
    let mut push = |sev: Severity, msg: String| diags.push(Diagnostic::new(file, None, sev, msg));
    if parsed.questions.is_empty() {
        if kind == DocumentKind::Uitstel {
            push(
                Severity::Info,
                "uitstelbericht waarin de vragen niet zijn afgedrukt".into(),
            );
        } else {
            push(Severity::Error, "geen vragen herkend (geen aanduidingen \"Vraag N\", genummerde vragen of alinea's met vragen)".into());
        }
    }
    for q in &parsed.questions {
        if q.text.trim().is_empty() {
            push(
                Severity::Error,
                format!("vraag {} heeft geen tekst (onvolledig document?)", q.number),
            );
        }
        let answerable = matches!(
            kind,
            DocumentKind::KamervragenMetAntwoord | DocumentKind::Antwoordbrief
        );
        if answerable && q.answer_id.is_none() {
            push(
                Severity::Warning,
                format!("vraag {} heeft geen antwoord", q.number),
            );
        }
    }
    for a in &parsed.answers {
        if a.question_ids.is_empty() {
            push(
                Severity::Warning,
                format!("antwoord {} hoort bij geen enkele vraag", a.number),
            );
        }
        if a.text.trim().is_empty() {
            push(
                Severity::Warning,
                format!("antwoord {} heeft geen tekst", a.number),
            );
        }
    }
    let mut nums: Vec<u32> = parsed
        .questions
        .iter()
        .flat_map(|q| q.numbers.iter().copied())
        .collect();
    nums.sort_unstable();
    nums.dedup();
    if let Some(&max) = nums.last() {
        let missing: Vec<String> = (1..=max)
            .filter(|n| !nums.contains(n))
            .map(|n| n.to_string())
            .collect();
        if !missing.is_empty() && missing.len() < 50 {
            push(
                Severity::Warning,
                format!(
                    "de nummering van de vragen heeft gaten; ontbrekende nummers: {}",
                    missing.join(", ")
                ),
            );
        }
    }
    if let (Some(a), Some(b)) = (asked_on, answered_on) {
        if b < a {
            push(
                Severity::Warning,
                format!("tegenstrijdige datums: beantwoord op {b}, vóór de vragen op {a} werden ingezonden"),
            );
        }
    }
    if asked_on.is_none() && kind != DocumentKind::Antwoordbrief && kind != DocumentKind::Uitstel {
        push(
            Severity::Warning,
            "geen datum waarop de vragen zijn ingezonden".into(),
        );
    }
    if !has_header && kind == DocumentKind::Antwoordbrief {
        push(
            Severity::Info,
            "antwoordbrief zonder de namen van de vragenstellers; vragenstellers en partijen onbekend".into(),
        );
    }
    let mut reported: Vec<String> = Vec::new();
    if let Some(q) = parsed.questions.first() {
        for a in &q.askers {
            if a.party.is_none() && !reported.contains(&a.party_as_printed) {
                reported.push(a.party_as_printed.clone());
                push(
                    Severity::Warning,
                    format!(
                        "onbekende partij \"{}\" (vragensteller {})",
                        a.party_as_printed,
                        a.name.clone().unwrap_or_default()
                    ),
                );
            }
        }
    }
    parsed.diagnostics.extend(diags);
}

#[cfg(test)]
mod tests {
    use super::number_list;

    #[test]
    fn numbers_read_as_an_answer_label_prints_them() {
        assert_eq!(number_list(&[4]), "4");
        assert_eq!(number_list(&[1, 2]), "1 en 2");
        assert_eq!(number_list(&[1, 2, 3]), "1 t/m 3");
        assert_eq!(number_list(&[1, 2, 5]), "1, 2 en 5");
    }
}
