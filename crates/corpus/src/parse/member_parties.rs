//! The party of a member named without one, from the member registry on the day the question was asked; a name that fits several members is reported, not guessed.
//!
//! Names come from the text ("Vragen van het lid Van Nispen aan …") or, when a document prints no
//! asker at all (an answer letter), from its file name as published ("Antwoord op vragen van het
//! lid Nordkamp over …"). The party is looked up on the day the question was asked, else the day
//! it was answered, and kept as the registry's faction at that time: a 2023 GroenLinks member is
//! not relabelled GroenLinks-PvdA.

use super::ParseOutput;
use crate::date::Date;
use crate::diagnostics::{Diagnostic, Severity};
use crate::hash::{FastMap, FastSet};
use crate::id::Id;
use crate::members::{MemberParty, Members};
use crate::model::{Asker, Chamber, Question};
use crate::registry::Registry;
use std::collections::HashMap;

/// One registry lookup: file, name as printed, date, and the party and family name or why not.
type LookUp = (String, String, Option<Date>, Result<Found, String>);

/// A member found: the party name, the family name, and whether the name was read as cut off.
type Found = (String, String, bool);

/// Fills in askers' parties from `members`, and askers from the file name where none are printed.
pub fn add_member_parties(out: &mut ParseOutput, members: &Members, registry: &Registry) {
    let answered_on: HashMap<&str, Date> = out
        .corpus
        .answers
        .iter()
        .filter_map(|a| Some((a.id.as_str(), a.answered_on?)))
        .collect();
    let docs: HashMap<&str, (&str, Option<Date>, Option<Chamber>)> = out
        .corpus
        .documents
        .iter()
        .map(|d| (d.id.as_str(), (d.file.as_str(), d.date, d.chamber)))
        .collect();
    // Per (file, name, date): the outcome, so that each lookup is reported once.
    let mut looked_up: Vec<LookUp> = Vec::new();
    let (mut noted, mut notes): (Vec<&str>, Vec<Diagnostic>) = (Vec::new(), Vec::new());
    let mut seated_party: FastMap<(String, Date), Option<Registered>> = FastMap::default();
    let mut reported: FastSet<(&str, String)> = FastSet::default();
    for q in &mut out.corpus.questions {
        // The registry holds the Tweede Kamer's members; a senator is never looked up in it.
        let Some(&(file, doc_date, chamber)) = docs.get(q.document_id.as_str()) else {
            continue;
        };
        if chamber == Some(Chamber::EersteKamer) {
            continue;
        }
        // The day asked: the party a question's header prints is the one of that day.
        if let Some(date) = q.asked_on {
            let misprints = correct_printed_parties(q, date, members, registry, &mut seated_party);
            for (name, printed, party) in misprints {
                // Once per document and member: a misprint in a question header stands above
                // every question of the document.
                if !reported.insert((file, name.clone())) {
                    continue;
                }
                notes.push(Diagnostic::new(
                    file,
                    None,
                    Severity::Warning,
                    format!(
                        "Kamerlid {name} staat er als {printed}, maar had op {date} zitting voor \
                         {party} (data/members.csv); die partij aangehouden"
                    ),
                ));
            }
        }
        // Every named asker without a party, also beside askers whose party is printed.
        let unresolved = q
            .askers
            .iter()
            .any(|a| a.party.is_none() && a.name.is_some());
        let no_askers = q.askers.is_empty() && q.parties.is_empty();
        if !(unresolved || no_askers) {
            continue;
        }
        let from_file_name = q.askers.is_empty();
        let mut cut_name = None;
        if from_file_name {
            let found = names_in_file_name(file);
            if found.last_may_be_cut {
                cut_name = found.names.last().cloned();
            }
            let names = found.names;
            if !names.is_empty() && !noted.contains(&file) {
                noted.push(file);
                let more = if found.more_cut_off {
                    "; de bestandsnaam is na hen afgebroken, dus er kunnen meer vragenstellers zijn"
                } else {
                    ""
                };
                notes.push(Diagnostic::new(
                    file,
                    None,
                    Severity::Info,
                    format!(
                        "vragenstellers niet vermeld; overgenomen uit de bestandsnaam: {}{more}",
                        names.join(", ")
                    ),
                ));
            }
            q.askers = names
                .into_iter()
                .map(|name| Asker {
                    name: Some(name),
                    party: None,
                    party_as_printed: String::new(),
                    party_on: None,
                })
                .collect();
        }
        let date = q
            .asked_on
            .or_else(|| answered_on.get(q.answer_id.as_deref()?).copied())
            .or(doc_date);
        for asker in q.askers.iter_mut().filter(|a| a.party.is_none()) {
            let Some(name) = asker.name.clone() else {
                continue;
            };
            let outcome = match looked_up
                .iter()
                .find(|(f, n, d, _)| f == file && *n == name && *d == date)
            {
                Some((_, _, _, outcome)) => outcome.clone(),
                None => {
                    let cut_off = cut_name.as_deref() == Some(name.as_str());
                    let outcome = look_up(members, registry, &name, date, cut_off);
                    looked_up.push((file.to_string(), name.clone(), date, outcome.clone()));
                    outcome
                }
            };
            if let (Ok((party, family, _)), Some(date)) = (outcome, date) {
                asker.party = Some(party);
                asker.party_on = Some(date);
                if from_file_name {
                    asker.name = Some(crate::text::capitalize_first(&family));
                }
            }
        }
        for asker in &q.askers {
            if let Some(p) = &asker.party {
                if !q.parties.iter().any(|known| known == p) {
                    q.parties.push(crate::id::Id::from(p));
                }
            }
        }
    }
    out.diagnostics.extend(notes);
    for (file, name, date, outcome) in looked_up {
        let (severity, message) = match outcome {
            Ok((party, family, cut)) => (
                Severity::Info,
                format!(
                    "Kamerlid {family}: partij {party} volgens data/members.csv op {}{}",
                    date.map_or_else(String::new, |d| d.to_string()),
                    if cut {
                        format!(" (de bestandsnaam breekt de naam af: {name})")
                    } else {
                        String::new()
                    }
                ),
            ),
            Err(why) => (
                Severity::Warning,
                format!("Kamerlid {name}: {why}; partij blijft onbekend"),
            ),
        };
        out.diagnostics
            .push(Diagnostic::new(&file, None, severity, message));
    }
}

