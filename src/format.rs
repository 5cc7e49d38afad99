//! What the views say about a question, as plain data: dates, days taken, overdue, joint answers, anchors,
//! and the original a document was read from (format, pages, its address in the build).

use briefwissel_corpus::deadline::{Deadline, Term};
use briefwissel_corpus::lookup::CorpusLookup;
use briefwissel_corpus::{Answer, Asker, Date, Document, Question, ThemeMatch};

/// The class and text of a question's status: how many days the answer took or the question has
/// been open, and where it stands against its term ("na uitstel" when a postponement extended it).
pub fn term_status(d: &Deadline) -> (&'static str, String) {
    let late = d.term == Term::Passed;
    let extended = if d.postponed { " na uitstel" } else { "" };
    let days = d.days.map(days_label);
    if d.answered {
        let mut text = "beantwoord".to_string();
        if let Some(days) = days {
            text += &format!(" na {days}");
        }
        match d.term {
            Term::Passed => text += &format!(" (na de termijn{extended})"),
            Term::Within => text += &format!(" (binnen de termijn{extended})"),
            Term::Unknown => {}
        }
        (
            if late {
                "status answered late"
            } else {
                "status answered"
            },
            text,
        )
    } else {
        let mut text = "Open, nog niet beantwoord".to_string();
        if let Some(days) = days {
            text += &format!(" ({days} open)");
        }
        match (late, d.due) {
            (true, _) => text += &format!(", termijn{extended} verstreken"),
            (false, Some(due)) if d.term == Term::Within => {
                text += &format!(", termijn{extended} tot {}", due.dutch())
            }
            _ => {}
        }
        (
            if late {
                "status open overdue"
            } else {
                "status open"
            },
            text,
        )
    }
}

/// "1 dag" / "12 dagen".
pub fn days_label(days: i64) -> String {
    if days == 1 {
        "1 dag".to_string()
    } else {
        format!("{days} dagen")
    }
}

/// A date as Dutch text (`5 december 2025`), or "onbekend".
pub fn date_label(date: Option<Date>) -> String {
    date.map_or_else(|| "onbekend".to_string(), Date::dutch)
}

/// Joins items the Dutch way: `a`, `a en b`, `a, b en c`.
pub fn dutch_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} en {last}", init.join(", ")),
    }
}

/// "samen beantwoord met vraag 6" when the answer also covers other printed questions.
pub fn joint_answer_note(
    lookup: &CorpusLookup,
    question: &Question,
    answer: &Answer,
) -> Option<String> {
    let others: Vec<String> = answer
        .question_ids
        .iter()
        .filter(|id| **id != question.id)
        .map(|id| {
            lookup
                .question(id)
                .map_or_else(|| id.to_string(), |q| q.number.clone())
        })
        .collect();
    match others.len() {
        0 => None,
        1 => Some(format!("samen beantwoord met vraag {}", others[0])),
        _ => Some(format!(
            "samen beantwoord met vragen {}",
            dutch_list(&others)
        )),
    }
}

/// The anchor of a question in its document, from its id: `…-v4-en-5` → `vraag-4-en-5`; questions of
/// a later series (`…-s2-v3`, an overleg that numbers again from 1) → `vraag-s2-3`.
pub fn question_anchor(question: &Question) -> String {
    let suffix = question
        .id
        .strip_prefix(question.document_id.as_str())
        .and_then(|s| s.strip_prefix('-'))
        .unwrap_or(&question.id);
    if let Some(rest) = suffix.strip_prefix('v') {
        return format!("vraag-{}", slug(rest));
    }
    if let Some((series, rest)) = suffix.split_once("-v") {
        if series.starts_with('s') {
            return format!("vraag-{}-{}", slug(series), slug(rest));
        }
    }
    format!("vraag-{}", slug(&question.number))
}

