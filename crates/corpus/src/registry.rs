//! The party and theme registry: data/parties.toml and data/themes.toml, party lookup and theme assignment.

use crate::hash::FastMap;
use crate::model::{Party, Theme, ThemeMatch};
use crate::text_scan::split_spaces;
use crate::word_key::WordKey;
use serde::Deserialize;

const PARTIES_TOML: &str = include_str!("../../../data/parties.toml");
const THEMES_TOML: &str = include_str!("../../../data/themes.toml");

/// The id of the theme given when no keyword matches.
pub const FALLBACK_THEME: &str = "overig";

/// Parties and themes, with the lookup structures built from them.
#[derive(Debug, Clone)]
pub struct Registry {
    parties: Vec<Party>,
    themes: Vec<Theme>,
    /// (normalised party key, index into `parties`), for name, abbreviation and aliases.
    party_keys: Vec<(String, usize)>,
    /// Per theme (same order as `themes`): its compiled keywords.
    theme_keywords: Vec<Vec<Keyword>>,
    /// (theme, keyword) indices by the first character of the keyword's first word.
    by_first_char: FastMap<char, Vec<(usize, usize)>>,
    /// (theme, keyword) indices of keywords whose first word matches anywhere inside a word.
    inner: Vec<(usize, usize)>,
    /// Per theme: the ids of the ministries whose questions lean towards it.
    theme_ministries: Vec<Vec<String>>,
    /// The keywords whose first word matches a word, found once per distinct word for the whole
    /// corpus: texts repeat their words, and every word would otherwise be tried against every
    /// keyword that matches inside words.
    starting: StartingKeywords,
}

/// Distinct words remembered by [`Registry::starting_keywords`] before it starts afresh.
const STARTING_KEYWORDS_KEPT: usize = 1 << 20;

/// (theme, keyword) index pairs.
type KeywordIds = Box<[(usize, usize)]>;

#[derive(Debug, Default)]
struct StartingKeywords(std::sync::Mutex<KnownWords>);

/// Per distinct word, where its [`KeywordIds`] are in `lists` (one look-up per word read).
#[derive(Debug, Default)]
struct KnownWords {
    at: FastMap<WordKey, u32>,
    lists: Vec<KeywordIds>,
}

impl Clone for StartingKeywords {
    fn clone(&self) -> StartingKeywords {
        StartingKeywords::default()
    }
}

#[derive(Deserialize)]
struct PartiesFile {
    party: Vec<Party>,
}

#[derive(Deserialize)]
struct ThemesFile {
    theme: Vec<ThemeEntry>,
}

/// A theme as written in data/themes.toml: the shipped [`Theme`] and the ministries whose questions
/// lean towards it (used at build time only, so not part of the artifact).
#[derive(Deserialize)]
struct ThemeEntry {
    #[serde(flatten)]
    theme: Theme,
    #[serde(default)]
    ministries: Vec<String>,
}

/// Keyword evidence for one theme: its score (words found, heading words double) and the words.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ThemeEvidence {
    pub score: usize,
    pub words: Vec<String>,
}

/// One keyword of a theme, compiled: a sequence of word patterns.
#[derive(Debug, Clone)]
struct Keyword {
    parts: Vec<WordPattern>,
}

#[derive(Debug, Clone)]
enum WordPattern {
    Prefix(String),
    Contains(String),
    Exact(String),
}

impl WordPattern {
    fn matches(&self, word: &str) -> bool {
        match self {
            WordPattern::Prefix(p) => word.starts_with(p.as_str()),
            WordPattern::Contains(p) => word.contains(p.as_str()),
            WordPattern::Exact(p) => word == p,
        }
    }
}

impl Registry {
    /// The registry built from the data files compiled into the crate. The build checks them first
    /// ([`Registry::checked_builtin`] stops it on a malformed file); here an unreadable file gives an
    /// empty registry, for tests and tools that parse single texts.
    pub fn builtin() -> Registry {
        Registry::checked_builtin().unwrap_or_else(|_| Registry::from_lists(Vec::new(), Vec::new()))
    }

    /// The registry of the data files compiled into the crate, or what is wrong with them:
    /// "data/themes.toml:12: …" (file, line and reason).
    pub fn checked_builtin() -> Result<Registry, String> {
        Registry::from_named_toml(
            ("data/parties.toml", PARTIES_TOML),
            ("data/themes.toml", THEMES_TOML),
        )
    }

    /// A registry from the text of a parties file and a themes file.
    pub fn from_toml(parties: &str, themes: &str) -> Result<Registry, String> {
        Registry::from_named_toml(("parties.toml", parties), ("themes.toml", themes))
    }

