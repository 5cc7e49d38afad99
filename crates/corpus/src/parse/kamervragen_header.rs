//! The printed headers of Kamervragen: askers with parties, addressee, subject, dates, answering minister.

use crate::members::TUSSENVOEGSELS;
use crate::model::Asker;
use crate::registry::Registry;
use crate::text_scan::starts_with_lowercase;
use crate::Date;

/// What the "Vragen van … (ingezonden …)" header says.
#[derive(Debug, Default, Clone)]
pub struct QuestionHeader {
    pub askers: Vec<Asker>,
    pub addressed_to: Option<String>,
    pub subject: Option<String>,
    pub asked_on: Option<Date>,
}

/// True for the first line of a question header.
pub fn is_question_header_start(line: &str) -> bool {
    let l = line.trim_start();
    [
        "vragen van ",
        "vraag van ",
        "mondelinge vragen van ",
        "schriftelijke vragen van ",
    ]
    .iter()
    .any(|p| starts_with_lowercase(l, p))
}

/// True for the first line of "Antwoord van …" / "Mededeling van …".
pub fn is_answer_header_start(line: &str) -> bool {
    let l = line.trim_start();
    starts_with_lowercase(l, "antwoord van ") || starts_with_lowercase(l, "mededeling van ")
}

/// A name's particle run together with the capital after it (`Inge vanDijk`, a PDF that printed
/// the two without a space) apart again: `Inge van Dijk`.
pub fn with_particles_apart(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 4);
    for (i, token) in text.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let start = token.len() - token.trim_start_matches(['(', '«', '"']).len();
        let glued = TUSSENVOEGSELS.iter().find(|p| {
            token[start..].strip_prefix(**p).is_some_and(|rest| {
                let mut cs = rest.chars();
                cs.next().is_some_and(char::is_uppercase)
                    && cs.next().is_some_and(char::is_lowercase)
            })
        });
        match glued {
            Some(p) => {
                let cut = start + p.len();
                out.push_str(&token[..cut]);
                out.push(' ');
                out.push_str(&token[cut..]);
            }
            None => out.push_str(token),
        }
    }
    out
}

/// Parses a question header (all its lines joined by spaces).
pub fn parse_question_header(text: &str, registry: &Registry) -> QuestionHeader {
    let mut h = QuestionHeader {
        asked_on: dated_after(text, "ingezonden"),
        ..Default::default()
    };
    let lower = crate::text::lowercase_same_offsets(text);
    // The askers run from "van het lid"/"van de leden" to " aan ".
    let starts = [
        "van het lid ",
        "van de leden ",
        "van het leden ",
        "van de lid ",
        "van lid ",
        "van leden ",
    ];
    let Some((pos, len)) = starts
        .iter()
        .filter_map(|s| lower.find(s).map(|p| (p, s.len())))
        .min()
    else {
        return h;
    };
    let after = &text[pos + len..];
    let after_lower = &lower[pos + len..];
    let aan = find_outside_parens(after_lower, " aan ");
    let over = find_over(after_lower);
    let askers_end = match (aan, over) {
        (Some(a), Some(o)) => a.min(o),
        (Some(a), None) => a,
        (None, Some(o)) => o,
        (None, None) => after.find(" (ingezonden").unwrap_or(after.len()),
    };
    h.askers = parse_askers(&after[..askers_end], registry);
    if let Some(a) = aan {
        let rest = &after[a + " aan ".len()..];
        let rest_lower = &after_lower[a + " aan ".len()..];
        let over_end = find_over(rest_lower);
        let ingezonden_end = rest_lower.find("(ingezonden");
        let end = [over_end, ingezonden_end]
            .into_iter()
            .flatten()
            .min()
            .unwrap_or(rest.len());
        let addressee = rest[..end]
            .trim()
            .trim_start_matches("de ")
            .trim_start_matches("het ")
            .trim()
            .trim_end_matches(',');
        if !addressee.is_empty() {
            h.addressed_to = Some(crate::text::capitalize_first(&unglue_function_words(
                addressee,
            )));
        }
    }
    if let Some(o) = over {
        let rest = after[o..].trim_start();
        let rest = rest.get(4..).unwrap_or("");
        let end = rest.find("(ingezonden").unwrap_or(rest.len());
        let subject = rest[..end].trim().trim_end_matches(['.', ',', ':']).trim();
        if !subject.is_empty() {
            h.subject = Some(subject.to_string());
        }
    }
    h
}

/// Askers from `Boswijk (CDA)`, `Kröger en Gabriëls (beiden GroenLinks-PvdA)`,
/// `Sneller , Bamenga , Rooderkerk (allen D66) en Gabriëls (GroenLinks-PvdA)`; a name without a
/// bracket after it (`Van Nispen`) is an asker whose party was not printed.
pub fn parse_askers(text: &str, registry: &Registry) -> Vec<Asker> {
    let mut askers = Vec::new();
    let mut pending = String::new();
    let mut rest = text;
    while let Some(open) = rest.find('(') {
        let Some(close_rel) = rest[open..].find(')') else {
            break;
        };
        let close = open + close_rel;
        pending.push_str(&rest[..open]);
        let printed = rest[open + 1..close].trim();
        let printed = strip_prefix_ci(printed, "beiden ")
            .or_else(|| strip_prefix_ci(printed, "allen "))
            .unwrap_or(printed)
            .trim();
        let party = registry.resolve_party(printed).map(|p| p.name.clone());
        for name in split_names(&pending) {
            askers.push(Asker {
                name: Some(name),
                party: party.clone(),
                party_as_printed: printed.to_string(),
                party_on: None,
            });
        }
        pending.clear();
        rest = &rest[close + 1..];
    }
    // Names after the last bracket print no party ("het lid Van Nispen"): the member registry
    // gives it later (parse::member_parties).
    // An unclosed bracket ends the names ("Boswijk (CDA" cut off by a line end).
    pending.push_str(rest.split('(').next().unwrap_or_default());
    for name in split_names(&pending) {
        askers.push(Asker {
            name: Some(name),
            party: None,
            party_as_printed: String::new(),
            party_on: None,
        });
    }
    askers
}

