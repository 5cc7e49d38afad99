//! What stands around a PDF page's running text: running headers and footers, page numbers, and the footnotes at the page foot.

use crate::pdf::Page;
use crate::pdf_layout::{PrintedLine, MARGIN_BAND};
use crate::Note;

/// Why a line is page furniture, if it is.
pub(crate) fn furniture(
    line: &PrintedLine,
    page: &Page,
    pages: &[Page],
    per_page: &[Vec<PrintedLine>],
    body_size: f32,
) -> Option<&'static str> {
    if line.artifact() {
        return Some("page furniture (tagged artifact)");
    }
    // A letter or digit in display type, like the big "2" of the Tweede Kamer's masthead.
    if line.size > 2.5 * body_size && line.text(false).trim().chars().count() <= 2 {
        return Some("decorative letter");
    }
    let band = MARGIN_BAND * page.height;
    let in_band = line.y < band || line.y > page.height - band;
    if !in_band {
        return None;
    }
    let text = line.text(false);
    let siblings = per_page
        .get(page.number as usize - 1)
        .map(|ls| {
            ls.iter()
                .filter(|o| !std::ptr::eq(*o, line) && (o.y - line.y).abs() < 0.25 * line.size)
                .count()
        })
        .unwrap_or(0);
    let digits = text.trim();
    if siblings == 0 && digits.len() <= 4 && digits.chars().all(|c| c.is_ascii_digit()) {
        return Some("page number");
    }
    // The same line at the same height on other pages, where only a number that counts the
    // pages may differ ("Aanhangsel 2", "Aanhangsel 3"; "Pagina 2 van 5").
    let repeated = pages.iter().zip(per_page).any(|(p, lines)| {
        p.number != page.number
            && lines.iter().any(|o| {
                (o.y - line.y).abs() < 4.0
                    && (o.size - line.size).abs() < 0.1
                    && same_running_text(&text, page.number, &o.text(false), p.number)
            })
    });
    if repeated {
        return Some(if line.y < band {
            "running footer"
        } else {
            "running header"
        });
    }
    if line.y < band && line.size < 0.8 * body_size && !starts_with_number(&line.text(false)) {
        return Some("page footer");
    }
    None
}

/// Whether two lines on pages `pa` and `pb` are one running header or footer: the same words,
/// except at most one number that differs by as much as the pages do. So "Aanhangsel 2" on page 2
/// and "Aanhangsel 3" on page 3 repeat, but "Antwoord 2" on page 2 and "Antwoord 4" on page 3
/// do not.
fn same_running_text(a: &str, pa: u32, b: &str, pb: u32) -> bool {
    let (wa, wb): (Vec<&str>, Vec<&str>) = (
        a.split_whitespace().collect(),
        b.split_whitespace().collect(),
    );
    if wa.len() != wb.len() || wa.is_empty() {
        return false;
    }
    let mut differing = 0;
    for (x, y) in wa.iter().zip(&wb) {
        if x == y {
            continue;
        }
        differing += 1;
        let number = |w: &str| -> Option<(i64, String)> {
            let digits: String = w.chars().filter(char::is_ascii_digit).collect();
            let rest: String = w.chars().filter(|c| !c.is_ascii_digit()).collect();
            Some((digits.parse().ok()?, rest))
        };
        match (number(x), number(y)) {
            (Some((nx, rx)), Some((ny, ry)))
                if rx == ry && nx - ny == i64::from(pa) - i64::from(pb) => {}
            _ => return false,
        }
    }
    differing <= 1
}

fn starts_with_number(text: &str) -> bool {
    text.trim_start().starts_with(|c: char| c.is_ascii_digit())
}

