//! The cover page of a verslag (dossier, vastgesteld, list of letters) and the cross-checked letter dates.

use super::LetterHead;
use crate::date::Date;
use crate::diagnostics::{Diagnostic, Severity};
use crate::parse::letter::flow::Unit;
use crate::parse::letter::lines::{
    clean_markup, collapse_spaces, date_in, looks_like_signed_name, strip_markers,
};
use crate::parse::letter::notes::Prepass;
use crate::parse::{LineFate, Parsed, Source};

/// Dates the cover lists for the letters in the verslag.
#[derive(Default)]
pub(crate) struct CoverInfo {
    pub outgoing: Option<Date>,
    pub reminder: Option<Date>,
    pub answer: Option<Date>,
}

/// Reads the cover: metadata lines become fates and document fields; the rest stays text.
pub(crate) fn read_cover(
    src: &Source,
    pre: &mut Prepass,
    parsed: &mut Parsed,
    end: usize,
) -> CoverInfo {
    let mut info = CoverInfo::default();
    let doc = &mut parsed.document;
    let mut dossier_title: Option<String> = None;
    let mut after_griffier = false;
    for i in 0..end.min(src.lines.len()) {
        if !pre.is_free(i) {
            continue;
        }
        let t = clean_markup(src.lines[i]);
        let lower = t.to_lowercase();
        if lower.starts_with("vergaderjaar") {
            pre.set(i, LineFate::Metadata("vergaderjaar"));
        } else if let Some((dossier, rest)) =
            dossier_line(&t).filter(|_| doc.dossier.is_none() && i < 12)
        {
            doc.dossier = Some(dossier);
            dossier_title = Some(rest).filter(|r| !r.is_empty());
            pre.set(i, LineFate::Metadata("dossier"));
        } else if lower.contains("verslag van een schriftelijk overleg") && t.len() < 60 {
            pre.set(i, LineFate::Metadata("kind"));
        } else if lower.starts_with("vastgesteld") {
            doc.dates.vastgesteld = date_in(&t);
            pre.set(i, LineFate::Metadata("vastgesteld"));
        } else if lower.starts_with("de griffier") {
            after_griffier = true;
            pre.set(i, LineFate::Metadata("signatory"));
        } else if after_griffier && looks_like_signed_name(&t) {
            doc.signatories.push(t.clone());
            pre.set(i, LineFate::Metadata("signatory"));
            after_griffier = false;
        } else {
            if lower.contains("uitgaande brief") {
                info.outgoing = date_in(&t);
            } else if lower.contains("rappelbrief") || lower.contains("herinneringsbrief") {
                info.reminder = date_in(&t);
            } else if lower.contains("antwoordbrief") {
                info.answer = date_in(&t);
            }
        }
    }
    // `<sender> heeft/hebben schriftelijk overleg gevoerd met <recipient> over <subject>.`
    let text: Vec<String> = (0..end.min(src.lines.len()))
        .filter(|&i| pre.is_free(i))
        .map(|i| strip_markers(&clean_markup(src.lines[i]), &pre.known.notes).0)
        .collect();
    let text = collapse_spaces(&text.join(" "));
    if let Some(pos) = text.find("schriftelijk overleg gevoerd met ") {
        let before = text[..pos].trim_end();
        let sender = before
            .trim_end_matches(" hebben")
            .trim_end_matches(" heeft");
        let sender = sender.rsplit(". ").next().unwrap_or(sender).trim();
        doc.sender = Some(sender.to_string()).filter(|s| !s.is_empty());
        let after = &text[pos + "schriftelijk overleg gevoerd met ".len()..];
        if let Some((to, rest)) = after.split_once(" over ") {
            doc.recipient = Some(to.trim().to_string());
            let subject = rest
                .split(". ")
                .next()
                .unwrap_or(rest)
                .trim_end_matches('.')
                .trim();
            doc.title = format!("Verslag van een schriftelijk overleg over {subject}");
        }
    }
    if doc.title.is_empty() {
        doc.title = match dossier_title {
            Some(t) => format!("Verslag van een schriftelijk overleg: {t}"),
            None => "Verslag van een schriftelijk overleg".to_string(),
        };
    }
    if doc.dossier.is_none() {
        doc.dossier = dossier_from_footnotes(pre);
        if let Some(d) = &doc.dossier {
            let msg = format!(
                "geen dossiernummer vermeld; {d} overgenomen uit de Kamerstukken die in de voetnoten worden aangehaald"
            );
            parsed
                .diagnostics
                .push(Diagnostic::new(src.file, None, Severity::Info, msg));
        }
    }
    info
}

/// `36 941 Mededeling: …` → (`36 941`, `Mededeling: …`).
fn dossier_line(t: &str) -> Option<(String, String)> {
    let words: Vec<&str> = t.split_whitespace().collect();
    let (a, b) = (words.first()?, words.get(1)?);
    let ok = a.len() == 2 && b.len() == 3 && a.chars().chain(b.chars()).all(|c| c.is_ascii_digit());
    ok.then(|| (format!("{a} {b}"), words[2..].join(" ")))
}