/// What the registry says of a member named on a day: the party of the one member of that name
/// seated then, and every party that member sat for in the months around it.
struct Registered {
    party: String,
    around: Vec<String>,
}

/// How long before the day asked a party the member left still counts as theirs: a question
/// drafted before a change of faction may print the old one.
const FACTION_CHANGE_DAYS: i64 = 90;

/// Puts the registry's party in place of a printed one that it contradicts on `date`, the day
/// asked: "Teunissen (PvdA)" printed for a member who sat for the Partij voor de Dieren then is a
/// misprint. Only where exactly one member of that name sat that day, for a faction the party
/// registry knows, and the printed party is none the member sat for in the 90 days before; the
/// printed party stays in `party_as_printed`, and in the question's parties the registry's takes
/// the printed one's place where no other asker has that. Returns (name, printed, party) per
/// asker corrected.
fn correct_printed_parties(
    q: &mut Question,
    date: Date,
    members: &Members,
    registry: &Registry,
    seated_party: &mut FastMap<(String, Date), Option<Registered>>,
) -> Vec<(String, String, String)> {
    let mut corrected = Vec::new();
    for i in 0..q.askers.len() {
        let asker = &q.askers[i];
        let (Some(name), Some(party)) = (&asker.name, &asker.party) else {
            continue;
        };
        if asker.party_as_printed.is_empty() {
            continue;
        }
        let registered = seated_party
            .entry((name.clone(), date))
            .or_insert_with(|| registered(members, registry, name, date));
        let Some(registered) = registered
            .as_ref()
            .filter(|r| !r.around.iter().any(|p| p == party))
        else {
            continue;
        };
        let (old, new) = (party.clone(), registered.party.clone());
        corrected.push((name.clone(), asker.party_as_printed.clone(), new.clone()));
        let asker = &mut q.askers[i];
        asker.party = Some(new.clone());
        asker.party_on = Some(date);
        let old_kept = q
            .askers
            .iter()
            .any(|a| a.party.as_deref() == Some(old.as_str()));
        let new_listed = q.parties.iter().any(|p| *p == new);
        match q.parties.iter().position(|p| *p == old) {
            Some(at) if !old_kept && !new_listed => q.parties[at] = Id::from(new.as_str()),
            Some(at) if !old_kept => {
                q.parties.remove(at);
            }
            _ if !new_listed => q.parties.push(Id::from(new.as_str())),
            _ => {}
        }
    }
    corrected
}

/// The registry's word on `name` on `date` ([`Registered`]), if one member of that name sat then
/// for a faction the party registry knows.
fn registered(
    members: &Members,
    registry: &Registry,
    name: &str,
    date: Date,
) -> Option<Registered> {
    let MemberParty::Found(seat) = members.party_on(name, date) else {
        return None;
    };
    let party = registry.resolve_party(&seat.faction)?.name.clone();
    let from = date.add_days(-FACTION_CHANGE_DAYS).unwrap_or(date);
    let around = members
        .factions_between(&seat.person, from, date)
        .into_iter()
        .filter_map(|f| registry.resolve_party(f).map(|p| p.name.clone()))
        .collect();
    Some(Registered { party, around })
}

