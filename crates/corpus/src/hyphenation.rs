//! Whether a hyphen at the end of a printed line broke a word or belongs to it: the document's own spelling decides first, the word's shape after.

use std::cell::OnceCell;

/// What a hyphen at the end of a printed line becomes when the next line is joined to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineBreakHyphen {
    /// A word broken by hyphenation: `drone-` + `bedrijven` gives `dronebedrijven`.
    Glue,
    /// A compound's own hyphen: `hiv-` + `besmettingen`, `EU-` + `lidstaten`, `Bosnië-` + `Herzegovina`.
    Keep,
    /// An elliptic compound: `Asiel-` + `en Migratiebeheer` gives `Asiel- en Migratiebeheer`.
    Space,
}

/// How one document writes its words, to judge a hyphen at a line break by the same document's
/// spelling elsewhere: `hiv-besmettingen` in a footnote keeps `hiv-` + `besmettingen` in a question.
#[derive(Debug, Clone, Default)]
pub struct DocumentSpelling {
    /// The document's text, its lines separated by `\n`.
    text: String,
    /// The same in lowercase, made when a line break first needs it.
    lower: OnceCell<String>,
}

impl DocumentSpelling {
    /// The spelling of a document with these lines.
    pub fn of_lines<S: AsRef<str>>(lines: &[S]) -> DocumentSpelling {
        let mut text = String::new();
        for line in lines {
            text.push_str(line.as_ref());
            text.push('\n');
        }
        DocumentSpelling {
            text,
            lower: OnceCell::new(),
        }
    }

    fn lower(&self) -> &str {
        self.lower.get_or_init(|| self.text.to_lowercase())
    }

    /// Whether the document writes `word` (lowercase letters) whole somewhere, as a word of its own.
    fn writes_whole(&self, word: &str) -> bool {
        self.occurrences(word).any(|(start, end)| {
            !self.letter_before(start) && !self.lower()[end..].starts_with(char::is_alphabetic)
        })
    }

    /// Whether the document writes `head` with a hyphen inside a line, as the first part of a
    /// compound (`hiv-infecties`, `non-refoulement`). A hyphen the inline repair would remove
    /// (`volksgezond-heid`) and web addresses (whose words are joined by hyphens) do not count.
    fn writes_with_hyphen(&self, head: &str) -> bool {
        let pattern = format!("{head}-");
        let found = self.occurrences(&pattern).any(|(start, end)| {
            if self.letter_before(start) {
                return false;
            }
            let tail: String = self.lower()[end..]
                .chars()
                .take_while(|c| c.is_alphabetic())
                .collect();
            let token_head = self.lower()[..start].rsplit(char::is_whitespace).next();
            let token_rest = self.lower()[end..].split(char::is_whitespace).next();
            let token = format!(
                "{}{pattern}{}",
                token_head.unwrap_or(""),
                token_rest.unwrap_or("")
            );
            let in_address = ["://", "/", "www.", ".nl", ".com", ".org", "_", "="]
                .iter()
                .any(|m| token.contains(m));
            !tail.is_empty() && !in_address && !crate::text::joins_across_hyphen(head, &tail)
        });
        found
    }

    fn occurrences<'s, 'n>(
        &'s self,
        needle: &'n str,
    ) -> impl Iterator<Item = (usize, usize)> + use<'s, 'n> {
        self.lower()
            .match_indices(needle)
            .map(|(i, m)| (i, i + m.len()))
    }

    fn letter_before(&self, start: usize) -> bool {
        self.lower()[..start]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphabetic())
    }
}

/// Judges a hyphen at the end of a printed line. `before` is the line's last word without its
/// hyphen (`uitgevaar`, `veilig-derde`), `next` the next line. The document's spelling decides
/// first: the word written whole elsewhere glues it, its first part written with a hyphen inside
/// a line (`hiv-infecties` for `hiv-` + `besmettingen`) keeps it. Without that evidence the shape decides, as [`crate::text::joins_across_hyphen`]
/// does for a hyphen inside a line; a first part under four letters is taken for a broken
/// syllable (`be-` + `staande`) unless its vowels would run together (`re-` + `integratie`).
pub fn judge(before: &str, next: &str, spelling: &DocumentSpelling) -> LineBreakHyphen {
    let next = next.trim_start();
    let right: String = next.chars().take_while(|c| c.is_alphabetic()).collect();
    let after_right = &next[right.len()..];
    if matches!(right.as_str(), "en" | "of" | "tot" | "als" | "dan" | "noch")
        && !after_right.starts_with(|c: char| c.is_alphanumeric() || c == '-')
    {
        return LineBreakHyphen::Space;
    }
    let piece: String = {
        let mut p: Vec<char> = before
            .chars()
            .rev()
            .take_while(|c| c.is_alphabetic())
            .collect();
        p.reverse();
        p.into_iter().collect()
    };
    let earlier_part = before[..before.len() - piece.len()].ends_with('-');
    if piece.is_empty()
        || earlier_part
        || !right.starts_with(|c: char| c.is_lowercase())
        || piece.chars().skip(1).any(|c| !c.is_lowercase())
    {
        return LineBreakHyphen::Keep;
    }
    let lower = piece.to_lowercase();
    let right = right.to_lowercase();
    if spelling.writes_whole(&format!("{lower}{right}")) {
        return LineBreakHyphen::Glue;
    }
    if spelling.writes_with_hyphen(&lower) {
        return LineBreakHyphen::Keep;
    }
    let capitalised = piece.starts_with(|c: char| c.is_uppercase());
    let glue = if capitalised {
        lower.chars().count() >= 3 && crate::text::joins_across_hyphen(&lower, &right)
    } else if lower.chars().count() < 4 {
        lower != "non" && !vowels_run_together(&lower, &right)
    } else {
        crate::text::joins_across_hyphen(&lower, &right) || right.chars().count() < 2
    };
    if glue {
        LineBreakHyphen::Glue
    } else {
        LineBreakHyphen::Keep
    }
}

/// Whether the last letter of `left` and the first of `right` would read as one vowel sound
/// (`re` + `integratie`, `co` + `ouder`), where Dutch writes a hyphen.
fn vowels_run_together(left: &str, right: &str) -> bool {
    let (Some(a), Some(b)) = (left.chars().next_back(), right.chars().next()) else {
        return false;
    };
    const ONE_SOUND: [&str; 14] = [
        "aa", "ae", "ai", "au", "ee", "ei", "eu", "ie", "oe", "oi", "oo", "ou", "ui", "uu",
    ];
    ONE_SOUND.contains(&format!("{a}{b}").as_str())
}