/// Extra anchors `vraag-<n>` for each number a joint printed question covers (`4 en 5` → `vraag-4`, `vraag-5`),
/// only when the question is not part of a later series.
pub fn extra_question_anchors(question: &Question) -> Vec<String> {
    let main = question_anchor(question);
    if question.numbers.len() < 2 || main.starts_with("vraag-s") {
        return Vec::new();
    }
    question
        .numbers
        .iter()
        .map(|n| format!("vraag-{n}"))
        .filter(|a| *a != main)
        .collect()
}

/// The anchor of an answer in its document: `antwoord-<printed number as slug>`.
/// Answers of a later series (`…-s2-a3`) → `antwoord-s2-3`, so anchors stay unique.
pub fn answer_anchor(answer: &Answer) -> String {
    let suffix = answer
        .id
        .strip_prefix(answer.document_id.as_str())
        .and_then(|s| s.strip_prefix('-'))
        .unwrap_or(&answer.id);
    if let Some((series, rest)) = suffix.split_once("-a") {
        if series.starts_with('s') {
            return format!("antwoord-{}-{}", slug(series), slug(rest));
        }
    }
    format!("antwoord-{}", slug(&answer.number))
}

fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_matches('-').to_string()
}

/// The askers as shown: `Boswijk (CDA), Van den Hil (VVD)`; a whole faction as its party; nobody
/// printed, "onbekend".
pub fn askers_label(askers: &[Asker]) -> String {
    if askers.is_empty() {
        return "onbekend".to_string();
    }
    let names: Vec<String> = (askers.iter())
        .map(|a| {
            // The party as printed; else the member registry's, said as such; else none.
            let party = match (a.party_as_printed.as_str(), &a.party) {
                ("", Some(p)) => format!(" ({p}, volgens ledenregister)"),
                ("", None) => String::new(),
                (printed, _) => format!(" ({printed})"),
            };
            match &a.name {
                Some(name) => format!("{name}{party}"),
                None => format!("fractie {}", a.party_as_printed),
            }
        })
        .collect();
    dutch_list(&names)
}

/// The paragraphs of a stored text (separated by a blank line).
pub fn paragraphs(text: &str) -> impl Iterator<Item = &str> {
    text.split("\n\n").map(str::trim).filter(|p| !p.is_empty())
}

/// The line in place of a stored text that is not here: why it did not come (`failure`), or that
/// it is on its way; and whether it is busy (`aria-busy`, which the start page's static copy and
/// the prerender wait out): only while on its way.
pub fn text_not_here(failure: Option<String>) -> (String, bool) {
    match failure {
        Some(why) => (why, false),
        None => ("Tekst wordt geladen…".to_string(), true),
    }
}

/// A paragraph's list items (without their `- `) when it is a list: two lines or more, each
/// starting with `- `.
pub fn list_items(paragraph: &str) -> Option<Vec<&str>> {
    let items: Vec<&str> = paragraph.lines().collect();
    let list = items.len() > 1 && items.iter().all(|l| l.starts_with("- "));
    list.then(|| items.iter().map(|l| &l[2..]).collect())
}

pub use briefwissel_corpus::original::{original_path, Original, ORIGINALS_DIR};

/// "PDF, 4 pagina's" / "Word, 1 pagina" / "PDF" (page count unknown); `None` for a text file.
pub fn original_label(document: &Document) -> Option<String> {
    let format = Original::of(&document.file)?.label();
    Some(match document.pages {
        Some(1) => format!("{format}, 1 pagina"),
        Some(n) => format!("{format}, {n} pagina's"),
        None => format.to_string(),
    })
}

/// "p. 3", to cite a question or answer by the page of its original.
pub fn page_label(page: Option<u32>) -> Option<String> {
    page.map(|p| format!("p. {p}"))
}