    /// As [`Registry::from_toml`], with the file names used in messages. Besides TOML errors it
    /// refuses duplicate ids and names, and keywords that match nothing.
    pub fn from_named_toml(
        parties: (&str, &str),
        themes: (&str, &str),
    ) -> Result<Registry, String> {
        let p: PartiesFile = toml::from_str(parties.1).map_err(|e| toml_problem(parties, &e))?;
        let t: ThemesFile = toml::from_str(themes.1).map_err(|e| toml_problem(themes, &e))?;
        for (i, party) in p.party.iter().enumerate() {
            if party.name.trim().is_empty() || party.abbreviation.trim().is_empty() {
                return Err(format!(
                    "{}:{}: party {} has an empty name or abbreviation",
                    parties.0,
                    line_of(parties.1, "[[party]]", i),
                    i + 1
                ));
            }
            if p.party[..i]
                .iter()
                .any(|q| q.abbreviation == party.abbreviation)
            {
                return Err(format!(
                    "{}:{}: party abbreviation \"{}\" occurs twice",
                    parties.0,
                    line_of(parties.1, &format!("\"{}\"", party.abbreviation), 1),
                    party.abbreviation
                ));
            }
        }
        for (i, theme) in t.theme.iter().map(|e| &e.theme).enumerate() {
            let line = line_of(themes.1, &format!("\"{}\"", theme.id), 0);
            if theme.id.trim().is_empty() || theme.label.trim().is_empty() {
                return Err(format!(
                    "{}:{line}: theme {} has an empty id or label",
                    themes.0,
                    i + 1
                ));
            }
            if t.theme[..i].iter().any(|u| u.theme.id == theme.id) {
                let line = line_of(themes.1, &format!("\"{}\"", theme.id), 1);
                return Err(format!(
                    "{}:{line}: theme id \"{}\" occurs twice",
                    themes.0, theme.id
                ));
            }
            if let Some(k) = theme.keywords.iter().find(|k| compile_keyword(k).is_none()) {
                return Err(format!(
                    "{}:{}: theme \"{}\" has keyword \"{k}\", which holds no letters or digits",
                    themes.0,
                    line_of(themes.1, &format!("\"{k}\""), 0),
                    theme.id
                ));
            }
        }
        let theme_ministries = t.theme.iter().map(|e| e.ministries.clone()).collect();
        let mut registry =
            Registry::from_lists(p.party, t.theme.into_iter().map(|e| e.theme).collect());
        registry.theme_ministries = theme_ministries;
        registry
            .theme_ministries
            .resize(registry.themes.len(), Vec::new());
        Ok(registry)
    }

    /// A registry from lists; adds the fallback theme when it is missing.
    pub fn from_lists(parties: Vec<Party>, mut themes: Vec<Theme>) -> Registry {
        if !themes.iter().any(|t| t.id == FALLBACK_THEME) {
            themes.push(Theme {
                id: FALLBACK_THEME.to_string(),
                label: "Overig".to_string(),
                group: "beleid".to_string(),
                keywords: Vec::new(),
            });
        }
        let mut party_keys = Vec::new();
        for (i, p) in parties.iter().enumerate() {
            for n in std::iter::once(&p.name)
                .chain(std::iter::once(&p.abbreviation))
                .chain(p.aliases.iter())
            {
                let key = party_key(n);
                if !key.is_empty() && !party_keys.iter().any(|(k, _)| *k == key) {
                    party_keys.push((key, i));
                }
            }
        }
        let n_themes = themes.len();
        let theme_keywords: Vec<Vec<Keyword>> = themes
            .iter()
            .map(|t| {
                t.keywords
                    .iter()
                    .filter_map(|k| compile_keyword(k))
                    .collect()
            })
            .collect();
        let mut by_first_char: FastMap<char, Vec<(usize, usize)>> = Default::default();
        let mut inner = Vec::new();
        for (ti, kws) in theme_keywords.iter().enumerate() {
            for (ki, kw) in kws.iter().enumerate() {
                match kw.parts.first() {
                    Some(WordPattern::Prefix(p) | WordPattern::Exact(p)) => {
                        if let Some(c) = p.chars().next() {
                            by_first_char.entry(c).or_default().push((ti, ki));
                        }
                    }
                    Some(WordPattern::Contains(_)) => inner.push((ti, ki)),
                    None => {}
                }
            }
        }
        Registry {
            parties,
            themes,
            party_keys,
            theme_keywords,
            by_first_char,
            inner,
            theme_ministries: vec![Vec::new(); n_themes],
            starting: StartingKeywords::default(),
        }
    }

    pub fn parties(&self) -> &[Party] {
        &self.parties
    }

