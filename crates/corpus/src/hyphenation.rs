//! Whether a hyphen at the end of a printed line broke a word or belongs to it: the document's own spelling first, the word's shape after.

use crate::fold::fold;
use crate::hash::{FastMap, FastSet};
use crate::text::{joins_across_hyphen, letters_at_end, looks_like_address};
use crate::word_key::WordKey;
use std::borrow::Cow;
use std::cell::OnceCell;
use std::rc::Rc;

/// What a hyphen at the end of a printed line becomes when the next line is joined to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineBreakHyphen {
    /// A word broken by hyphenation: `drone-` + `bedrijven` gives `dronebedrijven`.
    Glue,
    /// A compound's own hyphen: `hiv-` + `besmettingen`, `EU-` + `lidstaten`,
    /// `Bosnië-` + `Herzegovina`.
    Keep,
    /// An elliptic compound: `Asiel-` + `en Migratiebeheer` gives `Asiel- en Migratiebeheer`.
    Space,
}

/// How one document writes its words, to judge a hyphen at a line break by the same document's
/// spelling elsewhere: `hiv-besmettingen` in a footnote keeps `hiv-` + `besmettingen` in a
/// question.
/// Cheap to clone and to make: the words are collected when a line break first asks.
#[derive(Debug, Clone, Default)]
pub struct DocumentSpelling(Rc<Spelling>);

#[derive(Debug, Default)]
struct Spelling {
    /// The document's lines, separated by `\n`.
    text: String,
    words: OnceCell<Words>,
}

#[derive(Debug, Default)]
struct Words {
    /// Every word the document writes whole (folded, letters only), with its first lowercase form
    /// in the document where that is not the folded word itself (`financiën` for `financien`).
    whole: FastMap<WordKey, Option<Box<str>>>,
    /// Every first part of a compound the document writes with a hyphen inside a line
    /// (`hiv` of `hiv-infecties`): not in web addresses, whose words are joined by hyphens, and
    /// not where the inline repair would remove the hyphen (`volksgezond-heid`).
    heads: FastSet<String>,
}

impl DocumentSpelling {
    /// The spelling of a document with these lines.
    pub fn of_lines<S: AsRef<str>>(lines: &[S]) -> DocumentSpelling {
        let mut text = String::new();
        for line in lines {
            text.push_str(line.as_ref());
            text.push('\n');
        }
        DocumentSpelling(Rc::new(Spelling {
            text,
            words: OnceCell::new(),
        }))
    }

    fn words(&self) -> &Words {
        self.0.words.get_or_init(|| {
            let mut words = Words::default();
            // About one distinct word per eight bytes of a short text: little growing while it is
            // read.
            words.whole.reserve((self.0.text.len() / 8).min(1 << 14));
            // Each token lowercased on its own (as the whole text would lowercase it: no token's
            // lowercase depends on another's), in one buffer: most tokens are plain ASCII.
            let mut lower = String::new();
            for token in self.0.text.split_whitespace() {
                lower.clear();
                if token.is_ascii() {
                    lower.push_str(token);
                    lower.make_ascii_lowercase();
                } else {
                    lower.push_str(&token.to_lowercase());
                }
                let token = lower.as_str();
                for word in token.split(|c: char| !c.is_alphabetic()) {
                    let key = folded(word);
                    if !key.is_empty() {
                        // The first form the document writes is kept.
                        (words.whole.entry(WordKey::from(key.as_ref())))
                            .or_insert_with(|| (key != word).then(|| word.into()));
                    }
                }
                // Only a token with a hyphen has heads (and an address is read past).
                if !token.contains('-') || looks_like_address(token) {
                    continue;
                }
                let parts: Vec<&str> = token.split('-').collect();
                for pair in parts.windows(2) {
                    let head = fold(&letters_at_end(pair[0]));
                    let tail: String = pair[1].chars().take_while(|c| c.is_alphabetic()).collect();
                    if !head.is_empty()
                        && !tail.is_empty()
                        && !joins_across_hyphen(&head, &fold(&tail))
                    {
                        words.heads.insert(head);
                    }
                }
            }
            words
        })
    }
}

/// A lowercase word as [`fold`] makes it, borrowed where it is plain ASCII (most words).
fn folded(word: &str) -> Cow<'_, str> {
    if word.is_ascii() {
        Cow::Borrowed(word)
    } else {
        Cow::Owned(fold(word))
    }
}

