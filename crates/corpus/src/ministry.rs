//! Ministries from data/ministries.toml, and the ministries an addressee or signer names ("Minister van Asiel en Migratie", "minister Faber (Asiel en Migratie)").

use crate::fold::fold;
use crate::model::Ministry;
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
    /// (name as lowercase letters only, index into `list`).
    keys: Vec<(String, usize)>,
}

impl Ministries {
    /// The ministries of the data file compiled into the crate (the build checks it first with
    /// [`Ministries::checked_builtin`]; empty here if it cannot be read).
    pub fn builtin() -> Ministries {
        Ministries::checked_builtin().unwrap_or_else(|_| Ministries::from_list(Vec::new()))
    }

    /// The ministries of the compiled-in data file, or "data/ministries.toml:LINE: reason".
    pub fn checked_builtin() -> Result<Ministries, String> {
        Ministries::from_named_toml("data/ministries.toml", MINISTRIES_TOML)
    }

    pub fn from_toml(toml_text: &str) -> Result<Ministries, String> {
        Ministries::from_named_toml("ministries.toml", toml_text)
    }

    fn from_named_toml(file: &str, toml_text: &str) -> Result<Ministries, String> {
        let parsed: MinistriesFile = toml::from_str(toml_text)
            .map_err(|e| crate::registry::toml_problem((file, toml_text), &e))?;
        for (i, m) in parsed.ministry.iter().enumerate() {
            if parsed.ministry[..i].iter().any(|n| n.id == m.id) {
                return Err(format!("{file}: ministry id \"{}\" occurs twice", m.id));
            }
            if m.names.iter().all(|n| letters(n).is_empty()) {
                return Err(format!(
                    "{file}: ministry \"{}\" has no name with letters",
                    m.id
                ));
            }
        }
        Ok(Ministries::from_list(parsed.ministry))
    }

    pub fn from_list(list: Vec<Ministry>) -> Ministries {
        let keys: Vec<(String, usize)> = list
            .iter()
            .enumerate()
            .flat_map(|(i, m)| m.names.iter().map(move |n| (letters(n), i)))
            .filter(|(k, _)| !k.is_empty())
            .collect();
        Ministries { list, keys }
    }

    pub fn list(&self) -> &[Ministry] {
        &self.list
    }

    /// The ids of the ministries `text` names, in the order they are named, each once. Names are
    /// compared as lowercase letters only, so glued words ("Klimaaten Groene Groei") and missing
    /// commas do not matter. Of the ways to read the text as names, the one that covers the most
    /// letters wins: "Economische Zaken en Klimaat en Groene Groei" is EZ and KGG (36 letters), not
    /// EZK (25).
    pub fn named_in(&self, text: &str) -> Vec<String> {
        let hay = letters(text);
        // Every place a name stands: (start, length in bytes, ministry).
        let mut at: Vec<Vec<(usize, usize)>> = vec![Vec::new(); hay.len() + 1];
        for (key, m) in &self.keys {
            let mut from = 0;
            while let Some(found) = hay[from..].find(key.as_str()) {
                let start = from + found;
                at[start].push((key.len(), *m));
                from = start + hay[start..].chars().next().map_or(1, char::len_utf8);
            }
        }
        // best[i]: most letters covered from byte i on, and the name taken at i (if any).
        let mut best: Vec<(usize, Option<(usize, usize)>)> = vec![(0, None); hay.len() + 1];
        for i in (0..hay.len()).rev() {
            let next = hay[i..].chars().next().map_or(1, char::len_utf8);
            best[i] = (best[(i + next).min(hay.len())].0, None);
            for &(len, m) in &at[i] {
                let covered = len + best[i + len].0;
                if covered > best[i].0 {
                    best[i] = (covered, Some((len, m)));
                }
            }
        }
        let mut ids: Vec<String> = Vec::new();
        let mut i = 0;
        while i < hay.len() {
            match best[i].1 {
                Some((len, m)) => {
                    let id = &self.list[m].id;
                    if !ids.contains(id) {
                        ids.push(id.clone());
                    }
                    i += len;
                }
                None => i += hay[i..].chars().next().map_or(1, char::len_utf8),
            }
        }
        ids
    }
}

/// Folded lowercase letters of `s`, nothing else.
fn letters(s: &str) -> String {
    fold(s).chars().filter(|c| c.is_alphabetic()).collect()
}
