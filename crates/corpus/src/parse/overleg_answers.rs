//! The minister's answer letter of a schriftelijk overleg: repeated questions, `Antwoord` labels, answers.

use super::qa::{question_id, RawAnswer, RawQuestion};
use crate::diagnostics::{Diagnostic, Severity};
use crate::model::{Block, Section};
use crate::parse::letter::flow::{Unit, UnitKind};
use crate::parse::letter::lines::{looks_like_signed_name, numbered_start};
use crate::parse::letter::notes::Known;
use crate::parse::letter::{marked_text, push_unit};
use crate::parse::{LineFate, Place, Source};

/// `Antwoord`, `Antwoord op vraag 3`, `Antwoord op vragen 5 en 6`, `Antwoord De lidstaten …`:
/// (question numbers named, text after the label).
pub(crate) fn answer_label(line: &str) -> Option<(Vec<u32>, String)> {
    let t = line.trim();
    let rest = t.strip_prefix("Antwoord")?;
    if rest.is_empty() {
        return Some((Vec::new(), String::new()));
    }
    if !rest.starts_with(' ') {
        return None;
    }
    let rest = rest.trim_start();
    let lower = rest.to_lowercase();
    for p in ["op vragen ", "op vraag ", "vragen ", "vraag "] {
        if let Some(nums) = lower.strip_prefix(p) {
            let numbers = numbers_in(nums);
            if !numbers.is_empty() {
                return Some((numbers, String::new()));
            }
        }
    }
    // `Antwoord 3` or text glued to the label.
    let nums = numbers_in(&lower);
    if !nums.is_empty() && lower.len() < 20 {
        return Some((nums, String::new()));
    }
    rest.starts_with(|c: char| c.is_uppercase())
        .then(|| (Vec::new(), rest.to_string()))
}

/// `5 en 6`, `2, 3 en 4`, `2 t/m 6` → numbers.
fn numbers_in(s: &str) -> Vec<u32> {
    let words: Vec<&str> = s
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    let mut out: Vec<u32> = Vec::new();
    let mut k = 0;
    while k < words.len() {
        let w = words[k].trim_end_matches([':', '.']);
        if let Ok(n) = w.parse::<u32>() {
            out.push(n);
        } else if matches!(w, "t/m" | "tot") && !out.is_empty() {
            let to = words
                .get(k + 1)
                .and_then(|x| x.trim_end_matches([':', '.']).parse::<u32>().ok());
            let to = to.or_else(|| {
                words
                    .get(k + 3)
                    .and_then(|x| x.trim_end_matches([':', '.']).parse::<u32>().ok())
            });
            if let (Some(&from), Some(to)) = (out.last(), to) {
                if to > from && to - from < 50 {
                    out.extend(from + 1..=to);
                }
            }
            k += if w == "tot" { 4 } else { 2 };
            continue;
        } else if w != "en" {
            break;
        }
        k += 1;
    }
    out
}

fn vraag_label(line: &str) -> Option<u32> {
    line.trim()
        .strip_prefix("Vraag ")
        .and_then(|n| n.trim_end_matches([':', '.']).trim().parse().ok())
}

/// Normalised start of a text, to recognise a repeated question.
fn key(s: &str) -> String {
    crate::fold::fold(s)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .take(40)
        .collect()
}

/// State of the walk through the answer letter.
pub(crate) struct AnswerWalk<'a> {
    pub src: &'a Source<'a>,
    pub known: &'a Known,
    pub questions: &'a mut Vec<RawQuestion>,
    pub answers: Vec<RawAnswer>,
    pub answered_by: Option<String>,
    pub signatories: Vec<String>,
    pub diagnostics: Vec<Diagnostic>,
}

enum Mode {
    Intro,
    Question(String),
    Answer(usize),
}

