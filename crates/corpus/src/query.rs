//! The explorer's state as a URL query string (`?partij=Volt&partij=PvdD&q=…`), read leniently and written canonically.

use crate::date::Date;
use crate::deadline::Term;
use crate::model::{Chamber, Corpus, DocumentKind, Party};
use crate::search::tokenize::fold_word;

/// Longest search text kept from a URL, in characters.
pub const MAX_SEARCH_CHARS: usize = 200;

/// The party facet's value for questions whose documents name no party (`partij=onbekend`):
/// they stay findable by party filter instead of dropping out of every party's count.
pub const UNKNOWN_PARTY: &str = "onbekend";
/// How [`UNKNOWN_PARTY`] reads in the interface.
pub const UNKNOWN_PARTY_LABEL: &str = "Partij onbekend";
/// The ministry facet's value for questions whose documents name no ministry (`ministerie=onbekend`).
pub const UNKNOWN_MINISTRY: &str = "onbekend";
/// Longest value echoed back in a notice, in characters.
const MAX_ECHO_CHARS: usize = 40;

/// Everything the explorer shows, as selected by the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    /// Canonical party names (`partij=`), in the order given, without duplicates.
    pub parties: Vec<String>,
    /// Theme ids (`thema=`).
    pub themes: Vec<String>,
    /// First day asked, inclusive (`van=`).
    pub from: Option<Date>,
    /// Last day asked, inclusive (`tot=`).
    pub to: Option<Date>,
    /// Search text as typed (`q=`).
    pub text: String,
    pub kinds: Vec<DocumentKind>,
    pub chambers: Vec<Chamber>,
    /// `beantwoord=ja|nee`; `None` shows both.
    pub answered: Option<bool>,
    /// `bron=eigen|gepubliceerd`: documents added on this device, or the published ones; `None` both.
    pub own: Option<bool>,
    /// Ministry ids (`ministerie=`).
    pub ministries: Vec<String>,
    /// Where questions stand against their answer term (`termijn=verlopen|binnen|onbekend`).
    pub terms: Vec<Term>,
    /// `datum=onbekend`: questions without a date; with a date range, they are shown as well.
    pub undated: bool,
    pub sort: Sort,
    /// 1-based page number (`pagina=`).
    pub page: u32,
}

impl Default for Query {
    fn default() -> Self {
        Query {
            parties: Vec::new(),
            themes: Vec::new(),
            from: None,
            to: None,
            text: String::new(),
            kinds: Vec::new(),
            chambers: Vec::new(),
            answered: None,
            own: None,
            ministries: Vec::new(),
            terms: Vec::new(),
            undated: false,
            sort: Sort::Relevance,
            page: 1,
        }
    }
}

/// Result order. Relevance needs a search text; without one it orders like `Newest`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Sort {
    #[default]
    Relevance,
    Newest,
    Oldest,
    /// Longest wait first: days open until today, or days the answer took.
    Waiting,
}

impl Sort {
    pub const ALL: [Sort; 4] = [Sort::Relevance, Sort::Newest, Sort::Oldest, Sort::Waiting];

    /// The URL value (`sorteer=`).
    pub fn slug(self) -> &'static str {
        match self {
            Sort::Relevance => "relevantie",
            Sort::Newest => "nieuwste",
            Sort::Oldest => "oudste",
            Sort::Waiting => "wachttijd",
        }
    }

    /// Dutch label for the interface.
    pub fn label(self) -> &'static str {
        match self {
            Sort::Relevance => "Relevantie",
            Sort::Newest => "Nieuwste eerst",
            Sort::Oldest => "Oudste eerst",
            Sort::Waiting => "Langst wachtend eerst",
        }
    }

    pub fn from_slug(s: &str) -> Option<Sort> {
        Sort::ALL.into_iter().find(|x| x.slug() == s)
    }
}

/// Something in the URL that was ignored, explained politely in Dutch (plain text, no markup).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    /// The parameter name as given (sanitised).
    pub param: String,
    /// The ignored value, sanitised and shortened.
    pub value: String,
    pub message: String,
}