    pub fn themes(&self) -> &[Theme] {
        &self.themes
    }

    /// The party known by this name, abbreviation or alias (case-, accent-, space- and dash-insensitive).
    pub fn resolve_party(&self, printed: &str) -> Option<&Party> {
        let key = party_key(printed);
        if key.is_empty() {
            return None;
        }
        self.party_keys
            .iter()
            .find(|(k, _)| *k == key)
            .and_then(|(_, i)| self.parties.get(*i))
    }

    /// A theme that lists a ministry `known` does not hold: "data/themes.toml: theme … lists …".
    pub fn check_theme_ministries(&self, known: &[&str]) -> Result<(), String> {
        for (ti, ms) in self.theme_ministries.iter().enumerate() {
            if let Some(m) = ms.iter().find(|m| !known.contains(&m.as_str())) {
                let theme = self.themes.get(ti).map_or("", |t| t.id.as_str());
                return Err(format!(
                    "data/themes.toml: theme \"{theme}\" lists ministry \"{m}\", which data/ministries.toml does not have"
                ));
            }
        }
        Ok(())
    }

    /// The ministries (ids) whose questions lean towards the theme at `index`.
    pub fn theme_ministries(&self, index: usize) -> &[String] {
        self.theme_ministries
            .get(index)
            .map_or(&[], |m| m.as_slice())
    }

    /// The themes of a text on its own: keywords matched on normalised words of heading and text,
    /// heading words double; see [`Registry::pick_themes`]. Never empty: falls back to
    /// [`FALLBACK_THEME`]. The keywords' view alone, for tests of the keyword lists: the build
    /// weighs the set's subject, the answer and the ministries as well (`parse::question_themes`).
    pub fn assign_themes(&self, heading: Option<&str>, text: &str) -> Vec<ThemeMatch> {
        let heading = heading.map(normalized_text).unwrap_or_default();
        let text = normalized_text(text);
        let (heading_words, text_words) = (words_of(&heading), words_of(&text));
        let evidence = self.theme_evidence(&[(2, &heading_words), (1, &text_words)]);
        let scores: Vec<usize> = evidence.iter().map(|e| e.score).collect();
        self.pick_themes(&scores, |ti| evidence[ti].words.clone())
    }

    /// Per theme (registry order): the keywords found in word lists of the given weights.
    pub fn theme_evidence(&self, weighted: &[(usize, &[&str])]) -> Vec<ThemeEvidence> {
        let mut per_theme = vec![ThemeEvidence::default(); self.theme_keywords.len()];
        // Locked once per call (a question's heading and text together), not once per word.
        let mut cache = self.starting.0.lock().unwrap_or_else(|e| e.into_inner());
        for &(weight, ws) in weighted {
            for start in 0..ws.len() {
                let word = ws[start];
                for &(ti, ki) in self.starting_keywords(&mut cache, word) {
                    let kw = &self.theme_keywords[ti][ki];
                    if kw.parts.len() > 1 && !keyword_at(kw, ws, start) {
                        continue;
                    }
                    let found = &ws[start..start + kw.parts.len()];
                    let entry = &mut per_theme[ti];
                    entry.score += weight;
                    // Words hold no spaces: a found keyword is its words joined by single spaces.
                    let known = |w: &String| w.split(' ').eq(found.iter().copied());
                    if !entry.words.iter().any(known) {
                        entry.words.push(found.join(" "));
                    }
                }
            }
        }
        per_theme
    }

    /// (theme, keyword) of the keywords whose first word matches `word`.
    fn starting_keywords<'m>(&self, known: &'m mut KnownWords, word: &str) -> &'m [(usize, usize)] {
        if let Some(&at) = known.at.get(word.as_bytes()) {
            return &known.lists[at as usize];
        }
        let first = word.chars().next().unwrap_or(' ');
        let candidates = self
            .by_first_char
            .get(&first)
            .map_or(&[][..], |v| v.as_slice());
        let found: KeywordIds = candidates
            .iter()
            .chain(self.inner.iter())
            .copied()
            .filter(|&(ti, ki)| {
                self.theme_keywords[ti][ki]
                    .parts
                    .first()
                    .is_some_and(|p| p.matches(word))
            })
            .collect();
        if known.lists.len() >= STARTING_KEYWORDS_KEPT {
            *known = KnownWords::default();
        }
        known
            .at
            .insert(WordKey::from(word), known.lists.len() as u32);
        known.lists.push(found);
        &known.lists[known.lists.len() - 1]
    }

    /// The clear themes of per-theme scores: at least a third of the best score, at most three, best
    /// first, each with its reason from `reason`; [`FALLBACK_THEME`] when no score is above zero.
    pub fn pick_themes(
        &self,
        scores: &[usize],
        reason: impl Fn(usize) -> Vec<String>,
    ) -> Vec<ThemeMatch> {
        let best = scores.iter().copied().max().unwrap_or(0);
        let mut kept: Vec<usize> = (0..scores.len())
            .filter(|&ti| scores[ti] > 0 && scores[ti] * 3 >= best)
            .collect();
        kept.sort_by(|&a, &b| scores[b].cmp(&scores[a]).then(a.cmp(&b)));
        kept.truncate(3);
        let mut out: Vec<ThemeMatch> = kept
            .into_iter()
            .filter_map(|ti| {
                self.themes.get(ti).map(|t| ThemeMatch {
                    theme: t.id.clone(),
                    words: reason(ti),
                })
            })
            .collect();
        if out.is_empty() {
            out.push(ThemeMatch {
                theme: FALLBACK_THEME.to_string(),
                words: Vec::new(),
            });
        }
        out
    }
}