impl AnswerWalk<'_> {
    /// Walks the units of the answer letter, filling sections, answers and line fates.
    pub(crate) fn run(
        &mut self,
        units: &[Unit],
        sections: &mut Vec<Section>,
        fates: &mut [LineFate],
    ) {
        let mut mode = Mode::Intro;
        let mut pending: Vec<(u32, String)> = Vec::new();
        let mut series = 1usize;
        let mut last = 0u32;
        let mut seen_question = false;
        let mut current = sections.len().saturating_sub(1);
        for u in units {
            let first = u.first().to_string();
            let fate: LineFate;
            if let Some((nums, glued)) = answer_label(&first) {
                let ids: Vec<(u32, String)> = if nums.is_empty() {
                    std::mem::take(&mut pending)
                } else {
                    pending.clear();
                    nums.iter().map(|&n| (n, self.lookup(series, n))).collect()
                };
                let number = ids
                    .iter()
                    .map(|(n, _)| n.to_string())
                    .collect::<Vec<_>>()
                    .join(" en ");
                let number = if number.is_empty() {
                    (self.answers.len() + 1).to_string()
                } else {
                    number
                };
                if ids.is_empty() {
                    let msg = "een antwoord zonder vraag ervoor";
                    self.diagnostics.push(Diagnostic::new(
                        self.src.file,
                        Some(u.lines[0].idx + 1),
                        Severity::Warning,
                        msg,
                    ));
                }
                let id = answer_id_for(&self.src.id, series, &number);
                let (text, refs) = marked_text(&[glued.as_str()], self.known);
                let mut rest = u.clone();
                rest.lines.remove(0);
                self.answers.push(RawAnswer {
                    id: id.clone(),
                    number,
                    question_ids: ids.into_iter().map(|x| x.1).collect(),
                    text: String::new(),
                    refs: Vec::new(),
                    line: u.lines[0].idx + 1,
                });
                let ai = self.answers.len() - 1;
                if glued.is_empty() {
                    if !rest.lines.is_empty() {
                        self.append_unit(ai, &rest);
                    }
                } else if rest.lines.is_empty() {
                    self.append(ai, &text, &refs);
                } else {
                    // Text glued to the label runs on in the following lines.
                    let mut whole = u.clone();
                    whole.lines[0].text = glued.clone();
                    self.append_unit(ai, &whole);
                }
                if let Some(s) = sections.get_mut(current) {
                    s.blocks.push(Block::Answer(id.clone()));
                }
                mode = Mode::Answer(ai);
                fate = LineFate::Text(Place::Answer(id));
            } else if let Some(n) =
                vraag_label(&first).or_else(|| self.repeated_number(&first, series, last, &mode))
            {
                if n == 1 && last > 0 && seen_question && vraag_label(&first).is_none() {
                    series += 1;
                }
                last = n;
                seen_question = true;
                let id = self.lookup(series, n);
                if !self.questions.iter().any(|q| q.id == id) {
                    self.create_question(&id, n, u);
                }
                pending.push((n, id.clone()));
                mode = Mode::Question(id.clone());
                fate = LineFate::RepeatedQuestion(id);
            } else if matches!(mode, Mode::Intro) && self.is_signature(u) {
                fate = self.intro_unit(u, sections, current);
            } else if u.kind == UnitKind::Heading && !matches!(mode, Mode::Question(_)) {
                let text = marked_text(&u.texts(), self.known).0;
                if text.to_lowercase().starts_with("vragen en opmerkingen") && seen_question {
                    series += 1;
                    last = 0;
                    seen_question = false;
                }
                sections.push(Section {
                    heading: Some(text),
                    blocks: Vec::new(),
                });
                current = sections.len() - 1;
                mode = Mode::Intro;
                fate = LineFate::Text(Place::Section(current));
            } else {
                fate = match &mode {
                    Mode::Question(id) => LineFate::RepeatedQuestion(id.clone()),
                    Mode::Answer(ai) => {
                        let ai = *ai;
                        self.append_unit(ai, u);
                        LineFate::Text(Place::Answer(self.answers[ai].id.clone()))
                    }
                    Mode::Intro => self.intro_unit(u, sections, current),
                };
            }
            for i in u.idxs() {
                if let Some(f) = fates.get_mut(i) {
                    *f = fate.clone();
                }
            }
        }
        for (_, id) in pending {
            let msg = format!(
                "vraag {id} wordt in de antwoordbrief herhaald, maar er volgt geen antwoord"
            );
            self.diagnostics
                .push(Diagnostic::new(self.src.file, None, Severity::Warning, msg));
        }
    }

    fn is_signature(&self, u: &Unit) -> bool {
        let text = u.texts().join(" ");
        u.lines.len() == 1
            && looks_like_signed_name(&text)
            && self.answered_by.is_some()
            && self.signatories.is_empty()
    }

    /// Intro paragraphs and the signature before the answers.
    fn intro_unit(&mut self, u: &Unit, sections: &mut [Section], current: usize) -> LineFate {
        let text = u.texts().join(" ");
        let lower = text.to_lowercase();
        if (lower.starts_with("de minister") || lower.starts_with("de staatssecretaris"))
            && text.trim_end().ends_with(',')
        {
            let f = text.trim().trim_end_matches(',');
            self.answered_by = Some(f.strip_prefix("De ").unwrap_or(f).to_string());
            return LineFate::Metadata("signatory");
        }
        if self.is_signature(u) {
            self.signatories.push(text.trim().to_string());
            return LineFate::Metadata("signatory");
        }
        if let Some(s) = sections.get_mut(current) {
            push_unit(s, u, self.known);
        }
        LineFate::Text(Place::Section(current))
    }

    /// The number of a question repeated as `N. text`, when it continues the numbering.
    fn repeated_number(&self, first: &str, series: usize, last: u32, mode: &Mode) -> Option<u32> {
        let (n, rest) = numbered_start(first)?;
        if n != last + 1 && n != 1 {
            return None;
        }
        let target_series = if n == 1 && last > 0 {
            series + 1
        } else {
            series
        };
        let id = question_id(&self.src.id, target_series, n);
        match self.questions.iter().find(|q| q.id == id) {
            Some(q) => {
                let k = key(rest);
                let probe: String = k.chars().take(20).collect();
                let full = key(&format!(
                    "{} {}",
                    q.heading.clone().unwrap_or_default(),
                    q.text
                ));
                let text_key = key(&q.text);
                (full.starts_with(&probe)
                    || text_key.starts_with(&probe)
                    || matches!(mode, Mode::Intro))
                .then_some(n)
            }
            None => (self.questions.is_empty() && !matches!(mode, Mode::Answer(_))).then_some(n),
        }
    }

    fn lookup(&self, series: usize, n: u32) -> String {
        question_id(&self.src.id, series, n)
    }

    /// A question known only from its repetition in the answer letter.
    fn create_question(&mut self, id: &str, n: u32, u: &Unit) {
        let text = u.texts().join(" ");
        let rest = numbered_start(&text)
            .map(|x| x.1.to_string())
            .unwrap_or_default();
        let (text, refs) = marked_text(&[rest.as_str()], self.known);
        let msg =
            format!("vraag {n} staat alleen in de antwoordbrief; de tekst is daaruit overgenomen");
        self.diagnostics.push(Diagnostic::new(
            self.src.file,
            Some(u.lines[0].idx + 1),
            Severity::Info,
            msg,
        ));
        self.questions.push(RawQuestion {
            id: id.to_string(),
            number: n,
            askers: Vec::new(),
            heading: None,
            text,
            refs,
        });
    }

    fn append(&mut self, ai: usize, text: &str, refs: &[String]) {
        let Some(a) = self.answers.get_mut(ai) else {
            return;
        };
        if text.is_empty() {
            return;
        }
        if !a.text.is_empty() {
            a.text.push_str("\n\n");
        }
        a.text.push_str(text);
        for r in refs {
            if !a.refs.contains(r) {
                a.refs.push(r.clone());
            }
        }
    }

    fn append_unit(&mut self, ai: usize, u: &Unit) {
        let mut s = Section {
            heading: None,
            blocks: Vec::new(),
        };
        push_unit(&mut s, u, self.known);
        let refs = marked_text(&u.texts(), self.known).1;
        for b in s.blocks {
            let text = match b {
                Block::List(items) => items
                    .iter()
                    .map(|i| format!("- {i}"))
                    .collect::<Vec<_>>()
                    .join("\n"),
                Block::Paragraph(p) => p,
                _ => continue,
            };
            let list_continues = text.starts_with("- ")
                && self
                    .answers
                    .get(ai)
                    .is_some_and(|a| a.text.lines().last().is_some_and(|l| l.starts_with("- ")));
            if list_continues {
                if let Some(a) = self.answers.get_mut(ai) {
                    a.text.push('\n');
                    a.text.push_str(&text);
                    for r in &refs {
                        if !a.refs.contains(r) {
                            a.refs.push(r.clone());
                        }
                    }
                }
                continue;
            }
            self.append(ai, &text, &refs);
        }
    }
}

fn answer_id_for(doc: &str, series: usize, number: &str) -> String {
    if series <= 1 {
        crate::parse::answer_id(doc, number)
    } else {
        format!("{doc}-s{series}-a{}", crate::parse::number_slug(number))
    }
}