fn split_names(s: &str) -> Vec<String> {
    let mut names = Vec::new();
    for part in s.split(',') {
        for name in part.split(" en ") {
            let n = name.trim().trim_start_matches("en ").trim();
            if !n.is_empty() && n.chars().any(|c| c.is_alphabetic()) {
                names.push(n.to_string());
            }
        }
    }
    names
}

/// `Antwoord van Minister Veldkamp (Buitenlandse Zaken) (ontvangen 18 november 2024).`
/// → (`Minister Veldkamp (Buitenlandse Zaken)`, 2024-11-18).
pub fn parse_answer_header(text: &str) -> (Option<String>, Option<Date>) {
    let date = dated_after(text, "ontvangen");
    let lower = crate::text::lowercase_same_offsets(text);
    let start = ["antwoord van ", "mededeling van "]
        .iter()
        .filter_map(|p| lower.find(p).map(|i| i + p.len()))
        .min();
    let Some(start) = start else {
        return (None, date);
    };
    let end = lower[start..]
        .find("(ontvangen")
        .map(|e| start + e)
        .unwrap_or(text.len());
    let who = text[start..end].trim().trim_end_matches([',', '.']).trim();
    let who = balance_parens(who);
    if who.is_empty() {
        (None, date)
    } else {
        (Some(crate::text::capitalize_first(&who)), date)
    }
}

/// The Dutch date that follows `word` (e.g. `ingezonden`), possibly on the next line.
pub fn dated_after(text: &str, word: &str) -> Option<Date> {
    let lower = crate::text::lowercase_same_offsets(text);
    let pos = lower.find(word)?;
    Date::find_dutch(&text[pos..]).or_else(|| find_glued_year_date(&text[pos..]))
}

/// `18 november2024` (PDF extraction glued the year): still a date.
fn find_glued_year_date(s: &str) -> Option<Date> {
    let words: Vec<&str> = s
        .split(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | ',' | '.'))
        .filter(|w| !w.is_empty())
        .collect();
    for w in words.windows(2) {
        let Ok(day) = w[0].parse::<u8>() else {
            continue;
        };
        let letters: String = w[1].chars().take_while(|c| c.is_alphabetic()).collect();
        let digits: String = w[1][letters.len()..]
            .chars()
            .take_while(|c| c.is_ascii_digit())
            .collect();
        if let (Some(m), Ok(y)) = (crate::date::month_number(&letters), digits.parse::<u16>()) {
            if let Some(d) = Date::new(y, m, day) {
                return Some(d);
            }
        }
    }
    None
}

/// Position of the word "over" that starts the subject, also when PDF extraction glued it to the
/// next word (`overhet`, `overde`).
fn find_over(lower: &str) -> Option<usize> {
    let plain = find_outside_parens(lower, " over ");
    let glued = [" overhet ", " overde ", " overeen "]
        .iter()
        .filter_map(|p| find_outside_parens(lower, p))
        .min();
    [plain, glued].into_iter().flatten().min()
}

/// Splits function words glued to a capitalised word by PDF extraction (`enVolksgezondheid`,
/// `deStaatssecretaris`, `vanFinanciën`).
fn unglue_function_words(s: &str) -> String {
    let mut out: Vec<String> = Vec::new();
    for w in s.split(' ') {
        let mut done = false;
        for f in ["en", "de", "van", "voor", "het"] {
            if let Some(rest) = w.strip_prefix(f) {
                if rest.chars().next().is_some_and(|c| c.is_uppercase())
                    && rest.chars().nth(1).is_some_and(|c| c.is_lowercase())
                {
                    out.push(f.to_string());
                    out.push(rest.to_string());
                    done = true;
                    break;
                }
            }
        }
        if !done {
            out.push(w.to_string());
        }
    }
    out.join(" ")
}

fn find_outside_parens(s: &str, needle: &str) -> Option<usize> {
    let mut depth = 0i32;
    for (i, c) in s.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            _ => {}
        }
        if depth <= 0 && s[i..].starts_with(needle) {
            return Some(i);
        }
    }
    None
}

fn strip_prefix_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    if s.len() >= prefix.len()
        && s.is_char_boundary(prefix.len())
        && s[..prefix.len()].eq_ignore_ascii_case(prefix)
    {
        Some(&s[prefix.len()..])
    } else {
        None
    }
}

fn balance_parens(s: &str) -> String {
    let opens = s.matches('(').count();
    let closes = s.matches(')').count();
    let mut out = s.to_string();
    for _ in closes..opens {
        out.push(')');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::with_particles_apart;

    #[test]
    fn a_particle_run_together_with_the_name_after_it_is_set_apart() {
        assert_eq!(
            with_particles_apart("Vragen van het lid Inge vanDijk (CDA) aan de Staatssecretaris"),
            "Vragen van het lid Inge van Dijk (CDA) aan de Staatssecretaris"
        );
        assert_eq!(
            with_particles_apart("de leden (terHorst en deVries)"),
            "de leden (ter Horst en de Vries)"
        );
        // Written as one word on purpose, or an abbreviation after the particle: left alone.
        for kept in [
            "Van Dijk",
            "Vanderbilt",
            "deBBB",
            "vandaag",
            "Faber-van de Klashorst(PVV)",
        ] {
            assert_eq!(with_particles_apart(kept), kept);
        }
    }
}