/// Reads a query string (with or without the leading `?`). Never fails: whatever cannot be used
/// is left out and explained in a [`Notice`].
pub fn parse_query_string(qs: &str, corpus: &Corpus) -> (Query, Vec<Notice>) {
    let mut query = Query::default();
    let mut notices = Vec::new();
    let mut seen_single: Vec<&'static str> = Vec::new();
    let (mut from, mut to) = (None, None);
    let qs = qs.strip_prefix('?').unwrap_or(qs);
    let qs = qs.split('#').next().unwrap_or("");
    for pair in qs.split('&').filter(|p| !p.is_empty()) {
        let (raw_key, raw_value) = pair.split_once('=').unwrap_or((pair, ""));
        let key = percent_decode(raw_key).trim().to_ascii_lowercase();
        let value = percent_decode(raw_value);
        let mut notice = |message: String| {
            notices.push(Notice {
                param: sanitize(&key),
                value: sanitize(&value),
                message,
            })
        };
        let Some(param) = PARAMS.iter().copied().find(|p| *p == key) else {
            if !key.is_empty() {
                notice(format!(
                    "De parameter „{}” is onbekend en wordt genegeerd.",
                    sanitize(&key)
                ));
            }
            continue;
        };
        if looks_like_script(&value) || looks_like_script(&key) {
            notice(format!(
                "De waarde van „{param}” bevat code of opmaak en wordt genegeerd."
            ));
            continue;
        }
        if value.trim().is_empty() && param != "q" {
            continue;
        }
        if SINGLE_PARAMS.contains(&param) {
            if seen_single.contains(&param) {
                notice(format!(
                    "„{param}” komt meer dan eens voor; alleen de eerste waarde wordt gebruikt."
                ));
                continue;
            }
            seen_single.push(param);
        }
        let shown = sanitize(&value);
        let trimmed = value.trim();
        match param {
            "partij" => match resolve_party(&corpus.parties, trimmed) {
                Some(name) => push_unique(&mut query.parties, name),
                None if party_key(trimmed) == UNKNOWN_PARTY => {
                    push_unique(&mut query.parties, UNKNOWN_PARTY.to_string())
                }
                None => notice(format!("De partij „{shown}” is onbekend en wordt genegeerd.")),
            },
            "thema" => match corpus.themes.iter().find(|t| t.id.eq_ignore_ascii_case(trimmed)) {
                Some(theme) => push_unique(&mut query.themes, theme.id.clone()),
                None => notice(format!("Het thema „{shown}” bestaat niet en wordt genegeerd.")),
            },
            "soort" => match DocumentKind::from_slug(&trimmed.to_ascii_lowercase()) {
                Some(kind) => push_unique(&mut query.kinds, kind),
                None => notice(format!("De documentsoort „{shown}” is onbekend en wordt genegeerd.")),
            },
            "kamer" => match Chamber::from_slug(&trimmed.to_ascii_lowercase()) {
                Some(chamber) => push_unique(&mut query.chambers, chamber),
                None => notice(format!("De Kamer „{shown}” is onbekend en wordt genegeerd.")),
            },
            "van" | "tot" => match Date::parse_iso(trimmed) {
                Some(date) if param == "van" => from = Some(date),
                Some(date) => to = Some(date),
                None => notice(format!("„{shown}” is geen bestaande datum (JJJJ-MM-DD) en wordt genegeerd.")),
            },
            "q" => {
                if value.chars().count() > MAX_SEARCH_CHARS {
                    notice(format!("De zoektekst is ingekort tot {MAX_SEARCH_CHARS} tekens."));
                    query.text = value.chars().take(MAX_SEARCH_CHARS).collect();
                } else {
                    query.text = value.clone();
                }
            }
            "ministerie" => match corpus.ministries.iter().find(|m| {
                m.id.eq_ignore_ascii_case(trimmed) || m.abbreviation.eq_ignore_ascii_case(trimmed)
            }) {
                Some(m) => push_unique(&mut query.ministries, m.id.clone()),
                None if trimmed.eq_ignore_ascii_case(UNKNOWN_MINISTRY) => {
                    push_unique(&mut query.ministries, UNKNOWN_MINISTRY.to_string())
                }
                None => notice(format!("Het ministerie „{shown}” is onbekend en wordt genegeerd.")),
            },
            "termijn" => match Term::from_slug(&trimmed.to_ascii_lowercase()) {
                Some(term) => push_unique(&mut query.terms, term),
                None => notice(format!("„{shown}” is geen geldige keuze voor termijn (verlopen, binnen of onbekend) en wordt genegeerd.")),
            },
            "datum" => match trimmed.to_ascii_lowercase().as_str() {
                "onbekend" => query.undated = true,
                _ => notice(format!("„{shown}” is geen geldige keuze voor datum (onbekend) en wordt genegeerd.")),
            },
            "beantwoord" => match trimmed.to_ascii_lowercase().as_str() {
                "ja" => query.answered = Some(true),
                "nee" => query.answered = Some(false),
                _ => notice(format!("„{shown}” is geen geldige keuze voor beantwoord (ja of nee) en wordt genegeerd.")),
            },
            "bron" => match trimmed.to_ascii_lowercase().as_str() {
                "eigen" => query.own = Some(true),
                "gepubliceerd" => query.own = Some(false),
                _ => notice(format!("„{shown}” is geen geldige keuze voor bron (eigen of gepubliceerd) en wordt genegeerd.")),
            },
            "sorteer" => match Sort::from_slug(&trimmed.to_ascii_lowercase()) {
                Some(sort) => query.sort = sort,
                None => notice(format!(
                    "De sortering „{shown}” is onbekend; kies relevantie, nieuwste, oudste of wachttijd. Er wordt op relevantie gesorteerd."
                )),
            },
            _ => match trimmed.parse::<u32>() {
                Ok(page) if page >= 1 => query.page = page,
                _ => notice(format!("„{shown}” is geen geldig paginanummer; pagina 1 wordt getoond.")),
            },
        }
    }
    match (from, to) {
        (Some(f), Some(t)) if f > t => notices.push(Notice {
            param: "van".to_string(),
            value: format!("{f} – {t}"),
            message: format!(
                "De begindatum {f} ligt na de einddatum {t}; het datumbereik wordt genegeerd."
            ),
        }),
        _ => (query.from, query.to) = (from, to),
    }
    (query, notices)
}