/// The party name for a member's faction on `date`, or why there is none:
/// `Ok((party, family name, whether the name was read as cut off))`. `cut_off`: the name ends a
/// file name, whose last word may be cut off; it is read as whole first.
fn look_up(
    members: &Members,
    registry: &Registry,
    name: &str,
    date: Option<Date>,
    cut_off: bool,
) -> Result<Found, String> {
    let Some(date) = date else {
        return Err("de vraag heeft geen datum waarop de partij kan worden opgezocht".to_string());
    };
    let mut found = members.party_on(name, date);
    let cut = cut_off && found == MemberParty::Unknown;
    if cut {
        found = members.party_on_cut_off(name, date);
    }
    match found {
        MemberParty::Found(seat) => match registry.resolve_party(&seat.faction) {
            Some(party) => Ok((party.name.clone(), seat.family, cut)),
            None => Err(format!(
                "had op {date} zitting voor de fractie {}, die niet in data/parties.toml staat",
                seat.faction
            )),
        },
        MemberParty::Ambiguous(who) => Err(format!(
            "op {date} hadden {} Kamerleden met die naam zitting: {}",
            who.len(),
            who.join(", ")
        )),
        MemberParty::NotSeated => Err(format!("op {date} had geen Kamerlid met die naam zitting")),
        MemberParty::Unknown => Err("geen Kamerlid met die naam in data/members.csv".to_string()),
    }
    .map_err(|why| {
        if cut {
            format!("{why} (de naam gelezen als afgebroken in de bestandsnaam)")
        } else {
            why
        }
    })
}

/// The askers a file name names, as [`names_in_file_name`] reads them.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FileNameAskers {
    /// Lowercase names, as the file name writes them (`van nispen`).
    pub names: Vec<String>,
    /// The file name was cut off inside "en": more askers followed.
    pub more_cut_off: bool,
    /// The last name runs to the end of a file name written as a slug (no spaces), so its last
    /// word may be cut off (`…-van-het-lid-van-nispe.docx`, the title cut at a fixed length).
    pub last_may_be_cut: bool,
}

/// Member names from a file name as published: `…vragen-van-het-lid-nordkamp-over-…`,
/// `…van-de-leden-hirsch-en-…`, `…van-lid-thijssen-over…`. A name is read up to "over", "en",
/// "aan", "inzake" or the end; a file name cut off inside "over" or "en" ("-grinwis-o", "-hirsch-e")
/// ends the name there, and is reported as cut off when that was inside "en" (more askers
/// followed); a name that runs to the end may itself be cut off. No names when the file name does
/// not name its askers.
pub fn names_in_file_name(file: &str) -> FileNameAskers {
    let stem = file
        .rsplit_once('.')
        .map_or(file, |(s, _)| s)
        .to_lowercase();
    // A bracketed party ("van-nispen-(sp)") is no part of a name.
    let words: Vec<&str> = stem
        .split(['-', '_', ' '])
        .filter(|w| !w.is_empty() && !w.starts_with('(') && !w.ends_with(')'))
        .collect();
    // The first "van (het|de)? lid|leden" anywhere in the name.
    let Some(rest) = (0..words.len()).find_map(|i| match &words[i..] {
        ["van", "het" | "de", "lid" | "leden", ..] => Some(&words[i + 2..]),
        ["van", "lid" | "leden", ..] => Some(&words[i + 1..]),
        _ => None,
    }) else {
        return FileNameAskers::default();
    };
    let mut found = FileNameAskers {
        last_may_be_cut: !stem.contains(' '),
        ..FileNameAskers::default()
    };
    let mut current: Vec<&str> = Vec::new();
    let at_end = |i: usize| {
        rest[i + 1..]
            .iter()
            .all(|w| matches!(*w, "pdf" | "docx" | "txt"))
    };
    for (i, w) in rest.iter().enumerate().skip(1) {
        let cut_off = at_end(i) && ("over".starts_with(w) || "en".starts_with(w));
        if matches!(*w, "pdf" | "docx" | "txt") && at_end(i) {
            break;
        }
        if matches!(*w, "over" | "aan" | "inzake" | "pdf" | "docx" | "txt") || cut_off {
            found.more_cut_off = cut_off && "en".starts_with(w);
            found.last_may_be_cut = false;
            break;
        }
        if *w == "en" {
            found.names.push(current.join(" "));
            current.clear();
            continue;
        }
        current.push(w);
    }
    found.names.push(current.join(" "));
    found.names.retain(|n| !n.is_empty());
    found.last_may_be_cut &= !found.names.is_empty();
    found
}
