//! Renumbers aanhangsel, zaak, document and kenmerk numbers in one document, consistently.

use super::Rng;
use std::collections::BTreeMap;

/// Replaces numbers in `text`: the aanhangsel number (`ah-tk-20242025-575`, `AH 617` and the line that
/// holds only that number), zaak and document numbers (`2024Z18775`, `2024Z 17972`, `2025D33530`:
/// the serial part) and kenmerk/referentie numbers. The same old number always gets the same new one.
pub fn renumber(text: &str, rng: &mut Rng) -> String {
    let mut map: BTreeMap<String, String> = BTreeMap::new();
    let mut fresh = |old: &str, rng: &mut Rng| -> String {
        map.entry(old.to_string())
            .or_insert_with(|| {
                let lowest = if old.len() > 1 {
                    10u64.pow(old.len() as u32 - 1)
                } else {
                    1
                };
                (lowest + rng.below((lowest * 9) as usize) as u64).to_string()
            })
            .clone()
    };
    let mut out = renumber_serials(text, rng, &mut fresh);
    if let Some(number) = aanhangsel_number(&out) {
        let new = fresh(&number, rng);
        out = replace_aanhangsel(&out, &number, &new);
    }
    for kenmerk in kenmerk_numbers(&out) {
        let new = fresh(&kenmerk, rng);
        out = replace_number(&out, &kenmerk, &new);
    }
    out
}

/// The serial after `JJJJZ`, `JJJJZ ` or `JJJJD`.
fn renumber_serials(
    text: &str,
    rng: &mut Rng,
    fresh: &mut impl FnMut(&str, &mut Rng) -> String,
) -> String {
    let b = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    let mut i = 0;
    while i + 5 < b.len() {
        let year =
            b[i..i + 4].iter().all(u8::is_ascii_digit) && (i == 0 || !b[i - 1].is_ascii_digit());
        if year && matches!(b[i + 4], b'Z' | b'D') {
            let start = if b.get(i + 5) == Some(&b' ') {
                i + 6
            } else {
                i + 5
            };
            let len = b[start.min(b.len())..]
                .iter()
                .take_while(|c| c.is_ascii_digit())
                .count();
            if (4..=6).contains(&len) {
                out.push_str(&text[copied..start]);
                out.push_str(&fresh(&text[start..start + len], rng));
                copied = start + len;
                i = copied;
                continue;
            }
        }
        i += 1;
    }
    out.push_str(&text[copied..]);
    out
}

fn aanhangsel_number(text: &str) -> Option<String> {
    if let Some(pos) = text.find("ah-tk-") {
        let rest = &text[pos + 6..];
        let after_year = rest
            .get(9..)
            .filter(|_| rest.as_bytes().get(8) == Some(&b'-'))?;
        let digits: String = after_year
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        return (!digits.is_empty()).then_some(digits);
    }
    text.lines().find_map(|line| {
        let n = line.trim().strip_prefix("AH ")?;
        n.chars().all(|c| c.is_ascii_digit()).then(|| n.to_string())
    })
}

fn replace_aanhangsel(text: &str, old: &str, new: &str) -> String {
    let mut lines: Vec<String> = Vec::new();
    for line in text.split('\n') {
        let trimmed = line.trim();
        if trimmed == old || trimmed == format!("AH {old}") {
            lines.push(line.replacen(old, new, 1));
        } else if line.contains("ah-tk-") {
            lines.push(replace_after(line, "ah-tk-", old, new));
        } else {
            lines.push(line.to_string());
        }
    }
    lines.join("\n")
}

/// In `line`, after each `marker` + `JJJJJJJJ-`, replaces the number `old` with `new`.
fn replace_after(line: &str, marker: &str, old: &str, new: &str) -> String {
    let mut out = String::new();
    let mut rest = line;
    while let Some(pos) = rest.find(marker) {
        let head = pos + marker.len() + 9;
        match rest.get(head..) {
            Some(tail)
                if tail.starts_with(old)
                    && !tail[old.len()..].starts_with(|c: char| c.is_ascii_digit()) =>
            {
                out.push_str(&rest[..head]);
                out.push_str(new);
                rest = &tail[old.len()..];
            }
            _ => {
                out.push_str(&rest[..pos + marker.len()]);
                rest = &rest[pos + marker.len()..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Numbers of five or more digits within 40 characters after the word `kenmerk` or `referentie`.
fn kenmerk_numbers(text: &str) -> Vec<String> {
    let lower = text.to_lowercase();
    let mut found = Vec::new();
    let hits = lower
        .match_indices("kenmerk")
        .chain(lower.match_indices("referentie"));
    for (pos, word) in hits {
        let after = &lower[pos + word.len()..];
        if after.starts_with(|c: char| c.is_alphabetic()) {
            continue;
        }
        let window: String = after.chars().take(40).collect();
        for run in window.split(|c: char| !c.is_ascii_digit()) {
            if run.len() >= 5 && !found.iter().any(|f| f == run) {
                found.push(run.to_string());
            }
        }
    }
    found
}

/// Replaces `old` wherever it stands as a whole number (no digit on either side).
fn replace_number(text: &str, old: &str, new: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(pos) = rest.find(old) {
        let before = rest[..pos]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_ascii_digit());
        let after = !rest[pos + old.len()..].starts_with(|c: char| c.is_ascii_digit());
        out.push_str(&rest[..pos]);
        out.push_str(if before && after { new } else { old });
        rest = &rest[pos + old.len()..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_aanhangsel_number_changes_everywhere_it_is_printed() {
        let mut rng = Rng::new(7);
        let text =
            "regering gegeven antwoorden\n575\nVragen\nah-tk-20242025-575\nhet 575e antwoord";
        let out = renumber(text, &mut rng);
        let lines: Vec<&str> = out.lines().collect();
        assert_ne!(lines[1], "575");
        assert_eq!(lines[3], format!("ah-tk-20242025-{}", lines[1]));
        assert_eq!(lines[4], "het 575e antwoord");
    }

    #[test]
    fn zaak_numbers_keep_their_shape_and_stay_consistent() {
        let mut rng = Rng::new(11);
        let out = renumber(
            "2024Z 17972 en kv-tk-2024Z17972; 2025D33530 (kenmerk: 179110)",
            &mut rng,
        );
        let words: Vec<&str> = out.split_whitespace().collect();
        assert!(words[0] == "2024Z" && words[1].len() == 5 && words[1] != "17972");
        assert_eq!(words[3], format!("kv-tk-2024Z{};", words[1]));
        assert!(!out.contains("179110") && !out.contains("33530"));
    }
}
