//! The themes of every question, from its own words, the subject of its document and the ministries it was put to.
//!
//! Keywords alone mislead in two ways: the names of ministries and parties are full of theme words
//! ("Volksgezondheid, Welzijn en Sport" is not about sport, "Partij voor de Dieren" not about
//! animals), and a short question ("Kunt u dit toelichten?") has no words of its own. So names are
//! read past; the words of the question, of its answer and of the document's subject (its title)
//! count alike; and the ministries a question was put to tip the balance towards their own themes.
//! When no word points anywhere, the main theme of the first ministry is the theme. Every theme keeps
//! its reason: the words, and "ministerie X" when the ministry counted. Measured against hand labels
//! in tests/themes_quality.rs (figures in docs/trust.md).

use super::ParseOutput;
use crate::hash::{FastMap, FastSet};
use crate::id::Id;
use crate::ministry::Ministries;
use crate::model::ThemeMatch;
use crate::registry::{normalized_text, normalized_words, words_of, Registry, ThemeEvidence};

/// Weight of a keyword in the question itself (heading words count double).
const OWN_WEIGHT: usize = 1;
/// Weight of a keyword in the question's answer: the answer names the policy it is about.
const ANSWER_WEIGHT: usize = 1;
/// Weight of a keyword in the document's subject: it speaks for every question of the document.
const SUBJECT_WEIGHT: usize = 1;
/// Added to a theme that words already point to when the question was put to one of its ministries.
const MINISTRY_BONUS: usize = 3;

/// Sets `themes` and `theme_matches` of every question of the corpus.
pub fn assign_question_themes(out: &mut ParseOutput, registry: &Registry, ministries: &Ministries) {
    let names = NameFilter::new(registry, ministries);
    // The members who asked, per document: "het lid Dijk" is not about dikes.
    let mut people: FastMap<Id, Vec<String>> = FastMap::default();
    for q in &out.corpus.questions {
        let list = people.entry(q.document_id.clone()).or_default();
        for name in q.askers.iter().filter_map(|a| a.name.as_deref()) {
            let name = normalized_words(name).concat();
            if !name.is_empty() && !list.contains(&name) {
                list.push(name);
            }
        }
    }
    let nobody: Vec<String> = Vec::new();
    let people_of = |document: &str| people.get(document).unwrap_or(&nobody);
    let subjects: FastMap<&str, Vec<ThemeEvidence>> = out
        .corpus
        .documents
        .iter()
        .map(|d| {
            let title = normalized_text(&d.title);
            let words = names.read_past(words_of(&title), people_of(&d.id));
            (d.id.as_str(), registry.theme_evidence(&[(1, &words)]))
        })
        .collect();
    let no_subject = vec![ThemeEvidence::default(); registry.themes().len()];
    let answers: FastMap<&str, &str> = out
        .corpus
        .answers
        .iter()
        .map(|a| (a.id.as_str(), a.text.as_str()))
        .collect();
    let answer_evidence: Vec<Vec<ThemeEvidence>> = out
        .corpus
        .questions
        .iter()
        .map(|q| {
            let text = q
                .answer_id
                .as_deref()
                .and_then(|a| answers.get(a))
                .copied()
                .unwrap_or("");
            let text = normalized_text(text);
            let words = names.read_past(words_of(&text), people_of(&q.document_id));
            registry.theme_evidence(&[(1, &words)])
        })
        .collect();
    for (q, answer) in out.corpus.questions.iter_mut().zip(&answer_evidence) {
        let askers = people_of(&q.document_id);
        let heading = q
            .heading
            .as_deref()
            .map(normalized_text)
            .unwrap_or_default();
        let heading = names.read_past(words_of(&heading), askers);
        let text = normalized_text(&q.text);
        let text = names.read_past(words_of(&text), askers);
        let own = registry.theme_evidence(&[(2, &heading), (1, &text)]);
        let subject = subjects.get(q.document_id.as_str()).unwrap_or(&no_subject);
        let own: Vec<ThemeEvidence> = own
            .into_iter()
            .zip(answer)
            .map(|(mut o, a)| {
                o.score = o.score * OWN_WEIGHT + a.score * ANSWER_WEIGHT;
                for w in &a.words {
                    if !o.words.contains(w) {
                        o.words.push(w.clone());
                    }
                }
                o
            })
            .collect();
        q.theme_matches = themes_of(registry, ministries, &own, subject, &q.ministries);
        q.themes = q.theme_matches.iter().map(|m| Id::from(&m.theme)).collect();
    }
}