/// Writes the canonical query string (without `?`; empty for the default query). Parties are
/// written as their abbreviation, defaults (relevance, page 1) are left out.
pub fn to_query_string(query: &Query, corpus: &Corpus) -> String {
    let mut pairs: Vec<(&str, String)> = Vec::new();
    if !query.text.is_empty() {
        pairs.push(("q", query.text.clone()));
    }
    for name in &query.parties {
        let abbreviation = corpus
            .parties
            .iter()
            .find(|p| &p.name == name)
            .map_or(name.as_str(), |p| p.abbreviation.as_str());
        pairs.push(("partij", abbreviation.to_string()));
    }
    pairs.extend(query.themes.iter().map(|t| ("thema", t.clone())));
    if let Some(from) = query.from {
        pairs.push(("van", from.to_string()));
    }
    if let Some(to) = query.to {
        pairs.push(("tot", to.to_string()));
    }
    if query.undated {
        pairs.push(("datum", "onbekend".to_string()));
    }
    pairs.extend(query.kinds.iter().map(|k| ("soort", k.slug().to_string())));
    pairs.extend(
        query
            .chambers
            .iter()
            .map(|c| ("kamer", c.slug().to_string())),
    );
    if let Some(answered) = query.answered {
        pairs.push((
            "beantwoord",
            if answered { "ja" } else { "nee" }.to_string(),
        ));
    }
    if let Some(own) = query.own {
        pairs.push(("bron", own_slug(own).to_string()));
    }
    pairs.extend(query.ministries.iter().map(|m| ("ministerie", m.clone())));
    pairs.extend(
        query
            .terms
            .iter()
            .map(|t| ("termijn", t.slug().to_string())),
    );
    if query.sort != Sort::Relevance {
        pairs.push(("sorteer", query.sort.slug().to_string()));
    }
    if query.page > 1 {
        pairs.push(("pagina", query.page.to_string()));
    }
    pairs
        .iter()
        .map(|(k, v)| format!("{k}={}", percent_encode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

/// The `bron=` value: `eigen` for documents added on this device, else `gepubliceerd`.
pub fn own_slug(own: bool) -> &'static str {
    if own {
        "eigen"
    } else {
        "gepubliceerd"
    }
}

const PARAMS: [&str; 14] = [
    "bron",
    "ministerie",
    "termijn",
    "datum",
    "partij",
    "thema",
    "van",
    "tot",
    "q",
    "soort",
    "kamer",
    "beantwoord",
    "sorteer",
    "pagina",
];
const SINGLE_PARAMS: [&str; 8] = [
    "bron",
    "van",
    "tot",
    "q",
    "beantwoord",
    "sorteer",
    "pagina",
    "datum",
];

fn push_unique<T: PartialEq>(list: &mut Vec<T>, item: T) {
    if !list.contains(&item) {
        list.push(item);
    }
}

/// The canonical name of a party given by name, abbreviation or alias; case, dashes, spaces and
/// diacritics do not matter. Names win over abbreviations, abbreviations over aliases.
pub fn resolve_party(parties: &[Party], given: &str) -> Option<String> {
    let key = party_key(given);
    if key.is_empty() {
        return None;
    }
    let by =
        |pick: &dyn Fn(&Party) -> bool| parties.iter().find(|p| pick(p)).map(|p| p.name.clone());
    by(&|p| party_key(&p.name) == key)
        .or_else(|| by(&|p| party_key(&p.abbreviation) == key))
        .or_else(|| by(&|p| p.aliases.iter().any(|a| party_key(a) == key)))
}

fn party_key(s: &str) -> String {
    fold_word(
        &s.chars()
            .filter(|c| c.is_alphanumeric())
            .collect::<String>(),
    )
}

/// True for values that carry markup or a script URL, e.g. `<script>` or `javascript:`.
fn looks_like_script(value: &str) -> bool {
    if value.contains(['<', '>']) {
        return true;
    }
    let squeezed: String = value
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .map(crate::lowercase::lowercase)
        .collect();
    [
        "javascript:",
        "vbscript:",
        "data:text/html",
        "onerror=",
        "onload=",
    ]
    .iter()
    .any(|s| squeezed.contains(s))
}

/// A value safe and short enough to show back: no control characters or markup characters, at
/// most [`MAX_ECHO_CHARS`] characters.
fn sanitize(value: &str) -> String {
    let clean: String = value
        .chars()
        .filter(|c| !c.is_control() && !matches!(c, '<' | '>' | '"' | '\'' | '&' | '`' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'))
        .collect();
    let clean = clean.trim();
    if clean.chars().count() > MAX_ECHO_CHARS {
        format!(
            "{}…",
            clean.chars().take(MAX_ECHO_CHARS).collect::<String>()
        )
    } else {
        clean.to_string()
    }
}

/// Decodes `%XX` escapes and `+` (space); malformed escapes stay as they are, invalid UTF-8
/// becomes U+FFFD.
// Own code (with percent_encode): percent-encoding 2.3.2 (percent_decode_str, utf8_percent_encode
// with an AsciiSet) adds 335 B brotli to the app shell (wasm 193,425 -> 193,760 B brotli, +1.3 kB
// raw; measured 2026-12-03), which is over the 200 kB budget.
pub fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => match (
                bytes.get(i + 1).and_then(|&b| hex(b)),
                bytes.get(i + 2).and_then(|&b| hex(b)),
            ) {
                (Some(high), Some(low)) => {
                    out.push(high * 16 + low);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(b: u8) -> Option<u8> {
    (b as char).to_digit(16).map(|d| d as u8)
}

/// Encodes everything except `A–Z a–z 0–9 - _ . ~`; a space becomes `+`.
pub fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}
