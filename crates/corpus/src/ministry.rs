//! Ministries from data/ministries.toml, and the ministries an addressee or signer names ("Minister van Asiel en Migratie", "minister Faber (Asiel en Migratie)").

use crate::model::Ministry;
use crate::text;
use serde::Deserialize;

const MINISTRIES_TOML: &str = include_str!("../../../data/ministries.toml");

#[derive(Deserialize)]
struct MinistriesFile {
    ministry: Vec<Ministry>,
}

/// The ministries with their names compiled for matching.
#[derive(Debug, Clone)]
pub struct Ministries {
    list: Vec<Ministry>,
    /// (name as lowercase letters only, index into `list`), longest first.
    keys: Vec<(String, usize)>,
}

impl Ministries {
    /// The ministries of the data file compiled into the crate (checked by tests; empty if it
    /// cannot be read, so that parsing still works and every addressee is reported).
    pub fn builtin() -> Ministries {
        Ministries::from_toml(MINISTRIES_TOML).unwrap_or_else(|_| Ministries::from_list(Vec::new()))
    }

    pub fn from_toml(toml_text: &str) -> Result<Ministries, String> {
        let file: MinistriesFile =
            toml::from_str(toml_text).map_err(|e| format!("ministries.toml: {e}"))?;
        Ok(Ministries::from_list(file.ministry))
    }

    pub fn from_list(list: Vec<Ministry>) -> Ministries {
        let mut keys: Vec<(String, usize)> = list
            .iter()
            .enumerate()
            .flat_map(|(i, m)| m.names.iter().map(move |n| (letters(n), i)))
            .filter(|(k, _)| !k.is_empty())
            .collect();
        keys.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(&b.0)));
        Ministries { list, keys }
    }

    pub fn list(&self) -> &[Ministry] {
        &self.list
    }

    /// The ids of the ministries `text` names, in the order they are named, each once. Names are
    /// compared as lowercase letters only, so glued words ("Klimaaten Groene Groei") and missing
    /// commas do not matter; the longest name at a place wins, and its letters are not read again.
    pub fn named_in(&self, text: &str) -> Vec<String> {
        let hay: Vec<char> = letters(text).chars().collect();
        let mut taken = vec![false; hay.len()];
        let mut found: Vec<(usize, usize)> = Vec::new();
        for (key, m) in &self.keys {
            let key: Vec<char> = key.chars().collect();
            let mut start = 0;
            while start + key.len() <= hay.len() {
                let end = start + key.len();
                if hay[start..end] == key[..] && !taken[start..end].iter().any(|&t| t) {
                    taken[start..end].iter_mut().for_each(|t| *t = true);
                    found.push((start, *m));
                    start = end;
                } else {
                    start += 1;
                }
            }
        }
        found.sort();
        let mut ids: Vec<String> = Vec::new();
        for (_, m) in found {
            let id = &self.list[m].id;
            if !ids.contains(id) {
                ids.push(id.clone());
            }
        }
        ids
    }
}

/// Folded lowercase letters of `s`, nothing else.
fn letters(s: &str) -> String {
    text::fold(s)
        .chars()
        .filter(|c| c.is_alphabetic())
        .collect()
}