/// The themes from the evidence of the question and its subject, and the question's ministries.
fn themes_of(
    registry: &Registry,
    ministries: &Ministries,
    own: &[ThemeEvidence],
    subject: &[ThemeEvidence],
    asked_of: &[Id],
) -> Vec<ThemeMatch> {
    let leaning = |ti: usize| -> Vec<String> {
        registry
            .theme_ministries(ti)
            .iter()
            .filter(|m| asked_of.iter().any(|a| a == *m))
            .filter_map(|m| ministries.list().iter().find(|x| &x.id == m))
            .map(|m| format!("ministerie {}", m.abbreviation))
            .collect()
    };
    let mut scores: Vec<usize> = own
        .iter()
        .zip(subject)
        .map(|(o, s)| o.score + s.score * SUBJECT_WEIGHT)
        .collect();
    if scores.iter().any(|&s| s > 0) {
        for (ti, score) in scores.iter_mut().enumerate() {
            if *score > 0 && !leaning(ti).is_empty() {
                *score += MINISTRY_BONUS;
            }
        }
    } else {
        // No word points anywhere: the main theme (the first that lists it) of the ministry the
        // question was put to first.
        for m in asked_of.iter().take(1) {
            let main =
                (0..scores.len()).find(|&ti| registry.theme_ministries(ti).iter().any(|x| x == m));
            if let Some(ti) = main {
                scores[ti] = MINISTRY_BONUS;
            }
        }
    }
    let reason = |ti: usize| {
        let mut words = own[ti].words.clone();
        for w in &subject[ti].words {
            if !words.contains(w) {
                words.push(w.clone());
            }
        }
        words.extend(leaning(ti));
        words
    };
    registry.pick_themes(&scores, reason)
}

/// Reads past the names of ministries and parties: they are addressing, not subject.
struct NameFilter {
    /// By first letter: every name as its words run together ("klimaatengroenegroei"), longest
    /// first, so names whose words the extraction glued ("Klimaaten Groene Groei") are found too.
    names: FastMap<char, Vec<String>>,
    /// Every beginning of a name (at a character boundary): a word that is none of them cannot
    /// start a name, and most words are not looked up further.
    beginnings: FastSet<String>,
}

impl NameFilter {
    fn new(registry: &Registry, ministries: &Ministries) -> NameFilter {
        let mut names: Vec<String> = ministries
            .list()
            .iter()
            .flat_map(|m| m.names.iter().chain(std::iter::once(&m.name)))
            .chain(
                registry
                    .parties()
                    .iter()
                    .flat_map(|p| std::iter::once(&p.name).chain(p.aliases.iter())),
            )
            .map(|n| normalized_words(n).concat())
            .filter(|n| !n.is_empty())
            .collect();
        names.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
        names.dedup();
        let beginnings = names
            .iter()
            .flat_map(|n| {
                n.char_indices()
                    .skip(1)
                    .map(|(i, _)| &n[..i])
                    .chain([n.as_str()])
            })
            .map(str::to_string)
            .collect();
        let mut by_first: FastMap<char, Vec<String>> = FastMap::default();
        for n in names {
            if let Some(c) = n.chars().next() {
                by_first.entry(c).or_default().push(n);
            }
        }
        NameFilter {
            names: by_first,
            beginnings,
        }
    }