/// Footnote bodies from the small lines at the page foot. The notes begin at the first line that
/// starts with a footnote number: a lone number in smaller type than the note text, or a number
/// that a marker in the body refers to followed by words. Small lines above it (a table in small
/// type) are body text and are returned as such.
pub(crate) fn footnotes<'l>(
    lines: &[&'l PrintedLine],
    page: u32,
    markers: &[String],
) -> (Vec<Note>, Vec<&'l PrintedLine>) {
    let mut sorted: Vec<&PrintedLine> = lines.to_vec();
    sorted.sort_by(|a, b| b.y.total_cmp(&a.y).then(a.x.total_cmp(&b.x)));
    let text_size = sorted.iter().map(|l| l.size).fold(0.0f32, f32::max);
    let starts_note = |l: &PrintedLine| {
        let text = l.text(false);
        let (number, rest) = split_number(&text);
        match number {
            Some(_) if rest.is_empty() => l.size < 0.85 * text_size,
            Some(n) => markers.contains(&n) && rest.starts_with(|c: char| !c.is_ascii_digit()),
            None => false,
        }
    };
    let first = sorted
        .iter()
        .position(|l| starts_note(l))
        .unwrap_or(sorted.len());
    let body = sorted[..first].to_vec();
    let mut notes: Vec<Note> = Vec::new();
    let mut pending_number: Option<String> = None;
    for l in &sorted[first..] {
        let text = l.text(false);
        let (number, rest) = split_number(&text);
        if let Some(n) = pending_number.take() {
            notes.push(Note {
                number: n,
                text: text.clone(),
                page,
            });
        } else if !starts_note(l) {
            if let Some(last) = notes.last_mut() {
                join_note_line(&mut last.text, &text);
            }
        } else if let (Some(n), false) = (&number, rest.is_empty()) {
            notes.push(Note {
                number: n.clone(),
                text: rest.to_string(),
                page,
            });
        } else {
            pending_number = number;
        }
    }
    (notes, body)
}

/// `12 Zie …` into (`12`, `Zie …`); a line of only a number gives (`12`, ``).
fn split_number(text: &str) -> (Option<String>, &str) {
    let t = text.trim_start();
    let digits: String = t.chars().take_while(|c| c.is_ascii_digit()).collect();
    if digits.is_empty() || digits.len() > 3 {
        return (None, t);
    }
    (Some(digits.clone()), t[digits.len()..].trim())
}

fn join_note_line(acc: &mut String, next: &str) {
    let next = next.trim();
    // An address continues without a space: one with its scheme wherever it was cut, one without
    // where it was cut after a hyphen of its own ("…/ambtenaren-zien-nog-veel-"), or after a
    // slash before more of a path.
    let first = next.split(' ').next().unwrap_or("");
    let url = acc.rsplit(' ').next().is_some_and(|t| {
        t.contains("://")
            || (is_address_without_scheme(t)
                && (t.ends_with('-')
                    || (t.ends_with('/') && first.contains(['/', '-', '.', '_', '=']))))
    });
    if url || (acc.ends_with('-') && next.starts_with(|c: char| c.is_lowercase())) {
        if !url {
            acc.pop();
        }
        acc.push_str(next);
    } else {
        acc.push(' ');
        acc.push_str(next);
    }
}

/// `(www.volkskrant.nl/…`, `regiopurmerend.nl/2024/…`: a web address without its scheme.
fn is_address_without_scheme(token: &str) -> bool {
    let token = token.trim_start_matches(['(', '[', '<', '"', '«']);
    let domain = token.split('/').next().unwrap_or("");
    token.starts_with("www.")
        || (token.contains('/')
            && domain.rsplit_once('.').is_some_and(|(name, tld)| {
                !name.is_empty() && tld.len() >= 2 && tld.bytes().all(|b| b.is_ascii_alphabetic())
            }))
}

#[cfg(test)]
mod tests {
    use super::join_note_line;

    fn joined(first: &str, second: &str) -> String {
        let mut acc = first.to_string();
        join_note_line(&mut acc, second);
        acc
    }

    #[test]
    fn a_web_address_cut_after_one_of_its_hyphens_keeps_the_hyphen() {
        assert_eq!(
            joined(
                "De Volkskrant, 28 mei 2024 (www.volkskrant.nl/nieuws/ambtenaren-zien-nog-veel-",
                "juridische-hobbels~bc49/)"
            ),
            "De Volkskrant, 28 mei 2024 (www.volkskrant.nl/nieuws/ambtenaren-zien-nog-veel-juridische-hobbels~bc49/)"
        );
        assert_eq!(
            joined(
                "(regiopurmerend.nl/2024/05/03/tieners-weer-",
                "vrijgelaten/)."
            ),
            "(regiopurmerend.nl/2024/05/03/tieners-weer-vrijgelaten/)."
        );
    }

    #[test]
    fn a_word_broken_at_the_line_end_outside_an_address_is_joined_without_its_hyphen() {
        assert_eq!(
            joined("Brief van de minister over de bekos-", "tiging."),
            "Brief van de minister over de bekostiging."
        );
        // An address that ends before the line does is followed by a space, also after a slash.
        assert_eq!(
            joined("Zie www.rijksoverheid.nl/documenten", "voor de brief."),
            "Zie www.rijksoverheid.nl/documenten voor de brief."
        );
        assert_eq!(
            joined("Zie www.rijksoverheid.nl/", "voor meer."),
            "Zie www.rijksoverheid.nl/ voor meer."
        );
    }
}