/// The dossier number cited most in `Kamerstukken …, 32 317, PT`-style footnotes.
fn dossier_from_footnotes(pre: &Prepass) -> Option<String> {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for f in pre
        .footnotes
        .iter()
        .filter(|f| f.text.starts_with("Kamerstukken"))
    {
        let words: Vec<&str> = f.text.split([' ', ',']).filter(|w| !w.is_empty()).collect();
        for w in words.windows(2) {
            if w[0].len() == 2
                && w[1].len() == 3
                && w.iter().all(|x| x.chars().all(|c| c.is_ascii_digit()))
            {
                let d = format!("{} {}", w[0], w[1]);
                match counts.iter_mut().find(|c| c.0 == d) {
                    Some(c) => c.1 += 1,
                    None => counts.push((d, 1)),
                }
            }
        }
    }
    counts
        .into_iter()
        .max_by_key(|c| c.1)
        .filter(|c| c.1 >= 2)
        .map(|c| c.0)
}

/// `Deze vragen werden ingezonden op 5 december 2025 met kenmerk 179110.` → (date, kenmerk).
pub(crate) fn sent_reference(units: &[Unit]) -> Option<(Date, String)> {
    for u in units.iter().take(8) {
        let text = u.texts().join(" ");
        let lower = crate::text::lowercase_same_offsets(&text);
        if let Some(pos) = lower.find("ingezonden op ") {
            let date = date_in(&text[pos..])?;
            let kenmerk = lower
                .split("kenmerk")
                .nth(1)
                .map(|r| {
                    r.trim()
                        .trim_end_matches('.')
                        .split_whitespace()
                        .next()
                        .unwrap_or("")
                        .to_string()
                })
                .unwrap_or_default();
            return Some((date, kenmerk.trim_end_matches(['.', ',']).to_string()));
        }
    }
    None
}

/// Chooses the question, reminder and answer letter dates, preferring the value the other sources
/// agree on when a printed date disagrees with them (and saying so).
pub(crate) fn resolve_dates(
    src: &Source,
    cover: &CoverInfo,
    questions: Option<&LetterHead>,
    reminder: Option<&LetterHead>,
    answer: Option<&LetterHead>,
    sent: Option<&(Date, String)>,
    diags: &mut Vec<Diagnostic>,
) -> (Option<Date>, Option<Date>, Option<Date>) {
    let q_refs: Vec<(Date, &str)> = [
        cover.outgoing.map(|d| (d, "het voorblad")),
        sent.map(|s| (s.0, "de antwoordbrief")),
    ]
    .into_iter()
    .flatten()
    .collect();
    let q = choose(
        src,
        "vragenbrief",
        questions.and_then(|h| h.date),
        &q_refs,
        diags,
    );
    let r_refs: Vec<(Date, &str)> = cover
        .reminder
        .map(|d| (d, "het voorblad"))
        .into_iter()
        .collect();
    let r = choose(
        src,
        "herinneringsbrief",
        reminder.and_then(|h| h.date),
        &r_refs,
        diags,
    );
    let a_refs: Vec<(Date, &str)> = cover
        .answer
        .map(|d| (d, "het voorblad"))
        .into_iter()
        .collect();
    let a = choose(
        src,
        "antwoordbrief",
        answer.and_then(|h| h.date),
        &a_refs,
        diags,
    );
    if let (Some(q), Some(a)) = (q, a) {
        if q > a {
            let msg = format!("de vragenbrief ({q}) is later gedateerd dan de antwoordbrief ({a})");
            diags.push(Diagnostic::new(src.file, None, Severity::Warning, msg));
        }
    }
    (q, r, a)
}

fn choose(
    src: &Source,
    what: &str,
    printed: Option<(Date, usize)>,
    refs: &[(Date, &str)],
    diags: &mut Vec<Diagnostic>,
) -> Option<Date> {
    let Some((p, line)) = printed else {
        return refs.first().map(|r| r.0);
    };
    let Some(first) = refs.first() else {
        return Some(p);
    };
    let agree = refs.iter().all(|r| r.0 == first.0);
    if first.0 != p && agree {
        let sources: Vec<&str> = refs.iter().map(|r| r.1).collect();
        let msg = format!(
            "tegenstrijdige datums: boven de {what} staat {}, maar volgens {} is het {}; {} aangehouden",
            p.dutch(),
            sources.join(" en "),
            first.0.dutch(),
            first.0
        );
        diags.push(Diagnostic::new(
            src.file,
            Some(line + 1),
            Severity::Warning,
            msg,
        ));
        return Some(first.0);
    }
    if !agree {
        let msg =
            format!("de bronnen geven verschillende datums voor de {what}; de afgedrukte datum {p} is aangehouden");
        diags.push(Diagnostic::new(
            src.file,
            Some(line + 1),
            Severity::Warning,
            msg,
        ));
    }
    Some(p)
}