    /// `words` without the runs of whole words that spell a name, or one of `people` (names as
    /// their words run together).
    fn read_past<'w>(&self, mut words: Vec<&'w str>, people: &[String]) -> Vec<&'w str> {
        let mut kept = 0;
        let mut i = 0;
        while i < words.len() {
            let person = people.iter().find_map(|p| spelled_at(p, &words[i..]));
            match person.or_else(|| self.name_at(&words[i..])) {
                Some(n) => i += n,
                None => {
                    words.swap(kept, i);
                    kept += 1;
                    i += 1;
                }
            }
        }
        words.truncate(kept);
        words
    }

    /// How many words at the start of `words` spell a name, if they do.
    fn name_at(&self, words: &[&str]) -> Option<usize> {
        let word = *words.first()?;
        if !self.beginnings.contains(word) {
            return None;
        }
        let first = word.chars().next()?;
        self.names
            .get(&first)?
            .iter()
            .find_map(|name| spelled_at(name, words))
    }
}

/// How many words at the start of `words` run together to `name`, if they do.
fn spelled_at(name: &str, words: &[&str]) -> Option<usize> {
    let mut rest = name;
    for (n, w) in words.iter().enumerate() {
        rest = rest.strip_prefix(w)?;
        if rest.is_empty() {
            return Some(n + 1);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The normalised words of a text, each a string of its own.
    fn words(s: &str) -> Vec<String> {
        normalized_words(s)
    }

    /// `read_past` on the words of `s`.
    fn read_past(names: &NameFilter, s: &str, people: &[String]) -> Vec<String> {
        let text = normalized_text(s);
        let kept = names.read_past(words_of(&text), people);
        kept.into_iter().map(str::to_owned).collect()
    }

    #[test]
    fn names_of_ministries_and_parties_are_read_past_even_when_glued() {
        let names = NameFilter::new(&Registry::builtin(), &Ministries::builtin());
        assert_eq!(
            read_past(
                &names,
                "aan de Minister van Volksgezondheid, Welzijn en Sport over zwemles",
                &[]
            ),
            words("aan de Minister van over zwemles")
        );
        assert_eq!(
            read_past(
                &names,
                "de Ministers van Klimaaten Groene Groei over windparken",
                &[]
            ),
            words("de Ministers van over windparken")
        );
        assert_eq!(
            read_past(
                &names,
                "het lid Teunissen (Partij voor de Dieren) over dierenleed",
                &[]
            ),
            words("het lid Teunissen over dierenleed")
        );
    }

    #[test]
    fn the_names_of_the_askers_are_read_past() {
        let names = NameFilter::new(&Registry::builtin(), &Ministries::builtin());
        let askers = ["dijk".to_string(), "vanderplas".to_string()];
        assert_eq!(
            read_past(
                &names,
                "Vragen van de leden Dijk en Van der Plas over de dijk bij Dijk",
                &askers
            ),
            words("Vragen van de leden en over de bij")
        );
    }

    #[test]
    fn without_words_the_first_ministry_gives_its_main_theme() {
        let registry = Registry::builtin();
        let none = vec![ThemeEvidence::default(); registry.themes().len()];
        let picked = themes_of(
            &registry,
            &Ministries::builtin(),
            &none,
            &none,
            &["lvvn".into(), "jenv".into()],
        );
        assert_eq!(picked.len(), 1);
        assert_eq!(picked[0].theme, "landbouw-natuur");
        assert_eq!(picked[0].words, ["ministerie LVVN"]);
    }

    #[test]
    fn the_ministry_decides_between_themes_that_words_point_to_equally() {
        let registry = Registry::builtin();
        let text = normalized_text("een bedrijf en een ziekenhuis");
        let own = registry.theme_evidence(&[(1, &words_of(&text))]);
        let none = vec![ThemeEvidence::default(); registry.themes().len()];
        let picked = themes_of(
            &registry,
            &Ministries::builtin(),
            &own,
            &none,
            &["vws".into()],
        );
        assert_eq!(picked[0].theme, "zorg");
        assert_eq!(picked[0].words, ["ziekenhuis", "ministerie VWS"]);
        assert_eq!(picked.len(), 1, "{picked:?}");
    }
}
