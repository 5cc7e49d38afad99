//! Kamervragen: Aanhangsel van de Handelingen, questions-only files, Word answer letters and uitstel notices.

use super::kamervragen_blocks::{self as blocks, Blk, BlkKind, Item, Style};
use super::kamervragen_header::{self as header, QuestionHeader};
use super::kamervragen_notes::{footnote_lines, strip_footnote_number};
use super::{answer_id, question_id, text_section, LineFate, Parsed, Place, Source};
use crate::diagnostics::{Diagnostic, Severity};
use crate::hyphenation::DocumentSpelling;
use crate::id::Id;
use crate::model::{Answer, Block, Chamber, DocumentKind, Footnote, Question, Section};
use crate::text;

/// Parses a Kamervragen-like file. Never panics; every line gets a fate.
pub fn parse(src: &Source, kind: DocumentKind) -> Parsed {
    let mut parsed = Parsed::empty(src, kind);
    let lines = &src.lines;
    let footnote_of = footnote_lines(lines);
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

    let style = blocks::detect_style(lines, &footnote_of);
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
        if let Some(what) = meta.take_metadata_line(t, blks.is_empty()) {
            parsed.line_fates[i] = LineFate::Metadata(what);
            i += 1;
            continue;
        }
        let body_started = blks
            .iter()
            .any(|b| matches!(b.kind, BlkKind::Question | BlkKind::Answer));
        if header::is_question_header_start(t) && meta.question_header.is_none() && !body_started {
            let end = header_end(lines, i, "(ingezonden", 6);
            let joined = join_lines(&lines[i..end], &src.spelling);
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
                && blocks::next_question_number(&blks) == t.parse::<u32>().ok();
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
        if let Some(b) = blocks::label(t, style, &blks) {
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
        if let Some(heading) = blocks::closing_heading(t) {
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
        if meta.question_header.is_none() && t.to_lowercase().starts_with("de vragen van ") {
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
    build(src, &mut parsed, meta, blks, &known, kind);
    parsed
}

/// Header fields gathered while reading.
#[derive(Default)]
struct Meta {
    title: String,
    question_header: Option<QuestionHeader>,
    answered_by: Option<String>,
    answered_on: Option<crate::Date>,
    asked_on_line: Option<crate::Date>,
    mededeling: bool,
    chamber: Option<Chamber>,
    aanhangsel: Option<String>,
    zaak: Option<String>,
    /// The text opens as a minister's answer letter ("In antwoord op uw brief van …").
    answer_letter: bool,
}

impl Meta {
    /// The asking letter's date, the zaak number and the askers from an answer letter's cover sentence.
    fn take_cover_line(&mut self, t: &str, registry: &crate::registry::Registry) {
        let lower = text::lowercase_same_offsets(t);
        let Some(at) = lower.find("uw brief van ") else {
            return;
        };
        self.answer_letter = true;
        if self.asked_on_line.is_none() {
            self.asked_on_line = header::dated_after(&t[at..], "brief van");
        }
        if let Some(nr) = lower.find("nr. ") {
            let token: String = t[nr + 4..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect();
            if token.len() == 10 && token.as_bytes().get(4) == Some(&b'Z') {
                self.zaak.get_or_insert(token);
            }
        }
        if self.question_header.is_none() {
            if let Some(v) = lower.find("vragen van ") {
                // "… over <subject> worden beantwoord zoals aangegeven in de bijlage": the subject
                // ends where the sentence about the answering begins.
                let end = [" worden beantwoord", " zijn beantwoord", " beantwoord ik"]
                    .iter()
                    .filter_map(|w| lower[v..].find(w))
                    .min()
                    .map_or(t.len(), |e| v + e);
                let header = header::parse_question_header(&t[v..end], registry);
                if !header.askers.is_empty() {
                    self.question_header = Some(header);
                }
            }
        }
    }

    /// Recognises a metadata line and stores what it says.
    fn take_metadata_line(&mut self, t: &str, in_header: bool) -> Option<&'static str> {
        let lower = t.to_lowercase();
        if lower.starts_with("tweede kamer der staten-generaal") {
            self.chamber = Some(Chamber::TweedeKamer);
            return Some("chamber");
        }
        if lower.starts_with("eerste kamer der staten-generaal") {
            self.chamber = Some(Chamber::EersteKamer);
            return Some("chamber");
        }
        if lower.starts_with("vergaderjaar ") && t.len() < 80 {
            return Some("vergaderjaar");
        }
        if lower.trim_end_matches('.') == "aanhangsel van de handelingen" {
            return Some("publication");
        }
        if let Some(n) = t
            .strip_prefix("AH ")
            .map(str::trim)
            .filter(|n| n.chars().all(|c| c.is_ascii_digit()) && !n.is_empty())
        {
            self.aanhangsel = Some(n.to_string());
            return Some("aanhangsel number");
        }
        let compact: String = t.chars().filter(|c| !c.is_whitespace()).collect();
        if compact.len() == 10
            && compact.as_bytes().get(4) == Some(&b'Z')
            && compact
                .chars()
                .enumerate()
                .all(|(k, c)| k == 4 || c.is_ascii_digit())
        {
            self.zaak.get_or_insert(compact);
            return Some("zaak");
        }
        if in_header
            && t.chars().all(|c| c.is_ascii_digit())
            && (2..=5).contains(&t.len())
            && self.aanhangsel.is_none()
            && self.question_header.is_none()
        {
            self.aanhangsel = Some(t.to_string());
            return Some("aanhangsel number");
        }
        if lower.starts_with("(ingezonden") && t.len() < 40 {
            self.asked_on_line = header::dated_after(t, "ingezonden");
            return Some("asked on");
        }
        if lower.starts_with("zie ook aanhangsel") && t.len() < 120 {
            return Some("see also");
        }
        None
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
    while end < lines.len() && !blocks::looks_like_label(lines[end].trim()) {
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
            && (t.is_empty() || header::is_answer_header_start(t) || blocks::looks_like_label(t))
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

fn join_lines(lines: &[&str], spelling: &DocumentSpelling) -> String {
    let mut s = String::new();
    for l in lines {
        text::join_wrapped(&mut s, l, spelling);
    }
    s
}

/// Turns blocks into questions, answers and sections, and reports what does not add up.
fn build(
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
    let mut used_ids: Vec<String> = Vec::new();
    let mut position = 0u32;
    for b in &blks {
        let (body, refs) = if src.clean {
            blocks::clean_block_text(b, &src.lines)
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
                if numbers.first().is_some_and(|&n| n > before + 1) && !b.numbers.is_empty() {
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

/// `id`, or `id-2`, `id-3`… when it is taken; a renamed id is reported at the label's line.
fn unique(
    id: String,
    used: &mut Vec<String>,
    parsed: &mut Parsed,
    (file, line): (&str, Option<usize>),
) -> String {
    let mut candidate = id.clone();
    let mut k = 2;
    while used.contains(&candidate) {
        candidate = format!("{id}-{k}");
        k += 1;
    }
    if candidate != id {
        parsed.diagnostics.push(Diagnostic::new(
            file,
            line,
            Severity::Warning,
            format!("het nummer van {id} komt twee keer voor; het tweede heet {candidate}"),
        ));
    }
    used.push(candidate.clone());
    candidate
}