/// The word `before`'s last part and `next`'s first word make when glued, as the document writes
/// it elsewhere where that differs from the two put together by a diacritic: a line break drops
/// the trema (`Financi-` + `en` for `Financiën`, `ge-` + `informeerd` for `geïnformeerd`). The
/// first letter keeps the case it has before the hyphen. `None` where the two together are it.
pub fn written_form(before: &str, next: &str, spelling: &DocumentSpelling) -> Option<String> {
    let piece = letters_at_end(before);
    let right: String = next
        .trim_start()
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect();
    let together = format!("{piece}{right}").to_lowercase();
    let key = fold(&together);
    let form = spelling.words().whole.get(key.as_bytes())?;
    let form = form.as_deref().unwrap_or(&key);
    if form == together {
        return None;
    }
    Some(if piece.starts_with(char::is_uppercase) {
        crate::text::capitalize_first(form)
    } else {
        form.to_string()
    })
}

/// First parts Dutch writes with a hyphen although they are short (`oud-minister`, `ex-partner`,
/// `non-refoulement`); a broken syllable of the same letters is rarer in these documents.
const SHORT_FIRST_PARTS: [&str; 3] = ["oud", "ex", "non"];

/// Judges a hyphen at the end of a printed line. `before` is the line's last word without its
/// hyphen (`uitgevaar`, `ggz-instel`), `next` the next line. The word's last part and the next
/// line's first word decide:
/// 0. a colon after the hyphen: it broke an identifier (`ECLI:NL-` + `:RBDHA:2023:2055`);
/// 1. an elliptic compound (`klimaat-` + `en energie`) gets its space, unless the part ends in a
///    vowel and the document writes the two whole (`Financi-` + `en`, `zo-` + `als`: Dutch breaks
///    a word before `en` or `als` only after a vowel);
/// 2. the document's spelling: the two written whole elsewhere (`Julianaka-` + `naal`) glue;
/// 3. a capital or a digit after the hyphen, or capitals inside the part (`EU-`) keep it;
/// 4. the document's spelling again: the part written with a hyphen inside a line
///    (`hiv-infecties` for `hiv-` + `besmettingen`) keeps it;
/// 5. the shape: a part without a vowel (`ggz`, `btw`) keeps it; a part under four letters is a
///    broken syllable (`be-` + `staande`) unless Dutch writes it with a hyphen
///    ([`SHORT_FIRST_PARTS`]) or its vowels would run together (`re-` + `integratie`); a longer
///    one as [`joins_across_hyphen`] says for a hyphen inside a line.
pub fn judge(before: &str, next: &str, spelling: &DocumentSpelling) -> LineBreakHyphen {
    let next = next.trim_start();
    let right: String = next.chars().take_while(|c| c.is_alphabetic()).collect();
    let piece = letters_at_end(before);
    let (piece_folded, right_folded) = (fold(&piece), fold(&right));
    let words = spelling.words();
    if next.starts_with(':') {
        return LineBreakHyphen::Glue;
    }
    let written_whole = !piece.is_empty()
        && !right.is_empty()
        && words
            .whole
            .contains_key(format!("{piece_folded}{right_folded}").as_bytes());
    let after_right = &next[right.len()..];
    if matches!(right.as_str(), "en" | "of" | "tot" | "als" | "dan" | "noch")
        && !after_right.starts_with(|c: char| c.is_alphanumeric() || c == '-')
    {
        let vowel_end = piece_folded.ends_with(|c: char| "aeiouy".contains(c));
        return if written_whole && vowel_end {
            LineBreakHyphen::Glue
        } else {
            LineBreakHyphen::Space
        };
    }
    if written_whole {
        return LineBreakHyphen::Glue;
    }
    if piece.is_empty()
        || !right.starts_with(|c: char| c.is_lowercase())
        || piece.chars().skip(1).any(|c| !c.is_lowercase())
        || words.heads.contains(&piece_folded)
    {
        return LineBreakHyphen::Keep;
    }
    let glue = if !piece_folded.chars().any(|c| "aeiouy".contains(c)) {
        false
    } else if piece.starts_with(|c: char| c.is_uppercase()) {
        piece_folded.chars().count() >= 3 && joins_across_hyphen(&piece_folded, &right_folded)
    } else if piece_folded.chars().count() < 4 {
        !SHORT_FIRST_PARTS.contains(&piece_folded.as_str())
            && !vowels_run_together(&piece_folded, &right_folded)
    } else {
        joins_across_hyphen(&piece_folded, &right_folded) || right.chars().count() < 2
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