/// Why a question has `theme`, for the theme's tooltip: the words it was recognised by, or that
/// it is the default theme; `None` while the words are still being loaded.
pub fn theme_reason(matches: Option<&[ThemeMatch]>, theme: &str) -> String {
    let Some(matches) = matches else {
        return "Trefwoorden worden geladen…".to_string();
    };
    let words: Vec<String> = (matches.iter())
        .filter(|m| m.theme == theme)
        .flat_map(|m| m.words.iter().cloned())
        .collect();
    if words.is_empty() {
        "Geen trefwoord gevonden; standaardthema".to_string()
    } else {
        format!("Herkend aan: {}", words.join(", "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use briefwissel_corpus::Corpus;

    fn question(id: &str, number: &str, numbers: Vec<u32>, asked_on: Option<Date>) -> Question {
        Question {
            id: id.into(),
            document_id: "doc".into(),
            number: number.into(),
            numbers,
            askers: Vec::new(),
            parties: Vec::new(),
            addressed_to: None,
            heading: None,
            themes: vec!["overig".into()],
            theme_matches: Vec::new(),
            asked_on,
            text: "Vraag?".into(),
            footnote_refs: Vec::new(),
            answer_id: None,
            page: None,
            sources: Vec::new(),
            report_note: None,
            postponed_on: None,
            postponed: false,
            ministries: Vec::new(),
        }
    }

    fn answer(ids: &[&str], answered_on: Option<Date>) -> Answer {
        Answer {
            id: "doc-a5-en-6".into(),
            document_id: "doc".into(),
            number: "5 en 6".into(),
            question_ids: ids.iter().map(|&s| s.into()).collect(),
            answered_on,
            answered_by: None,
            text: "Antwoord.".into(),
            footnote_refs: Vec::new(),
            page: None,
        }
    }

    #[test]
    fn askers_show_the_printed_party_or_say_the_registry_gave_it() {
        let asker = |name: &str, party: Option<&str>, printed: &str| Asker {
            name: Some(name.to_string()),
            party: party.map(str::to_string),
            party_as_printed: printed.to_string(),
            party_on: None,
        };
        let askers = [
            asker("Sneller", Some("D66"), "D66"),
            asker("Nordkamp", Some("GroenLinks-PvdA"), ""),
            asker("Omtzigt", None, ""),
        ];
        assert_eq!(
            askers_label(&askers),
            "Sneller (D66), Nordkamp (GroenLinks-PvdA, volgens ledenregister) en Omtzigt"
        );
        assert_eq!(askers_label(&[]), "onbekend");
    }

    #[test]
    fn the_status_says_days_and_where_the_question_stands_against_its_term() {
        let d = |answered, days, term, postponed| Deadline {
            answered,
            days,
            due: Date::new(2024, 12, 6),
            postponed,
            term,
        };
        assert_eq!(
            term_status(&d(true, Some(25), Term::Passed, false)),
            (
                "status answered late",
                "beantwoord na 25 dagen (na de termijn)".to_string()
            )
        );
        assert_eq!(
            term_status(&d(true, Some(1), Term::Within, false)),
            (
                "status answered",
                "beantwoord na 1 dag (binnen de termijn)".to_string()
            )
        );
        assert_eq!(
            term_status(&d(true, Some(35), Term::Within, true)),
            (
                "status answered",
                "beantwoord na 35 dagen (binnen de termijn na uitstel)".to_string()
            )
        );
        assert_eq!(
            term_status(&d(false, Some(37), Term::Within, true)),
            (
                "status open",
                "Open, nog niet beantwoord (37 dagen open), termijn na uitstel tot 6 december 2024"
                    .to_string()
            )
        );
        assert_eq!(
            term_status(&d(false, Some(46), Term::Passed, true)),
            (
                "status open overdue",
                "Open, nog niet beantwoord (46 dagen open), termijn na uitstel verstreken"
                    .to_string()
            )
        );
        // Without today's date nothing is claimed about the term.
        assert_eq!(
            term_status(&d(false, None, Term::Unknown, false)),
            ("status open", "Open, nog niet beantwoord".to_string())
        );
    }

    #[test]
    fn a_shared_answer_names_the_other_questions() {
        let five = question("doc-v5", "5", vec![5], None);
        let six = question("doc-v6", "6", vec![6], None);
        let corpus = Corpus {
            questions: vec![five.clone(), six.clone()],
            ..Corpus::default()
        };
        let shared = answer(&["doc-v5", "doc-v6"], None);
        assert_eq!(
            joint_answer_note(&CorpusLookup::new(&corpus), &five, &shared).as_deref(),
            Some("samen beantwoord met vraag 6")
        );
        assert_eq!(
            joint_answer_note(&CorpusLookup::new(&corpus), &six, &shared).as_deref(),
            Some("samen beantwoord met vraag 5")
        );
        assert_eq!(
            joint_answer_note(
                &CorpusLookup::new(&corpus),
                &five,
                &answer(&["doc-v5"], None)
            ),
            None
        );
    }

    #[test]
    fn anchors_use_the_printed_numbers() {
        let q = question("doc-v4-en-5", "4 en 5", vec![4, 5], None);
        assert_eq!(question_anchor(&q), "vraag-4-en-5");
        assert_eq!(
            extra_question_anchors(&q),
            vec!["vraag-4".to_string(), "vraag-5".to_string()]
        );
        let later_series = question("doc-s2-v3", "3", vec![3], None);
        assert_eq!(question_anchor(&later_series), "vraag-s2-3");
        assert!(extra_question_anchors(&later_series).is_empty());
        assert_eq!(
            question_anchor(&question("doc-v7", "7", vec![7], None)),
            "vraag-7"
        );
        assert_eq!(answer_anchor(&answer(&[], None)), "antwoord-5-en-6");
    }

    fn document(file: &str, pages: Option<u32>) -> Document {
        let kind = briefwissel_corpus::DocumentKind::KamervragenMetAntwoord;
        Document {
            title: "Titel".into(),
            pages,
            ..Document::empty("doc".into(), file.into(), kind)
        }
    }

    #[test]
    fn originals_are_named_by_format_and_pages() {
        assert_eq!(
            original_label(&document("1c0f.pdf", Some(5))).as_deref(),
            Some("PDF, 5 pagina's")
        );
        assert_eq!(
            original_label(&document("Brief.DOCX", Some(4))).as_deref(),
            Some("Word, 4 pagina's")
        );
        assert_eq!(
            original_label(&document("a.pdf", Some(1))).as_deref(),
            Some("PDF, 1 pagina")
        );
        assert_eq!(
            original_label(&document("a.pdf", None)).as_deref(),
            Some("PDF")
        );
        assert_eq!(original_label(&document("002_99.txt", None)), None);
        assert_eq!(page_label(Some(3)).as_deref(), Some("p. 3"));
        assert_eq!(page_label(None), None);
    }

    #[test]
    fn a_theme_is_explained_by_its_own_words_once_they_are_loaded() {
        let matches = [
            ThemeMatch {
                theme: "asiel".into(),
                words: vec!["asielzoekers".into(), "azc".into()],
            },
            ThemeMatch {
                theme: "terugkeer".into(),
                words: vec!["terugkeerhub".into()],
            },
        ];
        assert_eq!(
            theme_reason(Some(&matches), "asiel"),
            "Herkend aan: asielzoekers, azc"
        );
        assert_eq!(
            theme_reason(Some(&matches), "overig"),
            "Geen trefwoord gevonden; standaardthema"
        );
        assert_eq!(theme_reason(None, "asiel"), "Trefwoorden worden geladen…");
    }

    #[test]
    fn lists_are_joined_in_dutch() {
        let items: Vec<String> = ["a", "b", "c"].iter().map(|s| s.to_string()).collect();
        assert_eq!(dutch_list(&items), "a, b en c");
        assert_eq!(dutch_list(&items[..1]), "a");
        assert_eq!(days_label(1), "1 dag");
        assert_eq!(
            paragraphs("een\n\n\ntwee\n\n").collect::<Vec<_>>(),
            vec!["een", "twee"]
        );
    }
}
