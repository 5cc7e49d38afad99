//! Swaps askers and parties in one document for others, keeping `Naam (Partij)` and `fractie van X` shapes.

use super::Rng;
use crate::registry::Registry;

/// Capitalised words that start a sentence, never a member's name.
const NOT_A_NAME: [&str; 16] = [
    "Vragen",
    "Vraag",
    "Antwoord",
    "Antwoorden",
    "Mondelinge",
    "Schriftelijke",
    "De",
    "Het",
    "Een",
    "Lid",
    "Leden",
    "Minister",
    "Staatssecretaris",
    "En",
    "Aan",
    "Over",
];
/// Lower-case name particles (`Inge van Dijk`, `Van den Hil`).
const PARTICLES: [&str; 9] = ["van", "de", "den", "der", "te", "ter", "ten", "el", "la"];

/// A member name and the party printed behind it, as found in a document.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct NamedAsker {
    /// The name's words, e.g. `["Van", "den", "Hil"]`.
    pub name: Vec<String>,
    /// The party as printed between the brackets, e.g. `GroenLinks-PvdA`.
    pub party: String,
}

fn is_name_word(word: &str) -> bool {
    let mut chars = word.chars();
    let first_upper = chars.next().is_some_and(char::is_uppercase);
    first_upper
        && word
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'))
        && !NOT_A_NAME.contains(&word)
}

/// Every `Naam (Partij)` in `text` whose bracket holds a party the registry knows.
pub fn find_askers(text: &str, registry: &Registry) -> Vec<NamedAsker> {
    let mut found = Vec::new();
    for (open, _) in text.match_indices('(') {
        let Some(close) = text[open..].find(')').map(|c| open + c) else {
            continue;
        };
        let party = text[open + 1..close].trim();
        if party.is_empty() || party.len() > 40 || registry.resolve_party(party).is_none() {
            continue;
        }
        let before: Vec<&str> = text[..open].split_whitespace().rev().take(5).collect();
        let mut name: Vec<&str> = Vec::new();
        for word in before {
            if is_name_word(word) || (!name.is_empty() && PARTICLES.contains(&word)) {
                name.push(word);
            } else {
                break;
            }
        }
        while name.last().is_some_and(|w| PARTICLES.contains(w)) {
            name.pop();
        }
        if name.is_empty()
            || !text[..open].ends_with(|c: char| c.is_alphabetic() || c.is_whitespace())
        {
            continue;
        }
        name.reverse();
        found.push(NamedAsker {
            name: name.iter().map(|w| w.to_string()).collect(),
            party: party.to_string(),
        });
    }
    found
}

/// Party names printed in `fractie van (de) X` and `X-fractie`, which overleg reports use.
fn find_faction_parties(text: &str, registry: &Registry) -> Vec<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut found = Vec::new();
    for (i, w) in words.iter().enumerate() {
        let trimmed = w.trim_end_matches(|c: char| !c.is_alphanumeric());
        if let Some(party) = trimmed.strip_suffix("-fractie") {
            found.push(party.to_string());
        }
        if *w == "fractie" && words.get(i + 1) == Some(&"van") {
            let next = if words.get(i + 2) == Some(&"de") {
                i + 3
            } else {
                i + 2
            };
            if let Some(party) = words.get(next) {
                found.push(
                    party
                        .trim_end_matches(|c: char| !c.is_alphanumeric())
                        .to_string(),
                );
            }
        }
    }
    found.retain(|p| registry.resolve_party(p).is_some());
    found
}