/// "data/themes.toml:12: reason" from a TOML error (line from its span, 1-based).
pub fn toml_problem((file, text): (&str, &str), e: &toml::de::Error) -> String {
    let line = e
        .span()
        .map(|r| text[..r.start.min(text.len())].matches('\n').count() + 1);
    let reason = e.message().trim();
    match line {
        Some(l) => format!("{file}:{l}: {reason}"),
        None => format!("{file}: {reason}"),
    }
}

/// The 1-based line of the `nth` (0-based) occurrence of `needle` in `text`, else line 1.
fn line_of(text: &str, needle: &str, nth: usize) -> usize {
    text.match_indices(needle)
        .nth(nth)
        .map(|(at, _)| text[..at].matches('\n').count() + 1)
        .unwrap_or(1)
}

/// Lowercase, accents folded, only letters and digits kept: the key for party lookup.
fn party_key(s: &str) -> String {
    crate::fold::fold(s)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// The words of `s`, lowercased with accents folded; apostrophes are dropped inside words.
pub fn normalized_words(s: &str) -> Vec<String> {
    words_of(&normalized_text(s))
        .into_iter()
        .map(str::to_owned)
        .collect()
}

/// The [`normalized_words`] of `s` in one string, one space between them: a long text's words
/// without a string each.
pub fn normalized_text(s: &str) -> String {
    let mut text = String::with_capacity(s.len());
    let mut in_word = false;
    crate::fold::each_folded_char(s, |c| {
        if c.is_alphanumeric() {
            text.push(c);
            in_word = true;
        } else if in_word && c != '\'' {
            // An apostrophe inside a word (folding makes `’` one) is dropped; anything else ends
            // the word.
            text.push(' ');
            in_word = false;
        }
    });
    if text.ends_with(' ') {
        text.pop();
    }
    text
}

/// The words of a [`normalized_text`].
pub fn words_of(normalized: &str) -> Vec<&str> {
    split_spaces(normalized).filter(|w| !w.is_empty()).collect()
}

fn compile_keyword(k: &str) -> Option<Keyword> {
    let (mode, rest) = match k.chars().next() {
        Some('*') => (1, &k[1..]),
        Some('=') => (2, &k[1..]),
        _ => (0, k),
    };
    let words = normalized_words(rest);
    if words.is_empty() {
        return None;
    }
    let parts = words
        .into_iter()
        .map(|w| match mode {
            1 => WordPattern::Contains(w),
            2 => WordPattern::Exact(w),
            _ => WordPattern::Prefix(w),
        })
        .collect();
    Some(Keyword { parts })
}

/// Whether `kw` occurs in `words` at `start` (all its parts, one word each).
fn keyword_at(kw: &Keyword, words: &[&str], start: usize) -> bool {
    let n = kw.parts.len();
    words
        .get(start..start + n)
        .is_some_and(|slice| kw.parts.iter().zip(slice).all(|(p, w)| p.matches(w)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_normalized_text_holds_the_normalized_words_one_space_apart() {
        let s = "  De minister’s aanpak: 3 cijfers (Financiën)!  ";
        assert_eq!(
            normalized_text(s),
            "de ministers aanpak 3 cijfers financien"
        );
        assert_eq!(
            normalized_words(s),
            ["de", "ministers", "aanpak", "3", "cijfers", "financien"]
        );
        assert_eq!(normalized_text("…"), "");
        assert!(normalized_words("").is_empty());
    }

    #[test]
    fn builtin_data_files_parse() {
        assert!(Registry::from_toml(PARTIES_TOML, THEMES_TOML).is_ok());
    }
}
