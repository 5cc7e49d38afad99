//! The member registry (data/members.csv): who sat in the Tweede Kamer for which faction when, and the party of a member named without one, on a given date.

use crate::date::Date;
use crate::fold::fold;

const MEMBERS_CSV: &str = include_str!("../../../data/members.csv");

/// One seat: a member in one faction from one date to another.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seat {
    /// Family name with its tussenvoegsel, e.g. `van Nispen`.
    pub family: String,
    pub initials: String,
    pub given: String,
    /// Faction as the Tweede Kamer writes it (`GL`, `PvdA`, `GroenLinks-PvdA`, `Nieuw Sociaal Contract`).
    pub faction: String,
    pub from: Date,
    /// Last day, inclusive; `None` while the seat lasts.
    pub to: Option<Date>,
    /// The person (the Tweede Kamer's Persoon id): one person can hold several seats.
    pub person: String,
}

/// What the registry says about a member's party on a date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MemberParty {
    /// One member of that name sat on that date, for this faction.
    Found(Seat),
    /// Several members of that name sat on that date (their full names): not guessed.
    Ambiguous(Vec<String>),
    /// Members of that name are known, but none sat on that date.
    NotSeated,
    /// No member of that name is known.
    Unknown,
}

/// The seats of the registry.
#[derive(Debug, Clone, Default)]
pub struct Members {
    seats: Vec<Seat>,
    /// Each seat's family name as folded words, read once.
    family_words: Vec<Vec<String>>,
}

impl Members {
    /// The registry compiled into the crate, or why it cannot be read (then the parser reports
    /// it and goes on without: every member printed without a party keeps an unknown party).
    pub fn builtin() -> Result<Members, String> {
        Members::from_csv(MEMBERS_CSV)
    }

    /// Reads `family,initials,given,faction,from,to,tk_persoon_id` rows after a header line.
    pub fn from_csv(csv: &str) -> Result<Members, String> {
        let mut seats = Vec::new();
        for (i, line) in csv.lines().enumerate().skip(1) {
            if line.trim().is_empty() {
                continue;
            }
            let f: Vec<&str> = line.split(',').collect();
            let bad = |what: &str| format!("members.csv:{}: {what}: {line}", i + 1);
            let [family, initials, given, faction, from, to, person] = f[..] else {
                return Err(bad("7 velden verwacht"));
            };
            let from = Date::parse_iso(from).ok_or_else(|| bad("geen geldige begindatum"))?;
            let to = match to {
                "" => None,
                t => Some(Date::parse_iso(t).ok_or_else(|| bad("ongeldige einddatum"))?),
            };
            seats.push(Seat {
                family: family.to_string(),
                initials: initials.to_string(),
                given: given.to_string(),
                faction: faction.to_string(),
                from,
                to,
                person: person.to_string(),
            });
        }
        let family_words = seats.iter().map(|s| words(&s.family)).collect();
        Ok(Members {
            seats,
            family_words,
        })
    }

    pub fn seats(&self) -> &[Seat] {
        &self.seats
    }

    /// The factions `person` sat for on any day from `from` to `to`, in the registry's order.
    pub fn factions_between(&self, person: &str, from: Date, to: Date) -> Vec<&str> {
        self.seats
            .iter()
            .filter(|s| s.person == person && s.from <= to && s.to.is_none_or(|t| from <= t))
            .map(|s| s.faction.as_str())
            .collect()
    }

    /// The faction of the member printed as `name` ("Van Nispen", "Inge van Dijk", "J. Thijssen")
    /// on `date`. The name must end with the family name; a first name or initials before it
    /// narrow the choice. Two people of that name in the Kamer on that date are not guessed.
    pub fn party_on(&self, name: &str, date: Date) -> MemberParty {
        self.party_of(name, date, LastWord::Whole)
    }

    /// As [`Members::party_on`], for a name whose last word may be cut off: a file name cut at a
    /// fixed length ("…van-het-lid-van-nispe.docx" for Van Nispen). The cut word must begin the
    /// family name's last word and keep three letters, and not be a tussenvoegsel ("van"), which
    /// begins too many names to say whose.
    pub fn party_on_cut_off(&self, name: &str, date: Date) -> MemberParty {
        self.party_of(name, date, LastWord::CutOff)
    }

    fn party_of(&self, name: &str, date: Date, last: LastWord) -> MemberParty {
        let wanted = words(name);
        if last == LastWord::CutOff
            && wanted
                .last()
                .is_none_or(|w| w.chars().count() < 3 || TUSSENVOEGSELS.contains(&w.as_str()))
        {
            return MemberParty::Unknown;
        }
        let named: Vec<&Seat> = self
            .seats
            .iter()
            .zip(&self.family_words)
            .filter(|(s, family)| {
                let Some(start) = wanted.len().checked_sub(family.len()) else {
                    return false;
                };
                let fits = match last {
                    LastWord::Whole => wanted[start..] == family[..],
                    LastWord::CutOff => family.split_last().is_some_and(|(_, whole)| {
                        let n = whole.len();
                        wanted[start..start + n] == whole[..]
                            && family[n].starts_with(wanted[start + n].as_str())
                    }),
                };
                fits && fits_first_names(&wanted[..start], s)
            })
            .map(|(s, _)| s)
            .collect();
        if named.is_empty() {
            return MemberParty::Unknown;
        }
        let mut seated: Vec<&Seat> = named
            .into_iter()
            .filter(|s| s.from <= date && s.to.is_none_or(|t| date <= t))
            .collect();
        // A person whose seat changes faction that day: the seat that begins that day.
        seated.sort_by(|a, b| a.person.cmp(&b.person).then(b.from.cmp(&a.from)));
        seated.dedup_by(|a, b| a.person == b.person);
        match seated.as_slice() {
            [] => MemberParty::NotSeated,
            [one] => MemberParty::Found((*one).clone()),
            many => MemberParty::Ambiguous(
                many.iter()
                    .map(|s| format!("{} {} ({})", s.given, s.family, s.faction))
                    .collect(),
            ),
        }
    }
}

/// Whether a name's last word is whole, or may be cut off after its first letters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LastWord {
    Whole,
    CutOff,
}

/// Words that begin Dutch family names ("van Nispen", "de Vries", "ter Laan"), folded.
pub(crate) const TUSSENVOEGSELS: [&str; 8] = ["van", "de", "der", "den", "ter", "ten", "het", "in"];

/// Folded words of a name, letters only (`Yeşilgöz-Zegerius` → `yesilgoz`, `zegerius`).
fn words(name: &str) -> Vec<String> {
    fold(name)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// True when the words before the family name (none, a first name, or initials) fit the seat.
fn fits_first_names(before: &[String], seat: &Seat) -> bool {
    match before {
        [] => true,
        [given] if given.len() > 1 => words(&seat.given).first() == Some(given),
        letters => {
            let initials = words(&seat.initials);
            letters.iter().all(|l| l.len() == 1) && initials.starts_with(letters)
        }
    }
}