/// Replaces every whole-word occurrence of `words` (any whitespace between them) with `replacement`.
/// Line breaks inside a replaced phrase are kept in front of the replacement, so line counts never change.
pub fn replace_phrase(text: &str, words: &[String], replacement: &str) -> String {
    let Some(first) = words.first() else {
        return text.to_string();
    };
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(pos) = rest.find(first.as_str()) {
        let before_ok = rest[..pos]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        let end = if before_ok {
            match_rest(&rest[pos + first.len()..], &words[1..])
        } else {
            None
        };
        match end {
            Some(len) => {
                let span = &rest[pos..pos + first.len() + len];
                out.push_str(&rest[..pos]);
                out.extend(span.chars().filter(|&c| c == '\n'));
                out.push_str(replacement);
                rest = &rest[pos + first.len() + len..];
            }
            None => {
                let step = pos + first.len();
                out.push_str(&rest[..step]);
                rest = &rest[step..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Length of `text`'s prefix that is whitespace + each of `words`, ending on a word boundary.
fn match_rest(text: &str, words: &[String]) -> Option<usize> {
    let mut used = 0;
    for word in words {
        let after_space = text[used..].trim_start();
        let gap = text[used..].len() - after_space.len();
        if gap == 0 || !after_space.starts_with(word.as_str()) {
            return None;
        }
        used += gap + word.len();
    }
    let boundary = text[used..]
        .chars()
        .next()
        .is_none_or(|c| !c.is_alphanumeric());
    boundary.then_some(used)
}

/// Gives every asker in `text` another member name from `pool`, and every party another registry party,
/// consistently within the document (the same old name or party always becomes the same new one).
pub fn swap_askers(text: &str, pool: &[NamedAsker], registry: &Registry, rng: &mut Rng) -> String {
    let askers = find_askers(text, registry);
    let mut parties: Vec<String> = askers.iter().map(|a| a.party.clone()).collect();
    parties.extend(find_faction_parties(text, registry));
    parties.sort();
    parties.dedup();
    // Longest first, so `GroenLinks-PvdA` is replaced before a bare `PvdA` could match inside it.
    parties.sort_by_key(|p| std::cmp::Reverse(p.len()));
    let mut names: Vec<Vec<String>> = askers.into_iter().map(|a| a.name).collect();
    names.sort();
    names.dedup();
    names.sort_by_key(|n| std::cmp::Reverse(n.join(" ").len()));

    // One-word abbreviations only, so `fractie van de X` and `X-fractie` still read as one party.
    let mut choices: Vec<String> = registry
        .parties()
        .iter()
        .map(|p| p.abbreviation.clone())
        .filter(|a| !a.contains(char::is_whitespace))
        .collect();
    let mut out = text.to_string();
    // Two passes through placeholders, so a new value never gets replaced again by a later swap.
    let mut placeholders = Vec::new();
    for (i, old) in parties.iter().enumerate() {
        if choices.is_empty() {
            break;
        }
        let new = choices.swap_remove(rng.below(choices.len()));
        let key = format!("\u{1}P{i}\u{1}");
        out = replace_phrase(&out, std::slice::from_ref(old), &key);
        placeholders.push((key, new));
    }
    for (i, old) in names.iter().enumerate() {
        if pool.is_empty() {
            break;
        }
        let new = pool[rng.below(pool.len())].name.join(" ");
        let key = format!("\u{1}N{i}\u{1}");
        out = replace_phrase(&out, old, &key);
        placeholders.push((key, new));
    }
    for (key, new) in placeholders {
        out = out.replace(&key, &new);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_phrase_broken_over_lines_is_replaced_without_losing_the_line() {
        let words: Vec<String> = ["Van", "den", "Hil"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let out = replace_phrase(
            "leden Van den\nHil (VVD) en Van den Hilversum",
            &words,
            "Jansen",
        );
        assert_eq!(out, "leden \nJansen (VVD) en Van den Hilversum");
    }

    #[test]
    fn names_stop_at_the_word_before_the_member() {
        let registry = Registry::builtin();
        let askers = find_askers(
            "Vragen van de leden Inge van Dijk (CDA) en Boswijk (CDA) over (EU)",
            &registry,
        );
        let names: Vec<String> = askers.iter().map(|a| a.name.join(" ")).collect();
        assert_eq!(names, ["Inge van Dijk", "Boswijk"]);
    }
}
